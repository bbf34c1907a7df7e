import { AGENCIES } from '../parties';
import { defineMessage } from '../define';
import {
  ConsultationDecidedV1,
  ConsultationProceededWithoutClearanceV1,
  ConsultationStatusChangedV1,
} from '../messages/consultation.messages';
import {
  ClockDeadlineApproachingV1,
  ClockDeemedConcurrenceV1,
  ClockExtensionGrantedV1,
  ClockExtensionRequestedV1,
  ClockOverdueV1,
} from '../messages/clock.messages';
import {
  EscalationDecidedV1,
  EscalationRaisedV1,
  EscalationResolvedV1,
} from '../messages/escalation.messages';
import {
  CongressClearedForOfferV1,
  CongressDisapprovalEnactedV1,
  CongressEmergencyWaiverCertifiedV1,
  CongressFormalNoticeSentV1,
  CongressHoldLiftedV1,
  CongressHoldPlacedV1,
  CongressInformalNoticeSentV1,
  CongressReviewPeriodEndedV1,
} from '../messages/congress.messages';
import { NoticeForwardedV1 } from '../messages/forwarding.messages';
import { byConsultation } from './subject-of';

/**
 * The catalog's second part: the clocks, escalation, the decision,
 * congressional review and the notices the coordinator sends of them.
 * `MESSAGES` (../catalog.ts) joins the parts in this order, the order of the
 * generated documents.
 */
export const DECISION_MESSAGES = {
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
