import { openConsultation } from './open.decider';
import {
  ok,
  refusal,
  named,
  at,
  T0,
  REVIEW_DUE,
  JUST_AFTER_REVIEW_DUE,
  anFmsCase,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('opening', () => {
    it('requests a review of every clearer the policy names, with deadlines, acknowledgement and reminders', () => {
      const change = ok(openConsultation(anFmsCase(), at(T0)));
      const s = change.state;
      expect(s.status).toBe('in-review');
      expect(s.revision).toBe(1);
      expect(s.clearers).toEqual(['dod', 'nsc', 'cia', 'treasury']);
      expect(s.pendingAgencies).toEqual(['dod', 'nsc', 'cia', 'treasury']);
      expect(s.reviews.map((r) => r.dueAt)).toEqual(Array(4).fill(REVIEW_DUE));
      expect(s.reviews[0].acknowledgeBy).toBe('2025-03-03T20:00:00.000Z');
      expect(s.nextDueAt).toBe(REVIEW_DUE);
      expect(s.clocks.filter((c) => c.agency === 'dod').map((c) => [c.kind, c.dueAt])).toEqual([
        ['acknowledgement', '2025-03-03T20:00:00.001Z'],
        ['reminder', '2025-03-30T23:59:59.999Z'],
        ['reminder', '2025-04-01T23:59:59.999Z'],
        ['review', JUST_AFTER_REVIEW_DUE],
      ]);
      expect(s.nextClockAt).toBe('2025-03-03T20:00:00.001Z');
      expect(s.congress).toMatchObject({ required: true, countryGroup: 'other', reviewDays: 30 });
      expect(s.congress?.step).toBe('awaiting-clearance');
      expect(named(change, 'review.requested').map((p) => p.agency)).toEqual([
        'dod',
        'nsc',
        'cia',
        'treasury',
      ]);
      expect(named(change, 'consultation.status-changed')).toEqual([
        expect.objectContaining({ from: 'in-review', to: 'in-review', reason: 'opened' }),
      ]);
    });

    it('uses the clearing parties the action office names instead of the policy', () => {
      const s = open(anFmsCase({ clearingParties: ['treasury', 'dod'] }));
      expect(s.clearers).toEqual(['dod', 'treasury']);
    });

    it('refuses an action office that is not in the directory', () => {
      const r = refusal(openConsultation(anFmsCase({ actionOffice: 'PM/XYZ' }), at(T0)));
      expect(r.code).toBe('UNKNOWN_ACTION_OFFICE');
      expect(r.message).toContain('PM/XYZ is not an action office');
    });

    it('refuses naming State/PM as a clearer of its own matter', () => {
      const r = refusal(
        openConsultation(anFmsCase({ clearingParties: ['state-pm', 'dod'] }), at(T0)),
      );
      expect(r.code).toBe('ACTION_OFFICE_IS_NOT_A_CLEARER');
    });
  });
});
