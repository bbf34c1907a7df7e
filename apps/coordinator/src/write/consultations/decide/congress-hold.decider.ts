/** Holds placed and lifted by committee members during informal review. */
import { type CongressHoldLiftedV1, type CongressHoldPlacedV1 } from '@icb/contracts';
import { ACTION_AGENCY } from '../../../policy';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  isRefused,
  note,
  refused,
  sameConsultation,
} from './change';
import { congressOf, notify } from './congress';
import { settle } from './settle';

export function congressHoldPlaced(
  state: Consultation,
  cmd: CongressHoldPlacedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const congress = congressOf(state, 'a congressional hold');
  if (isRefused(congress)) return congress;
  if (congress.holds.some((h) => h.holdId === cmd.holdId && h.liftedAt === undefined)) {
    return refused('DUPLICATE_HOLD', `hold ${cmd.holdId} is already open`, true);
  }
  const next = notify(congress, {
    type: 'hold-placed',
    holdId: cmd.holdId,
    by: [cmd.committee, cmd.member].filter(Boolean).join(' '),
    at: ctx.now,
  });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      holds: [
        ...congress.holds,
        {
          holdId: cmd.holdId,
          committee: cmd.committee,
          ...(cmd.member === undefined ? {} : { member: cmd.member }),
          note: cmd.note,
          placedAt: ctx.now,
        },
      ],
    },
  });
  note(
    draft,
    'congress.hold-placed',
    ACTION_AGENCY,
    `${cmd.committee}${cmd.member ? ` (${cmd.member})` : ''} placed hold ${cmd.holdId}: ${cmd.note}`,
  );
  return settle(state, draft, ctx);
}

export function congressHoldLifted(
  state: Consultation,
  cmd: CongressHoldLiftedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const congress = congressOf(state, 'lifting a congressional hold');
  if (isRefused(congress)) return congress;
  const open = congress.holds.some((h) => h.holdId === cmd.holdId && h.liftedAt === undefined);
  if (!open && congress.holds.some((h) => h.holdId === cmd.holdId)) {
    return refused('HOLD_ALREADY_LIFTED', `hold ${cmd.holdId} was already lifted`, true);
  }
  const next = notify(congress, { type: 'hold-lifted', holdId: cmd.holdId, at: ctx.now });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      holds: congress.holds.map((h) =>
        h.holdId === cmd.holdId && h.liftedAt === undefined ? { ...h, liftedAt: ctx.now } : h,
      ),
    },
  });
  note(
    draft,
    'congress.hold-lifted',
    ACTION_AGENCY,
    `${cmd.committee} lifted hold ${cmd.holdId}: ${cmd.note}`,
  );
  return settle(state, draft, ctx);
}
