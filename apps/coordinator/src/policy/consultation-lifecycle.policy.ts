import type { ImposedCondition } from './decision-rule.policy';
import { type PolicyResult, accept, refuse } from './refusal';
import {
  ACTION_AGENCY,
  type Agency,
  type ConsultationKind,
  type ConsultationStatus,
  type SignOffDecision,
} from './vocabulary';

/** What the lifecycle needs to know about a consultation. */
export interface LifecycleState {
  readonly kind: ConsultationKind;
  readonly status: ConsultationStatus;
  /** Starts at 1; every amendment or remand opens a new revision. */
  readonly revision: number;
}

export type LifecycleEvent =
  /** Every clearer has answered without objection under the decision rule. */
  | { readonly type: 'all-cleared'; readonly notificationRequired: boolean }
  | { readonly type: 'non-concurrence' }
  | {
      readonly type: 'escalation-resolved';
      readonly outcome: 'approve' | 'deny' | 'remand';
      readonly notificationRequired?: boolean;
    }
  | { readonly type: 'amended' }
  /**
   * 2 FAM 1211: after a delaying office's deadline the action office presents
   * the matter without it. From an escalation the missed deadline caused, the
   * matter returns to review, where the decision rule settles it.
   */
  | { readonly type: 'proceeded-without-clearance' }
  | { readonly type: 'withdrawn' }
  /** The §36(b) formal review period ended without a joint resolution. */
  | { readonly type: 'formal-review-ended' }
  /** The President waived the review period by certifying an emergency. */
  | { readonly type: 'emergency-waiver' }
  | { readonly type: 'disapproved' };

export type LifecycleEventType = LifecycleEvent['type'];

export const OPEN_STATUSES: readonly ConsultationStatus[] = [
  'in-review',
  'escalated',
  'congressional-review',
];

