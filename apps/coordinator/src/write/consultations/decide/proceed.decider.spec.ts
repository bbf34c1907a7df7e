import type { Consultation } from '../consultation.model';
import {
  fireDueClocks,
  placeReviewHold,
  releaseReviewHold,
  submitSignOff,
} from '../consultation.aggregate';
import { proceedWithoutClearance } from './proceed.decider';
import {
  ok,
  refusal,
  named,
  at,
  CONSULTATION_ID,
  T0,
  JUST_AFTER_REVIEW_DUE,
  anFmsCase,
  aSignOff,
  open,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('proceeding without clearance (2 FAM 1211)', () => {
    const proceed = {
      consultationId: CONSULTATION_ID,
      delayingAgencies: ['treasury' as const],
      rule: '2 FAM 1211',
      justification: 'Treasury has not answered; the partner needs an answer',
    };

    it("is refused before the delaying agency's deadline and recorded after it", () => {
      let s = open(anFmsCase({ values: { 'major-defense-equipment': 5_000_000 } }));
      for (const agency of ['dod', 'nsc', 'cia'] as const)
        s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;

      const early = refusal(proceedWithoutClearance(s, proceed, at('2025-04-02T23:00:00.000Z')));
      expect(early.code).toBe('DEADLINE_NOT_PASSED');
      expect(early.message).toContain('treasury has until 2025-04-02T23:59:59.999Z');

      const change = ok(
        proceedWithoutClearance(s, proceed, {
          now: '2025-04-03T00:00:00.000Z',
          eventId: 'evt-proceed',
        }),
      );
      expect(change.state.reviews.find((r) => r.agency === 'treasury')).toMatchObject({
        state: 'waived',
        waived: {
          at: '2025-04-03T00:00:00.000Z',
          by: 'state-pm',
          rule: { id: '2-FAM-1211', source: '2 FAM 1211 (action and clearance)' },
          eventId: 'evt-proceed',
        },
      });
      expect(change.notes.find((n) => n.type === 'clearance.proceeded-without')).toMatchObject({
        actor: 'state-pm',
        data: { agencies: ['treasury'], ruleId: '2-FAM-1211' },
      });
      expect(change.state.status).toBe('approved');
      expect(named(change, 'consultation.decided')[0].basis).toBe('proceeded-without-clearance');
      expect(
        refusal(submitSignOff(change.state, aSignOff('treasury', 'concur'), at(T0))).code,
      ).toBe('CONSULTATION_CLOSED');
    });
  });
});

describe('proceeding without clearance is reachable once the deadline has passed (2 FAM 1211)', () => {
  const proceed = {
    consultationId: CONSULTATION_ID,
    delayingAgencies: ['treasury' as const],
    rule: '2 FAM 1211',
    justification: 'Treasury has not answered; the partner needs an answer',
  };

  /** Three clearers concurred; Treasury missed its deadline and the clock escalated the case. */
  function escalatedForTreasurysDelay(): Consultation {
    let s = open(anFmsCase({ values: { 'major-defense-equipment': 5_000_000 } }));
    for (const agency of ['dod', 'nsc', 'cia'] as const)
      s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;
    const fired = ok(fireDueClocks(s, JUST_AFTER_REVIEW_DUE));
    expect(fired.state.status).toBe('escalated');
    expect(fired.state.escalation).toMatchObject({ cause: 'missed-deadline', agency: 'treasury' });
    return fired.state;
  }

  it('the action office proceeds without the office whose missed deadline escalated the case', () => {
    const s = escalatedForTreasurysDelay();
    const change = ok(proceedWithoutClearance(s, proceed, at('2025-04-03T09:00:00.000Z')));
    expect(change.state.status).toBe('approved');
    expect(change.state.decision).toMatchObject({ basis: 'proceeded-without-clearance' });
    expect(change.state.escalation?.supersededAt).toBe('2025-04-03T09:00:00.000Z');
    expect(change.state.reviews.find((r) => r.agency === 'treasury')?.waived).toMatchObject({
      at: '2025-04-03T09:00:00.000Z',
      by: 'state-pm',
      rule: { id: '2-FAM-1211' },
    });
    expect(change.state.clocks.filter((c) => c.firedAt === undefined)).toEqual([]);
    expect(named(change, 'consultation.decided')[0]).toMatchObject({
      basis: 'proceeded-without-clearance',
    });
  });

  it('a clearer still inside its period keeps its clocks when the matter returns to review', () => {
    let s = open(anFmsCase({ values: { 'major-defense-equipment': 5_000_000 } }));
    for (const agency of ['dod', 'nsc'] as const)
      s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;
    // CIA gets more time by holding its review for three days.
    s = ok(
      placeReviewHold(
        s,
        { consultationId: CONSULTATION_ID, agency: 'cia', reason: 'source check' },
        at('2025-03-10T10:00:00.000Z'),
      ),
    ).state;
    s = ok(
      releaseReviewHold(
        s,
        { consultationId: CONSULTATION_ID, agency: 'cia', reason: 'done' },
        at('2025-03-13T10:00:00.000Z'),
      ),
    ).state;
    s = ok(fireDueClocks(s, JUST_AFTER_REVIEW_DUE)).state;
    expect(s.status).toBe('escalated');
    const back = ok(proceedWithoutClearance(s, proceed, at('2025-04-03T09:00:00.000Z'))).state;
    expect(back.status).toBe('in-review');
    expect(back.pendingAgencies).toEqual(['cia']);
    expect(back.nextDueAt).toBe('2025-04-05T23:59:59.999Z');
    expect(back.clocks.some((c) => c.kind === 'review' && c.agency === 'cia' && !c.firedAt)).toBe(
      true,
    );
  });

  it('a non-concurrence is a dissent, not a delay: proceeding from that escalation is refused', () => {
    let s = open(anFmsCase({ values: { 'major-defense-equipment': 5_000_000 } }));
    s = ok(submitSignOff(s, aSignOff('dod', 'non-concur'), at(T0))).state;
    const r = refusal(proceedWithoutClearance(s, proceed, at('2025-04-03T09:00:00.000Z')));
    expect(r.code).toBe('NOT_IN_REVIEW');
    expect(r.message).toContain('non-concur');
  });

  it('every office still delaying must be named to leave the escalation', () => {
    let s = open(anFmsCase({ values: { 'major-defense-equipment': 5_000_000 } }));
    for (const agency of ['dod', 'nsc'] as const)
      s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;
    s = ok(fireDueClocks(s, JUST_AFTER_REVIEW_DUE)).state;
    const r = refusal(proceedWithoutClearance(s, proceed, at('2025-04-03T09:00:00.000Z')));
    expect(r.code).toBe('DELAYING_AGENCY_NOT_NAMED');
    expect(r.message).toContain('cia');
    const both = ok(
      proceedWithoutClearance(
        s,
        { ...proceed, delayingAgencies: ['cia', 'treasury'] },
        at('2025-04-03T09:00:00.000Z'),
      ),
    );
    expect(both.state.status).toBe('approved');
  });
});
