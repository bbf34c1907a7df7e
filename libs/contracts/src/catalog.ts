import { AGENCIES, isParty } from './parties';
import {
  cloudEventType,
  defineMessage,
  natsSubject,
  parseEventSubject,
  type MessageDefinition,
} from './define';
import {
  ClearancePartiesChangedV1,
  ConsultationAmendedV1,
  ConsultationDecidedV1,
  ConsultationOpenedV1,
  ConsultationProceededWithoutClearanceV1,
  ConsultationStatusChangedV1,
  ConsultationWithdrawnV1,
} from './messages/consultation.messages';
import {
  ReviewAcknowledgedV1,
  ReviewHoldPlacedV1,
  ReviewHoldReleasedV1,
  MessageRefusedV1,
  ReviewRequestedV1,
} from './messages/review.messages';
import {
  ConditionRemovalAnsweredV1,
  ConditionRemovalRequestedV1,
  SignOffSubmittedV1,
} from './messages/signoff.messages';
import {
  IntelAssessmentAvailableV1,
  IntelAssessmentReleasedV1,
  IntelAssessmentSharedV1,
} from './messages/intelligence.messages';
import {
  SanctionsListLoadedV1,
  SanctionsScreeningCompletedV1,
} from './messages/sanctions.messages';
import {
  ClockDeadlineApproachingV1,
  ClockDeemedConcurrenceV1,
  ClockExtensionGrantedV1,
  ClockExtensionRequestedV1,
  ClockOverdueV1,
} from './messages/clock.messages';
import {
  EscalationDecidedV1,
  EscalationRaisedV1,
  EscalationResolvedV1,
} from './messages/escalation.messages';
import {
  CongressClearedForOfferV1,
  CongressDisapprovalEnactedV1,
  CongressEmergencyWaiverCertifiedV1,
  CongressFormalNoticeSentV1,
  CongressHoldLiftedV1,
  CongressHoldPlacedV1,
  CongressInformalNoticeSentV1,
  CongressReviewPeriodEndedV1,
} from './messages/congress.messages';
import { NoticeForwardedV1 } from './messages/forwarding.messages';

const byConsultation = (p: { consultationId: string }): string => p.consultationId;

/**
 * Every message on the bus, keyed by name. The key must equal the entry's
 * `name` (a test checks it). Add a version by adding a new entry with a new
 * payload class (`...V2`) under a new key only when both versions must live
 * side by side; otherwise bump the entry.
 */
