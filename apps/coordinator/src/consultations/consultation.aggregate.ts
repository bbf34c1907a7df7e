/**
 * The consultation aggregate: pure functions that take the coordinator's state
 * of one consultation and one incoming command or event, and return the
 * decision — the new state, the events to publish and the timeline notes — or a
 * refusal an operator can act on. Nothing here reads the clock, the database or
 * the bus: time comes in `ctx.now`, persistence and publishing are the caller's.
 *
 * Rules come from `../policy`; this file only sequences them. Decisions taken
 * here (and not in the policy) are marked "Decision:" in the comments.
 *
 * Clocks: every deadline clock fires at the first millisecond AFTER its deadline
 * (deadlines are the last instant of a period, 23:59:59.999 UTC), so a clock
 * fires exactly when the policy says the period has passed, never a minute
 * before. A cancelled clock is removed from `clocks` (a timeline note records
 * why); a fired one stays with `firedAt`.
 */
import {
  REVIEW_PERIOD_DAYS,
  type Agency,
  type ClearancePartiesChangedV1,
  type ClockExtensionRequestedV1,
  type ConditionRemovalAnsweredV1,
  type ConditionRemovalRequestedV1,
  type CongressDisapprovalEnactedV1,
  type CongressEmergencyWaiverCertifiedV1,
  type CongressFormalNoticeSentV1,
  type CongressHoldLiftedV1,
  type CongressHoldPlacedV1,
  type CongressInformalNoticeSentV1,
  type ConsultationAmendedV1,
  type ConsultationAttributesV1,
  type ConsultationKind,
  type ConsultationOpenedV1,
  type ConsultationProceededWithoutClearanceV1,
  type ConsultationStatus,
  type ConsultationWithdrawnV1,
  type DecisionBasis,
  type EscalationCause,
  type EscalationDecidedV1,
  type EscalationLadder,
  type EscalationLevel,
  type EscalationOutcome,
  type IntelAssessmentSharedV1,
  type MessageName,
  type Party,
  type PayloadOf,
  type ReviewAcknowledgedV1,
  type ReviewHoldPlacedV1,
  type ReviewHoldReleasedV1,
  type ReviewPeriodDays,
  type SanctionsScreeningCompletedV1,
  type SignOffSubmittedV1,
} from '@icb/contracts';
import {
  ACTION_AGENCY,
  AGENCIES,
  MS_PER_DAY,
  MS_PER_HOUR,
  type LifecycleEvent,
  type NotificationEvent,
  type NotificationState,
  type Referral,
  type SaleValues,
  acknowledgeBy,
  missedAcknowledgementEscalates,
  addCalendarDays,
  applyClearanceChange,
  applyDecision,
  canExtend,
  canProceedWithoutClearance,
  canRemoveCondition,
  canSignOff,
  countingSignOffs,
  decisionRuleFor,
  deemedConcurrence,
  deemedConcurrenceRule,
  evaluate,
  firstLevel,
  isKnownOffice,
  isOpen,
  ladderFor,
  levelDueAt,
  levelSpec,
  nextNotificationState,
  referralDueAt,
  reminderTimes,
  requiredClearers,
  requiresNotification,
  reviewDueAt,
  reviewPeriodDays,
  shouldEscalate,
  transition,
} from '../policy';
import type {
  ClockRecord,
  ConditionRecord,
  Consultation,
  CongressState,
  EscalationState,
  EscalationStep,
  IsoDate,
  Review,
  SignOffRecord,
} from './consultation.model';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface ChangeContext {
  /** ISO-8601 UTC instant of the change. */
  now: string;
  /** The id of the event (or clock) that caused the change. */
  eventId: string;
}

/**
 * One event to publish. `purpose` is unique within one change and, with the
 * cause's id, derives a deterministic event id (a retried change re-publishes
 * the same ids, which JetStream de-duplicates). A union over the catalog, so
 * narrowing on `name` types the payload.
 */
export type Outgoing<N extends MessageName = MessageName> = {
  [K in N]: { name: K; payload: PayloadOf<K>; purpose: string };
}[N];

export interface TimelineNote {
  /** e.g. 'signoff.recorded'. */
  type: string;
  /** One human line. */
  summary: string;
  /** The party that caused it, 'coordinator' for its own decisions, or 'clock'. */
  actor: Party | 'clock';
  data?: Record<string, unknown>;
}

export type Change =
  | { ok: true; state: Consultation; events: Outgoing[]; notes: TimelineNote[] }
  | {
      ok: false;
      code: string;
      /** A sentence an operator understands and can act on. */
      message: string;
      /** True for an exact duplicate: acknowledge the message and do nothing. */
      noop?: boolean;
    };

export type Refused = Extract<Change, { ok: false }>;

/**
 * Who records the decisions of each ladder's levels on the bus. Only NSC may
 * publish `escalation.decided` (catalog), so NSC's Executive Secretariat records
 * the licensing ladder's decisions too (Operating Committee, ACEP and EARB are
 * chaired by Commerce, which is not a party on the bus). A wire fact, not
 * effective-dated policy.
 */
export const ESCALATION_RECORDER: Readonly<Record<EscalationLadder, Agency>> = {
  nsc: 'nsc',
  licensing: 'nsc',
};

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

interface Draft {
  state: Consultation;
  events: Outgoing[];
  notes: TimelineNote[];
}

function draftOf(state: Consultation): Draft {
  return { state, events: [], notes: [] };
}

function emit<N extends MessageName>(
  draft: Draft,
  name: N,
  payload: PayloadOf<N>,
  purpose: string,
): void {
  draft.events.push({ name, payload, purpose } as unknown as Outgoing);
}

function note(
  draft: Draft,
  type: string,
  actor: TimelineNote['actor'],
  summary: string,
  data?: Record<string, unknown>,
): void {
  draft.notes.push(data === undefined ? { type, summary, actor } : { type, summary, actor, data });
}

function refused(code: string, message: string, noop = false): Refused {
  return noop ? { ok: false, code, message, noop: true } : { ok: false, code, message };
}

const iso = (date: Date): IsoDate => date.toISOString();
const ms = (instant: IsoDate): number => Date.parse(instant);
/** The first instant after a deadline: when its clock fires. */
const justAfter = (deadline: IsoDate): IsoDate => new Date(ms(deadline) + 1).toISOString();

function earliestOf(instants: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  return instants
    .filter((i): i is IsoDate => i !== undefined)
    .reduce<IsoDate | undefined>((a, b) => (a === undefined || ms(b) < ms(a) ? b : a), undefined);
}

function latestOf(instants: readonly IsoDate[]): IsoDate | undefined {
  return instants.reduce<IsoDate | undefined>(
    (a, b) => (a === undefined || ms(b) > ms(a) ? b : a),
    undefined,
  );
}

function sameConsultation(state: Consultation, cmd: { consultationId: string }): Refused | null {
  return cmd.consultationId === state.id
    ? null
    : refused(
        'WRONG_CONSULTATION',
        `the message is about consultation ${cmd.consultationId}, not ${state.id}`,
      );
}

function toSaleValues(values: ConsultationAttributesV1['values']): SaleValues {
  const sale: Partial<Record<(typeof values)[number]['category'], number>> = {};
  for (const v of values) sale[v.category] = (sale[v.category] ?? 0) + v.amountUsd;
  return sale;
}

function inAgencyOrder(agencies: readonly Agency[]): Agency[] {
  return AGENCIES.filter((a) => agencies.includes(a));
}

function lifecycle(state: Consultation, event: LifecycleEvent) {
  return transition({ kind: state.kind, status: state.status, revision: state.revision }, event);
}

/** For a transition this module already checked: a refusal here is a programming error. */
function mustTransition(state: Consultation, event: LifecycleEvent): ConsultationStatus {
  const result = lifecycle(state, event);
  if (!result.ok) throw new Error(`aggregate bug: ${result.code}: ${result.message}`);
  return result.state.status;
}

// ---------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------

const isLive = (clock: ClockRecord): boolean => clock.firedAt === undefined;

/** Deadline-related clocks of one review: reminders before its deadline, and the deadline itself. */
function deadlineClocks(review: Review, now: IsoDate): ClockRecord[] {
  const reminders = reminderTimes(review.dueAt, now, now).map(
    (at): ClockRecord => ({
      id: `reminder:${review.agency}:r${review.revision}@${iso(at)}`,
      kind: 'reminder',
      agency: review.agency,
      revision: review.revision,
      dueAt: iso(at),
      remindsOf: review.dueAt,
    }),
  );
  return [
    ...reminders,
    {
      id: `review:${review.agency}:r${review.revision}@${review.dueAt}`,
      kind: 'review',
      agency: review.agency,
      revision: review.revision,
      dueAt: justAfter(review.dueAt),
    },
  ];
}

function reviewClocks(review: Review, now: IsoDate): ClockRecord[] {
  const ack: ClockRecord[] =
    review.acknowledgeBy === undefined
      ? []
      : [
          {
            id: `acknowledgement:${review.agency}:r${review.revision}@${review.acknowledgeBy}`,
            kind: 'acknowledgement',
            agency: review.agency,
            revision: review.revision,
            dueAt: justAfter(review.acknowledgeBy),
          },
        ];
  return [...ack, ...deadlineClocks(review, now)];
}

const REVIEW_CLOCK_KINDS: readonly ClockRecord['kind'][] = [
  'acknowledgement',
  'reminder',
  'review',
];

function withoutLiveClocks(
  state: Consultation,
  match: (clock: ClockRecord) => boolean,
): Consultation {
  return { ...state, clocks: state.clocks.filter((c) => !(isLive(c) && match(c))) };
}

// ---------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------

/**
 * A review requested now. Where silence is deemed concurrence, the deadline is
 * the referral period of that rule (the statute's, whatever the precedence);
 * elsewhere the review period of the kind and precedence.
 */
function newReview(
  state: Pick<Consultation, 'kind' | 'precedence'>,
  agency: Agency,
  revision: number,
  now: IsoDate,
): Review {
  const referralDue = referralDueAt({ kind: state.kind, referredAt: now, extensionsGranted: 0 });
  return {
    agency,
    revision,
    requestedAt: now,
    dueAt: iso(referralDue ?? reviewDueAt(state.kind, state.precedence, now, now)),
    acknowledgeBy: iso(acknowledgeBy(state.precedence, now)),
    state: 'pending',
  };
}

function requestReview(draft: Draft, review: Review): void {
  const s = draft.state;
  emit(
    draft,
    'review.requested',
    {
      consultationId: s.id,
      agency: review.agency,
      revision: review.revision,
      kind: s.kind,
      title: s.title,
      summary: s.summary,
      dueAt: review.dueAt,
      precedence: s.precedence,
      ...(review.acknowledgeBy === undefined ? {} : { acknowledgeBy: review.acknowledgeBy }),
      classification: s.classification,
    },
    `review-requested:${review.agency}:r${review.revision}`,
  );
}

