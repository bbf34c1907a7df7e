/** A clearer answers the current revision. */
import { type SignOffSubmittedV1 } from '@icb/contracts';
import { addCalendarDays, canSignOff, MS_PER_DAY } from '../../../policy';
import type {
  ConditionRecord,
  Consultation,
  IsoDate,
  Review,
  SignOffRecord,
} from '../consultation.model';
import { Change, ChangeContext, draftOf, iso, ms, note, refused, sameConsultation } from './change';
import { findReview, replaceReview, REVIEW_CLOCK_KINDS, withoutLiveClocks } from './reviews';
import { settle } from './settle';

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
      (s) => s.agency === cmd.agency && s.revision === cmd.revision && !s.voidedAt,
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
  if (review !== undefined) next = replaceReview(next, answeredReview(review, ctx.now));
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

/**
 * The review once answered. An answer given while the agency held its review
 * ends the hold: the hold kept the deadline from running while the agency
 * worked; its answer is the end of that work.
 */
function answeredReview(review: Review, now: IsoDate): Review {
  const hold = review.hold;
  if (hold === undefined) return { ...review, state: 'answered' };
  const pausedDays = Math.max(0, Math.ceil((ms(now) - ms(hold.placedAt)) / MS_PER_DAY));
  // As a release would: the deadline moves by the days held (the ladders
  // count from the agencies' deadlines).
  const answered: Review = {
    ...review,
    state: 'answered',
    dueAt: iso(addCalendarDays(review.dueAt, pausedDays)),
    pausedDays: (review.pausedDays ?? 0) + pausedDays,
    holdHistory: [
      ...(review.holdHistory ?? []),
      {
        reason: hold.reason,
        placedAt: hold.placedAt,
        releasedAt: now,
        releaseReason: 'answered while held',
        pausedDays,
      },
    ],
  };
  delete answered.hold;
  return answered;
}
