import { AdapterErrorFilter, RETRY_AFTER_HEADER_DOC } from '@icb/agency-adapter';
import { Body, Controller, HttpCode, HttpStatus, Post, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Share an assessment: announced to the coordinator without content, released with content to each recipient',
  })
  @ApiAcceptedResponse({ type: AssessmentSharedDto, description: 'Published on the bus.' })
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
