/** A clearer holds its review open, and releases the hold. */
import { type ReviewHoldPlacedV1, type ReviewHoldReleasedV1 } from '@icb/contracts';
import { addCalendarDays, MS_PER_DAY } from '../../../policy';
import type { Consultation, Review } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  iso,
  isRefused,
  ms,
  note,
  refused,
  sameConsultation,
} from './change';
import {
  deadlineClocks,
  findReview,
  pendingReviewOf,
  replaceReview,
  withoutLiveClocks,
} from './reviews';
import { settle } from './settle';

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
  // A repeat of the release on record is a no-op, whatever happened since.
  const current = findReview(state, cmd.agency);
  const last = current?.holdHistory?.at(-1);
  if (current?.hold === undefined && last !== undefined && last.releaseReason === cmd.reason) {
    return refused(
      'NO_HOLD_OPEN',
      `${cmd.agency} released its hold at ${last.releasedAt}; nothing to do`,
      true,
    );
  }
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