export const MESSAGES = {
  'consultation.opened': defineMessage({
    name: 'consultation.opened',
    version: 1,
    payload: ConsultationOpenedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The action office opens a consultation and its first revision.',
  }),
  'consultation.amended': defineMessage({
    name: 'consultation.amended',
    version: 1,
    payload: ConsultationAmendedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The action office amends a consultation; the new revision re-opens review.',
  }),
  'consultation.withdrawn': defineMessage({
    name: 'consultation.withdrawn',
    version: 1,
    payload: ConsultationWithdrawnV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The action office withdraws a consultation.',
  }),
  'clearance.parties-changed': defineMessage({
    name: 'clearance.parties-changed',
    version: 1,
    payload: ClearancePartiesChangedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The action office adds or removes clearing agencies (2 FAM 1211-1213).',
  }),
  'review.requested': defineMessage({
    name: 'review.requested',
    version: 1,
    payload: ReviewRequestedV1,
    publishers: ['coordinator'],
    addressee: (p) => p.agency,
    subjectOf: byConsultation,
    summary: 'The coordinator asks one agency to review a revision (addressed to it).',
  }),
  'message.refused': defineMessage({
    name: 'message.refused',
    version: 1,
    payload: MessageRefusedV1,
    publishers: ['coordinator'],
    addressee: (p) => p.agency,
    subjectOf: byConsultation,
    summary:
      'The coordinator refused a message from an agency, with a code and a reason (addressed to that agency).',
  }),
  'review.acknowledged': defineMessage({
    name: 'review.acknowledged',
    version: 1,
    payload: ReviewAcknowledgedV1,
    publishers: AGENCIES,
    subjectOf: byConsultation,
    summary: 'An agency acknowledges receipt of a review request.',
  }),
  'review.hold-placed': defineMessage({
    name: 'review.hold-placed',
    version: 1,
    payload: ReviewHoldPlacedV1,
    publishers: AGENCIES,
    subjectOf: byConsultation,
    summary: 'An agency (mainly DoD) places a hold on its review.',
  }),
  'review.hold-released': defineMessage({
    name: 'review.hold-released',
    version: 1,
    payload: ReviewHoldReleasedV1,
    publishers: AGENCIES,
    subjectOf: byConsultation,
    summary: 'An agency releases the hold on its review.',
  }),
  'signoff.submitted': defineMessage({
    name: 'signoff.submitted',
    version: 1,
    payload: SignOffSubmittedV1,
    publishers: AGENCIES,
    subjectOf: byConsultation,
    summary: 'An agency concurs, concurs with conditions, non-concurs or has no equity.',
  }),
  'condition.removal-requested': defineMessage({
    name: 'condition.removal-requested',
    version: 1,
    payload: ConditionRemovalRequestedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The action office asks the imposing agency to agree to drop a condition.',
  }),
  'condition.removal-answered': defineMessage({
    name: 'condition.removal-answered',
    version: 1,
    payload: ConditionRemovalAnsweredV1,
    publishers: AGENCIES,
    subjectOf: byConsultation,
    summary: 'The imposing agency agrees or refuses to drop its condition.',
  }),
  'intel.assessment-shared': defineMessage({
    name: 'intel.assessment-shared',
    version: 1,
    payload: IntelAssessmentSharedV1,
    publishers: ['cia'],
    subjectOf: byConsultation,
    summary:
      'CIA announces an assessment and its dissemination controls, without its content (the content goes only to approved recipients in intel.assessment-released).',
  }),
  'intel.assessment-released': defineMessage({
    name: 'intel.assessment-released',
    version: 1,
    payload: IntelAssessmentReleasedV1,
    publishers: ['cia'],
    addressee: (p) => p.recipient,
    subjectOf: byConsultation,
    summary: "CIA releases an assessment's content to one permitted agency (addressed to it).",
  }),
  'intel.assessment-available': defineMessage({
    name: 'intel.assessment-available',
    version: 1,
    payload: IntelAssessmentAvailableV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'Content-free notice that an assessment exists on a consultation.',
  }),
  'sanctions.screening-completed': defineMessage({
    name: 'sanctions.screening-completed',
    version: 1,
    payload: SanctionsScreeningCompletedV1,
    publishers: ['treasury'],
    subjectOf: byConsultation,
    summary: 'Treasury screened every party against a named list version (50% rule included).',
  }),
  'sanctions.list-loaded': defineMessage({
    name: 'sanctions.list-loaded',
    version: 1,
    payload: SanctionsListLoadedV1,
    publishers: ['treasury'],
    subjectOf: (p) => `${p.list.name}@${p.list.versionDate}`,
    summary: 'Treasury loaded a new version of a sanctions list.',
  }),
  'clock.deadline-approaching': defineMessage({
    name: 'clock.deadline-approaching',
    version: 1,
    payload: ClockDeadlineApproachingV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: "An agency's deadline is near.",
  }),
  'clock.overdue': defineMessage({
    name: 'clock.overdue',
    version: 1,
    payload: ClockOverdueV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: "An agency's deadline has passed.",
  }),
  'clock.deemed-concurrence': defineMessage({
    name: 'clock.deemed-concurrence',
    version: 1,
    payload: ClockDeemedConcurrenceV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'A silent agency is deemed to concur under a named rule (EAA 1979 §10(e)).',
  }),
  'clock.extension-requested': defineMessage({
    name: 'clock.extension-requested',
    version: 1,
    payload: ClockExtensionRequestedV1,
    publishers: AGENCIES,
    subjectOf: byConsultation,
    summary: 'An agency asks, before its deadline, for more days.',
  }),
  'clock.extension-granted': defineMessage({
    name: 'clock.extension-granted',
    version: 1,
    payload: ClockExtensionGrantedV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'The coordinator grants an extension and sets the new deadline.',
  }),
  'consultation.proceeded-without-clearance': defineMessage({
    name: 'consultation.proceeded-without-clearance',
    version: 1,
    payload: ConsultationProceededWithoutClearanceV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The action office presents the matter without delaying offices (2 FAM 1211).',
  }),
  'escalation.raised': defineMessage({
    name: 'escalation.raised',
    version: 1,
    payload: EscalationRaisedV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'The coordinator takes a matter to a level of an escalation ladder.',
  }),
  'escalation.decided': defineMessage({
    name: 'escalation.decided',
    version: 1,
    payload: EscalationDecidedV1,
    publishers: ['nsc'],
    subjectOf: byConsultation,
    summary: "The chair records the level's decision.",
  }),
  'escalation.resolved': defineMessage({
    name: 'escalation.resolved',
    version: 1,
    payload: EscalationResolvedV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'The coordinator closes the escalation at a level.',
  }),
  'consultation.decided': defineMessage({
    name: 'consultation.decided',
    version: 1,
    payload: ConsultationDecidedV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'The consultation is approved or denied, and on which basis.',
  }),
  'congress.informal-notice-sent': defineMessage({
    name: 'congress.informal-notice-sent',
    version: 1,
    payload: CongressInformalNoticeSentV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'State informally notified the committees (AECA §36(b) tiered review).',
  }),
  'congress.hold-placed': defineMessage({
    name: 'congress.hold-placed',
    version: 1,
    payload: CongressHoldPlacedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'A committee member placed a hold during informal review.',
  }),
  'congress.hold-lifted': defineMessage({
    name: 'congress.hold-lifted',
    version: 1,
    payload: CongressHoldLiftedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'A congressional hold was lifted.',
  }),
  'congress.formal-notice-sent': defineMessage({
    name: 'congress.formal-notice-sent',
    version: 1,
    payload: CongressFormalNoticeSentV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'Formal notification transmitted; the review period starts.',
  }),
  'congress.emergency-waiver-certified': defineMessage({
    name: 'congress.emergency-waiver-certified',
    version: 1,
    payload: CongressEmergencyWaiverCertifiedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'The President certified an emergency, waiving the review period.',
  }),
  'congress.review-period-ended': defineMessage({
    name: 'congress.review-period-ended',
    version: 1,
    payload: CongressReviewPeriodEndedV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'The congressional review period passed.',
  }),
  'congress.disapproval-enacted': defineMessage({
    name: 'congress.disapproval-enacted',
    version: 1,
    payload: CongressDisapprovalEnactedV1,
    publishers: ['state-pm'],
    subjectOf: byConsultation,
    summary: 'A joint resolution of disapproval was enacted: the sale is blocked.',
  }),
  'congress.cleared-for-offer': defineMessage({
    name: 'congress.cleared-for-offer',
    version: 1,
    payload: CongressClearedForOfferV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'Nothing in Congress stands in the way: the offer may go out.',
  }),
  'consultation.status-changed': defineMessage({
    name: 'consultation.status-changed',
    version: 1,
    payload: ConsultationStatusChangedV1,
    publishers: ['coordinator'],
    subjectOf: byConsultation,
    summary: 'The consultation moved from one status to another.',
  }),
  'notice.forwarded': defineMessage({
    name: 'notice.forwarded',
    version: 1,
    payload: NoticeForwardedV1,
    publishers: ['coordinator'],
    addressee: (p) => p.recipient,
    subjectOf: byConsultation,
    summary:
      "What one agency may know of another party's message, as the need-to-know policy says (addressed to it; agencies read nothing else).",
  }),
} as const;

