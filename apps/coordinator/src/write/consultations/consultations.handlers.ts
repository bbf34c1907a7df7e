import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Envelope, isAgency, MessageName, Party, partyOfSource, PayloadOf } from '@icb/contracts';
import { isPermanent, JetStreamContext, MessageContext } from '@icb/messaging';
import { InboxRepository } from '../inbox/inbox.repository';
import type { Judgement } from '../verdicts/verdict.policy';
import { VerdictsService } from '../verdicts/verdicts.service';
import * as aggregate from './consultation.aggregate';
import type { Change, ChangeContext } from './consultation.aggregate';
import { AgencyMismatchError } from './consultation.errors';
import type { Consultation } from './consultation.model';
import { ApplyResult, Cause, ConsultationsService } from './consultations.service';

type In<N extends MessageName> = Envelope<PayloadOf<N>>;

/** The validated envelope and the delivery's details a handler's `@Ctx()` carries. */
function incoming<N extends MessageName>(context: JetStreamContext): [In<N>, MessageContext] {
  return [context.getEnvelope() as In<N>, context.getDetails()];
}

const CONSUMER = 'coordinator';

/**
 * Translates the bus into service calls; the rules are in the aggregate and
 * the policies. A refusal (not a clearing party, closed, stale revision...)
 * is recorded on the consultation's timeline, told to the sending agency
 * (`message.refused`) and acked; a message naming an agency other than its
 * publisher is dead-lettered. A controller of `@EventPattern` handlers run by
 * JetStreamServer (ADR 22) on the coordinator's one durable consumer.
 */
@Controller()
export class ConsultationHandlers {
  constructor(
    private readonly service: ConsultationsService,
    private readonly inbox: InboxRepository,
    private readonly verdicts: VerdictsService,
  ) {}

  @EventPattern('consultation.opened')
  opened(
    @Payload() _data: PayloadOf<'consultation.opened'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'consultation.opened'>(context);
    return this.once(e, ctx, () =>
      this.service.create(e.data.consultationId, cause(e, ctx), (ctx) =>
        aggregate.openConsultation(e.data, ctx),
      ),
    );
  }

  @EventPattern('consultation.amended')
  amended(
    @Payload() _data: PayloadOf<'consultation.amended'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'consultation.amended'>(context);
    return this.change(e, ctx, (c, at) => aggregate.amend(c, e.data, at));
  }

  @EventPattern('consultation.withdrawn')
  withdrawn(
    @Payload() _data: PayloadOf<'consultation.withdrawn'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'consultation.withdrawn'>(context);
    return this.change(e, ctx, (c, at) => aggregate.withdraw(c, e.data, at));
  }

  @EventPattern('clearance.parties-changed')
  clearersChanged(
    @Payload() _data: PayloadOf<'clearance.parties-changed'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'clearance.parties-changed'>(context);
    return this.change(e, ctx, (c, at) => aggregate.changeClearers(c, e.data, publisherOf(e), at));
  }

  @EventPattern('consultation.proceeded-without-clearance')
  proceeded(
    @Payload() _data: PayloadOf<'consultation.proceeded-without-clearance'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'consultation.proceeded-without-clearance'>(context);
    return this.change(e, ctx, (c, at) => aggregate.proceedWithoutClearance(c, e.data, at));
  }

  @EventPattern('review.acknowledged')
  acknowledged(
    @Payload() _data: PayloadOf<'review.acknowledged'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'review.acknowledged'>(context);
    return this.change(
      e,
      ctx,
      (c, at) => aggregate.acknowledgeReview(c, e.data, at),
      e.data.agency,
    );
  }

  @EventPattern('review.hold-placed')
  holdPlaced(
    @Payload() _data: PayloadOf<'review.hold-placed'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'review.hold-placed'>(context);
    return this.change(e, ctx, (c, at) => aggregate.placeReviewHold(c, e.data, at), e.data.agency);
  }

