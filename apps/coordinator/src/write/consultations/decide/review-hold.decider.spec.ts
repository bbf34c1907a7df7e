import { fireDueClocks, proceedWithoutClearance } from '../consultation.aggregate';
import { placeReviewHold, releaseReviewHold } from './review-hold.decider';
import {
  ok,
  refusal,
  named,
  at,
  CONSULTATION_ID,
  T0,
  JUST_AFTER_REVIEW_DUE,
  anFmsCase,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('holds on a review', () => {
    it("a hold stops the agency's deadline; the release moves it by the days held", () => {
      let s = open(anFmsCase({ clearingParties: ['dod'] }));
      s = ok(
        placeReviewHold(
          s,
          { consultationId: CONSULTATION_ID, agency: 'dod', reason: 'Technology security review' },
          at('2025-03-13T10:00:00.000Z'),
        ),
      ).state;
      expect(s.nextDueAt).toBeUndefined();
      expect(s.clocks.filter((c) => !c.firedAt).map((c) => c.kind)).toEqual(['acknowledgement']);
      const held = ok(fireDueClocks(s, JUST_AFTER_REVIEW_DUE));
      expect(named(held, 'clock.overdue').map((p) => p.clock)).toEqual(['acknowledgement']);
      expect(held.state.status).toBe('in-review');

      const released = ok(
        releaseReviewHold(
          held.state,
          { consultationId: CONSULTATION_ID, agency: 'dod', reason: 'Review complete' },
          at('2025-04-05T10:00:00.000Z'),
        ),
      );
      // Held from Mar 13 10:00 to Apr 5 10:00: 23 days.
      expect(released.state.reviews[0]).toMatchObject({
        dueAt: '2025-04-25T23:59:59.999Z',
        pausedDays: 23,
      });
      expect(released.state.nextDueAt).toBe('2025-04-25T23:59:59.999Z');
    });

    it('the action office cannot proceed without an agency that holds its review', () => {
      let s = open(anFmsCase({ clearingParties: ['dod'] }));
      s = ok(
        placeReviewHold(
          s,
          { consultationId: CONSULTATION_ID, agency: 'dod', reason: 'TSFD review' },
          at(T0),
        ),
      ).state;
      const r = refusal(
        proceedWithoutClearance(
          s,
          {
            consultationId: CONSULTATION_ID,
            delayingAgencies: ['dod'],
            rule: '2 FAM 1211',
            justification: 'Deadline passed',
          },
          at('2025-05-01T00:00:00.000Z'),
        ),
      );
      expect(r.code).toBe('REVIEW_ON_HOLD');
    });
  });
});
