import { Injectable } from '@nestjs/common';
import { Envelope, isAgency, MessageName, Party, partyOfSource, PayloadOf } from '@icb/contracts';
import {
  isPermanent,
  MessageContext,
  MessageCtx,
  MessageEnvelope,
  OnMessage,
} from '@icb/messaging';
import { InboxRepository } from '../inbox/inbox.repository';
import type { Judgement } from '../verdicts/verdict.policy';
import { VerdictsService } from '../verdicts/verdicts.service';
import * as aggregate from './consultation.aggregate';
import type { Change, ChangeContext } from './consultation.aggregate';
import { AgencyMismatchError } from './consultation.errors';
import type { Consultation } from './consultation.model';
import { ApplyResult, Cause, ConsultationsService } from './consultations.service';

type In<N extends MessageName> = Envelope<PayloadOf<N>>;

const CONSUMER = 'coordinator';

/**
 * Translates the bus into service calls; the rules are in the aggregate and
 * the policies. A refusal (not a clearing party, closed, stale revision...)
 * is recorded on the consultation's timeline, told to the sending agency
 * (`message.refused`) and acked; a message naming an agency other than its
 * publisher is dead-lettered.
 */
@Injectable()
export class ConsultationHandlers {
  constructor(
    private readonly service: ConsultationsService,
    private readonly inbox: InboxRepository,
    private readonly verdicts: VerdictsService,
  ) {}

  @OnMessage('consultation.opened')
  opened(
    @MessageEnvelope() e: In<'consultation.opened'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.once(e, ctx, () =>
      this.service.create(e.data.consultationId, cause(e, ctx), (ctx) =>
        aggregate.openConsultation(e.data, ctx),
      ),
    );
  }

