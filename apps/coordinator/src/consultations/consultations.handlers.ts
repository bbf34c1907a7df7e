import { Injectable } from '@nestjs/common';
import { Envelope, isAgency, MessageName, Party, partyOfSource, PayloadOf } from '@icb/contracts';
import { MessageEnvelope, OnMessage } from '@icb/messaging';
import { InboxRepository } from '../inbox/inbox.repository';
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
  ) {}

  @OnMessage('consultation.opened')
  opened(@MessageEnvelope() e: In<'consultation.opened'>): Promise<void> {
    return this.once(e, () =>
      this.service.create(e.data.consultationId, cause(e), (ctx) =>
        aggregate.openConsultation(e.data, ctx),
      ),
    );
  }

  @OnMessage('consultation.amended')
  amended(@MessageEnvelope() e: In<'consultation.amended'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.amend(c, e.data, ctx));
  }

  @OnMessage('consultation.withdrawn')
  withdrawn(@MessageEnvelope() e: In<'consultation.withdrawn'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.withdraw(c, e.data, ctx));
  }

  @OnMessage('clearance.parties-changed')
  clearersChanged(@MessageEnvelope() e: In<'clearance.parties-changed'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.changeClearers(c, e.data, publisherOf(e), ctx));
  }

  @OnMessage('consultation.proceeded-without-clearance')
  proceeded(@MessageEnvelope() e: In<'consultation.proceeded-without-clearance'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.proceedWithoutClearance(c, e.data, ctx));
  }

  @OnMessage('review.acknowledged')
  acknowledged(@MessageEnvelope() e: In<'review.acknowledged'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.acknowledgeReview(c, e.data, ctx), e.data.agency);
  }

  @OnMessage('review.hold-placed')
  holdPlaced(@MessageEnvelope() e: In<'review.hold-placed'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.placeReviewHold(c, e.data, ctx), e.data.agency);
  }

  @OnMessage('review.hold-released')
  holdReleased(@MessageEnvelope() e: In<'review.hold-released'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.releaseReviewHold(c, e.data, ctx), e.data.agency);
  }

  @OnMessage('signoff.submitted')
  signOff(@MessageEnvelope() e: In<'signoff.submitted'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.submitSignOff(c, e.data, ctx), e.data.agency);
  }

  @OnMessage('condition.removal-requested')
  conditionRemovalRequested(
    @MessageEnvelope() e: In<'condition.removal-requested'>,
  ): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.requestConditionRemoval(c, e.data, ctx));
  }

  @OnMessage('condition.removal-answered')
  conditionRemovalAnswered(@MessageEnvelope() e: In<'condition.removal-answered'>): Promise<void> {
    return this.change(
      e,
      (c, ctx) => aggregate.answerConditionRemoval(c, e.data, ctx),
      e.data.agency,
    );
  }

  @OnMessage('clock.extension-requested')
  extensionRequested(@MessageEnvelope() e: In<'clock.extension-requested'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.requestExtension(c, e.data, ctx), e.data.agency);
  }

  @OnMessage('sanctions.screening-completed')
  screened(@MessageEnvelope() e: In<'sanctions.screening-completed'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.recordScreening(c, e.data, ctx));
  }

  @OnMessage('intel.assessment-shared')
  assessmentShared(@MessageEnvelope() e: In<'intel.assessment-shared'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.recordAssessment(c, e.data, ctx));
  }

  @OnMessage('escalation.decided')
  escalationDecided(@MessageEnvelope() e: In<'escalation.decided'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.decideEscalation(c, e.data, publisherOf(e), ctx));
  }

  @OnMessage('congress.informal-notice-sent')
  informalNotice(@MessageEnvelope() e: In<'congress.informal-notice-sent'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.congressInformalNotice(c, e.data, ctx));
  }

  @OnMessage('congress.hold-placed')
  congressHoldPlaced(@MessageEnvelope() e: In<'congress.hold-placed'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.congressHoldPlaced(c, e.data, ctx));
  }

  @OnMessage('congress.hold-lifted')
  congressHoldLifted(@MessageEnvelope() e: In<'congress.hold-lifted'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.congressHoldLifted(c, e.data, ctx));
  }

  @OnMessage('congress.formal-notice-sent')
  formalNotice(@MessageEnvelope() e: In<'congress.formal-notice-sent'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.congressFormalNotice(c, e.data, ctx));
  }

  @OnMessage('congress.emergency-waiver-certified')
  waiver(@MessageEnvelope() e: In<'congress.emergency-waiver-certified'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.congressWaiver(c, e.data, ctx));
  }

  @OnMessage('congress.disapproval-enacted')
  disapproval(@MessageEnvelope() e: In<'congress.disapproval-enacted'>): Promise<void> {
    return this.change(e, (c, ctx) => aggregate.congressDisapproval(c, e.data, ctx));
  }

  /**
   * Applies a change to the consultation the message is about. `claimedAgency`
   * is the agency the payload speaks for: it must be the publisher.
   */
  private change<N extends MessageName>(
    e: In<N>,
    decide: (current: Consultation, ctx: ChangeContext) => Change,
    claimedAgency?: string,
  ): Promise<void> {
    const publisher = publisherOf(e);
    if (claimedAgency !== undefined && claimedAgency !== publisher) {
      throw new AgencyMismatchError(claimedAgency, publisher);
    }
    return this.once(e, () =>
      this.service.apply(e.subject, cause(e), decide, {
        refusalNotice: isAgency(publisher) ? { agency: publisher } : undefined,
      }),
    );
  }

  /** Skips a message this consumer already processed; records it once processed. */
  private async once(e: Envelope, work: () => Promise<ApplyResult>): Promise<void> {
    if (await this.inbox.has(CONSUMER, e.id)) return;
    await work();
    await this.inbox.record(CONSUMER, e.id, e.type, new Date());
  }
}

function publisherOf(e: Envelope): Party {
  // The messaging layer already checked that the source names a party that
  // matches the subject and may publish this message.
  return partyOfSource(e.source)!;
}

/** Payload fields never copied into the coordinator's log: an assessment's content stays with its originator. */
const WITHHELD_FIELDS: Partial<Record<string, readonly string[]>> = {
  'intel.assessment-shared': ['content'],
};

function cause<N extends MessageName>(e: In<N>): Cause {
  const type = e.type.replace(/^gov\.icb\./, '').replace(/\.v\d+$/, '');
  const data = { ...(e.data as unknown as Record<string, unknown>) };
  for (const field of WITHHELD_FIELDS[type] ?? []) {
    if (field in data) data[field] = '[withheld]';
  }
  return { eventId: e.id, type, actor: publisherOf(e), envelope: e, data };
}
