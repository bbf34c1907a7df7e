/** Due clocks fire: reminders, acknowledgement and review deadlines, deemed concurrence, escalation level deadlines, the congressional review period. */
import { REVIEW_PERIOD_DAYS, type Agency, type ReviewPeriodDays } from '@icb/contracts';
import {
  applyDecision,
  deemedConcurrence,
  missedAcknowledgementEscalates,
  MS_PER_HOUR,
  nextNotificationState,
} from '../../../policy';
import type {
  ClockRecord,
  Consultation,
  IsoDate,
  Review,
  SignOffRecord,
} from '../consultation.model';
import {
  Change,
  ChangeContext,
  Draft,
  draftOf,
  emit,
  iso,
  ms,
  mustTransition,
  note,
} from './change';
import { toNotificationState } from './congress';
import { ESCALATION_RECORDER, referUp, resolveLevel } from './escalation-steps';
import {
  findReview,
  isLive,
  referralOf,
  replaceReview,
  REVIEW_CLOCK_KINDS,
  withoutLiveClocks,
} from './reviews';
import { settle } from './settle';

/** More clocks than this firing in one call means a clock keeps re-arming itself: a bug. */
export const MAX_FIRINGS = 1000;

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
export interface Missed {
  review: Agency[];
  acknowledgement: Agency[];
}

export function fireClock(
  draft: Draft,
  clock: ClockRecord,
  missed: Missed,
  ctx: ChangeContext,
): void {
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

export function fireReviewDeadline(
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

export function fireEscalationDeadline(draft: Draft, clock: ClockRecord, ctx: ChangeContext): void {
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

export function fireCongressReview(draft: Draft, ctx: ChangeContext): void {
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