function findReview(state: Consultation, agency: Agency): Review | undefined {
  return state.reviews.find((r) => r.agency === agency && r.revision === state.revision);
}

function replaceReview(state: Consultation, review: Review): Consultation {
  return {
    ...state,
    reviews: state.reviews.map((r) =>
      r.agency === review.agency && r.revision === review.revision ? review : r,
    ),
  };
}

/** The referral as the deemed-concurrence policy sees it; holds push its start back. */
function referralOf(kind: ConsultationKind, review: Review): Referral {
  return {
    kind,
    referredAt: iso(addCalendarDays(review.requestedAt, review.pausedDays ?? 0)),
    extensionsGranted: review.extension === undefined ? 0 : 1,
  };
}

/**
 * Opens review of `revision` for every clearer: new reviews and clocks, the
 * previous revision's clocks cancelled, its conditions superseded, an open
 * escalation superseded. Used by an amendment and by a remand.
 */
function reopenReview(draft: Draft, revision: number, ctx: ChangeContext): void {
  const before = draft.state;
  const cancelled = before.clocks.filter(isLive).length;
  let state: Consultation = withoutLiveClocks(
    { ...before, revision, status: 'in-review' },
    () => true,
  );
  state = {
    ...state,
    conditions: state.conditions.map((c) =>
      c.revision < revision && (c.status === 'active' || c.status === 'removal-requested')
        ? { ...c, status: 'superseded' }
        : c,
    ),
    escalation:
      state.escalation !== undefined && state.escalation.resolvedAt === undefined
        ? { ...state.escalation, supersededAt: ctx.now }
        : state.escalation,
  };
  const reviews = state.clearers.map((agency) => newReview(state, agency, revision, ctx.now));
  state = {
    ...state,
    // `reviews` holds the current revision's only; the replaced ones are history.
    earlierReviews: [
      ...(state.earlierReviews ?? []),
      ...state.reviews.filter((r) => r.revision < revision),
    ],
    reviews,
    clocks: [...state.clocks, ...reviews.flatMap((r) => reviewClocks(r, ctx.now))],
  };
  draft.state = state;
  for (const review of reviews) requestReview(draft, review);
  note(
    draft,
    'review.reopened',
    'coordinator',
    `Review re-opened on revision ${revision}: ${state.clearers.join(', ')} asked to review again; ` +
      `sign-offs on earlier revisions no longer count (${cancelled} clock(s) of revision ${before.revision} cancelled)`,
    { revision, clearers: state.clearers, cancelledClocks: cancelled },
  );
}

// ---------------------------------------------------------------------------
// Escalation
// ---------------------------------------------------------------------------

/** The step of a level entered now, and its clock when the level is on one. */
function enterLevel(
  state: Consultation,
  ladder: EscalationLadder,
  level: EscalationLevel,
  now: IsoDate,
): { step: EscalationStep; clock?: ClockRecord } {
  const spec = levelSpec(ladder, level, now);
  if (spec === undefined) throw new Error(`aggregate bug: ${level} is not on the ${ladder} ladder`);
  const due = levelDueAt(
    ladder,
    level,
    {
      enteredAt: now,
      agenciesDueAt: latestOf(
        state.reviews.filter((r) => r.revision === state.revision).map((r) => r.dueAt),
      ),
      applicationAt: state.openedAt,
    },
    now,
  );
  // Decision: a level not on a clock (the President) is "due" on entry; no clock runs.
  const dueAt = due === undefined ? now : iso(due);
  const step: EscalationStep = { level, chair: spec.chair, raisedAt: now, dueAt };
  const clock: ClockRecord | undefined =
    due === undefined
      ? undefined
      : {
          id: `escalation:${ladder}:${level}@${dueAt}`,
          kind: 'escalation',
          revision: state.revision,
          dueAt: justAfter(dueAt),
        };
  return { step, clock };
}

function emitRaised(draft: Draft, escalation: EscalationState, step: EscalationStep): void {
  emit(
    draft,
    'escalation.raised',
    {
      consultationId: draft.state.id,
      ladder: escalation.ladder,
      level: step.level,
      chair: step.chair,
      reason: escalation.reason,
      dueAt: step.dueAt,
      triggeredBy: {
        ...(escalation.agency === undefined ? {} : { agency: escalation.agency }),
        cause: escalation.cause,
      },
    },
    `escalation-raised:${escalation.ladder}:${step.level}`,
  );
  note(
    draft,
    'escalation.raised',
    'coordinator',
    `Escalated to ${levelSpec(escalation.ladder, step.level, step.raisedAt)?.name ?? step.level} ` +
      `(chair: ${step.chair}), due ${step.dueAt}: ${escalation.reason}`,
    { ladder: escalation.ladder, level: step.level, cause: escalation.cause },
  );
}

/** Takes the matter to the first level of its kind's ladder. */
function escalate(
  draft: Draft,
  cause: EscalationCause,
  agency: Agency | undefined,
  reason: string,
  ctx: ChangeContext,
): void {
  const state = draft.state;
  const ladder = ladderFor(state.kind, ctx.now);
  const level = firstLevel(ladder, ctx.now);
  const { step, clock } = enterLevel(state, ladder, level, ctx.now);
  const previous = state.escalation;
  const withoutReviewClocks = withoutLiveClocks(state, (c) => REVIEW_CLOCK_KINDS.includes(c.kind));
  const escalation: EscalationState = {
    ladder,
    level,
    cause,
    ...(agency === undefined ? {} : { agency }),
    reason,
    history: [step],
    ...(previous === undefined
      ? {}
      : { earlier: [...(previous.earlier ?? []), { ...previous, earlier: undefined }] }),
  };
  draft.state = {
    ...withoutReviewClocks,
    // The lifecycle's only edge from in-review to escalated, whatever the cause.
    status: mustTransition(state, { type: 'non-concurrence' }),
    escalation,
    clocks: [...withoutReviewClocks.clocks, ...(clock ? [clock] : [])],
  };
  emitRaised(draft, escalation, step);
}

/** Closes the current level with `outcome` (records the step, emits escalation.resolved). */
function resolveLevel(
  draft: Draft,
  decision: {
    outcome: EscalationOutcome;
    rationale: string;
    decidedBy: string;
    decidedAt: IsoDate;
  },
  closesEscalation: boolean,
  ctx: ChangeContext,
): EscalationState {
  const state = draft.state;
  const escalation = state.escalation as EscalationState;
  const history = escalation.history.map((step, i) =>
    i === escalation.history.length - 1
      ? {
          ...step,
          decidedAt: decision.decidedAt,
          outcome: decision.outcome,
          rationale: decision.rationale,
          decidedBy: decision.decidedBy,
        }
      : step,
  );
  const resolved: EscalationState = {
    ...escalation,
    history,
    ...(closesEscalation ? { resolvedAt: ctx.now, outcome: decision.outcome } : {}),
  };
  draft.state = {
    ...withoutLiveClocks(state, (c) => c.kind === 'escalation'),
    escalation: resolved,
  };
  emit(
    draft,
    'escalation.resolved',
    {
      consultationId: state.id,
      ladder: escalation.ladder,
      level: escalation.level,
      outcome: decision.outcome,
      rationale: decision.rationale,
    },
    `escalation-resolved:${escalation.ladder}:${escalation.level}`,
  );
  return resolved;
}

/** Sends the matter to the next level of the ladder (after a refer-up or a missed level deadline). */
function referUp(draft: Draft, next: EscalationLevel, ctx: ChangeContext): void {
  const escalation = draft.state.escalation as EscalationState;
  const { step, clock } = enterLevel(draft.state, escalation.ladder, next, ctx.now);
  const raised: EscalationState = {
    ...escalation,
    level: next,
    cause: 'referral',
    history: [...escalation.history, step],
  };
  draft.state = {
    ...draft.state,
    escalation: raised,
    clocks: [...draft.state.clocks, ...(clock ? [clock] : [])],
  };
  emitRaised(draft, raised, step);
}

// ---------------------------------------------------------------------------
// Settle: the decision rule, escalation and the derived fields
// ---------------------------------------------------------------------------

interface SettleOptions {
  /** Why the status changed, when the caller changed it. */
  reason?: string;
  /** Agencies whose review deadline just passed without an answer. */
  missed?: readonly Agency[];
  /** Agencies whose acknowledgement deadline just passed, where that escalates. */
  unacknowledged?: readonly Agency[];
}

function decisionBasis(state: Consultation): DecisionBasis {
  const current = state.reviews.filter((r) => r.revision === state.revision);
  if (current.some((r) => r.state === 'waived')) return 'proceeded-without-clearance';
  if (current.some((r) => r.state === 'deemed')) return 'deemed-concurrence';
  return 'unanimous-concurrence';
}

/** Interagency clearance is complete: notify Congress (FMS above threshold) or approve. */
function cleared(
  draft: Draft,
  basis: DecisionBasis,
  lifecycleEvent: LifecycleEvent,
  ctx: ChangeContext,
): string {
  const state = draft.state;
  const congress = state.congress;
  const status = mustTransition(state, lifecycleEvent);
  const reviewClocksGone = withoutLiveClocks(state, (c) => REVIEW_CLOCK_KINDS.includes(c.kind));
  if (status === 'congressional-review' && congress !== undefined) {
    draft.state = {
      ...reviewClocksGone,
      status,
      congress: { ...congress, step: 'awaiting-informal' },
    };
    return (
      `interagency clearance complete (${basis}); AECA §36(b) requires notifying Congress ` +
      `(${congress.countryGroup}, ${congress.reviewDays}-day review)`
    );
  }
  const decidedBasis = lifecycleEvent.type === 'escalation-resolved' ? 'escalation' : basis;
  draft.state = {
    ...reviewClocksGone,
    status,
    decision: { outcome: 'approved', basis: decidedBasis, decidedAt: ctx.now },
  };
  emit(
    draft,
    'consultation.decided',
    {
      consultationId: state.id,
      outcome: 'approved',
      basis: decidedBasis,
      revision: state.revision,
      decidedAt: ctx.now,
    },
    'consultation-decided',
  );
  if (state.kind === 'fms-case' && congress !== undefined && !congress.required) {
    // Decision: an FMS case below every threshold is told it may go to offer
    // now (basis 'below-threshold'); its status stays 'approved'.
    draft.state = {
      ...draft.state,
      congress: { ...congress, clearedAt: ctx.now, basis: 'below-threshold' },
    };
    emit(
      draft,
      'congress.cleared-for-offer',
      { consultationId: state.id, basis: 'below-threshold', clearedAt: ctx.now },
      'cleared-for-offer',
    );
  }
  return `approved (${decidedBasis})`;
}

