import { amend, submitSignOff } from '../consultation.aggregate';
import { decideEscalation } from './escalation-decision.decider';
import {
  ok,
  refusal,
  named,
  names,
  at,
  CONSULTATION_ID,
  T0,
  anFmsCase,
  aSignOff,
  aDecision,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('escalation', () => {
    it('a non-concurrence escalates to the PCC, which refers up; the Deputies deny', () => {
      let s = open(anFmsCase());
      const nonConcur = ok(
        submitSignOff(s, aSignOff('nsc', 'non-concur'), at('2025-03-05T10:00:00.000Z')),
      );
      s = nonConcur.state;
      expect(s.status).toBe('escalated');
      expect(s.pendingAgencies).toEqual([]);
      expect(named(nonConcur, 'escalation.raised')).toEqual([
        expect.objectContaining({
          ladder: 'nsc',
          level: 'pcc',
          chair: 'NSC staff (senior director)',
          dueAt: '2025-03-19T23:59:59.999Z',
          triggeredBy: { agency: 'nsc', cause: 'non-concur' },
        }),
      ]);
      expect(s.clocks.filter((c) => !c.firedAt).map((c) => c.kind)).toEqual(['escalation']);

      expect(refusal(submitSignOff(s, aSignOff('dod', 'concur'), at(T0))).code).toBe(
        'NOT_IN_REVIEW',
      );
      expect(
        refusal(
          decideEscalation(
            s,
            aDecision('pcc', 'refer-up', '2025-03-12T10:00:00.000Z'),
            'dod',
            at(T0),
          ),
        ).code,
      ).toBe('NOT_THE_CHAIR');

      const referred = ok(
        decideEscalation(
          s,
          aDecision('pcc', 'refer-up', '2025-03-12T10:00:00.000Z'),
          'nsc',
          at('2025-03-12T10:00:00.000Z'),
        ),
      );
      s = referred.state;
      expect(names(referred)).toEqual(['escalation.resolved', 'escalation.raised']);
      expect(named(referred, 'escalation.resolved')[0]).toMatchObject({
        level: 'pcc',
        outcome: 'refer-up',
      });
      expect(named(referred, 'escalation.raised')[0]).toMatchObject({
        level: 'deputies',
        chair: 'Deputy National Security Advisor',
        dueAt: '2025-03-19T23:59:59.999Z',
        triggeredBy: { agency: 'nsc', cause: 'referral' },
      });
      expect(
        refusal(
          decideEscalation(
            s,
            aDecision('pcc', 'refer-up', '2025-03-12T10:00:00.000Z'),
            'nsc',
            at(T0),
          ),
        ),
      ).toMatchObject({
        code: 'DUPLICATE_DECISION',
        noop: true,
      });
      expect(
        refusal(
          decideEscalation(s, aDecision('pcc', 'deny', '2025-03-13T10:00:00.000Z'), 'nsc', at(T0)),
        ).code,
      ).toBe('NOT_THE_CURRENT_LEVEL');

      const denied = ok(
        decideEscalation(
          s,
          aDecision('deputies', 'deny', '2025-03-15T10:00:00.000Z'),
          'nsc',
          at('2025-03-15T10:00:00.000Z'),
        ),
      );
      expect(names(denied)).toEqual([
        'escalation.resolved',
        'consultation.decided',
        'consultation.status-changed',
      ]);
      expect(named(denied, 'consultation.decided')[0]).toMatchObject({
        outcome: 'denied',
        basis: 'escalation',
      });
      expect(named(denied, 'consultation.status-changed')[0]).toMatchObject({
        from: 'escalated',
        to: 'denied',
      });
      expect(denied.state.escalation).toMatchObject({
        resolvedAt: '2025-03-15T10:00:00.000Z',
        outcome: 'deny',
      });
      expect(denied.state.escalation?.history.map((h) => [h.level, h.outcome])).toEqual([
        ['pcc', 'refer-up'],
        ['deputies', 'deny'],
      ]);
      expect(denied.state.clocks.filter((c) => !c.firedAt)).toEqual([]);
    });

    it('an approval at escalation of an FMS case above the threshold goes to congressional review', () => {
      const s = ok(submitSignOff(open(anFmsCase()), aSignOff('dod', 'non-concur'), at(T0))).state;
      const approved = ok(
        decideEscalation(s, aDecision('pcc', 'approve', T0), 'nsc', at('2025-03-06T10:00:00.000Z')),
      );
      expect(approved.state.status).toBe('congressional-review');
      expect(approved.state.congress?.step).toBe('awaiting-informal');
    });

    it('a remand re-opens review on a new revision; an amendment then takes the next number', () => {
      const s = ok(submitSignOff(open(anFmsCase()), aSignOff('dod', 'non-concur'), at(T0))).state;
      const remanded = ok(
        decideEscalation(s, aDecision('pcc', 'remand', T0), 'nsc', at('2025-03-06T10:00:00.000Z')),
      );
      expect(remanded.state).toMatchObject({ status: 'in-review', revision: 2 });
      expect(named(remanded, 'review.requested')).toHaveLength(4);
      const amendment = { consultationId: CONSULTATION_ID, changes: { summary: 'x' }, reason: 'y' };
      expect(refusal(amend(remanded.state, { ...amendment, revision: 2 }, at(T0))).code).toBe(
        'REVISION_OUT_OF_ORDER',
      );
      expect(ok(amend(remanded.state, { ...amendment, revision: 3 }, at(T0))).state.revision).toBe(
        3,
      );
    });
  });
});
