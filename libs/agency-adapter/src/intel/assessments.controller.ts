import { Controller, Get, Param, ParseUUIDPipe, UseFilters } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '../auth/agency-caller';
import { ADAPTER_SCOPES } from '../auth/scopes';
import { AdapterErrorFilter } from '../reviews/reviews.filter';
import { ConsultationAssessmentsDto } from './assessments.dto';
import { AssessmentsService } from './assessments.service';

const ID = new ParseUUIDPipe({ version: undefined });

/** The intelligence assessments on a consultation, as this agency may see them. */
@ApiTags('reviews')
@ApiServiceUnavailableResponse({ description: 'The coordinator cannot be reached.' })
@UseFilters(AdapterErrorFilter)
@Controller('reviews')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get(':consultationId/assessments')
  @RequireScopes(ADAPTER_SCOPES.intelRead)
  @ApiOperation({
    summary:
      'Assessments released to this agency (with content), and the metadata of those that were not',
  })
  @ApiParam({ name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' })
  @ApiOkResponse({ type: ConsultationAssessmentsDto })
  @ApiNotFoundResponse({ description: 'No such consultation.' })
  list(@Param('consultationId', ID) id: string): Promise<ConsultationAssessmentsDto> {
    return this.assessments.forConsultation(id);
  }
}
