import type { Consultation } from '../consultation.model';
import { fireDueClocks, submitSignOff } from '../consultation.aggregate';
import { requestExtension } from './extension.decider';
import {
  ok,
  refusal,
  named,
  names,
  at,
  CONSULTATION_ID,
  T0,
  REVIEW_DUE,
  JUST_AFTER_REVIEW_DUE,
  anFmsCase,
  aTechnologyTransfer,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('deemed concurrence and extensions (EAA 1979 §10(e))', () => {
    function aReferralAwaitingTreasury(): Consultation {
      let s = open(aTechnologyTransfer({ country: 'GBR' }));
      expect(s.clearers).toEqual(['dod', 'cia', 'treasury']);
      s = ok(submitSignOff(s, aSignOff('dod', 'concur'), at(T0))).state;
      return ok(submitSignOff(s, aSignOff('cia', 'concur'), at(T0))).state;
    }

    it('a referral not answered in 30 days is deemed concurrence, with the rule id and source', () => {
      const s = aReferralAwaitingTreasury();
      const atDeadline = ok(fireDueClocks(s, REVIEW_DUE));
      expect(names(atDeadline)).not.toContain('clock.deemed-concurrence');
      expect(atDeadline.state.status).toBe('in-review');

      const deemed = ok(fireDueClocks(atDeadline.state, JUST_AFTER_REVIEW_DUE));
      expect(named(deemed, 'clock.deemed-concurrence')).toEqual([
        {
          consultationId: CONSULTATION_ID,
          agency: 'treasury',
          revision: 1,
          ruleId: 'EAA-1979-10E',
          ruleSource: 'Export Administration Act of 1979 §10(e); 15 CFR 750.4',
          deemedAt: JUST_AFTER_REVIEW_DUE,
        },
      ]);
      expect(deemed.state.signOffs.find((x) => x.agency === 'treasury')).toMatchObject({
        decision: 'concur',
        basis: 'deemed-concurrence',
        rule: {
          id: 'EAA-1979-10E',
          source: 'Export Administration Act of 1979 §10(e); 15 CFR 750.4',
        },
      });
      expect(deemed.state.status).toBe('approved');
      expect(named(deemed, 'consultation.decided')[0]).toMatchObject({
        outcome: 'approved',
        basis: 'deemed-concurrence',
      });
      expect(names(deemed)).not.toContain('clock.overdue');
    });

    it('an extension asked for before the deadline moves it once; a second is refused', () => {
      const s = aReferralAwaitingTreasury();
      const ask = {
        consultationId: CONSULTATION_ID,
        agency: 'treasury' as const,
        reason: 'Ownership research on the consignee',
        days: 30,
      };
      const granted = ok(requestExtension(s, ask, at('2025-03-20T10:00:00.000Z')));
      expect(named(granted, 'clock.extension-granted')).toEqual([
        {
          consultationId: CONSULTATION_ID,
          agency: 'treasury',
          newDueAt: '2025-05-02T23:59:59.999Z',
          days: 30,
        },
      ]);
      expect(granted.state.nextDueAt).toBe('2025-05-02T23:59:59.999Z');

      const second = refusal(requestExtension(granted.state, ask, at('2025-03-25T10:00:00.000Z')));
      expect(second.code).toBe('EXTENSION_ALREADY_GRANTED');

      const oldDeadline = ok(fireDueClocks(granted.state, JUST_AFTER_REVIEW_DUE));
      expect(names(oldDeadline)).not.toContain('clock.deemed-concurrence');
      const newDeadline = ok(fireDueClocks(oldDeadline.state, '2025-05-03T00:00:00.000Z'));
      expect(named(newDeadline, 'clock.deemed-concurrence')[0].deemedAt).toBe(
        '2025-05-03T00:00:00.000Z',
      );
    });

    it('an extension is refused after the deadline and where silence is not consent', () => {
      const ask = {
        consultationId: CONSULTATION_ID,
        agency: 'treasury' as const,
        reason: 'More time',
        days: 30,
      };
      expect(
        refusal(requestExtension(aReferralAwaitingTreasury(), ask, at(JUST_AFTER_REVIEW_DUE))).code,
      ).toBe('EXTENSION_REQUESTED_TOO_LATE');
      expect(refusal(requestExtension(open(anFmsCase()), ask, at(T0))).code).toBe(
        'NO_DEEMED_CONCURRENCE',
      );
    });
  });
});
