import { AGENCIES } from '../parties';
import { defineMessage } from '../define';
import {
  ClearancePartiesChangedV1,
  ConsultationAmendedV1,
  ConsultationOpenedV1,
  ConsultationWithdrawnV1,
} from '../messages/consultation.messages';
import {
  MessageRefusedV1,
  ReviewAcknowledgedV1,
  ReviewHoldPlacedV1,
  ReviewHoldReleasedV1,
  ReviewRequestedV1,
} from '../messages/review.messages';
import {
  ConditionRemovalAnsweredV1,
  ConditionRemovalRequestedV1,
  SignOffSubmittedV1,
} from '../messages/signoff.messages';
import {
  IntelAssessmentAvailableV1,
  IntelAssessmentReleasedV1,
  IntelAssessmentSharedV1,
} from '../messages/intelligence.messages';
import {
  SanctionsListLoadedV1,
  SanctionsScreeningCompletedV1,
} from '../messages/sanctions.messages';
import { byConsultation } from './subject-of';

/**
 * The catalog's first part: what the action office and the agencies say while
 * a consultation is cleared (opening, review, sign-offs, intelligence,
 * sanctions). `MESSAGES` (../catalog.ts) joins the parts in this order, the
 * order of the generated documents.
 */
export const CLEARANCE_MESSAGES = {
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
} as const;