function settle(
  before: Consultation,
  draft: Draft,
  ctx: ChangeContext,
  opts: SettleOptions = {},
): Change {
  let reason = opts.reason;
  if (draft.state.status === 'in-review') {
    const state = draft.state;
    const rule = decisionRuleFor(state.kind, ctx.now).rule;
    const current = state.reviews.filter((r) => r.revision === state.revision);
    const evaluation = evaluate(
      rule,
      countingSignOffs(state.signOffs, state.revision),
      state.clearers,
      { excused: current.filter((r) => r.state === 'waived').map((r) => r.agency) },
    );
    if (evaluation.state === 'cleared') {
      reason = cleared(
        draft,
        decisionBasis(state),
        { type: 'all-cleared', notificationRequired: state.congress?.required ?? false },
        ctx,
      );
    } else if (evaluation.state === 'non-concurrence') {
      const agency = evaluation.nonConcurring[0];
      reason = `${evaluation.nonConcurring.join(', ')} non-concurred on revision ${state.revision}`;
      escalate(draft, 'non-concur', agency, reason, ctx);
    } else if (opts.missed !== undefined && opts.missed.length > 0) {
      const missed = opts.missed.filter((a) => evaluation.pendingAgencies.includes(a));
      const firstDue = earliestOf(
        current.filter((r) => missed.includes(r.agency)).map((r) => r.dueAt),
      );
      if (missed.length > 0 && firstDue !== undefined) {
        const decision = shouldEscalate(
          { kind: state.kind, state: 'pending', reviewDueAt: firstDue },
          ctx.now,
          ctx.now,
        );
        if (decision.escalate) {
          reason = `${missed.join(', ')} did not answer revision ${state.revision} by the deadline`;
          escalate(draft, 'missed-deadline', missed[0], reason, ctx);
        }
      }
    }
    const unacknowledged = (opts.unacknowledged ?? []).filter((a) =>
      evaluation.pendingAgencies.includes(a),
    );
    if (draft.state.status === 'in-review' && unacknowledged.length > 0) {
      reason =
        `${unacknowledged.join(', ')} did not acknowledge the ${state.precedence} request ` +
        `(revision ${state.revision}) in time`;
      escalate(draft, 'missed-acknowledgement', unacknowledged[0], reason, ctx);
    }
  }

  let state = draft.state;
  if (!isOpen(state.status)) {
    const live = state.clocks.filter(isLive).length;
    state = withoutLiveClocks(state, () => true);
    if (live > 0) {
      note(
        draft,
        'clocks.cancelled',
        'coordinator',
        `${live} clock(s) cancelled: the consultation is ${state.status}`,
      );
    }
  }
  const current = state.reviews.filter((r) => r.revision === state.revision);
  const open = state.status === 'in-review' ? current.filter((r) => r.state === 'pending') : [];
  const pendingAgencies = inAgencyOrder(open.map((r) => r.agency));
  // A held review's deadline is stopped: it is not "due" until the hold is released.
  const nextDueAt = earliestOf(open.filter((r) => r.hold === undefined).map((r) => r.dueAt));
  const nextClockAt = earliestOf(state.clocks.filter(isLive).map((c) => c.dueAt));
  state = {
    ...state,
    pendingAgencies,
    nextDueAt,
    nextClockAt,
    updatedAt: ctx.now,
    ...(isOpen(state.status) ? {} : { closedAt: state.closedAt ?? ctx.now }),
  };
  if (nextDueAt === undefined) delete state.nextDueAt;
  if (nextClockAt === undefined) delete state.nextClockAt;
  draft.state = state;

  if (before.status !== state.status) {
    const why = reason ?? `moved from ${before.status} to ${state.status}`;
    emit(
      draft,
      'consultation.status-changed',
      {
        consultationId: state.id,
        from: before.status,
        to: state.status,
        reason: why,
        revision: state.revision,
        pendingAgencies,
      },
      'status-changed',
    );
    note(
      draft,
      'status.changed',
      'coordinator',
      `Status ${before.status} → ${state.status}: ${why}`,
      {
        from: before.status,
        to: state.status,
      },
    );
  }
  return done(draft);
}

function done(draft: Draft): Change {
  const purposes = new Set<string>();
  for (const event of draft.events) {
    if (purposes.has(event.purpose)) {
      throw new Error(`aggregate bug: two events with purpose "${event.purpose}" in one change`);
    }
    purposes.add(event.purpose);
  }
  return { ok: true, state: draft.state, events: draft.events, notes: draft.notes };
}

// ---------------------------------------------------------------------------
// Opening, amending, withdrawing, clearers
// ---------------------------------------------------------------------------

function congressFor(
  kind: ConsultationKind,
  attributes: ConsultationAttributesV1,
  asOf: IsoDate,
): CongressState | undefined {
  if (kind !== 'fms-case') return undefined;
  const requirement = requiresNotification(
    attributes.country,
    toSaleValues(attributes.values),
    asOf,
  );
  return {
    required: requirement.required,
    countryGroup: requirement.group,
    reviewDays: requirement.reviewPeriodDays,
    step: requirement.required ? 'awaiting-clearance' : 'not-required',
    holds: [],
    triggeredBy: [...requirement.triggeredBy],
    source: requirement.source,
  };
}

/**
 * State/PM opens a consultation: revision 1, in review, one review per clearer
 * (the override in the message, or the clearance policy's), each with its
 * deadline, acknowledgement deadline and reminders; for an FMS case, whether
 * AECA §36(b) notification will be needed.
 *
 * Decision: the opening emits `consultation.status-changed` from 'in-review' to
 * 'in-review' (the contract has no "none" status) with reason 'opened'.
 */
export function openConsultation(cmd: ConsultationOpenedV1, ctx: ChangeContext): Change {
  const now = ctx.now;
  if (!isKnownOffice(cmd.actionOffice, now)) {
    return refused(
      'UNKNOWN_ACTION_OFFICE',
      `${cmd.actionOffice} is not an action office in the directory on ${now.slice(0, 10)}; ` +
        'check the office code (e.g. PM/DS)',
    );
  }
  const named = cmd.clearingParties;
  if (named !== undefined && named.includes(ACTION_AGENCY)) {
    return refused(
      'ACTION_OFFICE_IS_NOT_A_CLEARER',
      'State/PM owns the consultation as action office and cannot be named to clear it',
    );
  }
  const clearers = inAgencyOrder(
    named ??
      requiredClearers(
        cmd.kind,
        { country: cmd.attributes.country, values: toSaleValues(cmd.attributes.values) },
        now,
      ),
  );
  if (clearers.length === 0) {
    return refused(
      'NO_CLEARERS',
      'a consultation needs at least one clearing party; name one or leave clearingParties out',
    );
  }
  const base = { kind: cmd.kind, precedence: cmd.precedence };
  const reviews = clearers.map((agency) => newReview(base, agency, 1, now));
  const congress = congressFor(cmd.kind, cmd.attributes, now);
  const state: Consultation = {
    id: cmd.consultationId,
    kind: cmd.kind,
    actionOffice: cmd.actionOffice,
    title: cmd.title,
    summary: cmd.summary,
    attributes: cmd.attributes,
    classification: cmd.classification,
    precedence: cmd.precedence,
    ...(cmd.reference === undefined ? {} : { reference: cmd.reference }),
    status: 'in-review',
    revision: 1,
    clearers,
    reviews,
    signOffs: [],
    conditions: [],
    clocks: reviews.flatMap((r) => reviewClocks(r, now)),
    ...(congress === undefined ? {} : { congress }),
    screenings: [],
    assessments: [],
    pendingAgencies: clearers,
    openedAt: now,
    updatedAt: now,
    version: 0,
  };
  const draft = draftOf(state);
  for (const review of reviews) requestReview(draft, review);
  note(
    draft,
    'consultation.opened',
    ACTION_AGENCY,
    `Opened by ${cmd.actionOffice} (${cmd.kind}, ${cmd.precedence}); clearers: ${clearers.join(', ')}` +
      (named === undefined ? ' (from the clearance policy)' : ' (named by the action office)') +
      (congress?.required
        ? `; AECA §36(b) notification required (${congress.countryGroup}, ${congress.reviewDays} days)`
        : ''),
    { clearers, congressRequired: congress?.required },
  );
  const change = settle(state, draft, ctx);
  if (!change.ok) return change;
  change.events.push({
    name: 'consultation.status-changed',
    payload: {
      consultationId: state.id,
      from: 'in-review',
      to: change.state.status,
      reason: 'opened',
      revision: 1,
      pendingAgencies: change.state.pendingAgencies,
    },
    purpose: 'status-changed',
  });
  return change;
}

/** Whether revision `r` was opened by a remand (an amendment may not reuse its number). */
function openedByRemand(state: Consultation, revision: number): boolean {
  const escalations = state.escalation
    ? [...(state.escalation.earlier ?? []), state.escalation]
    : [];
  return escalations.some((e) => e.remandedToRevision === revision);
}

/**
 * State/PM amends: the new revision (exactly the next one) re-opens review of
 * every clearer; earlier sign-offs no longer count, the old revision's clocks
 * are cancelled and an open escalation is superseded.
 */
export function amend(state: Consultation, cmd: ConsultationAmendedV1, ctx: ChangeContext): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (cmd.revision === state.revision && !openedByRemand(state, cmd.revision)) {
    return refused(
      'DUPLICATE_AMENDMENT',
      `revision ${cmd.revision} is already applied; nothing to do`,
      true,
    );
  }
  if (cmd.revision !== state.revision + 1) {
    return refused(
      'REVISION_OUT_OF_ORDER',
      `the amendment is revision ${cmd.revision}, but the consultation is at revision ${state.revision}: ` +
        `the next amendment must be revision ${state.revision + 1}`,
    );
  }
  const check = lifecycle(state, { type: 'amended' });
  if (!check.ok) {
    return refused(
      check.code,
      state.status === 'congressional-review'
        ? 'interagency clearance is complete and Congress is being notified; an amendment would need a new case'
        : check.message,
    );
  }
  const changes = cmd.changes;
  const amended: Consultation = {
    ...state,
    ...(changes.title === undefined ? {} : { title: changes.title }),
    ...(changes.summary === undefined ? {} : { summary: changes.summary }),
    ...(changes.attributes === undefined ? {} : { attributes: changes.attributes }),
    ...(changes.classification === undefined ? {} : { classification: changes.classification }),
  };
  const draft = draftOf(amended);
  note(
    draft,
    'consultation.amended',
    ACTION_AGENCY,
    `Amended to revision ${cmd.revision} (${Object.keys(changes).join(', ')}): ${cmd.reason}`,
    { revision: cmd.revision, changed: Object.keys(changes) },
  );
  reopenReview(draft, check.state.revision, ctx);
  if (changes.attributes !== undefined && state.kind === 'fms-case') {
    const congress = congressFor(state.kind, changes.attributes, ctx.now);
    if (congress !== undefined) draft.state = { ...draft.state, congress };
  }
  return settle(state, draft, ctx, {
    reason: `amended to revision ${cmd.revision}: ${cmd.reason}`,
  });
}

