import { acknowledgeReview, submitSignOff } from '../consultation.aggregate';
import type { Outgoing } from './change';
import { fireDueClocks } from './clocks.decider';
import {
  ok,
  named,
  names,
  at,
  CONSULTATION_ID,
  T0,
  REVIEW_DUE,
  JUST_AFTER_REVIEW_DUE,
  anFmsCase,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('clocks', () => {
    it('fireDueClocks twice at the same instant fires nothing the second time', () => {
      const s = open(anFmsCase({ precedence: 'FLASH' }));
      const now = '2025-03-03T14:10:00.001Z';
      const first = ok(fireDueClocks(s, now));
      expect(named(first, 'clock.overdue')).toHaveLength(4);
      expect(first.state.clocks.filter((c) => c.firedAt === now)).toHaveLength(4);
      const second = ok(fireDueClocks(first.state, now));
      expect(second.events).toEqual([]);
      expect(second.state).toBe(first.state);
    });

    it('reminds a clearer before its deadline', () => {
      const s = open(anFmsCase({ clearingParties: ['dod'] }));
      const acked = ok(
        acknowledgeReview(
          s,
          { consultationId: CONSULTATION_ID, agency: 'dod', revision: 1 },
          at('2025-03-03T15:00:00.000Z'),
        ),
      ).state;
      const fired = ok(fireDueClocks(acked, '2025-03-30T23:59:59.999Z'));
      expect(named(fired, 'clock.deadline-approaching')).toEqual([
        {
          consultationId: CONSULTATION_ID,
          agency: 'dod',
          clock: 'review',
          dueAt: REVIEW_DUE,
          remainingHours: 72,
        },
      ]);
    });

    it('the contract check of the spec rejects an invalid event (it is not vacuous)', () => {
      const s = open(anFmsCase());
      const bad = {
        name: 'clock.overdue',
        payload: {
          consultationId: CONSULTATION_ID,
          agency: 'dod',
          clock: 'review',
          dueAt: 'tomorrow',
          detectedAt: T0,
        },
        purpose: 'overdue:x',
      } as unknown as Outgoing;
      expect(() => ok({ ok: true, state: s, events: [bad], notes: [] })).toThrow(
        /clock.overdue .* is invalid/,
      );
    });

    it('nothing due: an accepted change with no events', () => {
      const s = open(anFmsCase());
      const change = ok(fireDueClocks(s, T0));
      expect(change.events).toEqual([]);
      expect(change.state).toBe(s);
    });
  });

  describe('escalation', () => {
    it('a missed review deadline on an FMS case is overdue and escalates to the PCC', () => {
      let s = open(anFmsCase());
      for (const agency of ['dod', 'nsc', 'cia'] as const)
        s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;
      const fired = ok(fireDueClocks(s, JUST_AFTER_REVIEW_DUE));
      expect(named(fired, 'clock.overdue').map((p) => [p.agency, p.clock])).toEqual([
        ['treasury', 'acknowledgement'],
        ['treasury', 'review'],
      ]);
      expect(named(fired, 'escalation.raised')[0]).toMatchObject({
        level: 'pcc',
        triggeredBy: { agency: 'treasury', cause: 'missed-deadline' },
      });
      expect(fired.state.status).toBe('escalated');
    });

    it('a level that misses its deadline is overdue and the matter goes to the next level', () => {
      const s = ok(
        submitSignOff(
          open(anFmsCase()),
          aSignOff('dod', 'non-concur'),
          at('2025-03-05T10:00:00.000Z'),
        ),
      ).state;
      expect(ok(fireDueClocks(s, '2025-03-19T23:59:59.999Z')).events).toEqual([]);
      const fired = ok(fireDueClocks(s, '2025-03-20T00:00:00.000Z'));
      expect(names(fired)).toEqual(['clock.overdue', 'escalation.resolved', 'escalation.raised']);
      expect(named(fired, 'clock.overdue')[0]).toMatchObject({
        clock: 'escalation',
        agency: 'nsc',
      });
      expect(fired.state.escalation?.level).toBe('deputies');
    });
  });
});

describe('a missed acknowledgement escalates where the precedence demands receipt', () => {
  it.each(['FLASH', 'IMMEDIATE'] as const)(
    'a %s request not acknowledged in time escalates the matter',
    (precedence) => {
      const s = open(anFmsCase({ precedence }));
      const ackDue = s.reviews[0].acknowledgeBy as string;
      const before = ok(fireDueClocks(s, ackDue));
      expect(before.state.status).toBe('in-review');
      const after = ok(fireDueClocks(s, new Date(Date.parse(ackDue) + 1).toISOString()));
      expect(after.state.status).toBe('escalated');
      expect(after.state.escalation).toMatchObject({ cause: 'missed-acknowledgement' });
      expect(named(after, 'clock.overdue').map((o) => o.clock)).toEqual(
        Array(4).fill('acknowledgement'),
      );
      expect(named(after, 'escalation.raised')[0].triggeredBy).toMatchObject({
        cause: 'missed-acknowledgement',
      });
    },
  );

  it('an acknowledged FLASH request does not escalate when the others are late', () => {
    let s = open(anFmsCase({ precedence: 'FLASH', clearingParties: ['dod'] }));
    s = ok(
      acknowledgeReview(
        s,
        { consultationId: CONSULTATION_ID, agency: 'dod', revision: 1 },
        at('2025-03-03T14:05:00.000Z'),
      ),
    ).state;
    expect(ok(fireDueClocks(s, '2025-03-03T15:00:00.000Z')).state.status).toBe('in-review');
  });

  it.each(['PRIORITY', 'ROUTINE'] as const)(
    'a %s request not acknowledged in time is reported overdue, not escalated',
    (precedence) => {
      const s = open(anFmsCase({ precedence }));
      const ackDue = s.reviews[0].acknowledgeBy as string;
      const after = ok(fireDueClocks(s, new Date(Date.parse(ackDue) + 1).toISOString()));
      expect(after.state.status).toBe('in-review');
      expect(named(after, 'clock.overdue')).toHaveLength(4);
    },
  );
});