export function isOpen(status: ConsultationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** From which statuses each event may happen: the state machine's edges, as data. */
export const LIFECYCLE_TRANSITIONS: Readonly<
  Record<LifecycleEventType, readonly ConsultationStatus[]>
> = {
  'all-cleared': ['in-review'],
  'non-concurrence': ['in-review'],
  'escalation-resolved': ['escalated'],
  amended: ['in-review', 'escalated'],
  'proceeded-without-clearance': ['in-review', 'escalated'],
  withdrawn: OPEN_STATUSES,
  'formal-review-ended': ['congressional-review'],
  'emergency-waiver': ['congressional-review'],
  disapproved: ['congressional-review'],
};

export type LifecycleRefusalCode = 'CONSULTATION_CLOSED' | 'ILLEGAL_TRANSITION' | 'NOT_AN_FMS_CASE';

export type LifecycleResult = PolicyResult<
  {
    state: LifecycleState;
    /** True when a new revision opened: sign-offs of older revisions no longer count. */
    newRevision: boolean;
  },
  LifecycleRefusalCode
>;

/** A new consultation: in review, revision 1. */
export function openConsultation(kind: ConsultationKind): LifecycleState {
  return { kind, status: 'in-review', revision: 1 };
}

function approvedOrNotified(state: LifecycleState, notificationRequired: boolean): LifecycleResult {
  if (!notificationRequired) {
    return accept({ state: { ...state, status: 'approved' }, newRevision: false });
  }
  if (state.kind !== 'fms-case') {
    return refuse(
      'NOT_AN_FMS_CASE',
      `only an FMS case goes to congressional review under AECA §36(b); this is ${state.kind}`,
    );
  }
  return accept({ state: { ...state, status: 'congressional-review' }, newRevision: false });
}

/**
 * The consultation's next status, or a refusal naming why the event cannot
 * happen in its current status. The state is never mutated.
 */
export function transition(state: LifecycleState, event: LifecycleEvent): LifecycleResult {
  if (!LIFECYCLE_TRANSITIONS[event.type].includes(state.status)) {
    return isOpen(state.status)
      ? refuse(
          'ILLEGAL_TRANSITION',
          `"${event.type}" cannot happen while the consultation is ${state.status}`,
        )
      : refuse(
          'CONSULTATION_CLOSED',
          `the consultation is ${state.status} and closed; "${event.type}" cannot happen`,
        );
  }
  const newRevision = (): LifecycleResult =>
    accept({
      state: { ...state, status: 'in-review', revision: state.revision + 1 },
      newRevision: true,
    });

  switch (event.type) {
    case 'all-cleared':
      return approvedOrNotified(state, event.notificationRequired);
    case 'non-concurrence':
      return accept({ state: { ...state, status: 'escalated' }, newRevision: false });
    case 'escalation-resolved':
      switch (event.outcome) {
        case 'approve':
          return approvedOrNotified(state, event.notificationRequired ?? false);
        case 'deny':
          return accept({ state: { ...state, status: 'denied' }, newRevision: false });
        case 'remand':
          return newRevision();
      }
      break;
    case 'amended':
      return newRevision();
    case 'proceeded-without-clearance':
      return accept({ state: { ...state, status: 'in-review' }, newRevision: false });
    case 'withdrawn':
      return accept({ state: { ...state, status: 'withdrawn' }, newRevision: false });
    case 'formal-review-ended':
    case 'emergency-waiver':
      return accept({ state: { ...state, status: 'cleared-for-offer' }, newRevision: false });
    case 'disapproved':
      return accept({ state: { ...state, status: 'disapproved' }, newRevision: false });
  }
}

// ---------------------------------------------------------------------------
// Sign-offs
// ---------------------------------------------------------------------------

export interface RecordedSignOff {
  readonly agency: Agency;
  readonly revision: number;
  readonly decision: SignOffDecision;
  readonly conditions?: readonly ImposedCondition[];
  readonly rationale?: string;
  /** Set when the answer no longer counts: its agency was taken off the clearers. */
  readonly voidedAt?: string;
  /** 'deemed-concurrence' when the clock answered for the agency. */
  readonly basis?: string;
}

export interface SignOffView {
  readonly status: ConsultationStatus;
  readonly revision: number;
  readonly clearers: readonly Agency[];
  readonly signOffs: readonly RecordedSignOff[];
}

export type SignOffSubmission = RecordedSignOff;

export type SignOffRefusalCode =
  | 'CONSULTATION_CLOSED'
  | 'NOT_IN_REVIEW'
  | 'NOT_A_CLEARING_PARTY'
  | 'STALE_REVISION'
  | 'UNKNOWN_REVISION'
  | 'DUPLICATE_SIGN_OFF'
  | 'CONFLICTING_SIGN_OFF'
  | 'CONDITIONS_REQUIRED'
  | 'CONDITIONS_NOT_ALLOWED'
  | 'RATIONALE_REQUIRED';

/** The sign-offs that count: those on the current revision. */
export function countingSignOffs<
  S extends { readonly revision: number; readonly voidedAt?: string },
>(signOffs: readonly S[], revision: number): S[] {
  return signOffs.filter((signOff) => signOff.revision === revision && !signOff.voidedAt);
}

function sameAnswer(a: RecordedSignOff, b: RecordedSignOff): boolean {
  const ids = (s: RecordedSignOff) =>
    (s.conditions ?? [])
      .map((c) => `${c.id}\u0000${c.text}`)
      .sort()
      .join('\u0001');
  return (
    a.decision === b.decision &&
    ids(a) === ids(b) &&
    (a.rationale ?? '').trim() === (b.rationale ?? '').trim()
  );
}

/**
 * Whether an agency's answer can be recorded. A duplicate of an answer already
 * recorded on this revision is refused as DUPLICATE_SIGN_OFF, which a handler
 * acknowledges as a no-op (redelivery is normal on the bus); a different
 * answer on the same revision is CONFLICTING_SIGN_OFF: one answer per revision.
 */
export function canSignOff(
  consultation: SignOffView,
  submission: SignOffSubmission,
): PolicyResult<object, SignOffRefusalCode> {
  const { agency, revision, decision } = submission;
  const previous = consultation.signOffs.find(
    (signOff) => signOff.agency === agency && signOff.revision === revision && !signOff.voidedAt,
  );
  // A repeat of the answer on record is a no-op whatever happened since
  // (the answer itself may have closed or escalated the matter). An answer
  // the clock deemed is not one the agency gave: its late answer is refused.
  if (
    previous !== undefined &&
    previous.basis !== 'deemed-concurrence' &&
    sameAnswer(previous, submission)
  ) {
    return refuse(
      'DUPLICATE_SIGN_OFF',
      `${agency} already answered "${previous.decision}" on revision ${revision}; nothing to record`,
    );
  }
  if (!isOpen(consultation.status)) {
    return refuse(
      'CONSULTATION_CLOSED',
      `the consultation is ${consultation.status}; it no longer takes sign-offs`,
    );
  }
  if (consultation.status !== 'in-review') {
    return refuse(
      'NOT_IN_REVIEW',
      `the consultation is ${consultation.status}; sign-offs are taken only while it is in review`,
    );
  }
  if (!consultation.clearers.includes(agency)) {
    return refuse(
      'NOT_A_CLEARING_PARTY',
      `${agency} is not a clearing party of this consultation; ask the action office (State/PM) to add it`,
    );
  }
  if (revision < consultation.revision) {
    return refuse(
      'STALE_REVISION',
      `the sign-off is for revision ${revision}, but the consultation was amended and is at revision ${consultation.revision}: review the current text and sign again`,
    );
  }
  if (revision > consultation.revision) {
    return refuse(
      'UNKNOWN_REVISION',
      `revision ${revision} does not exist; the consultation is at revision ${consultation.revision}`,
    );
  }
  if (previous !== undefined) {
    return refuse(
      'CONFLICTING_SIGN_OFF',
      `${agency} already answered "${previous.decision}" on revision ${revision} and cannot answer "${decision}" on the same revision; ask the action office for an amendment`,
    );
  }
  const conditions = submission.conditions ?? [];
  if (decision === 'concur-with-conditions' && conditions.length === 0) {
    return refuse('CONDITIONS_REQUIRED', 'a concurrence with conditions must state the conditions');
  }
  if (decision !== 'concur-with-conditions' && conditions.length > 0) {
    return refuse(
      'CONDITIONS_NOT_ALLOWED',
      `conditions go with "concur-with-conditions", not with "${decision}"`,
    );
  }
  if (decision === 'non-concur' && (submission.rationale ?? '').trim() === '') {
    return refuse('RATIONALE_REQUIRED', 'a non-concurrence must give its rationale');
  }
  return accept({});
}

// ---------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------

export interface ConditionOnRecord {
  readonly id: string;
  readonly imposedBy: Agency;
}

/** A recorded consultation with an agency about one of its conditions. */
export interface ConditionConsultation {
  readonly conditionId: string;
  readonly withAgency: Agency;
  readonly at: string;
  readonly summary: string;
}

export type ConditionRemovalRefusalCode =
  | 'NOT_THE_ACTION_OFFICE'
  | 'CONSULTATION_WITH_IMPOSER_REQUIRED';

/**
 * Whether a condition may be dropped. The agency that imposed it may withdraw
 * it; otherwise only the action office may remove it, and only after a
 * recorded consultation with the imposing agency about that condition
 * (GAO-25-107431 found conditions dropped without one).
 */
export function canRemoveCondition(
  condition: ConditionOnRecord,
  requestedBy: Agency,
  consultations: readonly ConditionConsultation[],
): PolicyResult<
  { basis: 'withdrawn-by-imposer' | 'consulted-imposer'; consultation?: ConditionConsultation },
  ConditionRemovalRefusalCode
> {
  if (requestedBy === condition.imposedBy) {
    return accept({ basis: 'withdrawn-by-imposer' as const });
  }
  if (requestedBy !== ACTION_AGENCY) {
    return refuse(
      'NOT_THE_ACTION_OFFICE',
      `only ${condition.imposedBy}, which imposed condition ${condition.id}, or the action office may remove it; ${requestedBy} asked to`,
    );
  }
  const consultation = consultations.find(
    (c) => c.conditionId === condition.id && c.withAgency === condition.imposedBy,
  );
  if (consultation === undefined) {
    return refuse(
      'CONSULTATION_WITH_IMPOSER_REQUIRED',
      `condition ${condition.id} was imposed by ${condition.imposedBy}; record a consultation with ${condition.imposedBy} about it before removing it`,
    );
  }
  return accept({ basis: 'consulted-imposer' as const, consultation });
}
