/**
 * The coordinator's view of one consultation: a plain object, stored as one
 * MongoDB document and changed only by single-document conditional updates.
 * Dates are ISO-8601 UTC strings (`toISOString()`), which also sort and
 * compare correctly as strings in queries.
 */
import type {
  Agency,
  ClockKind,
  CongressCommittee,
  ConditionCategory,
  ConsultationAttributesV1,
  ConsultationKind,
  ConsultationOutcome,
  ConsultationStatus,
  DecisionBasis,
  EscalationCause,
  EscalationLadder,
  EscalationLevel,
  EscalationOutcome,
  MatchBasis,
  OfferClearanceBasis,
  Precedence,
  ScreeningResult,
  SignOffDecision,
  ValueCategory,
} from '@icb/contracts';

export type IsoDate = string;

/** One clearing agency's review of the current revision. */
export interface Review {
  agency: Agency;
  revision: number;
  requestedAt: IsoDate;
  dueAt: IsoDate;
  /** Precedence handling objective: when receipt must be acknowledged. */
  acknowledgeBy?: IsoDate;
  acknowledgedAt?: IsoDate;
  /** The one extension (EAA §10(e)): requested before the deadline. */
  extension?: { days: number; reason: string; grantedAt: IsoDate };
  /** An agency holds the matter while its review is incomplete (DoD). */
  hold?: { reason: string; placedAt: IsoDate };
  state: 'pending' | 'answered' | 'deemed' | 'waived';
  /**
   * Whole calendar days the deadline was pushed back by released holds: a hold
   * stops the agency's clock (deadline, reminders, deemed concurrence) while
   * it is open. `dueAt` already includes them.
   */
  pausedDays?: number;
  /** Holds placed and released on this review, oldest first. */
  holdHistory?: ReviewHoldRecord[];
  /** Set when the action office proceeded without this agency (2 FAM 1211). */
  waived?: {
    at: IsoDate;
    by: Agency;
    rule: { id: string; source: string };
    /** The rule as the action office cited it. */
    citedRule: string;
    justification: string;
    eventId: string;
  };
}

export interface ReviewHoldRecord {
  reason: string;
  placedAt: IsoDate;
  releasedAt: IsoDate;
  releaseReason: string;
  /** Calendar days the deadline moved (the hold's length, rounded up). */
  pausedDays: number;
}

export interface SignOffCondition {
  id: string;
  text: string;
  category?: ConditionCategory;
}

/** A sign-off as recorded, for any revision (older ones stay for the record). */
export interface SignOffRecord {
  agency: Agency;
  revision: number;
  decision: SignOffDecision;
  conditions?: SignOffCondition[];
  rationale?: string;
  officer?: { name: string; title: string };
  submittedAt: IsoDate;
  recordedAt: IsoDate;
  /** The event that carried it (or the clock that deemed it). */
  eventId: string;
  basis: 'submitted' | 'deemed-concurrence';
  /** For a deemed concurrence: the rule and its source (e.g. EAA 1979 §10(e)). */
  rule?: { id: string; source: string };
  /** When the answer stopped counting: the action office took its agency off the clearers. */
  voidedAt?: IsoDate;
}

/** A condition imposed by a concur-with-conditions: first-class, never silently dropped. */
export interface ConditionRecord extends SignOffCondition {
  agency: Agency;
  revision: number;
  imposedAt: IsoDate;
  /**
   * 'retained': the imposing agency refused the removal. 'superseded': the
   * revision that carried it was amended; the agency re-imposes it (or not)
   * when it answers the new revision.
   */
  status: 'active' | 'removal-requested' | 'removed' | 'retained' | 'superseded';
  removal?: {
    justification: string;
    requestedAt: IsoDate;
    answeredAt?: IsoDate;
    agreed?: boolean;
    comment?: string;
  };
}

/** A timer. Fires once: `firedAt` is set by the same conditional update that applies its effect. */
export interface ClockRecord {
  id: string;
  kind: ClockKind | 'reminder' | 'congress-review';
  agency?: Agency;
  revision: number;
  dueAt: IsoDate;
  firedAt?: IsoDate;
  /** For a reminder: the deadline it reminds of. */
  remindsOf?: IsoDate;
}

export interface EscalationStep {
  level: EscalationLevel;
  chair: string;
  raisedAt: IsoDate;
  dueAt: IsoDate;
  decidedAt?: IsoDate;
  outcome?: EscalationOutcome;
  rationale?: string;
  decidedBy?: string;
}

