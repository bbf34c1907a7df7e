/** A clearer acknowledges receipt of a review request. */
import { type ReviewAcknowledgedV1 } from '@icb/contracts';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  isRefused,
  ms,
  note,
  refused,
  sameConsultation,
} from './change';
import { pendingReviewOf, replaceReview, withoutLiveClocks } from './reviews';
import { settle } from './settle';

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
