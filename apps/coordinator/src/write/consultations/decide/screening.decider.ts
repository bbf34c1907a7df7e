/** Treasury's sanctions screening is recorded (metadata only). */
import { type SanctionsScreeningCompletedV1 } from '@icb/contracts';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  note,
  refused,
  sameConsultation,
  closedTo,
} from './change';
import { settle } from './settle';

/** Treasury's screening: which list, which version, the result and matches. */
export function recordScreening(
  state: Consultation,
  cmd: SanctionsScreeningCompletedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.screenings.some((s) => s.screeningId === cmd.screeningId)) {
    return refused('DUPLICATE_SCREENING', `screening ${cmd.screeningId} is already recorded`, true);
  }
  const closed = closedTo(state, 'a screening');
  if (closed) return closed;
  const draft = draftOf({
    ...state,
    screenings: [
      ...state.screenings,
      {
        screeningId: cmd.screeningId,
        screenedAt: cmd.screenedAt,
        list: { name: cmd.list.name, versionDate: cmd.list.versionDate },
        result: cmd.result,
        partiesScreened: cmd.partiesScreened,
        matches: cmd.matches.map((m) => ({
          partyName: m.partyName,
          listEntryUid: m.listEntryUid,
          listEntryName: m.listEntryName,
          basis: m.basis,
          ...(m.ownershipPercent === undefined ? {} : { ownershipPercent: m.ownershipPercent }),
        })),
        recordedAt: ctx.now,
        eventId: ctx.eventId,
      },
    ],
  });
  note(
    draft,
    'sanctions.screened',
    'treasury',
    `Treasury screened ${cmd.partiesScreened} part(ies) against ${cmd.list.name} of ${cmd.list.versionDate}: ` +
      (cmd.result === 'clear' ? 'clear' : `${cmd.matches.length} match(es)`),
    { screeningId: cmd.screeningId, result: cmd.result, matches: cmd.matches.length },
  );
  return settle(state, draft, ctx);
}
