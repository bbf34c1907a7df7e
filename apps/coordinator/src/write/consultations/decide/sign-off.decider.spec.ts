import { amend, withdraw } from '../consultation.aggregate';
import { submitSignOff } from './sign-off.decider';
import {
  ok,
  refusal,
  at,
  CONSULTATION_ID,
  T0,
  anFmsCase,
  aTechnologyTransfer,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('sign-offs', () => {
    it('refuses an agency that is not a clearing party', () => {
      const s = open(aTechnologyTransfer({ country: 'GBR' }));
      const r = refusal(submitSignOff(s, aSignOff('nsc', 'concur'), at(T0)));
      expect(r).toMatchObject({ code: 'NOT_A_CLEARING_PARTY' });
      expect(r.message).toBe(
        'nsc is not a clearing party of this consultation; ask the action office (State/PM) to add it',
      );
    });

    it('refuses a sign-off on a closed consultation', () => {
      const s = ok(
        withdraw(
          open(anFmsCase()),
          { consultationId: CONSULTATION_ID, reason: 'LOR withdrawn' },
          at(T0),
        ),
      ).state;
      const r = refusal(submitSignOff(s, aSignOff('dod', 'concur'), at(T0)));
      expect(r.code).toBe('CONSULTATION_CLOSED');
      expect(r.message).toBe('the consultation is withdrawn; it no longer takes sign-offs');
    });

    it('refuses a sign-off on a revision the amendment replaced', () => {
      const s = ok(
        amend(
          open(anFmsCase()),
          {
            consultationId: CONSULTATION_ID,
            revision: 2,
            changes: { summary: 'Fewer munitions' },
            reason: 'Quantity reduced',
          },
          at(T0),
        ),
      ).state;
      const r = refusal(submitSignOff(s, aSignOff('dod', 'concur', { revision: 1 }), at(T0)));
      expect(r.code).toBe('STALE_REVISION');
      expect(r.message).toContain('is at revision 2: review the current text and sign again');
    });

    it('acknowledges an exact duplicate as a no-op', () => {
      const s = ok(submitSignOff(open(anFmsCase()), aSignOff('dod', 'concur'), at(T0))).state;
      const r = refusal(submitSignOff(s, aSignOff('dod', 'concur'), at(T0)));
      expect(r).toMatchObject({ code: 'DUPLICATE_SIGN_OFF', noop: true });
      expect(r.message).toBe('dod already answered "concur" on revision 1; nothing to record');
    });

    it('refuses a different answer on the same revision', () => {
      const s = ok(submitSignOff(open(anFmsCase()), aSignOff('dod', 'concur'), at(T0))).state;
      const r = refusal(submitSignOff(s, aSignOff('dod', 'non-concur'), at(T0)));
      expect(r.code).toBe('CONFLICTING_SIGN_OFF');
      expect(r.noop).toBeUndefined();
      expect(r.message).toContain('ask the action office for an amendment');
    });

    it("records a sign-off with its officer and the event that carried it, and stops that agency's clocks", () => {
      const change = ok(
        submitSignOff(open(anFmsCase()), aSignOff('dod', 'concur'), {
          now: T0,
          eventId: 'evt-dod',
        }),
      );
      expect(change.state.signOffs).toEqual([
        expect.objectContaining({
          agency: 'dod',
          basis: 'submitted',
          eventId: 'evt-dod',
          officer: { name: 'J. Doe', title: 'Deputy Assistant Secretary' },
        }),
      ]);
      expect(change.state.clocks.filter((c) => c.agency === 'dod')).toEqual([]);
      expect(change.notes.map((n) => n.type)).toContain('signoff.recorded');
    });
  });
});
