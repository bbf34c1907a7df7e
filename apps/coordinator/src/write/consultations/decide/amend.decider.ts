/** State/PM amends a consultation: a new revision re-opens review. */
import { type ConsultationAmendedV1 } from '@icb/contracts';
import { ACTION_AGENCY } from '../../../policy';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  lifecycle,
  note,
  refused,
  sameConsultation,
} from './change';
import { congressFor } from './open.decider';
import { reopenReview } from './reviews';
import { settle } from './settle';

/** Whether revision `r` was opened by a remand (an amendment may not reuse its number). */
export function openedByRemand(state: Consultation, revision: number): boolean {
  const escalations = state.escalation
    ? [...(state.escalation.earlier ?? []), state.escalation]
    : [];
  return escalations.some((e) => e.remandedToRevision === revision);
}

/**
 * State/PM amends: the new revision (exactly the next one) re-opens review of
 * every clearer; earlier sign-offs no longer count, the old revision's clocks
 * are cancelled and an open escalation is superseded.
 */
export function amend(state: Consultation, cmd: ConsultationAmendedV1, ctx: ChangeContext): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (cmd.revision === state.revision && !openedByRemand(state, cmd.revision)) {
    return refused(
      'DUPLICATE_AMENDMENT',
      `revision ${cmd.revision} is already applied; nothing to do`,
      true,
    );
  }
  if (cmd.revision !== state.revision + 1) {
    return refused(
      'REVISION_OUT_OF_ORDER',
      `the amendment is revision ${cmd.revision}, but the consultation is at revision ${state.revision}: ` +
        `the next amendment must be revision ${state.revision + 1}`,
    );
  }
  const check = lifecycle(state, { type: 'amended' });
  if (!check.ok) {
    return refused(
      check.code,
      state.status === 'congressional-review'
        ? 'interagency clearance is complete and Congress is being notified; an amendment would need a new case'
        : check.message,
    );
  }
  const changes = cmd.changes;
  const amended: Consultation = {
    ...state,
    ...(changes.title === undefined ? {} : { title: changes.title }),
    ...(changes.summary === undefined ? {} : { summary: changes.summary }),
    ...(changes.attributes === undefined ? {} : { attributes: changes.attributes }),
    ...(changes.classification === undefined ? {} : { classification: changes.classification }),
  };
  const draft = draftOf(amended);
  note(
    draft,
    'consultation.amended',
    ACTION_AGENCY,
    `Amended to revision ${cmd.revision} (${Object.keys(changes).join(', ')}): ${cmd.reason}`,
    { revision: cmd.revision, changed: Object.keys(changes) },
  );
  reopenReview(draft, check.state.revision, ctx);
  if (changes.attributes !== undefined && state.kind === 'fms-case') {
    const congress = congressFor(state.kind, changes.attributes, ctx.now);
    if (congress !== undefined) draft.state = { ...draft.state, congress };
  }
  return settle(state, draft, ctx, {
    reason: `amended to revision ${cmd.revision}: ${cmd.reason}`,
  });
}
