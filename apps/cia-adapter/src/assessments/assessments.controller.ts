import {
  AdapterErrorFilter,
  AnswersWithVerdict,
  RETRY_AFTER_HEADER_DOC,
  ADAPTER_SCOPES,
  RequireScopes,
} from '@icb/agency-adapter';
import { Body, Controller, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AssessmentSharedDto, ShareAssessmentBodyDto } from './assessment.dto';
import { AssessmentsService } from './assessments.service';

/** CIA shares its assessments on consultations; the content goes only to permitted agencies. */
@ApiTags('assessments')
@UseFilters(AdapterErrorFilter)
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @RequireScopes(ADAPTER_SCOPES.intelRelease)
  @ApiOperation({
    summary:
      'Share an assessment: announced to the coordinator without content, released with content to each recipient',
    description:
      'The releases are published before the verdict on the announcement is known: a refused ' +
      'announcement (409/422) leaves the content with its recipients, as it was released.',
  })
  @AnswersWithVerdict(AssessmentSharedDto, { created: true })
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation at the coordinator.' })
  @ApiServiceUnavailableResponse({
    description: 'The coordinator or the bus cannot be reached.',
    headers: RETRY_AFTER_HEADER_DOC,
  })
  share(@Body() body: ShareAssessmentBodyDto): Promise<AssessmentSharedDto> {
    return this.assessments.share(body);
  }
}
