import { submitSignOff } from '../consultation.aggregate';
import { amend } from './amend.decider';
import {
  ok,
  refusal,
  named,
  at,
  CONSULTATION_ID,
  T0,
  anFmsCase,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('amendment and withdrawal', () => {
    it('an amendment re-requests every review and sign-offs on the old revision no longer count', () => {
      let s = open(anFmsCase());
      s = ok(
        submitSignOff(
          s,
          aSignOff('dod', 'concur-with-conditions', { conditionIds: ['DOD-1'] }),
          at(T0),
        ),
      ).state;
      s = ok(submitSignOff(s, aSignOff('nsc', 'concur'), at(T0))).state;
      const amended = ok(
        amend(
          s,
          {
            consultationId: CONSULTATION_ID,
            revision: 2,
            changes: { title: 'F-16 sustainment (revised)' },
            reason: 'Scope changed',
          },
          at('2025-03-05T10:00:00.000Z'),
        ),
      );
      s = amended.state;
      expect(s.revision).toBe(2);
      expect(s.title).toBe('F-16 sustainment (revised)');
      expect(s.pendingAgencies).toEqual(['dod', 'nsc', 'cia', 'treasury']);
      expect(named(amended, 'review.requested').map((p) => [p.agency, p.revision])).toEqual([
        ['dod', 2],
        ['nsc', 2],
        ['cia', 2],
        ['treasury', 2],
      ]);
      expect(s.conditions[0].status).toBe('superseded');
      expect(s.clocks.filter((c) => !c.firedAt).every((c) => c.revision === 2)).toBe(true);
      // One review per clearer for the current revision; revision 1's are history.
      expect(s.reviews.map((r) => [r.agency, r.revision, r.state])).toEqual([
        ['dod', 2, 'pending'],
        ['nsc', 2, 'pending'],
        ['cia', 2, 'pending'],
        ['treasury', 2, 'pending'],
      ]);
      expect(s.earlierReviews?.map((r) => [r.agency, r.revision, r.state])).toEqual([
        ['dod', 1, 'answered'],
        ['nsc', 1, 'answered'],
        ['cia', 1, 'pending'],
        ['treasury', 1, 'pending'],
      ]);

      // cia and treasury answer revision 2; dod and nsc's revision-1 answers do not count.
      s = ok(
        submitSignOff(
          s,
          aSignOff('cia', 'concur', { revision: 2 }),
          at('2025-03-06T10:00:00.000Z'),
        ),
      ).state;
      s = ok(
        submitSignOff(
          s,
          aSignOff('treasury', 'concur', { revision: 2 }),
          at('2025-03-06T10:00:00.000Z'),
        ),
      ).state;
      expect(s.status).toBe('in-review');
      expect(s.pendingAgencies).toEqual(['dod', 'nsc']);
    });

    it('an amendment already applied is a no-op; one that skips a revision is refused', () => {
      const cmd = {
        consultationId: CONSULTATION_ID,
        revision: 2,
        changes: { summary: 'x' },
        reason: 'y',
      };
      const s = ok(amend(open(anFmsCase()), cmd, at(T0))).state;
      expect(refusal(amend(s, cmd, at(T0)))).toMatchObject({
        code: 'DUPLICATE_AMENDMENT',
        noop: true,
      });
      expect(refusal(amend(s, { ...cmd, revision: 4 }, at(T0))).code).toBe('REVISION_OUT_OF_ORDER');
    });
  });
});
