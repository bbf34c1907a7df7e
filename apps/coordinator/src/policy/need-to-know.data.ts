import type { Clearance, MessageName } from '@icb/contracts';
import type { EffectiveDated } from './effective-dated';
import type { Agency } from './vocabulary';

/**
 * Who receives an addressed notice (`notice.forwarded`) of a message:
 * - `clearers`: the consultation's clearing agencies;
 * - `action-office`: State/PM, which owns every consultation;
 * - `concerned-agency`: the agency the message is about (its payload's
 *   `agency`, or `imposingAgency` for a condition);
 * - one named agency, optionally only once the consultation has been escalated.
 * The publisher of the message never gets a notice of its own message.
 */
export type Audience =
  | 'clearers'
  | 'action-office'
  | 'concerned-agency'
  | { readonly agency: Agency; readonly when?: 'escalated' };

/** Fields of the original message a notice may carry (`NoticeForwardedV1`); nothing else is ever copied. */
export const NOTICE_FIELDS = ['agency', 'revision', 'decision', 'status', 'outcome'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];

export interface Forwarding {
  readonly to: Audience;
  /** What the recipients learn beyond "this message happened". */
  readonly fields: readonly NoticeField[];
}

export interface NeedToKnowPolicy {
  /**
   * For each message published without an addressee, the notices the
   * coordinator sends. A message absent from the table is forwarded to nobody:
   * its publisher and the coordinator alone know it (operators see it through
   * the coordinator, by their clearance). Addressed messages (review requests,
   * refusals, released assessments) already go to the one party that may read them.
   */
  readonly forward: Readonly<Partial<Record<MessageName, readonly Forwarding[]>>>;
  readonly source: string;
}

const STATUS_OF_AGENCY: readonly NoticeField[] = ['agency', 'revision'];

/**
 * Need to know on the bus (ADR 17). Agencies read only what is addressed to
 * them; this table is what they are told of everything else. Baseline
 * 2000-01-01: the bus's configuration, not law. Reasoning:
 * - a sign-off goes to the other clearers as a status (who, which revision,
 *   which position), never with its conditions, rationale or officer: those
 *   are the signer's to share, and the action office reads them through the
 *   coordinator's API, where the reader's clearance is checked;
 * - Treasury's screening (parties, matches, list) goes to nobody but the
 *   coordinator, and to NSC (which chairs the escalation) that a screening was
 *   made once the matter is escalated;
 * - an escalation's decision and the congressional steps reach the clearers as
 *   a notice that they happened, the details through the API;
 * - a clock's event about one agency goes to that agency and the action office.
 */
export const NEED_TO_KNOW: readonly EffectiveDated<NeedToKnowPolicy>[] = [
  {
    effectiveFrom: '2000-01-01',
    source: 'bus configuration (issue 11, need to know on the bus)',
    forward: {
      'consultation.withdrawn': [{ to: 'clearers', fields: [] }],
      'consultation.proceeded-without-clearance': [{ to: 'clearers', fields: [] }],
      'consultation.status-changed': [
        { to: 'clearers', fields: ['status', 'revision'] },
        { to: 'action-office', fields: ['status', 'revision'] },
      ],
      'consultation.decided': [
        { to: 'clearers', fields: ['outcome', 'revision'] },
        { to: 'action-office', fields: ['outcome', 'revision'] },
      ],
      'review.acknowledged': [{ to: 'action-office', fields: STATUS_OF_AGENCY }],
      'review.hold-placed': [{ to: 'action-office', fields: ['agency'] }],
      'review.hold-released': [{ to: 'action-office', fields: ['agency'] }],
      'signoff.submitted': [
        { to: 'action-office', fields: ['agency', 'revision', 'decision'] },
        { to: 'clearers', fields: ['agency', 'revision', 'decision'] },
      ],
      'condition.removal-requested': [{ to: 'concerned-agency', fields: ['agency'] }],
      'condition.removal-answered': [{ to: 'action-office', fields: ['agency'] }],
      'intel.assessment-available': [{ to: 'clearers', fields: [] }],
      'sanctions.screening-completed': [{ to: { agency: 'nsc', when: 'escalated' }, fields: [] }],
      'clock.deadline-approaching': [
        { to: 'concerned-agency', fields: STATUS_OF_AGENCY },
        { to: 'action-office', fields: STATUS_OF_AGENCY },
      ],
      'clock.overdue': [
        { to: 'concerned-agency', fields: STATUS_OF_AGENCY },
        { to: 'action-office', fields: STATUS_OF_AGENCY },
      ],
      'clock.deemed-concurrence': [
        { to: 'concerned-agency', fields: STATUS_OF_AGENCY },
        { to: 'action-office', fields: STATUS_OF_AGENCY },
        { to: 'clearers', fields: STATUS_OF_AGENCY },
      ],
      'clock.extension-requested': [{ to: 'action-office', fields: STATUS_OF_AGENCY }],
      'clock.extension-granted': [
        { to: 'concerned-agency', fields: STATUS_OF_AGENCY },
        { to: 'action-office', fields: STATUS_OF_AGENCY },
      ],
      'escalation.raised': [
        { to: 'clearers', fields: [] },
        { to: 'action-office', fields: [] },
        { to: { agency: 'nsc' }, fields: [] },
      ],
      'escalation.decided': [
        { to: 'clearers', fields: [] },
        { to: 'action-office', fields: [] },
      ],
      'escalation.resolved': [
        { to: 'clearers', fields: [] },
        { to: 'action-office', fields: [] },
      ],
      'congress.formal-notice-sent': [{ to: { agency: 'dod' }, fields: [] }],
      'congress.emergency-waiver-certified': [{ to: { agency: 'dod' }, fields: [] }],
      'congress.disapproval-enacted': [{ to: { agency: 'dod' }, fields: [] }],
      'congress.review-period-ended': [
        { to: 'action-office', fields: [] },
        { to: { agency: 'dod' }, fields: [] },
      ],
      'congress.cleared-for-offer': [
        { to: 'action-office', fields: [] },
        { to: { agency: 'dod' }, fields: [] },
      ],
    },
  },
];

export interface Accreditation {
  /** The highest level each agency's bus connection (its adapter and systems) may receive. */
  readonly levels: Readonly<Record<Agency, Clearance>>;
  readonly source: string;
}

/**
 * What each agency's end of the bus is accredited to hold. A notice is marked
 * like its consultation and is not sent to an agency accredited below that
 * marking. The five agencies' connections are accredited TOP SECRET in the
 * bus's configuration (review requests, addressed by the clearing list and not
 * by this table, already carry every marking to every clearer); lower a row to
 * keep notices of higher consultations from an agency.
 */
export const ACCREDITATIONS: readonly EffectiveDated<Accreditation>[] = [
  {
    effectiveFrom: '2000-01-01',
    source: 'bus configuration',
    levels: {
      'state-pm': 'TOP SECRET',
      dod: 'TOP SECRET',
      nsc: 'TOP SECRET',
      cia: 'TOP SECRET',
      treasury: 'TOP SECRET',
    },
  },
];
