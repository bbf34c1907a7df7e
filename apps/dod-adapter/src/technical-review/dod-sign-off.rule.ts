import type { SignOffRule } from '@icb/agency-adapter';
import { heldReviewRefusal } from './technical-review.policy';

/** DoD's rule on `POST /reviews/{id}/sign-off`: no concurrence while it holds its review. */
export const dodSignOffRule: SignOffRule = (consultation, signOff) =>
  heldReviewRefusal(
    consultation.reviews.find((r) => r.agency === 'dod'),
    signOff.decision,
  );
