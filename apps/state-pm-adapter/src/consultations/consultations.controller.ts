import {
  Body,
  Controller,
  Delete,
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
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { REFERENCE_ID_PATTERN } from '@icb/contracts';
import {
  InvalidReviewRequestError,
  AdapterErrorFilter,
  RETRY_AFTER_HEADER_DOC,
} from '@icb/agency-adapter';
import { AcceptedDto } from '../published.dto';
import { StatePmPublisher } from '../state-pm.publisher';
import {
  AmendmentBodyDto,
  ClearingPartiesBodyDto,
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
const MISSING = 'No such consultation.';

function now(): string {
  return new Date().toISOString();
}

/** What the action office does with a consultation it opened (published as state-pm). */
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Amend: a new revision (the current one + 1), which re-opens review' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  amend(@Param('id', ID) id: string, @Body() body: AmendmentBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'consultation.amended', (c) => ({
      consultationId: id,
      revision: c.revision + 1,
      changes: body.changes,
      reason: body.reason,
    }));
  }

  @Post('withdrawal')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Withdraw the consultation' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  withdraw(@Param('id', ID) id: string, @Body() body: WithdrawalBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'consultation.withdrawn', () => ({
      consultationId: id,
      reason: body.reason,
    }));
  }

  @Post('proceed')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: `Present for decision without the delaying offices’ concurrence (${PROCEED_RULE})`,
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  proceed(@Param('id', ID) id: string, @Body() body: ProceedBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'consultation.proceeded-without-clearance', () => ({
      consultationId: id,
      delayingAgencies: body.delayingAgencies,
      rule: PROCEED_RULE,
      justification: body.justification,
    }));
  }

  @Post('clearing-parties')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Add or remove clearing agencies (2 FAM 1211-1213)' })
  @ApiAcceptedResponse({ type: AcceptedDto })
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

  // ---------------------------------------------------------------- congressional notification

  @Post('congress/informal-notice')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Informal (tiered review) notice to the committees, sent now' })
  @ApiAcceptedResponse({ type: AcceptedDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'A committee member placed a hold' })
  @ApiAcceptedResponse({ type: AcceptedDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'The hold was lifted' })
  @ApiParam({ name: 'holdId', description: 'The hold id given when it was placed.' })
  @ApiAcceptedResponse({ type: AcceptedDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Formal notification, sent now: the review period starts' })
  @ApiAcceptedResponse({ type: AcceptedDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'The President certified an emergency (certified now): period waived' })
  @ApiAcceptedResponse({ type: AcceptedDto })
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
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'A joint resolution of disapproval was enacted (now): the sale is blocked',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  disapproval(@Param('id', ID) id: string, @Body() body: DisapprovalBodyDto): Promise<AcceptedDto> {
    return this.bus.publishAbout(id, 'congress.disapproval-enacted', () => ({
      consultationId: id,
      resolution: body.resolution,
      enactedAt: now(),
    }));
  }
}