export type MessageCatalog = typeof MESSAGES;
export type MessageName = keyof MessageCatalog;
/** The payload type of a message: `publish<N extends MessageName>(name: N, payload: PayloadOf<N>)`. */
export type PayloadOf<N extends MessageName> =
  MessageCatalog[N] extends MessageDefinition<infer T> ? T : never;
/** The catalog as a map from name to payload, for typed event maps. */
export type MessageMap = { [N in MessageName]: PayloadOf<N> };

export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

export function isMessageName(value: unknown): value is MessageName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, value);
}

/** Whether a message is about one consultation (its subject is the consultation id): its envelope must carry a marking. */
export function isConsultationScoped(name: MessageName): boolean {
  return (MESSAGES[name] as { subjectOf: unknown }).subjectOf === byConsultation;
}

/** The definition of a message, typed by its name. */
export function messageDefinition<N extends MessageName>(name: N): MessageDefinition<PayloadOf<N>> {
  return MESSAGES[name] as unknown as MessageDefinition<PayloadOf<N>>;
}

/** A catalog entry, whichever message it is. */
export type AnyMessageDefinition = MessageCatalog[MessageName];

const BY_TYPE: ReadonlyMap<string, AnyMessageDefinition> = new Map(
  MESSAGE_NAMES.map((n) => [cloudEventType(MESSAGES[n]), MESSAGES[n]]),
);

/** The catalog entry whose CloudEvents `type` this is (`gov.icb.signoff.submitted.v1`). */
export function messageByType(ceType: string): AnyMessageDefinition | undefined {
  return BY_TYPE.get(ceType);
}

/**
 * The catalog entry published on this NATS subject, when the subject names a
 * catalog message, its version, one of its publishers, and an addressee exactly
 * when the message is addressed (to a party).
 */
export function messageBySubject(subject: string): AnyMessageDefinition | undefined {
  const parts = parseEventSubject(subject);
  if (!parts || !isMessageName(parts.name)) return undefined;
  const def = MESSAGES[parts.name];
  if (def.version !== parts.version) return undefined;
  if (!(def.publishers as readonly string[]).includes(parts.publisher)) return undefined;
  const addressed = 'addressee' in def && def.addressee !== undefined;
  if (addressed !== (parts.addressee !== undefined)) return undefined;
  if (parts.addressee !== undefined && !isParty(parts.addressee)) return undefined;
  return def;
}

/** Typed `natsSubject` for a catalog message. */
export function subjectFor<N extends MessageName>(
  name: N,
  publisher: MessageDefinition['publishers'][number],
  payload: PayloadOf<N>,
): string {
  return natsSubject(messageDefinition(name), publisher, payload);
}
