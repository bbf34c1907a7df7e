/** A referred agency asks for the extension its deemed-concurrence rule allows. */
import { type ClockExtensionRequestedV1 } from '@icb/contracts';
import { canExtend, deemedConcurrenceRule } from '../../../policy';
import type { Consultation, Review } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  emit,
  iso,
  isRefused,
  note,
  refused,
  sameConsultation,
} from './change';
import {
  deadlineClocks,
  pendingReviewOf,
  referralOf,
  replaceReview,
  withoutLiveClocks,
} from './reviews';
import { settle } from './settle';

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
  const granted = state.reviews.find(
    (r) => r.agency === cmd.agency && r.revision === state.revision,
  )?.extension;
  if (granted !== undefined && granted.reason === cmd.reason && cmd.days <= granted.days) {
    return refused(
      'EXTENSION_ALREADY_GRANTED',
      `${cmd.agency} was granted its ${granted.days}-day extension at ${granted.grantedAt}; nothing to do`,
      true,
    );
  }
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