  @EventPattern('review.hold-released')
  holdReleased(
    @Payload() _data: PayloadOf<'review.hold-released'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'review.hold-released'>(context);
    return this.change(
      e,
      ctx,
      (c, at) => aggregate.releaseReviewHold(c, e.data, at),
      e.data.agency,
    );
  }

  @EventPattern('signoff.submitted')
  signOff(
    @Payload() _data: PayloadOf<'signoff.submitted'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'signoff.submitted'>(context);
    return this.change(e, ctx, (c, at) => aggregate.submitSignOff(c, e.data, at), e.data.agency);
  }

  @EventPattern('condition.removal-requested')
  conditionRemovalRequested(
    @Payload() _data: PayloadOf<'condition.removal-requested'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'condition.removal-requested'>(context);
    return this.change(e, ctx, (c, at) => aggregate.requestConditionRemoval(c, e.data, at));
  }

  @EventPattern('condition.removal-answered')
  conditionRemovalAnswered(
    @Payload() _data: PayloadOf<'condition.removal-answered'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'condition.removal-answered'>(context);
    return this.change(
      e,
      ctx,
      (c, at) => aggregate.answerConditionRemoval(c, e.data, at),
      e.data.agency,
    );
  }

  @EventPattern('clock.extension-requested')
  extensionRequested(
    @Payload() _data: PayloadOf<'clock.extension-requested'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'clock.extension-requested'>(context);
    return this.change(e, ctx, (c, at) => aggregate.requestExtension(c, e.data, at), e.data.agency);
  }

  @EventPattern('sanctions.screening-completed')
  screened(
    @Payload() _data: PayloadOf<'sanctions.screening-completed'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'sanctions.screening-completed'>(context);
    return this.change(e, ctx, (c, at) => aggregate.recordScreening(c, e.data, at));
  }

  @EventPattern('intel.assessment-shared')
  assessmentShared(
    @Payload() _data: PayloadOf<'intel.assessment-shared'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'intel.assessment-shared'>(context);
    return this.change(e, ctx, (c, at) => aggregate.recordAssessment(c, e.data, at));
  }

  @EventPattern('escalation.decided')
  escalationDecided(
    @Payload() _data: PayloadOf<'escalation.decided'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'escalation.decided'>(context);
    return this.change(e, ctx, (c, at) =>
      aggregate.decideEscalation(c, e.data, publisherOf(e), at),
    );
  }

  @EventPattern('congress.informal-notice-sent')
  informalNotice(
    @Payload() _data: PayloadOf<'congress.informal-notice-sent'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'congress.informal-notice-sent'>(context);
    return this.change(e, ctx, (c, at) => aggregate.congressInformalNotice(c, e.data, at));
  }

  @EventPattern('congress.hold-placed')
  congressHoldPlaced(
    @Payload() _data: PayloadOf<'congress.hold-placed'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'congress.hold-placed'>(context);
    return this.change(e, ctx, (c, at) => aggregate.congressHoldPlaced(c, e.data, at));
  }

  @EventPattern('congress.hold-lifted')
  congressHoldLifted(
    @Payload() _data: PayloadOf<'congress.hold-lifted'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'congress.hold-lifted'>(context);
    return this.change(e, ctx, (c, at) => aggregate.congressHoldLifted(c, e.data, at));
  }

  @EventPattern('congress.formal-notice-sent')
  formalNotice(
    @Payload() _data: PayloadOf<'congress.formal-notice-sent'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'congress.formal-notice-sent'>(context);
    return this.change(e, ctx, (c, at) => aggregate.congressFormalNotice(c, e.data, at));
  }

  @EventPattern('congress.emergency-waiver-certified')
  waiver(
    @Payload() _data: PayloadOf<'congress.emergency-waiver-certified'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'congress.emergency-waiver-certified'>(context);
    return this.change(e, ctx, (c, at) => aggregate.congressWaiver(c, e.data, at));
  }

  @EventPattern('congress.disapproval-enacted')
  disapproval(
    @Payload() _data: PayloadOf<'congress.disapproval-enacted'>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const [e, ctx] = incoming<'congress.disapproval-enacted'>(context);
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
