/** Reviews and their clocks: a clearer's review of one revision, its deadline, acknowledgement and reminders; re-opening review on a new revision. */
import { type Agency, type ConsultationKind } from '@icb/contracts';
import {
  acknowledgeBy,
  addCalendarDays,
  isOpen,
  referralDueAt,
  reminderTimes,
  reviewDueAt,
  type Referral,
} from '../../../policy';
import type { ClockRecord, Consultation, IsoDate, Review } from '../consultation.model';
import { ChangeContext, Draft, emit, iso, justAfter, note, Refused, refused } from './change';

export const isLive = (clock: ClockRecord): boolean => clock.firedAt === undefined;

/** Deadline-related clocks of one review: reminders before its deadline, and the deadline itself. */
export function deadlineClocks(review: Review, now: IsoDate): ClockRecord[] {
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

export function reviewClocks(review: Review, now: IsoDate): ClockRecord[] {
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

export const REVIEW_CLOCK_KINDS: readonly ClockRecord['kind'][] = [
  'acknowledgement',
  'reminder',
  'review',
];

export function withoutLiveClocks(
  state: Consultation,
  match: (clock: ClockRecord) => boolean,
): Consultation {
  return { ...state, clocks: state.clocks.filter((c) => !(isLive(c) && match(c))) };
}

/**
 * A review requested now. Where silence is deemed concurrence, the deadline is
 * the referral period of that rule (the statute's, whatever the precedence);
 * elsewhere the review period of the kind and precedence.
 */
export function newReview(
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

export function requestReview(draft: Draft, review: Review): void {
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

export function findReview(state: Consultation, agency: Agency): Review | undefined {
  return state.reviews.find((r) => r.agency === agency && r.revision === state.revision);
}

export function replaceReview(state: Consultation, review: Review): Consultation {
  return {
    ...state,
    reviews: state.reviews.map((r) =>
      r.agency === review.agency && r.revision === review.revision ? review : r,
    ),
  };
}

/** The referral as the deemed-concurrence policy sees it; holds push its start back. */
export function referralOf(kind: ConsultationKind, review: Review): Referral {
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
export function reopenReview(draft: Draft, revision: number, ctx: ChangeContext): void {
  const before = draft.state;
  const cancelled = before.clocks.filter(isLive).length;
  let state: Consultation = withoutLiveClocks(
    { ...before, revision, status: 'in-review' },
    () => true,
  );
  state = {
    ...state,
    conditions: state.conditions.map((c) =>
      // Every live condition of an earlier revision (active, its removal
      // asked for, or retained after a refused removal) is superseded.
      c.revision < revision && c.status !== 'removed' && c.status !== 'superseded'
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

export function pendingReviewOf(
  state: Consultation,
  agency: Agency,
  what: string,
): Review | Refused {
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
