import { fireDueClocks } from '../consultation.aggregate';
import { withdraw } from './withdraw.decider';
import {
  ok,
  refusal,
  named,
  at,
  CONSULTATION_ID,
  T0,
  anFmsCase,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('amendment and withdrawal', () => {
    it('withdrawal closes the consultation and cancels every clock', () => {
      const change = ok(
        withdraw(
          open(anFmsCase()),
          { consultationId: CONSULTATION_ID, reason: 'The partner withdrew its LOR' },
          at('2025-03-04T10:00:00.000Z'),
        ),
      );
      expect(change.state.status).toBe('withdrawn');
      expect(change.state.closedAt).toBe('2025-03-04T10:00:00.000Z');
      expect(change.state.clocks).toEqual([]);
      expect(change.state.nextClockAt).toBeUndefined();
      expect(change.state.pendingAgencies).toEqual([]);
      expect(named(change, 'consultation.status-changed')[0]).toMatchObject({
        from: 'in-review',
        to: 'withdrawn',
      });
      expect(ok(fireDueClocks(change.state, '2025-06-01T00:00:00.000Z')).events).toEqual([]);
      expect(
        refusal(
          withdraw(change.state, { consultationId: CONSULTATION_ID, reason: 'again' }, at(T0)),
        ),
      ).toMatchObject({ noop: true });
    });
  });
});
