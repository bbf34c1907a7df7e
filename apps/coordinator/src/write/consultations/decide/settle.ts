/** How every change ends: the decision rule (cleared, non-concurrence, missed deadlines), escalation, and the derived fields (pending agencies, next deadline, next clock). */
import { type Agency, type DecisionBasis } from '@icb/contracts';
import {
  countingSignOffs,
  decisionRuleFor,
  evaluate,
  isOpen,
  shouldEscalate,
  type LifecycleEvent,
} from '../../../policy';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  done,
  Draft,
  earliestOf,
  emit,
  inAgencyOrder,
  mustTransition,
  note,
} from './change';
import { escalate } from './escalation-steps';
import { isLive, REVIEW_CLOCK_KINDS, withoutLiveClocks } from './reviews';

export interface SettleOptions {
  /** Why the status changed, when the caller changed it. */
  reason?: string;
  /** Agencies whose review deadline just passed without an answer. */
  missed?: readonly Agency[];
  /** Agencies whose acknowledgement deadline just passed, where that escalates. */
  unacknowledged?: readonly Agency[];
}

export function decisionBasis(state: Consultation): DecisionBasis {
  const current = state.reviews.filter((r) => r.revision === state.revision);
  if (current.some((r) => r.state === 'waived')) return 'proceeded-without-clearance';
  if (current.some((r) => r.state === 'deemed')) return 'deemed-concurrence';
  return 'unanimous-concurrence';
}

/** Interagency clearance is complete: notify Congress (FMS above threshold) or approve. */
export function cleared(
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

export function settle(
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