/** State/PM withdraws an open consultation: closed, every clock cancelled. */
export function withdraw(
  state: Consultation,
  cmd: ConsultationWithdrawnV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.status === 'withdrawn') {
    return refused(
      'ALREADY_WITHDRAWN',
      'the consultation is already withdrawn; nothing to do',
      true,
    );
  }
  const check = lifecycle(state, { type: 'withdrawn' });
  if (!check.ok) return refused(check.code, check.message);
  const draft = draftOf({ ...state, status: check.state.status });
  note(
    draft,
    'consultation.withdrawn',
    ACTION_AGENCY,
    `Withdrawn by the action office: ${cmd.reason}`,
  );
  return settle(state, draft, ctx, { reason: `withdrawn: ${cmd.reason}` });
}

/**
 * The action office (State/PM only, 2 FAM 1211-1213) adds or removes clearers
 * while the consultation is in review. A new clearer gets a review of the
 * current revision; a removed one leaves the pending list (its answers stay on
 * record but no longer count).
 */
export function changeClearers(
  state: Consultation,
  cmd: ClearancePartiesChangedV1,
  publisher: Party,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (publisher !== ACTION_AGENCY) {
    return refused(
      'NOT_THE_ACTION_OFFICE',
      `only the action office (State/PM) may add or remove clearing parties; ${publisher} asked to`,
    );
  }
  if (state.status !== 'in-review') {
    return refused(
      isOpen(state.status) ? 'NOT_IN_REVIEW' : 'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; clearing parties change only while it is in review`,
    );
  }
  const result = applyClearanceChange(state.clearers, cmd, publisher);
  if (!result.ok) return refused(result.code, result.message);
  if (result.added.length === 0 && result.removed.length === 0) {
    return refused('NO_CHANGE', 'every agency to add already clears; nothing to do', true);
  }
  const added = result.added.map((agency) => newReview(state, agency, state.revision, ctx.now));
  const removed = result.removed;
  let next: Consultation = withoutLiveClocks(
    state,
    (c) => c.agency !== undefined && removed.includes(c.agency),
  );
  next = {
    ...next,
    clearers: result.clearers,
    reviews: [
      ...next.reviews.filter((r) => !(r.revision === state.revision && removed.includes(r.agency))),
      ...added,
    ],
    clocks: [...next.clocks, ...added.flatMap((r) => reviewClocks(r, ctx.now))],
  };
  const draft = draftOf(next);
  for (const review of added) requestReview(draft, review);
  note(
    draft,
    'clearers.changed',
    ACTION_AGENCY,
    `Clearing parties changed by the action office` +
      (result.added.length ? `; added ${result.added.join(', ')}` : '') +
      (removed.length ? `; removed ${removed.join(', ')}` : '') +
      `: ${cmd.reason}`,
    { added: result.added, removed, clearers: result.clearers },
  );
  return settle(state, draft, ctx, { reason: `clearing parties changed: ${cmd.reason}` });
}

// ---------------------------------------------------------------------------
// Reviews: acknowledgement and holds
// ---------------------------------------------------------------------------

function pendingReviewOf(state: Consultation, agency: Agency, what: string): Review | Refused {
  if (!isOpen(state.status)) {
    return refused(
      'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; ${what} no longer applies`,
    );
  }
  const review = findReview(state, agency);
  if (review === undefined || !state.clearers.includes(agency)) {
    return refused(
      'NOT_A_CLEARING_PARTY',
      `${agency} is not a clearing party of this consultation; ask the action office (State/PM) to add it`,
    );
  }
  return review;
}

const isRefused = (value: unknown): value is Refused =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

/** An agency acknowledges receipt of the request: its acknowledgement clock stops. */
export function acknowledgeReview(
  state: Consultation,
  cmd: ReviewAcknowledgedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (cmd.revision < state.revision) {
    return refused(
      'STALE_REVISION',
      `the acknowledgement is for revision ${cmd.revision}; the consultation is at revision ${state.revision}`,
    );
  }
  if (cmd.revision > state.revision) {
    return refused(
      'UNKNOWN_REVISION',
      `revision ${cmd.revision} does not exist; the consultation is at revision ${state.revision}`,
    );
  }
  const review = pendingReviewOf(state, cmd.agency, 'an acknowledgement');
  if (isRefused(review)) return review;
  if (review.acknowledgedAt !== undefined) {
    return refused(
      'DUPLICATE_ACKNOWLEDGEMENT',
      `${cmd.agency} already acknowledged revision ${cmd.revision} at ${review.acknowledgedAt}`,
      true,
    );
  }
  const next = withoutLiveClocks(
    replaceReview(state, { ...review, acknowledgedAt: ctx.now }),
    (c) => c.kind === 'acknowledgement' && c.agency === cmd.agency,
  );
  const draft = draftOf(next);
  const late = review.acknowledgeBy !== undefined && ms(ctx.now) > ms(review.acknowledgeBy);
  note(
    draft,
    'review.acknowledged',
    cmd.agency,
    `${cmd.agency} acknowledged revision ${cmd.revision}` +
      (late ? ` (late: due by ${review.acknowledgeBy})` : ''),
  );
  return settle(state, draft, ctx);
}

/**
 * An agency holds its review open (NSPD-56: DoD has not completed its review).
 *
 * Decision: a hold stops that agency's clock. While held, its deadline,
 * reminders and (for an export-license referral) deemed-concurrence clock do
 * not run; the action office cannot proceed without it. On release the
 * deadline moves back by the hold's length in whole calendar days, rounded up
 * (as the NSPD-56 adjudication clock counts stopped days), and the clocks are
 * set again from the new deadline.
 */
export function placeReviewHold(
  state: Consultation,
  cmd: ReviewHoldPlacedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const review = pendingReviewOf(state, cmd.agency, 'a hold');
  if (isRefused(review)) return review;
  if (review.hold !== undefined) {
    return refused(
      'HOLD_ALREADY_PLACED',
      `${cmd.agency} has held its review since ${review.hold.placedAt}; nothing to do`,
      true,
    );
  }
  if (state.status !== 'in-review' || review.state !== 'pending') {
    return refused(
      'NOT_IN_REVIEW',
      `${cmd.agency}'s review is ${review.state} and the consultation ${state.status}; only an open review can be held`,
    );
  }
  const next = withoutLiveClocks(
    replaceReview(state, { ...review, hold: { reason: cmd.reason, placedAt: ctx.now } }),
    (c) => c.agency === cmd.agency && (c.kind === 'review' || c.kind === 'reminder'),
  );
  const draft = draftOf(next);
  note(
    draft,
    'review.hold-placed',
    cmd.agency,
    `${cmd.agency} placed a hold on its review; its deadline (${review.dueAt}) is stopped: ${cmd.reason}`,
  );
  return settle(state, draft, ctx);
}

export function releaseReviewHold(
  state: Consultation,
  cmd: ReviewHoldReleasedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const review = pendingReviewOf(state, cmd.agency, 'a hold');
  if (isRefused(review)) return review;
  const hold = review.hold;
  if (hold === undefined) {
    return refused('NO_HOLD_OPEN', `${cmd.agency} has no hold open on revision ${state.revision}`);
  }
  const pausedDays = Math.max(0, Math.ceil((ms(ctx.now) - ms(hold.placedAt)) / MS_PER_DAY));
  const released: Review = {
    ...review,
    hold: undefined,
    dueAt: iso(addCalendarDays(review.dueAt, pausedDays)),
    pausedDays: (review.pausedDays ?? 0) + pausedDays,
    holdHistory: [
      ...(review.holdHistory ?? []),
      {
        reason: hold.reason,
        placedAt: hold.placedAt,
        releasedAt: ctx.now,
        releaseReason: cmd.reason,
        pausedDays,
      },
    ],
  };
  delete released.hold;
  let next = replaceReview(state, released);
  if (state.status === 'in-review' && released.state === 'pending') {
    next = { ...next, clocks: [...next.clocks, ...deadlineClocks(released, ctx.now)] };
  }
  const draft = draftOf(next);
  note(
    draft,
    'review.hold-released',
    cmd.agency,
    `${cmd.agency} released its hold after ${pausedDays} day(s); its deadline moves to ${released.dueAt}: ${cmd.reason}`,
    { pausedDays, dueAt: released.dueAt },
  );
  return settle(state, draft, ctx);
}

// ---------------------------------------------------------------------------
// Sign-offs and conditions
// ---------------------------------------------------------------------------

/**
 * A clearer answers the current revision. Refusals: NOT_A_CLEARING_PARTY,
 * CONSULTATION_CLOSED, NOT_IN_REVIEW, STALE_REVISION, UNKNOWN_REVISION,
 * DUPLICATE_SIGN_OFF (noop), CONFLICTING_SIGN_OFF, the content checks of
 * `canSignOff`; and REVIEW_WAIVED / CONDITION_ID_TAKEN from here.
 */