  @OnMessage('consultation.amended')
  amended(
    @MessageEnvelope() e: In<'consultation.amended'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.amend(c, e.data, at));
  }

  @OnMessage('consultation.withdrawn')
  withdrawn(
    @MessageEnvelope() e: In<'consultation.withdrawn'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.withdraw(c, e.data, at));
  }

  @OnMessage('clearance.parties-changed')
  clearersChanged(
    @MessageEnvelope() e: In<'clearance.parties-changed'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.changeClearers(c, e.data, publisherOf(e), at));
  }

  @OnMessage('consultation.proceeded-without-clearance')
  proceeded(
    @MessageEnvelope() e: In<'consultation.proceeded-without-clearance'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.proceedWithoutClearance(c, e.data, at));
  }

  @OnMessage('review.acknowledged')
  acknowledged(
    @MessageEnvelope() e: In<'review.acknowledged'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(
      e,
      ctx,
      (c, at) => aggregate.acknowledgeReview(c, e.data, at),
      e.data.agency,
    );
  }

  @OnMessage('review.hold-placed')
  holdPlaced(
    @MessageEnvelope() e: In<'review.hold-placed'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.placeReviewHold(c, e.data, at), e.data.agency);
  }

  @OnMessage('review.hold-released')
  holdReleased(
    @MessageEnvelope() e: In<'review.hold-released'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(
      e,
      ctx,
      (c, at) => aggregate.releaseReviewHold(c, e.data, at),
      e.data.agency,
    );
  }

  @OnMessage('signoff.submitted')
  signOff(
    @MessageEnvelope() e: In<'signoff.submitted'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.submitSignOff(c, e.data, at), e.data.agency);
  }

  @OnMessage('condition.removal-requested')
  conditionRemovalRequested(
    @MessageEnvelope() e: In<'condition.removal-requested'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.requestConditionRemoval(c, e.data, at));
  }

  @OnMessage('condition.removal-answered')
  conditionRemovalAnswered(
    @MessageEnvelope() e: In<'condition.removal-answered'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(
      e,
      ctx,
      (c, at) => aggregate.answerConditionRemoval(c, e.data, at),
      e.data.agency,
    );
  }

  @OnMessage('clock.extension-requested')
  extensionRequested(
    @MessageEnvelope() e: In<'clock.extension-requested'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.requestExtension(c, e.data, at), e.data.agency);
  }

  @OnMessage('sanctions.screening-completed')
  screened(
    @MessageEnvelope() e: In<'sanctions.screening-completed'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.recordScreening(c, e.data, at));
  }

  @OnMessage('intel.assessment-shared')
  assessmentShared(
    @MessageEnvelope() e: In<'intel.assessment-shared'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.recordAssessment(c, e.data, at));
  }

  @OnMessage('escalation.decided')
  escalationDecided(
    @MessageEnvelope() e: In<'escalation.decided'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) =>
      aggregate.decideEscalation(c, e.data, publisherOf(e), at),
    );
  }

  @OnMessage('congress.informal-notice-sent')
  informalNotice(
    @MessageEnvelope() e: In<'congress.informal-notice-sent'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.congressInformalNotice(c, e.data, at));
  }

  @OnMessage('congress.hold-placed')
  congressHoldPlaced(
    @MessageEnvelope() e: In<'congress.hold-placed'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.congressHoldPlaced(c, e.data, at));
  }

  @OnMessage('congress.hold-lifted')
  congressHoldLifted(
    @MessageEnvelope() e: In<'congress.hold-lifted'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.congressHoldLifted(c, e.data, at));
  }

  @OnMessage('congress.formal-notice-sent')
  formalNotice(
    @MessageEnvelope() e: In<'congress.formal-notice-sent'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.congressFormalNotice(c, e.data, at));
  }

  @OnMessage('congress.emergency-waiver-certified')
  waiver(
    @MessageEnvelope() e: In<'congress.emergency-waiver-certified'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.congressWaiver(c, e.data, at));
  }

  @OnMessage('congress.disapproval-enacted')
  disapproval(
    @MessageEnvelope() e: In<'congress.disapproval-enacted'>,
    @MessageCtx() ctx: MessageContext,
  ): Promise<void> {
    return this.change(e, ctx, (c, at) => aggregate.congressDisapproval(c, e.data, at));
  }

  /**
   * Applies a change to the consultation the message is about. `claimedAgency`
   * is the agency the payload speaks for: it must be the publisher.
   */
  private change<N extends MessageName>(
    e: In<N>,
    ctx: MessageContext,
    decide: (current: Consultation, ctx: ChangeContext) => Change,
    claimedAgency?: string,
  ): Promise<void> {
    const publisher = publisherOf(e);
    return this.once(e, ctx, () => {
      if (claimedAgency !== undefined && claimedAgency !== publisher) {
        throw new AgencyMismatchError(claimedAgency, publisher);
      }
      return this.service.apply(e.subject, cause(e, ctx), decide, {
        refusalNotice: isAgency(publisher) ? { agency: publisher } : undefined,
      });
    });
  }

  /**
   * A message that changed the consultation is recorded in the version it
   * committed (its applied event ids), which is where a redelivery finds it.
   * The inbox keeps only the messages that changed nothing (exact
   * duplicates), and is read only on a redelivery: a first delivery cannot
   * be a repeat of itself.
   *
   * Each message's verdict (accepted, or refused with its code) is recorded
   * and announced to its publisher before the message is acked (ADR 11),
   * also when the message is dead-lettered for an error that can never pass;
   * so before the inbox record, which ends a redelivery early.
   */
  private async once(
    e: Envelope,
    ctx: MessageContext,
    work: () => Promise<ApplyResult>,
  ): Promise<void> {
    if (ctx.redelivered && (await this.inbox.has(CONSUMER, e.id))) return;
    let result: ApplyResult;
    try {
      result = await work();
    } catch (error) {
      if (isPermanent(error)) await this.verdicts.recordFailure(e, error);
      throw error;
    }
    await this.verdicts.record(e, judgementOf(result));
    if (result.outcome === 'duplicate') {
      await this.inbox.record(CONSUMER, e.id, e.type, new Date());
    }
  }
}

/** What applying a message did, as its verdict reads it. */
function judgementOf(result: ApplyResult): Judgement {
  const { status, revision, version, classification: marking } = result.consultation;
  const consultation = { status, revision, version };
  switch (result.outcome) {
    case 'applied':
      return { kind: 'applied', consultation, marking };
    case 'refused':
      return { kind: 'refused', code: result.code, reason: result.message, consultation, marking };
    case 'duplicate':
      return result.unchanged
        ? {
            kind: 'unchanged',
            code: result.unchanged.code,
            reason: result.unchanged.message,
            consultation,
            marking,
          }
        : { kind: 'repeat', consultation, marking };
  }
}

function publisherOf(e: Envelope): Party {
  // The messaging layer already checked that the source names a party that
  // matches the subject and may publish this message.
  return partyOfSource(e.source)!;
}

/**
 * Payload fields never copied into the coordinator's log, by message. None at
 * present: an assessment's content never reaches the coordinator (it travels
 * only in `intel.assessment-released`, addressed to each recipient).
 */
const WITHHELD_FIELDS: Partial<Record<string, readonly string[]>> = {};

function cause<N extends MessageName>(e: In<N>, ctx: MessageContext): Cause {
  const type = e.type.replace(/^gov\.icb\./, '').replace(/\.v\d+$/, '');
  const data = { ...(e.data as unknown as Record<string, unknown>) };
  for (const field of WITHHELD_FIELDS[type] ?? []) {
    if (field in data) data[field] = '[withheld]';
  }
  return {
    eventId: e.id,
    type,
    actor: publisherOf(e),
    envelope: e,
    data,
    ...(ctx.signature ? { signature: ctx.signature } : {}),
  };
}
