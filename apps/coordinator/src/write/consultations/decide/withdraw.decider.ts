/** State/PM withdraws a consultation. */
import { type ConsultationWithdrawnV1 } from '@icb/contracts';
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
import { settle } from './settle';

/** State/PM withdraws an open consultation: closed, every clock cancelled. */
export function withdraw(
  state: Consultation,
  cmd: ConsultationWithdrawnV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.status === 'withdrawn') {
    return refused(
      'ALREADY_WITHDRAWN',
      'the consultation is already withdrawn; nothing to do',
      true,
    );
  }
  const check = lifecycle(state, { type: 'withdrawn' });
  if (!check.ok) return refused(check.code, check.message);
  const draft = draftOf({ ...state, status: check.state.status });
  note(
    draft,
    'consultation.withdrawn',
    ACTION_AGENCY,
    `Withdrawn by the action office: ${cmd.reason}`,
  );
  return settle(state, draft, ctx, { reason: `withdrawn: ${cmd.reason}` });
}
