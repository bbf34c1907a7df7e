import { AdapterErrorFilter, RETRY_AFTER_HEADER_DOC } from '@icb/agency-adapter';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  DecisionAcceptedDto,
  EscalationDecisionBodyDto,
  OpenEscalationListDto,
} from './escalation.dto';
import { EscalationsService } from './escalations.service';

const ID = new ParseUUIDPipe({ version: undefined });

/** The escalation levels NSC chairs, and their decisions. */
@ApiTags('escalations')
@ApiServiceUnavailableResponse({
  description: 'The coordinator or the bus cannot be reached.',
  headers: RETRY_AFTER_HEADER_DOC,
})
@UseFilters(AdapterErrorFilter)
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @ApiOperation({ summary: 'Open escalations (consultations with status escalated)' })
  @ApiOkResponse({ type: OpenEscalationListDto })
  open(): Promise<OpenEscalationListDto> {
    return this.escalations.open();
  }

  @Post(':consultationId/decision')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Record the chair’s decision at the current level (escalation.decided)',
  })
  @ApiParam({ name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' })
  @ApiAcceptedResponse({ type: DecisionAcceptedDto, description: 'Published on the bus.' })
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation.' })
  @ApiConflictResponse({ description: 'The consultation is not escalated.' })
  decide(
    @Param('consultationId', ID) id: string,
    @Body() body: EscalationDecisionBodyDto,
  ): Promise<DecisionAcceptedDto> {
    return this.escalations.decide(id, body);
  }
}
