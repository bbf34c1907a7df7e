/** The escalation ladders as a consultation climbs them: entering a level, resolving it, referring up. */
import {
  type Agency,
  type EscalationCause,
  type EscalationLadder,
  type EscalationLevel,
  type EscalationOutcome,
} from '@icb/contracts';
import { applyDecision, firstLevel, ladderFor, levelDueAt, levelSpec } from '../../../policy';
import type {
  ClockRecord,
  Consultation,
  EscalationState,
  EscalationStep,
  IsoDate,
} from '../consultation.model';
import {
  ChangeContext,
  Draft,
  emit,
  iso,
  justAfter,
  latestOf,
  ms,
  mustTransition,
  note,
} from './change';
import { REVIEW_CLOCK_KINDS, withoutLiveClocks } from './reviews';

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

/** The step of a level entered now, and its clock when the level is on one. */
export function enterLevel(
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

export function emitRaised(draft: Draft, escalation: EscalationState, step: EscalationStep): void {
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
export function escalate(
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
  passOnIfOverdue(draft, ctx);
}

/** Closes the current level with `outcome` (records the step, emits escalation.resolved). */
export function resolveLevel(
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
export function referUp(draft: Draft, next: EscalationLevel, ctx: ChangeContext): void {
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
  passOnIfOverdue(draft, ctx);
}

/**
 * Decision: a level whose deadline had already passed when the matter reached
 * it (the 90-day licensing limit of EO 12981 caps every level's deadline)
 * passes the matter on at once, up to the first level still on time or the
 * President, in the same change: no clock is ever left due in the past.
 */
function passOnIfOverdue(draft: Draft, ctx: ChangeContext): void {
  const escalation = draft.state.escalation as EscalationState;
  const step = escalation.history[escalation.history.length - 1];
  const onClock = draft.state.clocks.some(
    (c) => c.kind === 'escalation' && c.firedAt === undefined,
  );
  if (!onClock || ms(step.dueAt) >= ms(ctx.now)) return;
  const next = applyDecision(escalation.ladder, escalation.level, 'refer-up', ctx.now);
  if (!next.ok || next.result !== 'referred') return;
  resolveLevel(
    draft,
    {
      outcome: 'refer-up',
      rationale: `${step.level}'s deadline (${step.dueAt}) had passed when the matter reached it: referred up`,
      decidedBy: 'coordinator (deadline)',
      decidedAt: ctx.now,
    },
    false,
    ctx,
  );
  referUp(draft, next.level, ctx);
}
