/**
 * The consultation aggregate: pure deciders, one per command, that take the
 * coordinator's state of one consultation and one incoming command or event
 * and return the decision — the new state, the events to publish and the
 * timeline notes — or a refusal an operator can act on. Nothing here reads
 * the clock, the database or the bus: time comes in `ctx.now`, persistence
 * and publishing are the caller's.
 *
 * Each decider lives in `decide/<command>.decider.ts`; what they share is in
 * `decide/change.ts` (the change being built), `decide/reviews.ts` (reviews
 * and their clocks), `decide/escalation-steps.ts` (the ladders), and
 * `decide/settle.ts` (the decision rule and the derived fields every change
 * ends with). Rules come from `../policy`; the deciders only sequence them.
 * Decisions taken there (and not in the policy) are marked "Decision:".
 *
 * Clocks: every deadline clock fires at the first millisecond AFTER its deadline
 * (deadlines are the last instant of a period, 23:59:59.999 UTC), so a clock
 * fires exactly when the policy says the period has passed, never a minute
 * before. A cancelled clock is removed from `clocks` (a timeline note records
 * why); a fired one stays with `firedAt`.
 */
export type { Change, ChangeContext, Outgoing, Refused, TimelineNote } from './decide/change';
export { ESCALATION_RECORDER } from './decide/escalation-steps';
export { acknowledgeReview } from './decide/acknowledge.decider';
export { amend } from './decide/amend.decider';
export { recordAssessment } from './decide/assessment.decider';
export { changeClearers } from './decide/change-clearers.decider';
export { fireDueClocks } from './decide/clocks.decider';
export {
  answerConditionRemoval,
  requestConditionRemoval,
} from './decide/condition-removal.decider';
export { congressHoldLifted, congressHoldPlaced } from './decide/congress-hold.decider';
export {
  congressDisapproval,
  congressFormalNotice,
  congressInformalNotice,
  congressWaiver,
} from './decide/congress-notice.decider';
export { decideEscalation } from './decide/escalation-decision.decider';
export { requestExtension } from './decide/extension.decider';
export { openConsultation } from './decide/open.decider';
export { proceedWithoutClearance } from './decide/proceed.decider';
export { placeReviewHold, releaseReviewHold } from './decide/review-hold.decider';
export { recordScreening } from './decide/screening.decider';
export { submitSignOff } from './decide/sign-off.decider';
export { withdraw } from './decide/withdraw.decider';