export function submitSignOff(
  state: Consultation,
  cmd: SignOffSubmittedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const verdict = canSignOff(
    {
      status: state.status,
      revision: state.revision,
      clearers: state.clearers,
      signOffs: state.signOffs,
    },
    {
      agency: cmd.agency,
      revision: cmd.revision,
      decision: cmd.decision,
      ...(cmd.conditions === undefined ? {} : { conditions: cmd.conditions }),
      ...(cmd.rationale === undefined ? {} : { rationale: cmd.rationale }),
    },
  );
  if (!verdict.ok) {
    const previous = state.signOffs.find(
      (s) => s.agency === cmd.agency && s.revision === cmd.revision,
    );
    if (verdict.code === 'CONFLICTING_SIGN_OFF' && previous?.basis === 'deemed-concurrence') {
      return refused(
        verdict.code,
        `${cmd.agency} was deemed to concur on revision ${cmd.revision} when its period ended ` +
          `(${previous.rule?.source ?? 'deemed concurrence'}); a late answer is not recorded — ask the action office for an amendment`,
      );
    }
    return refused(verdict.code, verdict.message, verdict.code === 'DUPLICATE_SIGN_OFF');
  }
  const review = findReview(state, cmd.agency);
  if (review?.state === 'waived') {
    return refused(
      'REVIEW_WAIVED',
      `the action office proceeded without ${cmd.agency} on revision ${cmd.revision} ` +
        `(${review.waived?.citedRule ?? '2 FAM 1211'}); a late answer is not recorded`,
    );
  }
  const conditions = cmd.conditions ?? [];
  const taken = conditions.filter((c) =>
    state.conditions.some(
      (r) => r.id === c.id && r.status !== 'superseded' && r.status !== 'removed',
    ),
  );
  if (taken.length > 0) {
    return refused(
      'CONDITION_ID_TAKEN',
      `condition id(s) ${taken.map((c) => c.id).join(', ')} already name a condition on this consultation; use new ids`,
    );
  }
  const record: SignOffRecord = {
    agency: cmd.agency,
    revision: cmd.revision,
    decision: cmd.decision,
    ...(cmd.conditions === undefined ? {} : { conditions: cmd.conditions.map((c) => ({ ...c })) }),
    ...(cmd.rationale === undefined ? {} : { rationale: cmd.rationale }),
    officer: { name: cmd.officer.name, title: cmd.officer.title },
    submittedAt: cmd.submittedAt,
    recordedAt: ctx.now,
    eventId: ctx.eventId,
    basis: 'submitted',
  };
  const imposed: ConditionRecord[] = conditions.map((c) => ({
    id: c.id,
    text: c.text,
    ...(c.category === undefined ? {} : { category: c.category }),
    agency: cmd.agency,
    revision: cmd.revision,
    imposedAt: ctx.now,
    status: 'active',
  }));
  let next: Consultation = {
    ...state,
    signOffs: [...state.signOffs, record],
    conditions: [...state.conditions, ...imposed],
  };
  if (review !== undefined) next = replaceReview(next, { ...review, state: 'answered' });
  next = withoutLiveClocks(
    next,
    (c) => c.agency === cmd.agency && REVIEW_CLOCK_KINDS.includes(c.kind),
  );
  const draft = draftOf(next);
  note(
    draft,
    'signoff.recorded',
    cmd.agency,
    `${cmd.agency} answered "${cmd.decision}" on revision ${cmd.revision} ` +
      `(${cmd.officer.name}, ${cmd.officer.title})` +
      (imposed.length
        ? ` with ${imposed.length} condition(s): ${imposed.map((c) => c.id).join(', ')}`
        : '') +
      (cmd.rationale ? `: ${cmd.rationale}` : ''),
    { decision: cmd.decision, revision: cmd.revision, conditions: imposed.map((c) => c.id) },
  );
  return settle(state, draft, ctx);
}

function liveCondition(state: Consultation, id: string): ConditionRecord | undefined {
  return state.conditions.find((c) => c.id === id && c.status !== 'superseded');
}

function replaceCondition(state: Consultation, condition: ConditionRecord): Consultation {
  return {
    ...state,
    conditions: state.conditions.map((c) =>
      c.id === condition.id && c.revision === condition.revision ? condition : c,
    ),
  };
}

/**
 * State/PM asks the imposing agency to agree to drop a condition. Nothing is
 * removed yet: the condition is removed only when that agency agrees
 * (`answerConditionRemoval`), which is the recorded consultation GAO-25-107431
 * asks for.
 */
export function requestConditionRemoval(
  state: Consultation,
  cmd: ConditionRemovalRequestedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const condition = liveCondition(state, cmd.conditionId);
  if (condition === undefined) {
    return refused('UNKNOWN_CONDITION', `no condition ${cmd.conditionId} is on record`);
  }
  if (condition.agency !== cmd.imposingAgency) {
    return refused(
      'NOT_THE_IMPOSING_AGENCY',
      `condition ${cmd.conditionId} was imposed by ${condition.agency}, not ${cmd.imposingAgency}; ask ${condition.agency}`,
    );
  }
  if (condition.status === 'removed') {
    return refused('CONDITION_REMOVED', `condition ${cmd.conditionId} was already removed`, true);
  }
  if (condition.status === 'removal-requested') {
    const same = condition.removal?.justification === cmd.justification;
    return refused(
      'REMOVAL_ALREADY_REQUESTED',
      `the removal of condition ${cmd.conditionId} was asked for at ${condition.removal?.requestedAt}; ` +
        `waiting for ${condition.agency}'s answer`,
      same,
    );
  }
  const draft = draftOf(
    replaceCondition(state, {
      ...condition,
      status: 'removal-requested',
      removal: { justification: cmd.justification, requestedAt: ctx.now },
    }),
  );
  note(
    draft,
    'condition.removal-requested',
    ACTION_AGENCY,
    `The action office asked ${condition.agency} to agree to drop condition ${condition.id}: ${cmd.justification}`,
    { conditionId: condition.id, imposingAgency: condition.agency },
  );
  return settle(state, draft, ctx);
}

/** The imposing agency answers: agreed → the condition is removed; refused → it is retained. */
export function answerConditionRemoval(
  state: Consultation,
  cmd: ConditionRemovalAnsweredV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const condition = liveCondition(state, cmd.conditionId);
  if (condition === undefined) {
    return refused('UNKNOWN_CONDITION', `no condition ${cmd.conditionId} is on record`);
  }
  if (condition.agency !== cmd.agency) {
    return refused(
      'NOT_THE_IMPOSING_AGENCY',
      `condition ${cmd.conditionId} was imposed by ${condition.agency}; only ${condition.agency} can agree to drop it, not ${cmd.agency}`,
    );
  }
  if (condition.status !== 'removal-requested' || condition.removal === undefined) {
    const answered = condition.removal?.agreed === cmd.agreed && condition.removal.answeredAt;
    return refused(
      'NO_REMOVAL_REQUESTED',
      answered
        ? `${cmd.agency} already answered on condition ${cmd.conditionId}; nothing to do`
        : `nobody asked to drop condition ${cmd.conditionId}; the action office asks first`,
      Boolean(answered),
    );
  }
  const removal = {
    ...condition.removal,
    answeredAt: ctx.now,
    agreed: cmd.agreed,
    comment: cmd.comment,
  };
  if (cmd.agreed) {
    const verdict = canRemoveCondition(
      { id: condition.id, imposedBy: condition.agency },
      ACTION_AGENCY,
      [{ conditionId: condition.id, withAgency: cmd.agency, at: ctx.now, summary: cmd.comment }],
    );
    if (!verdict.ok) return refused(verdict.code, verdict.message);
  }
  const draft = draftOf(
    replaceCondition(state, {
      ...condition,
      status: cmd.agreed ? 'removed' : 'retained',
      removal,
    }),
  );
  note(
    draft,
    cmd.agreed ? 'condition.removed' : 'condition.retained',
    cmd.agency,
    cmd.agreed
      ? `${cmd.agency} agreed to drop its condition ${condition.id}; removed: ${cmd.comment}`
      : `${cmd.agency} refused to drop its condition ${condition.id}; it stays: ${cmd.comment}`,
    { conditionId: condition.id, agreed: cmd.agreed },
  );
  return settle(state, draft, ctx);
}

// ---------------------------------------------------------------------------
// Extension and proceeding without clearance
// ---------------------------------------------------------------------------

/**
 * A referred agency asks, before its deadline, for more days. Only where
 * deemed concurrence applies, as often as the rule allows (once under EAA
 * §10(e)).
 * Decision: the grant is the rule's extension (30 days under EAA §10(e)) when
 * the agency asks for that many days or fewer — the statute knows one
 * extension of that length; asking for more is refused.
 */
export function requestExtension(
  state: Consultation,
  cmd: ClockExtensionRequestedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const review = pendingReviewOf(state, cmd.agency, 'an extension');
  if (isRefused(review)) return review;
  if (state.status !== 'in-review' || review.state !== 'pending') {
    return refused(
      'NOT_IN_REVIEW',
      `${cmd.agency}'s review is ${review.state}; there is no running deadline to extend`,
    );
  }
  const referral = referralOf(state.kind, review);
  const verdict = canExtend(referral, ctx.now);
  if (!verdict.ok) return refused(verdict.code, verdict.message);
  const allowed = deemedConcurrenceRule(state.kind, referral.referredAt)?.extensionDays ?? 0;
  if (cmd.days > allowed) {
    return refused(
      'EXTENSION_TOO_LONG',
      `${verdict.ruleId} allows one extension of ${allowed} days; ${cmd.days} were asked for`,
    );
  }
  const days = allowed;
  const newDueAt = iso(verdict.dueAt);
  const extended: Review = {
    ...review,
    dueAt: newDueAt,
    extension: { days, reason: cmd.reason, grantedAt: ctx.now },
  };
  let next = withoutLiveClocks(
    replaceReview(state, extended),
    (c) => c.agency === cmd.agency && (c.kind === 'review' || c.kind === 'reminder'),
  );
  if (review.hold === undefined) {
    next = { ...next, clocks: [...next.clocks, ...deadlineClocks(extended, ctx.now)] };
  }
  const draft = draftOf(next);
  emit(
    draft,
    'clock.extension-granted',
    { consultationId: state.id, agency: cmd.agency, newDueAt, days },
    `extension-granted:${cmd.agency}`,
  );
  note(
    draft,
    'clock.extension-granted',
    'coordinator',
    `${cmd.agency} granted the ${days}-day extension of ${verdict.source} (asked for ${cmd.days}): ` +
      `deadline ${review.dueAt} → ${newDueAt} (${cmd.reason})`,
    { ruleId: verdict.ruleId, days, asked: cmd.days, from: review.dueAt, to: newDueAt },
  );
  return settle(state, draft, ctx);
}

/** Causes of an escalation that a delaying office brought about (not a dissent). */
const DELAY_CAUSES: readonly EscalationCause[] = ['missed-deadline', 'missed-acknowledgement'];

/** The open escalation, when a delay (not a dissent) caused it. */
function delayEscalation(state: Consultation): EscalationState | undefined {
  const e = state.escalation;
  return state.status === 'escalated' &&
    e !== undefined &&
    e.resolvedAt === undefined &&
    e.supersededAt === undefined &&
    DELAY_CAUSES.includes(e.cause)
    ? e
    : undefined;
}

/**
 * 2 FAM 1211: after a clearer's deadline, the action office presents the
 * matter without it. All named agencies are checked first (all or nothing);
 * their reviews become 'waived' with who, when and the rule, then the decision
 * rule settles the matter without them. A held review cannot be waived: its
 * clock is stopped.
 *
 * Decision: the missed deadline that makes the rule available also escalates
 * the matter (where the kind's policy says so), in the same instant. So the
 * action office may proceed while the matter is in review, or while it is
 * escalated for a delay (cause missed-deadline or missed-acknowledgement, not
 * a non-concurrence: a dissent goes up the ladder). Proceeding then closes the
 * escalation as superseded by the action office and returns the matter to
 * review, where the decision rule settles it; the clearers still inside their
 * period get their clocks back.
 */
