import {
  AdapterErrorFilter,
  AnswersWithVerdict,
  RETRY_AFTER_HEADER_DOC,
  ADAPTER_SCOPES,
  RequireScopes,
} from '@icb/agency-adapter';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
  @RequireScopes(ADAPTER_SCOPES.escalationsRead)
  @ApiOperation({ summary: 'Open escalations (consultations with status escalated)' })
  @ApiOkResponse({ type: OpenEscalationListDto })
  open(): Promise<OpenEscalationListDto> {
    return this.escalations.open();
  }

  @Post(':consultationId/decision')
  @RequireScopes(ADAPTER_SCOPES.escalationsDecide)
  @ApiOperation({
    summary: 'Record the chair’s decision at the current level (escalation.decided)',
    description:
      'A 409 without `verdict` (`NOT_ESCALATED`) is NSC’s own check: the consultation is not escalated.',
  })
  @ApiParam({ name: 'consultationId', description: 'Consultation id (UUID).', format: 'uuid' })
  @AnswersWithVerdict(DecisionAcceptedDto)
  @ApiBadRequestResponse({ description: '`message` lists each problem.' })
  @ApiNotFoundResponse({ description: 'No such consultation.' })
  decide(
    @Param('consultationId', ID) id: string,
    @Body() body: EscalationDecisionBodyDto,
  ): Promise<DecisionAcceptedDto> {
    return this.escalations.decide(id, body);
  }
}
