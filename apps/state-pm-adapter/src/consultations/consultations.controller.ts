import { Body, Controller, Delete, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { REFERENCE_ID_PATTERN } from '@icb/contracts';
import {
  AdapterErrorFilter,
  AnswersWithVerdict,
  InvalidReviewRequestError,
  RETRY_AFTER_HEADER_DOC,
  ReviewNotFoundError,
  ADAPTER_SCOPES,
  RequireScopes,
} from '@icb/agency-adapter';
import { AcceptedDto } from '../published.dto';
import { StatePmPublisher } from '../state-pm.publisher';
import {
  AmendmentBodyDto,
  ClearingPartiesBodyDto,
  ConditionRemovalRequestBodyDto,
  CongressHoldBodyDto,
  CongressHoldLiftBodyDto,
  DisapprovalBodyDto,
  EmergencyWaiverBodyDto,
  FormalNoticeBodyDto,
  InformalNoticeBodyDto,
  ProceedBodyDto,
  WithdrawalBodyDto,
} from './consultation-actions.dto';

/** The rule State/PM invokes to present a matter without a delaying office's concurrence. */
export const PROCEED_RULE = '2 FAM 1211';

const ID = new ParseUUIDPipe({ version: undefined });
const ID_PARAM = { name: 'id', description: 'Consultation id (UUID).', format: 'uuid' };
const BAD = '`message` lists each problem.';
const MISSING = 'No such consultation (or, for a condition, no such condition on it).';

function now(): string {
  return new Date().toISOString();
}

/**
 * What the action office does with a consultation it opened (published as
 * state-pm), each answered with the coordinator's verdict (ADR 11).
 */
@ApiTags('consultations')
@ApiParam(ID_PARAM)
@ApiBadRequestResponse({ description: BAD })
@ApiNotFoundResponse({ description: MISSING })
@ApiServiceUnavailableResponse({
  description: 'The coordinator or the bus cannot be reached.',
  headers: RETRY_AFTER_HEADER_DOC,
})
@UseFilters(AdapterErrorFilter)
@Controller('consultations/:id')
export class ConsultationsController {
  constructor(private readonly bus: StatePmPublisher) {}

  @Post('amendments')
  @RequireScopes(ADAPTER_SCOPES.consultationsManage)
  @ApiOperation({ summary: 'Amend: a new revision (the current one + 1), which re-opens review' })
  @AnswersWithVerdict(AcceptedDto)
  amend(@Param('id', ID) id: string, @Body() body: AmendmentBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'consultation.amended', (c) => ({
      consultationId: id,
      revision: c.revision + 1,
      changes: body.changes,
      reason: body.reason,
    }));
  }

  @Post('withdrawal')
  @RequireScopes(ADAPTER_SCOPES.consultationsManage)
  @ApiOperation({ summary: 'Withdraw the consultation' })
  @AnswersWithVerdict(AcceptedDto)
  withdraw(@Param('id', ID) id: string, @Body() body: WithdrawalBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'consultation.withdrawn', () => ({
      consultationId: id,
      reason: body.reason,
    }));
  }

  @Post('proceed')
  @RequireScopes(ADAPTER_SCOPES.consultationsManage)
  @ApiOperation({
    summary: `Present for decision without the delaying offices’ concurrence (${PROCEED_RULE})`,
  })
  @AnswersWithVerdict(AcceptedDto)
  proceed(@Param('id', ID) id: string, @Body() body: ProceedBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'consultation.proceeded-without-clearance', () => ({
      consultationId: id,
      delayingAgencies: body.delayingAgencies,
      rule: PROCEED_RULE,
      justification: body.justification,
    }));
  }

  @Post('clearing-parties')
  @RequireScopes(ADAPTER_SCOPES.consultationsManage)
  @ApiOperation({ summary: 'Add or remove clearing agencies (2 FAM 1211-1213)' })
  @AnswersWithVerdict(AcceptedDto)
  clearingParties(
    @Param('id', ID) id: string,
    @Body() body: ClearingPartiesBodyDto,
  ): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'clearance.parties-changed', () => ({
      consultationId: id,
      add: body.add,
      remove: body.remove,
      reason: body.reason,
    }));
  }

  @Post('conditions/:conditionId/removal-request')
  @RequireScopes(ADAPTER_SCOPES.consultationsManage)
  @ApiOperation({
    summary:
      'Ask the imposing agency to agree to drop one of its conditions (condition.removal-requested)',
    description:
      'The condition stays until the agency that imposed it answers (`condition.removal-answered`, ' +
      'on its adapter: `POST /reviews/{id}/conditions/{conditionId}/removal-answer`). The coordinator ' +
      'refuses a second request while one waits (`REMOVAL_ALREADY_REQUESTED`).',
  })
  @ApiParam({
    name: 'conditionId',
    description: 'The condition’s id, as its agency gave it.',
    schema: { type: 'string', pattern: REFERENCE_ID_PATTERN.source },
  })
  @AnswersWithVerdict(AcceptedDto)
  requestConditionRemoval(
    @Param('id', ID) id: string,
    @Param('conditionId') conditionId: string,
    @Body() body: ConditionRemovalRequestBodyDto,
  ): Promise<AcceptedDto> {
    if (!REFERENCE_ID_PATTERN.test(conditionId)) {
      throw new InvalidReviewRequestError(['conditionId must be a condition id']);
    }
    return this.bus.publishAbout(id, 'condition.removal-requested', (c) => {
      const condition = c.conditions.find((k) => k.id === conditionId);
      if (!condition) {
        throw new ReviewNotFoundError(`consultation ${id} has no condition ${conditionId}`);
      }
      return {
        consultationId: id,
        conditionId,
        imposingAgency: condition.agency,
        justification: body.justification,
      };
    });
  }

  // ---------------------------------------------------------------- congressional notification

  @Post('congress/informal-notice')
  @RequireScopes(ADAPTER_SCOPES.congressSteps)
  @ApiOperation({ summary: 'Informal (tiered review) notice to the committees, sent now' })
  @AnswersWithVerdict(AcceptedDto)
  informalNotice(
    @Param('id', ID) id: string,
    @Body() body: InformalNoticeBodyDto,
  ): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'congress.informal-notice-sent', () => ({
      consultationId: id,
      committees: body.committees,
      sentAt: now(),
    }));
  }

  @Post('congress/holds')
  @RequireScopes(ADAPTER_SCOPES.congressSteps)
  @ApiOperation({ summary: 'A committee member placed a hold' })
  @AnswersWithVerdict(AcceptedDto)
  placeHold(@Param('id', ID) id: string, @Body() body: CongressHoldBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'congress.hold-placed', () => ({
      consultationId: id,
      committee: body.committee,
      ...(body.member !== undefined && { member: body.member }),
      holdId: body.holdId,
      note: body.note,
    }));
  }

  @Delete('congress/holds/:holdId')
  @RequireScopes(ADAPTER_SCOPES.congressSteps)
  @ApiOperation({ summary: 'The hold was lifted' })
  @ApiParam({
    name: 'holdId',
    description: 'The hold id given when it was placed.',
    schema: { type: 'string', pattern: REFERENCE_ID_PATTERN.source },
  })
  @AnswersWithVerdict(AcceptedDto)
  liftHold(
    @Param('id', ID) id: string,
    @Param('holdId') holdId: string,
    @Body() body: CongressHoldLiftBodyDto,
  ): Promise<AcceptedDto> {
    if (!REFERENCE_ID_PATTERN.test(holdId)) {
      throw new InvalidReviewRequestError(['holdId must be a hold id']);
    }
    return this.bus.publishAbout(id, 'congress.hold-lifted', () => ({
      consultationId: id,
      committee: body.committee,
      ...(body.member !== undefined && { member: body.member }),
      holdId,
      note: body.note,
    }));
  }

  @Post('congress/formal-notice')
  @RequireScopes(ADAPTER_SCOPES.congressSteps)
  @ApiOperation({ summary: 'Formal notification, sent now: the review period starts' })
  @AnswersWithVerdict(AcceptedDto)
  formalNotice(
    @Param('id', ID) id: string,
    @Body() body: FormalNoticeBodyDto,
  ): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'congress.formal-notice-sent', () => ({
      consultationId: id,
      transmittalNumber: body.transmittalNumber,
      sentAt: now(),
      reviewDays: body.reviewDays,
    }));
  }

  @Post('congress/emergency-waiver')
  @RequireScopes(ADAPTER_SCOPES.congressSteps)
  @ApiOperation({ summary: 'The President certified an emergency (certified now): period waived' })
  @AnswersWithVerdict(AcceptedDto)
  emergencyWaiver(
    @Param('id', ID) id: string,
    @Body() body: EmergencyWaiverBodyDto,
  ): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'congress.emergency-waiver-certified', () => ({
      consultationId: id,
      justification: body.justification,
      certifiedAt: now(),
    }));
  }

  @Post('congress/disapproval')
  @RequireScopes(ADAPTER_SCOPES.congressSteps)
  @ApiOperation({
    summary: 'A joint resolution of disapproval was enacted (now): the sale is blocked',
  })
  @AnswersWithVerdict(AcceptedDto)
  disapproval(@Param('id', ID) id: string, @Body() body: DisapprovalBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'congress.disapproval-enacted', () => ({
      consultationId: id,
      resolution: body.resolution,
      enactedAt: now(),
    }));
  }
}
