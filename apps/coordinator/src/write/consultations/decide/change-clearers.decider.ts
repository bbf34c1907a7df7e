/** The action office adds or removes clearing parties. */
import { type ClearancePartiesChangedV1, type Party } from '@icb/contracts';
import { ACTION_AGENCY, applyClearanceChange, isOpen } from '../../../policy';
import type { Consultation } from '../consultation.model';
import { Change, ChangeContext, draftOf, note, refused, sameConsultation } from './change';
import { newReview, requestReview, reviewClocks, withoutLiveClocks } from './reviews';
import { settle } from './settle';

/**
 * The action office (State/PM only, 2 FAM 1211-1213) adds or removes clearers
 * while the consultation is in review. A new clearer gets a review of the
 * current revision; a removed one leaves the pending list (its answers stay on
 * record but no longer count).
 */
export function changeClearers(
  state: Consultation,
  cmd: ClearancePartiesChangedV1,
  publisher: Party,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (publisher !== ACTION_AGENCY) {
    return refused(
      'NOT_THE_ACTION_OFFICE',
      `only the action office (State/PM) may add or remove clearing parties; ${publisher} asked to`,
    );
  }
  // What is asked is already so (a repeat): nothing to do, whatever the status.
  if (
    (cmd.add ?? []).every((a) => state.clearers.includes(a)) &&
    (cmd.remove ?? []).every((a) => !state.clearers.includes(a))
  ) {
    return refused('NO_CHANGE', 'the clearing parties are already as asked; nothing to do', true);
  }
  if (state.status !== 'in-review') {
    return refused(
      isOpen(state.status) ? 'NOT_IN_REVIEW' : 'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; clearing parties change only while it is in review`,
    );
  }
  const result = applyClearanceChange(state.clearers, cmd, publisher);
  if (!result.ok) return refused(result.code, result.message);
  if (result.added.length === 0 && result.removed.length === 0) {
    return refused('NO_CHANGE', 'every agency to add already clears; nothing to do', true);
  }
  const added = result.added.map((agency) => newReview(state, agency, state.revision, ctx.now));
  const removed = result.removed;
  let next: Consultation = withoutLiveClocks(
    state,
    (c) => c.agency !== undefined && removed.includes(c.agency),
  );
  next = {
    ...next,
    // A removed agency's answer on this revision no longer counts (named
    // again, it answers again).
    signOffs: next.signOffs.map((s) =>
      s.revision === state.revision && removed.includes(s.agency) && !s.voidedAt
        ? { ...s, voidedAt: ctx.now }
        : s,
    ),
    clearers: result.clearers,
    reviews: [
      ...next.reviews.filter((r) => !(r.revision === state.revision && removed.includes(r.agency))),
      ...added,
    ],
    clocks: [...next.clocks, ...added.flatMap((r) => reviewClocks(r, ctx.now))],
  };
  const draft = draftOf(next);
  for (const review of added) requestReview(draft, review);
  note(
    draft,
    'clearers.changed',
    ACTION_AGENCY,
    `Clearing parties changed by the action office` +
      (result.added.length ? `; added ${result.added.join(', ')}` : '') +
      (removed.length ? `; removed ${removed.join(', ')}` : '') +
      `: ${cmd.reason}`,
    { added: result.added, removed, clearers: result.clearers },
  );
  return settle(state, draft, ctx, { reason: `clearing parties changed: ${cmd.reason}` });
}