export function proceedWithoutClearance(
  state: Consultation,
  cmd: ConsultationProceededWithoutClearanceV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const delayed = delayEscalation(state);
  if (state.status !== 'in-review' && delayed === undefined) {
    return refused(
      isOpen(state.status) ? 'NOT_IN_REVIEW' : 'CONSULTATION_CLOSED',
      state.status === 'escalated'
        ? `the consultation is escalated because of ${state.escalation?.cause ?? 'a dissent'}, not a delay; ` +
            'proceeding without a clearer applies to an office that delays the matter'
        : `the consultation is ${state.status}; proceeding without a clearer applies only while it is in review`,
    );
  }
  let next = state;
  const waived: { agency: Agency; ruleId: string; source: string }[] = [];
  for (const agency of cmd.delayingAgencies) {
    const review = findReview(state, agency);
    if (review === undefined || !state.clearers.includes(agency)) {
      return refused(
        'NOT_A_CLEARING_PARTY',
        `${agency} is not a clearing party of this consultation, so it cannot be delaying it`,
      );
    }
    if (review.state === 'waived') {
      return refused(
        'ALREADY_WAIVED',
        `the action office already proceeded without ${agency} on revision ${state.revision}`,
        cmd.delayingAgencies.every((a) => findReview(state, a)?.state === 'waived'),
      );
    }
    if (review.hold !== undefined) {
      return refused(
        'REVIEW_ON_HOLD',
        `${agency} holds its review (since ${review.hold.placedAt}); its deadline is stopped, so it is not delaying the matter`,
      );
    }
    const verdict = canProceedWithoutClearance(
      {
        requestedBy: ACTION_AGENCY,
        delayingAgency: agency,
        delayingDueAt: review.dueAt,
        delayingAgencyAnswered: review.state !== 'pending',
      },
      ctx.now,
    );
    if (!verdict.ok) return refused(verdict.code, verdict.message);
    waived.push({ agency, ruleId: verdict.ruleId, source: verdict.source });
    next = replaceReview(next, {
      ...review,
      state: 'waived',
      waived: {
        at: ctx.now,
        by: ACTION_AGENCY,
        rule: { id: verdict.ruleId, source: verdict.source },
        citedRule: cmd.rule,
        justification: cmd.justification,
        eventId: ctx.eventId,
      },
    });
  }
  const agencies = waived.map((w) => w.agency);
  if (delayed !== undefined) {
    // Out of an escalation for a delay: every office still delaying is named,
    // or the matter would be back in review with a deadline already missed.
    const stillLate = state.reviews
      .filter(
        (r) =>
          r.revision === state.revision &&
          r.state === 'pending' &&
          r.hold === undefined &&
          state.clearers.includes(r.agency) &&
          !agencies.includes(r.agency) &&
          ms(r.dueAt) < ms(ctx.now),
      )
      .map((r) => r.agency);
    if (stillLate.length > 0) {
      return refused(
        'DELAYING_AGENCY_NOT_NAMED',
        `${stillLate.join(', ')} also missed the deadline of revision ${state.revision}; ` +
          'name every delaying office to take the matter out of its escalation',
      );
    }
  }
  next = withoutLiveClocks(
    next,
    (c) =>
      c.agency !== undefined && agencies.includes(c.agency) && REVIEW_CLOCK_KINDS.includes(c.kind),
  );
  if (delayed !== undefined) next = backToReview(next, delayed, ctx);
  const draft = draftOf(next);
  note(
    draft,
    'clearance.proceeded-without',
    ACTION_AGENCY,
    `At ${ctx.now} the action office (State/PM) proceeded without ${agencies.join(', ')} ` +
      `under ${waived[0].source} after their deadline: ${cmd.justification}` +
      (delayed === undefined
        ? ''
        : `; the escalation for the delay (${delayed.level}) is superseded and the matter is back in review`),
    { agencies, ruleId: waived[0].ruleId, source: waived[0].source, citedRule: cmd.rule },
  );
  return settle(state, draft, ctx, {
    reason: `proceeded without ${agencies.join(', ')} (${cmd.rule})`,
  });
}

/**
 * Out of an escalation for a delay, back into review: the escalation
 * superseded, its clock cancelled, and the clocks of the reviews still
 * pending (not held) set again from their deadlines.
 */
function backToReview(
  state: Consultation,
  escalation: EscalationState,
  ctx: ChangeContext,
): Consultation {
  const status = mustTransition(state, { type: 'proceeded-without-clearance' });
  const base = withoutLiveClocks(state, (c) => c.kind === 'escalation');
  const pending = base.reviews.filter(
    (r) =>
      r.revision === state.revision &&
      r.state === 'pending' &&
      r.hold === undefined &&
      state.clearers.includes(r.agency),
  );
  return {
    ...base,
    status,
    escalation: { ...escalation, supersededAt: ctx.now },
    clocks: [...base.clocks, ...pending.flatMap((r) => deadlineClocks(r, ctx.now))],
  };
}

// ---------------------------------------------------------------------------
// Screening and intelligence (metadata only)
// ---------------------------------------------------------------------------

/** Treasury's screening: which list, which version, the result and matches. */
export function recordScreening(
  state: Consultation,
  cmd: SanctionsScreeningCompletedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.screenings.some((s) => s.screeningId === cmd.screeningId)) {
    return refused('DUPLICATE_SCREENING', `screening ${cmd.screeningId} is already recorded`, true);
  }
  const draft = draftOf({
    ...state,
    screenings: [
      ...state.screenings,
      {
        screeningId: cmd.screeningId,
        screenedAt: cmd.screenedAt,
        list: { name: cmd.list.name, versionDate: cmd.list.versionDate },
        result: cmd.result,
        partiesScreened: cmd.partiesScreened,
        matches: cmd.matches.map((m) => ({
          partyName: m.partyName,
          listEntryUid: m.listEntryUid,
          listEntryName: m.listEntryName,
          basis: m.basis,
          ...(m.ownershipPercent === undefined ? {} : { ownershipPercent: m.ownershipPercent }),
        })),
        recordedAt: ctx.now,
        eventId: ctx.eventId,
      },
    ],
  });
  note(
    draft,
    'sanctions.screened',
    'treasury',
    `Treasury screened ${cmd.partiesScreened} part(ies) against ${cmd.list.name} of ${cmd.list.versionDate}: ` +
      (cmd.result === 'clear' ? 'clear' : `${cmd.matches.length} match(es)`),
    { screeningId: cmd.screeningId, result: cmd.result, matches: cmd.matches.length },
  );
  return settle(state, draft, ctx);
}

/**
 * CIA announced an assessment. The announcement carries no content (that goes
 * only to the recipients, in `intel.assessment-released`); only its metadata is
 * stored (not the tear line), and a content-free `intel.assessment-available`
 * goes to everyone.
 */
export function recordAssessment(
  state: Consultation,
  cmd: IntelAssessmentSharedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.assessments.some((a) => a.assessmentId === cmd.assessmentId)) {
    return refused(
      'DUPLICATE_ASSESSMENT',
      `assessment ${cmd.assessmentId} is already recorded`,
      true,
    );
  }
  const controls = cmd.disseminationControls;
  const draft = draftOf({
    ...state,
    assessments: [
      ...state.assessments,
      {
        assessmentId: cmd.assessmentId,
        title: cmd.title,
        classification: cmd.classification,
        originator: 'cia',
        orcon: controls.orcon,
        noforn: controls.noforn,
        approvedRecipients: [...controls.approvedRecipients],
        sharedAt: ctx.now,
      },
    ],
  });
  emit(
    draft,
    'intel.assessment-available',
    {
      consultationId: state.id,
      assessmentId: cmd.assessmentId,
      classification: cmd.classification,
      originator: 'cia',
    },
    `assessment-available:${cmd.assessmentId}`,
  );
  note(
    draft,
    'intel.assessment-recorded',
    'cia',
    `CIA shared assessment ${cmd.assessmentId} (${cmd.classification}` +
      `${controls.orcon ? ', ORCON' : ''}${controls.noforn ? ', NOFORN' : ''}); content not stored`,
    { assessmentId: cmd.assessmentId, approvedRecipients: controls.approvedRecipients },
  );
  return settle(state, draft, ctx);
}

// ---------------------------------------------------------------------------
// Escalation decisions
// ---------------------------------------------------------------------------

/**
 * The chair's decision at the current level, recorded on the bus by the
 * ladder's recorder (`ESCALATION_RECORDER`: NSC for both ladders).
 *
 * - approve: resolved; approved (basis 'escalation'), or congressional review
 *   for an FMS case that requires notification.
 * - deny: resolved; denied.
 * - refer-up: this level resolved 'refer-up'; the next level raised with its
 *   chair and clock. Refused at the top of the ladder.
 * - remand (Decision): resolved; back to the agencies with a NEW revision (the
 *   lifecycle policy's rule): every clearer reviews again, earlier sign-offs no
 *   longer count. An amendment after it uses the next revision number.
 */
export function decideEscalation(
  state: Consultation,
  cmd: EscalationDecidedV1,
  publisher: Party,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const escalation = state.escalation;
  const decided = escalation?.history.find(
    (s) => s.level === cmd.level && s.decidedAt !== undefined && escalation.ladder === cmd.ladder,
  );
  if (
    decided !== undefined &&
    decided.outcome === cmd.outcome &&
    decided.decidedAt === cmd.decidedAt
  ) {
    return refused(
      'DUPLICATE_DECISION',
      `the ${cmd.level} decision "${cmd.outcome}" is already recorded; nothing to do`,
      true,
    );
  }
  if (
    state.status !== 'escalated' ||
    escalation === undefined ||
    escalation.resolvedAt !== undefined
  ) {
    return refused(
      isOpen(state.status) ? 'NOT_ESCALATED' : 'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; there is no open escalation to decide`,
    );
  }
  const recorder = ESCALATION_RECORDER[escalation.ladder];
  if (publisher !== recorder) {
    return refused(
      'NOT_THE_CHAIR',
      `decisions of the ${escalation.ladder} ladder are recorded by ${recorder}; ${publisher} sent one`,
    );
  }
  if (cmd.ladder !== escalation.ladder || cmd.level !== escalation.level) {
    return refused(
      'NOT_THE_CURRENT_LEVEL',
      `the matter is before ${escalation.level} (${escalation.ladder} ladder); a decision of ` +
        `${cmd.level} (${cmd.ladder}) does not apply`,
    );
  }
  const result = applyDecision(escalation.ladder, escalation.level, cmd.outcome, ctx.now);
  if (!result.ok) return refused(result.code, result.message);

  const draft = draftOf(state);
  const decision = {
    outcome: cmd.outcome,
    rationale: cmd.rationale,
    decidedBy: cmd.chair,
    decidedAt: cmd.decidedAt,
  };
  const levelName =
    levelSpec(escalation.ladder, escalation.level, ctx.now)?.name ?? escalation.level;
  note(
    draft,
    'escalation.decided',
    publisher,
    `${levelName} (${cmd.chair}) decided "${cmd.outcome}": ${cmd.rationale}`,
    { ladder: cmd.ladder, level: cmd.level, outcome: cmd.outcome },
  );
  let reason: string;
  switch (result.result) {
    case 'resolved': {
      resolveLevel(draft, decision, true, ctx);
      if (result.decision === 'approved') {
        reason = cleared(
          draft,
          'escalation',
          {
            type: 'escalation-resolved',
            outcome: 'approve',
            notificationRequired: state.congress?.required ?? false,
          },
          ctx,
        );
        reason = `${levelName} approved: ${reason}`;
      } else {
        const status = mustTransition(draft.state, {
          type: 'escalation-resolved',
          outcome: 'deny',
        });
        draft.state = {
          ...draft.state,
          status,
          decision: {
            outcome: 'denied',
            basis: 'escalation',
            decidedAt: ctx.now,
            rationale: cmd.rationale,
          },
        };
        emit(
          draft,
          'consultation.decided',
          {
            consultationId: state.id,
            outcome: 'denied',
            basis: 'escalation',
            revision: state.revision,
            decidedAt: ctx.now,
          },
          'consultation-decided',
        );
        reason = `${levelName} denied: ${cmd.rationale}`;
      }
      break;
    }
    case 'referred':
      resolveLevel(draft, decision, false, ctx);
      referUp(draft, result.level, ctx);
      return settle(state, draft, ctx);
    case 'remanded': {
      const resolved = resolveLevel(draft, decision, true, ctx);
      const next = mustTransition(draft.state, { type: 'escalation-resolved', outcome: 'remand' });
      const revision = state.revision + 1;
      draft.state = {
        ...draft.state,
        status: next,
        escalation: { ...resolved, remandedToRevision: revision },
      };
      reopenReview(draft, revision, ctx);
      reason = `${levelName} remanded to the agencies (revision ${revision}): ${cmd.rationale}`;
      break;
    }
  }
  return settle(state, draft, ctx, { reason });
}

