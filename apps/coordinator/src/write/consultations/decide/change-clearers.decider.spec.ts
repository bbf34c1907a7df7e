import { submitSignOff } from '../consultation.aggregate';
import { changeClearers } from './change-clearers.decider';
import {
  ok,
  refusal,
  named,
  at,
  CONSULTATION_ID,
  T0,
  anFmsCase,
  aTechnologyTransfer,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('clearing parties', () => {
    it('only the action office adds a clearer, who is then asked to review', () => {
      const s = open(aTechnologyTransfer({ country: 'GBR' }));
      const cmd = {
        consultationId: CONSULTATION_ID,
        add: ['nsc' as const],
        remove: [],
        reason: 'First release of the capability',
      };
      expect(refusal(changeClearers(s, cmd, 'dod', at(T0))).code).toBe('NOT_THE_ACTION_OFFICE');
      const change = ok(changeClearers(s, cmd, 'state-pm', at('2025-03-04T10:00:00.000Z')));
      expect(change.state.clearers).toEqual(['dod', 'nsc', 'cia', 'treasury']);
      expect(named(change, 'review.requested').map((p) => p.agency)).toEqual(['nsc']);
    });

    it("removing the last pending clearer lets the others' answers decide", () => {
      let s = open(anFmsCase({ country: 'SAU', values: { 'major-defense-equipment': 1_000_000 } }));
      for (const agency of ['dod', 'nsc', 'cia'] as const)
        s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;
      const change = ok(
        changeClearers(
          s,
          {
            consultationId: CONSULTATION_ID,
            add: [],
            remove: ['treasury'],
            reason: 'Screened separately',
          },
          'state-pm',
          at(T0),
        ),
      );
      expect(change.state.status).toBe('approved');
    });
  });
});