export interface EscalationState {
  ladder: EscalationLadder;
  level: EscalationLevel;
  cause: EscalationCause;
  agency?: Agency;
  reason: string;
  /** Every level the matter reached, oldest first. */
  history: EscalationStep[];
  resolvedAt?: IsoDate;
  outcome?: EscalationOutcome;
  /** Set when the escalation ended in a remand: the revision the remand opened. */
  remandedToRevision?: number;
  /** Set when an amendment re-opened review while the matter was escalated. */
  supersededAt?: IsoDate;
  /** Earlier escalations of this consultation (before an amendment or a remand), oldest first. */
  earlier?: EscalationState[];
}

export type NotificationStep =
  /** Required, but the interagency clearance is not complete yet. */
  | 'awaiting-clearance'
  | 'not-required'
  | 'awaiting-informal'
  | 'informal-review'
  | 'formal-review'
  | 'cleared-for-offer'
  | 'waived'
  | 'disapproved';

export interface CongressHold {
  holdId: string;
  committee: CongressCommittee;
  member?: string;
  note: string;
  placedAt: IsoDate;
  liftedAt?: IsoDate;
}

/** AECA §36(b) congressional notification of an FMS case. */
export interface CongressState {
  required: boolean;
  countryGroup: string;
  reviewDays: number;
  step: NotificationStep;
  committees?: CongressCommittee[];
  /** When the coordinator recorded the informal notice: the tiered review runs from it. */
  informalAt?: IsoDate;
  /** The sender's date of the informal notice (information only). */
  informalSentAt?: IsoDate;
  holds: CongressHold[];
  /** When the coordinator recorded the formal notice: the statutory review runs from it. */
  formalAt?: IsoDate;
  /** The sender's date of the formal notice (information only; never shortens the review). */
  formalSentAt?: IsoDate;
  transmittalNumber?: string;
  reviewEndsAt?: IsoDate;
  /** `certifiedAt` is the sender's date; `recordedAt` the coordinator's. */
  waiver?: { justification: string; certifiedAt: IsoDate; recordedAt?: IsoDate };
  /** `enactedAt` is the sender's date; `recordedAt` the coordinator's. */
  disapproval?: { resolution: string; enactedAt: IsoDate; recordedAt?: IsoDate };
  clearedAt?: IsoDate;
  basis?: OfferClearanceBasis;
  /** The §36(b) columns at or above their threshold, and the threshold table's source. */
  triggeredBy?: ValueCategory[];
  source?: string;
}

export interface ScreeningRecord {
  screeningId?: string;
  screenedAt?: IsoDate;
  list: { name: string; versionDate: string };
  result: ScreeningResult;
  partiesScreened: number;
  matches: {
    partyName: string;
    listEntryUid: string;
    listEntryName: string;
    basis: MatchBasis;
    ownershipPercent?: number;
  }[];
  recordedAt: IsoDate;
  eventId: string;
}

export interface AssessmentRecord {
  assessmentId: string;
  title: string;
  classification: string;
  originator: Agency;
  orcon: boolean;
  noforn: boolean;
  approvedRecipients: Agency[];
  sharedAt: IsoDate;
}

export interface Consultation {
  id: string;
  kind: ConsultationKind;
  actionOffice: string;
  title: string;
  summary: string;
  attributes: ConsultationAttributesV1;
  classification: string;
  precedence: Precedence;
  reference?: string;
  status: ConsultationStatus;
  revision: number;
  /** Agencies that must clear; only the action office changes the list. */
  clearers: Agency[];
  /** The current revision's reviews, one per clearer. */
  reviews: Review[];
  /** Reviews of earlier revisions (an amendment or a remand replaced them), oldest first. */
  earlierReviews?: Review[];
  signOffs: SignOffRecord[];
  conditions: ConditionRecord[];
  clocks: ClockRecord[];
  escalation?: EscalationState;
  congress?: CongressState;
  screenings: ScreeningRecord[];
  assessments: AssessmentRecord[];
  decision?: {
    outcome: ConsultationOutcome;
    basis: DecisionBasis;
    decidedAt: IsoDate;
    rationale?: string;
  };
  /** Agencies whose answer on the current revision is still awaited (for queries). */
  pendingAgencies: Agency[];
  /** Earliest open review deadline (for "overdue" and "closest clock" queries). */
  nextDueAt?: IsoDate;
  /** Earliest unfired clock (for the scheduler). */
  nextClockAt?: IsoDate;
  openedAt: IsoDate;
  updatedAt: IsoDate;
  closedAt?: IsoDate;
  /** Incremented by every change; the condition of every update. */
  version: number;
}