// ---------------------------------------------------------------------------
// Congressional notification (AECA §36(b)), FMS only
// ---------------------------------------------------------------------------

function congressOf(state: Consultation, what: string): CongressState | Refused {
  const congress = state.congress;
  if (state.kind !== 'fms-case' || congress === undefined) {
    return refused(
      'NOT_AN_FMS_CASE',
      `${what} applies to FMS cases only (AECA §36(b)); this is ${state.kind}`,
    );
  }
  if (!congress.required) {
    return refused(
      'NOTIFICATION_NOT_REQUIRED',
      `${what} does not apply: the sale is below every §36(b) threshold`,
    );
  }
  if (!isOpen(state.status)) {
    return refused(
      'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; ${what} no longer applies`,
    );
  }
  if (state.status !== 'congressional-review') {
    return refused(
      'CLEARANCE_NOT_COMPLETE',
      `the consultation is ${state.status}; Congress is notified only after interagency clearance`,
    );
  }
  return congress;
}

function toNotificationState(congress: CongressState): NotificationState {
  return {
    step: congress.step as NotificationState['step'],
    holds: congress.holds
      .filter((h) => h.liftedAt === undefined)
      .map((h) => ({
        id: h.holdId,
        placedBy: [h.committee, h.member].filter(Boolean).join(' '),
        placedAt: h.placedAt,
      })),
    ...(congress.formalAt === undefined ? {} : { formalNoticeAt: congress.formalAt }),
    ...(congress.reviewEndsAt === undefined ? {} : { reviewEndsAt: congress.reviewEndsAt }),
    ...(congress.waiver === undefined ? {} : { waiver: congress.waiver }),
  };
}

function notify(congress: CongressState, event: NotificationEvent): NotificationState | Refused {
  const result = nextNotificationState(toNotificationState(congress), event);
  return result.ok ? result.state : refused(result.code, result.message);
}

export function congressInformalNotice(
  state: Consultation,
  cmd: CongressInformalNoticeSentV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const recorded = state.congress?.informalAt;
  if (recorded !== undefined && (state.congress?.informalSentAt ?? recorded) === cmd.sentAt) {
    return refused(
      'DUPLICATE_NOTICE',
      `the informal notice of ${cmd.sentAt} is already recorded`,
      true,
    );
  }
  const congress = congressOf(state, 'an informal notice');
  if (isRefused(congress)) return congress;
  // Statutory time runs from when the coordinator recorded the step; the
  // sender's date is kept as information (it never shortens a period).
  const next = notify(congress, { type: 'informal-notice-sent', at: ctx.now });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      step: next.step,
      committees: [...cmd.committees],
      informalAt: ctx.now,
      informalSentAt: cmd.sentAt,
    },
  });
  note(
    draft,
    'congress.informal-notice',
    ACTION_AGENCY,
    `State informally notified ${cmd.committees.join(' and ')} (recorded ${ctx.now}; sent ${cmd.sentAt} by State's account) (tiered review)`,
  );
  return settle(state, draft, ctx);
}

export function congressHoldPlaced(
  state: Consultation,
  cmd: CongressHoldPlacedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const congress = congressOf(state, 'a congressional hold');
  if (isRefused(congress)) return congress;
  if (congress.holds.some((h) => h.holdId === cmd.holdId && h.liftedAt === undefined)) {
    return refused('DUPLICATE_HOLD', `hold ${cmd.holdId} is already open`, true);
  }
  const next = notify(congress, {
    type: 'hold-placed',
    holdId: cmd.holdId,
    by: [cmd.committee, cmd.member].filter(Boolean).join(' '),
    at: ctx.now,
  });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      holds: [
        ...congress.holds,
        {
          holdId: cmd.holdId,
          committee: cmd.committee,
          ...(cmd.member === undefined ? {} : { member: cmd.member }),
          note: cmd.note,
          placedAt: ctx.now,
        },
      ],
    },
  });
  note(
    draft,
    'congress.hold-placed',
    ACTION_AGENCY,
    `${cmd.committee}${cmd.member ? ` (${cmd.member})` : ''} placed hold ${cmd.holdId}: ${cmd.note}`,
  );
  return settle(state, draft, ctx);
}

export function congressHoldLifted(
  state: Consultation,
  cmd: CongressHoldLiftedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const congress = congressOf(state, 'lifting a congressional hold');
  if (isRefused(congress)) return congress;
  const open = congress.holds.some((h) => h.holdId === cmd.holdId && h.liftedAt === undefined);
  if (!open && congress.holds.some((h) => h.holdId === cmd.holdId)) {
    return refused('HOLD_ALREADY_LIFTED', `hold ${cmd.holdId} was already lifted`, true);
  }
  const next = notify(congress, { type: 'hold-lifted', holdId: cmd.holdId, at: ctx.now });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      holds: congress.holds.map((h) =>
        h.holdId === cmd.holdId && h.liftedAt === undefined ? { ...h, liftedAt: ctx.now } : h,
      ),
    },
  });
  note(
    draft,
    'congress.hold-lifted',
    ACTION_AGENCY,
    `${cmd.committee} lifted hold ${cmd.holdId}: ${cmd.note}`,
  );
  return settle(state, draft, ctx);
}

/**
 * Formal notification: refused while a hold is open, and refused when the
 * sender's review period disagrees with the policy's (the period in effect on
 * the day of the notice, for the recipient's group then). The review clock
 * fires at the first instant after the period's last day.
 */
export function congressFormalNotice(
  state: Consultation,
  cmd: CongressFormalNoticeSentV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.congress?.transmittalNumber === cmd.transmittalNumber && state.congress.formalAt) {
    return refused(
      'DUPLICATE_NOTICE',
      `formal notice ${cmd.transmittalNumber} is already recorded`,
      true,
    );
  }
  const congress = congressOf(state, 'a formal notice');
  if (isRefused(congress)) return congress;
  // The period in effect, and its start, are the coordinator's: a notice
  // dated in the past by its sender must not shorten the statutory review.
  const days = reviewPeriodDays(state.attributes.country, ctx.now);
  if (cmd.reviewDays !== days) {
    return refused(
      'REVIEW_PERIOD_MISMATCH',
      `the notice states a ${cmd.reviewDays}-day review, but AECA §36(b) gives ${days} days for a sale to ` +
        `${state.attributes.country} on ${ctx.now.slice(0, 10)}; correct the notice`,
    );
  }
  const next = notify(congress, {
    type: 'formal-notice-sent',
    at: ctx.now,
    reviewPeriodDays: days,
  });
  if (isRefused(next)) return next;
  const reviewEndsAt = next.reviewEndsAt as IsoDate;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      step: next.step,
      reviewDays: days,
      formalAt: ctx.now,
      formalSentAt: cmd.sentAt,
      transmittalNumber: cmd.transmittalNumber,
      reviewEndsAt,
    },
    clocks: [
      ...state.clocks,
      {
        id: `congress-review:${cmd.transmittalNumber}@${reviewEndsAt}`,
        kind: 'congress-review',
        revision: state.revision,
        dueAt: justAfter(reviewEndsAt),
      },
    ],
  });
  note(
    draft,
    'congress.formal-notice',
    ACTION_AGENCY,
    `Formal notice ${cmd.transmittalNumber} recorded ${ctx.now} (sent ${cmd.sentAt} by State's account); ` +
      `the ${days}-day review runs until ${reviewEndsAt}`,
    {
      transmittalNumber: cmd.transmittalNumber,
      reviewDays: days,
      reviewEndsAt,
      sentAt: cmd.sentAt,
    },
  );
  return settle(state, draft, ctx);
}

/** The President certified an emergency: the review period is waived and the offer may go out now. */
export function congressWaiver(
  state: Consultation,
  cmd: CongressEmergencyWaiverCertifiedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.congress?.waiver?.certifiedAt === cmd.certifiedAt) {
    return refused(
      'DUPLICATE_WAIVER',
      `the waiver certified ${cmd.certifiedAt} is already recorded`,
      true,
    );
  }
  const congress = congressOf(state, 'an emergency waiver');
  if (isRefused(congress)) return congress;
  const waived = notify(congress, {
    type: 'emergency-waiver-certified',
    at: ctx.now,
    justification: cmd.justification,
  });
  if (isRefused(waived)) return waived;
  const clearedState = nextNotificationState(waived, {
    type: 'offer-cleared-under-waiver',
    at: ctx.now,
  });
  if (!clearedState.ok) return refused(clearedState.code, clearedState.message);
  const draft = draftOf({
    ...state,
    status: mustTransition(state, { type: 'emergency-waiver' }),
    congress: {
      ...congress,
      step: 'cleared-for-offer',
      waiver: {
        justification: cmd.justification,
        certifiedAt: cmd.certifiedAt,
        recordedAt: ctx.now,
      },
      clearedAt: ctx.now,
      basis: 'emergency-waiver',
    },
  });
  emit(
    draft,
    'congress.cleared-for-offer',
    { consultationId: state.id, basis: 'emergency-waiver', clearedAt: ctx.now },
    'cleared-for-offer',
  );
  note(
    draft,
    'congress.emergency-waiver',
    ACTION_AGENCY,
    `The President certified an emergency on ${cmd.certifiedAt}; review period waived, cleared for offer: ${cmd.justification}`,
  );
  return settle(state, draft, ctx, { reason: 'emergency waiver certified: cleared for offer' });
}

/** A joint resolution of disapproval, during formal review: the sale is blocked. */
export function congressDisapproval(
  state: Consultation,
  cmd: CongressDisapprovalEnactedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.congress?.disapproval?.resolution === cmd.resolution) {
    return refused('DUPLICATE_DISAPPROVAL', `${cmd.resolution} is already recorded`, true);
  }
  const congress = congressOf(state, 'a joint resolution of disapproval');
  if (isRefused(congress)) return congress;
  const next = notify(congress, { type: 'joint-resolution-of-disapproval', at: ctx.now });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    status: mustTransition(state, { type: 'disapproved' }),
    congress: {
      ...congress,
      step: 'disapproved',
      disapproval: { resolution: cmd.resolution, enactedAt: cmd.enactedAt, recordedAt: ctx.now },
    },
  });
  note(
    draft,
    'congress.disapproval',
    ACTION_AGENCY,
    `${cmd.resolution} enacted ${cmd.enactedAt}: the sale is blocked`,
  );
  return settle(state, draft, ctx, {
    reason: `joint resolution of disapproval ${cmd.resolution} enacted`,
  });
}

// ---------------------------------------------------------------------------
// Clocks firing
// ---------------------------------------------------------------------------

/** More clocks than this firing in one call means a clock keeps re-arming itself: a bug. */
const MAX_FIRINGS = 1000;

/**
 * Fires every unfired clock due at or before `now`, each exactly once
 * (earliest first; a clock an earlier one cancelled does not fire):
 *
 * - reminder → `clock.deadline-approaching`;
 * - acknowledgement → `clock.overdue` (clock 'acknowledgement') and, where
 *   the precedence says a missed acknowledgement escalates (FLASH, IMMEDIATE:
 *   ACKNOWLEDGEMENT_OBJECTIVES), escalation with cause 'missed-acknowledgement';
 * - review → deemed concurrence where the kind has it (a SignOffRecord with
 *   basis 'deemed-concurrence', the rule id and source, `clock.deemed-concurrence`);
 *   elsewhere `clock.overdue`, and escalation where the policy says a missed
 *   deadline escalates;
 * - escalation → `clock.overdue` (clock 'escalation', agency = the ladder's
 *   recorder) and, Decision: the level is taken to have referred the matter up
 *   (a level that cannot decide in time passes it on; under EO 12981 this is
 *   what brings an application to the President within the overall limit);
 * - congress-review → `congress.review-period-ended` + `congress.cleared-for-offer`.
 *
 * The cause id of the change is the first fired clock's id. Nothing due: an ok
 * change with no events, the state unchanged.
 */
export function fireDueClocks(state: Consultation, now: string): Change {
  const due = (s: Consultation) =>
    s.clocks
      .filter((c) => isLive(c) && ms(c.dueAt) <= ms(now))
      .sort((a, b) => ms(a.dueAt) - ms(b.dueAt) || a.id.localeCompare(b.id))[0];
  const first = due(state);
  if (first === undefined) return { ok: true, state, events: [], notes: [] };
  const ctx: ChangeContext = { now, eventId: `clock:${first.id}` };
  const draft = draftOf(state);
  const missed: Missed = { review: [], acknowledgement: [] };
  for (let fired = 0; ; fired++) {
    const clock = due(draft.state);
    if (clock === undefined) break;
    if (fired >= MAX_FIRINGS)
      throw new Error(`aggregate bug: more than ${MAX_FIRINGS} clocks fired`);
    draft.state = {
      ...draft.state,
      clocks: draft.state.clocks.map((c) => (c.id === clock.id ? { ...c, firedAt: now } : c)),
    };
    fireClock(draft, clock, missed, ctx);
  }
  return settle(state, draft, ctx, {
    missed: missed.review,
    unacknowledged: missed.acknowledgement,
  });
}

/** Agencies whose deadlines passed in one firing: review deadlines, escalating acknowledgements. */
interface Missed {
  review: Agency[];
  acknowledgement: Agency[];
}

function fireClock(draft: Draft, clock: ClockRecord, missed: Missed, ctx: ChangeContext): void {
  const state = draft.state;
  const review =
    clock.agency === undefined || clock.revision !== state.revision
      ? undefined
      : findReview(state, clock.agency);
  const reviewOpen =
    state.status === 'in-review' && review !== undefined && review.state === 'pending';
  switch (clock.kind) {
    case 'reminder':
      if (!reviewOpen || review.hold !== undefined) return;
      emit(
        draft,
        'clock.deadline-approaching',
        {
          consultationId: state.id,
          agency: review.agency,
          clock: 'review',
          dueAt: review.dueAt,
          remainingHours: Math.max(0, Math.round((ms(review.dueAt) - ms(ctx.now)) / MS_PER_HOUR)),
        },
        `deadline-approaching:${clock.id}`,
      );
      return;
    case 'acknowledgement':
      if (!reviewOpen || review.acknowledgedAt !== undefined) return;
      emit(
        draft,
        'clock.overdue',
        {
          consultationId: state.id,
          agency: review.agency,
          clock: 'acknowledgement',
          dueAt: review.acknowledgeBy ?? clock.dueAt,
          detectedAt: ctx.now,
        },
        `overdue:${clock.id}`,
      );
      note(
        draft,
        'clock.acknowledgement-overdue',
        'clock',
        `${review.agency} did not acknowledge revision ${review.revision} by ${review.acknowledgeBy}`,
        { agency: review.agency },
      );
      if (missedAcknowledgementEscalates(state.precedence, review.requestedAt).escalates) {
        missed.acknowledgement.push(review.agency);
      }
      return;
    case 'review':
      if (!reviewOpen || review.hold !== undefined) return;
      fireReviewDeadline(draft, review, clock, missed, ctx);
      return;
    case 'escalation':
      fireEscalationDeadline(draft, clock, ctx);
      return;
    case 'congress-review':
      fireCongressReview(draft, ctx);
      return;
    case 'condition-removal':
      return;
  }
}

function fireReviewDeadline(
  draft: Draft,
  review: Review,
  clock: ClockRecord,
  missed: Missed,
  ctx: ChangeContext,
): void {
  const state = draft.state;
  const deemed = deemedConcurrence({ ...referralOf(state.kind, review), answered: false }, ctx.now);
  if (deemed.ok) {
    const record: SignOffRecord = {
      agency: review.agency,
      revision: review.revision,
      decision: 'concur',
      submittedAt: iso(deemed.deemedAt),
      recordedAt: ctx.now,
      eventId: `clock:${clock.id}`,
      basis: 'deemed-concurrence',
      rule: { id: deemed.ruleId, source: deemed.source },
    };
    draft.state = withoutLiveClocks(
      {
        ...replaceReview(state, { ...review, state: 'deemed' }),
        signOffs: [...state.signOffs, record],
      },
      (c) => c.agency === review.agency && REVIEW_CLOCK_KINDS.includes(c.kind),
    );
    emit(
      draft,
      'clock.deemed-concurrence',
      {
        consultationId: state.id,
        agency: review.agency,
        revision: review.revision,
        ruleId: deemed.ruleId,
        ruleSource: deemed.source,
        deemedAt: iso(deemed.deemedAt),
      },
      `deemed-concurrence:${review.agency}`,
    );
    note(
      draft,
      'signoff.deemed',
      'clock',
      `${review.agency} did not answer revision ${review.revision} by ${review.dueAt}: deemed to concur under ${deemed.source} (${deemed.ruleId})`,
      { ruleId: deemed.ruleId, source: deemed.source, dueAt: review.dueAt },
    );
    return;
  }
  emit(
    draft,
    'clock.overdue',
    {
      consultationId: state.id,
      agency: review.agency,
      clock: 'review',
      dueAt: review.dueAt,
      detectedAt: ctx.now,
    },
    `overdue:${clock.id}`,
  );
  note(
    draft,
    'clock.review-overdue',
    'clock',
    `${review.agency} did not answer revision ${review.revision} by ${review.dueAt}`,
    { agency: review.agency },
  );
  missed.review.push(review.agency);
}

function fireEscalationDeadline(draft: Draft, clock: ClockRecord, ctx: ChangeContext): void {
  const state = draft.state;
  const escalation = state.escalation;
  if (state.status !== 'escalated' || escalation === undefined || escalation.resolvedAt) return;
  const step = escalation.history[escalation.history.length - 1];
  const recorder = ESCALATION_RECORDER[escalation.ladder];
  emit(
    draft,
    'clock.overdue',
    {
      consultationId: state.id,
      agency: recorder,
      clock: 'escalation',
      dueAt: step.dueAt,
      detectedAt: ctx.now,
    },
    `overdue:${clock.id}`,
  );
  const next = applyDecision(escalation.ladder, escalation.level, 'refer-up', ctx.now);
  if (!next.ok || next.result !== 'referred') return;
  resolveLevel(
    draft,
    {
      outcome: 'refer-up',
      rationale: `${step.level} did not decide by ${step.dueAt}: referred up`,
      decidedBy: 'coordinator (deadline)',
      decidedAt: ctx.now,
    },
    false,
    ctx,
  );
  referUp(draft, next.level, ctx);
}

function fireCongressReview(draft: Draft, ctx: ChangeContext): void {
  const state = draft.state;
  const congress = state.congress;
  if (state.status !== 'congressional-review' || congress === undefined) return;
  const next = nextNotificationState(toNotificationState(congress), {
    type: 'review-period-ended',
    at: ctx.now,
  });
  if (!next.ok) return;
  const reviewDays = congress.reviewDays;
  if (!(REVIEW_PERIOD_DAYS as readonly number[]).includes(reviewDays)) {
    throw new Error(`aggregate bug: a ${reviewDays}-day review period is not in the contract`);
  }
  draft.state = {
    ...state,
    status: mustTransition(state, { type: 'formal-review-ended' }),
    congress: {
      ...congress,
      step: 'cleared-for-offer',
      clearedAt: ctx.now,
      basis: 'review-period-ended',
    },
  };
  emit(
    draft,
    'congress.review-period-ended',
    {
      consultationId: state.id,
      transmittalNumber: congress.transmittalNumber as string,
      reviewDays: reviewDays as ReviewPeriodDays,
      endedAt: congress.reviewEndsAt as IsoDate,
    },
    'review-period-ended',
  );
  emit(
    draft,
    'congress.cleared-for-offer',
    { consultationId: state.id, basis: 'review-period-ended', clearedAt: ctx.now },
    'cleared-for-offer',
  );
  note(
    draft,
    'congress.review-period-ended',
    'clock',
    `The ${reviewDays}-day review of ${congress.transmittalNumber} ended ${congress.reviewEndsAt} without disapproval: cleared for offer`,
  );
}
