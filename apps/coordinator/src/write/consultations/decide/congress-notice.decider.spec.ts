import type { Consultation } from '../consultation.model';
import {
  congressHoldLifted,
  congressHoldPlaced,
  fireDueClocks,
  submitSignOff,
} from '../consultation.aggregate';
import {
  congressDisapproval,
  congressFormalNotice,
  congressInformalNotice,
  congressWaiver,
} from './congress-notice.decider';
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
  open,
  allAnswer,
  inCongressionalReview,
} from './test/aggregate-fixtures';

describe('consultation aggregate', () => {
  describe('FMS flow and congressional notification (AECA §36(b))', () => {
    it('a sale above the threshold to a non-NATO+5 country goes through a 30-day review to cleared-for-offer', () => {
      let s = open(
        anFmsCase({ country: 'SAU', values: { 'major-defense-equipment': 60_000_000 } }),
      );

      // All concur, DoD with conditions.
      s = ok(
        submitSignOff(
          s,
          aSignOff('dod', 'concur-with-conditions', { conditionIds: ['DOD-SEC-1'] }),
          at('2025-03-05T09:00:00.000Z'),
        ),
      ).state;
      s = ok(submitSignOff(s, aSignOff('nsc', 'concur'), at('2025-03-06T09:00:00.000Z'))).state;
      s = ok(submitSignOff(s, aSignOff('cia', 'concur'), at('2025-03-07T09:00:00.000Z'))).state;
      expect(s.pendingAgencies).toEqual(['treasury']);
      const cleared = ok(
        submitSignOff(s, aSignOff('treasury', 'concur'), at('2025-03-10T09:00:00.000Z')),
      );
      s = cleared.state;
      expect(s.status).toBe('congressional-review');
      expect(s.congress?.step).toBe('awaiting-informal');
      expect(s.conditions).toEqual([
        expect.objectContaining({ id: 'DOD-SEC-1', agency: 'dod', revision: 1, status: 'active' }),
      ]);
      expect(s.pendingAgencies).toEqual([]);
      expect(s.clocks.filter((c) => !c.firedAt)).toEqual([]);
      expect(names(cleared)).toEqual(['consultation.status-changed']);
      expect(named(cleared, 'consultation.status-changed')[0]).toMatchObject({
        from: 'in-review',
        to: 'congressional-review',
        pendingAgencies: [],
      });

      // Informal notice, a hold, formal notice refused while it is open.
      s = ok(
        congressInformalNotice(
          s,
          {
            consultationId: CONSULTATION_ID,
            committees: ['SFRC', 'HFAC'],
            sentAt: '2025-03-12T15:00:00.000Z',
          },
          at('2025-03-12T15:00:01.000Z'),
        ),
      ).state;
      expect(s.congress?.step).toBe('informal-review');
      const hold = {
        consultationId: CONSULTATION_ID,
        committee: 'SFRC' as const,
        member: 'Ranking Member',
        holdId: 'SFRC-H-1',
        note: 'Questions on end-use monitoring',
      };
      s = ok(congressHoldPlaced(s, hold, at('2025-03-20T10:00:00.000Z'))).state;
      const formal = {
        consultationId: CONSULTATION_ID,
        transmittalNumber: '25-17',
        sentAt: '2025-04-10T15:00:00.000Z',
        reviewDays: 30 as const,
      };
      const held = refusal(congressFormalNotice(s, formal, at('2025-04-01T10:00:00.000Z')));
      expect(held.code).toBe('HOLD_OPEN');
      expect(held.message).toContain('SFRC-H-1');

      s = ok(
        congressHoldLifted(s, { ...hold, note: 'Answered' }, at('2025-04-08T10:00:00.000Z')),
      ).state;
      const sent = ok(congressFormalNotice(s, formal, at('2025-04-10T15:00:01.000Z')));
      s = sent.state;
      expect(s.congress).toMatchObject({
        step: 'formal-review',
        transmittalNumber: '25-17',
        reviewDays: 30,
        reviewEndsAt: '2025-05-10T23:59:59.999Z',
      });
      expect(s.nextClockAt).toBe('2025-05-11T00:00:00.000Z');

      // The period's last minute: nothing; the first instant after it: cleared for offer.
      const early = ok(fireDueClocks(s, '2025-05-10T23:59:00.000Z'));
      expect(early.events).toEqual([]);
      expect(early.state.status).toBe('congressional-review');

      const ended = ok(fireDueClocks(s, '2025-05-11T00:00:00.000Z'));
      expect(names(ended)).toEqual([
        'congress.review-period-ended',
        'congress.cleared-for-offer',
        'consultation.status-changed',
      ]);
      expect(named(ended, 'congress.review-period-ended')[0]).toMatchObject({
        transmittalNumber: '25-17',
        reviewDays: 30,
        endedAt: '2025-05-10T23:59:59.999Z',
      });
      expect(named(ended, 'congress.cleared-for-offer')[0].basis).toBe('review-period-ended');
      expect(ended.state.status).toBe('cleared-for-offer');
      expect(ended.state.closedAt).toBe('2025-05-11T00:00:00.000Z');
      expect(ended.state.nextClockAt).toBeUndefined();
    });

    it('the same sale below every threshold is approved with no notification to Congress', () => {
      const s = open(
        anFmsCase({
          country: 'SAU',
          values: {
            'major-defense-equipment': 10_000_000,
            'defense-articles-services': 20_000_000,
          },
        }),
      );
      expect(s.congress).toMatchObject({ required: false, step: 'not-required' });
      const done = allAnswer(s, '2025-03-10T10:00:00.000Z');
      expect(done.state.status).toBe('approved');
      expect(done.state.decision).toMatchObject({
        outcome: 'approved',
        basis: 'unanimous-concurrence',
      });
      expect(names(done)).toEqual([
        'consultation.decided',
        'congress.cleared-for-offer',
        'consultation.status-changed',
      ]);
      expect(named(done, 'congress.cleared-for-offer')[0].basis).toBe('below-threshold');
      expect(done.state.congress?.step).toBe('not-required');
      expect(done.state.closedAt).toBe('2025-03-10T10:00:00.000Z');
    });

    it('a NATO+5 recipient has a 15-day review period, and a notice stating 30 days is refused', () => {
      const s0 = inCongressionalReview('JPN', { 'major-defense-equipment': 30_000_000 });
      expect(s0.congress).toMatchObject({ countryGroup: 'nato-plus-5', reviewDays: 15 });
      const s1 = ok(
        congressInformalNotice(
          s0,
          {
            consultationId: CONSULTATION_ID,
            committees: ['SFRC', 'HFAC'],
            sentAt: '2025-03-12T15:00:00.000Z',
          },
          at('2025-03-12T15:00:00.000Z'),
        ),
      ).state;
      const formal = {
        consultationId: CONSULTATION_ID,
        transmittalNumber: '25-20',
        sentAt: '2025-03-20T12:00:00.000Z',
      };
      const mismatch = refusal(
        congressFormalNotice(s1, { ...formal, reviewDays: 30 }, at('2025-03-20T12:00:00.000Z')),
      );
      expect(mismatch.code).toBe('REVIEW_PERIOD_MISMATCH');
      expect(mismatch.message).toContain('gives 15 days');

      const s2 = ok(
        congressFormalNotice(s1, { ...formal, reviewDays: 15 }, at('2025-03-20T12:00:00.000Z')),
      ).state;
      expect(s2.congress?.reviewEndsAt).toBe('2025-04-04T23:59:59.999Z');
      expect(ok(fireDueClocks(s2, '2025-04-04T23:59:59.999Z')).events).toEqual([]);
      expect(ok(fireDueClocks(s2, '2025-04-05T00:00:00.000Z')).state.status).toBe(
        'cleared-for-offer',
      );
    });

    it('a presidential emergency waiver clears the sale for offer at once', () => {
      const s0 = inCongressionalReview();
      const change = ok(
        congressWaiver(
          s0,
          {
            consultationId: CONSULTATION_ID,
            justification:
              'An emergency exists which requires the proposed sale in the national security interest of the United States.',
            certifiedAt: '2025-03-11T12:00:00.000Z',
          },
          at('2025-03-11T12:00:01.000Z'),
        ),
      );
      expect(change.state.status).toBe('cleared-for-offer');
      expect(change.state.congress).toMatchObject({
        step: 'cleared-for-offer',
        basis: 'emergency-waiver',
      });
      expect(named(change, 'congress.cleared-for-offer')[0].basis).toBe('emergency-waiver');
      expect(named(change, 'consultation.status-changed')[0]).toMatchObject({
        from: 'congressional-review',
        to: 'cleared-for-offer',
      });
    });

    it('a joint resolution of disapproval during formal review blocks the sale, and is refused before it', () => {
      let s = inCongressionalReview();
      const resolution = {
        consultationId: CONSULTATION_ID,
        resolution: 'S.J.Res. 31',
        enactedAt: '2025-04-01T12:00:00.000Z',
      };
      expect(refusal(congressDisapproval(s, resolution, at('2025-03-11T00:00:00.000Z'))).code).toBe(
        'ILLEGAL_NOTIFICATION_STEP',
      );
      s = ok(
        congressInformalNotice(
          s,
          {
            consultationId: CONSULTATION_ID,
            committees: ['SFRC'],
            sentAt: '2025-03-12T15:00:00.000Z',
          },
          at('2025-03-12T15:00:00.000Z'),
        ),
      ).state;
      s = ok(
        congressFormalNotice(
          s,
          {
            consultationId: CONSULTATION_ID,
            transmittalNumber: '25-18',
            sentAt: '2025-03-20T12:00:00.000Z',
            reviewDays: 30,
          },
          at('2025-03-20T12:00:00.000Z'),
        ),
      ).state;
      const blocked = ok(congressDisapproval(s, resolution, at('2025-04-01T12:00:00.000Z')));
      expect(blocked.state.status).toBe('disapproved');
      expect(blocked.state.congress?.disapproval?.resolution).toBe('S.J.Res. 31');
      expect(blocked.state.clocks.filter((c) => !c.firedAt)).toEqual([]);
      expect(ok(fireDueClocks(blocked.state, '2025-06-01T00:00:00.000Z')).events).toEqual([]);
    });

    it('congressional steps are refused before interagency clearance', () => {
      const s = open(anFmsCase());
      const r = refusal(
        congressInformalNotice(
          s,
          { consultationId: CONSULTATION_ID, committees: ['SFRC'], sentAt: T0 },
          at(T0),
        ),
      );
      expect(r.code).toBe('CLEARANCE_NOT_COMPLETE');
    });
  });
});

describe('statutory time runs from when the coordinator recorded the step', () => {
  const recordedAt = '2025-04-10T15:00:00.000Z';
  const backdated = '2025-03-01T15:00:00.000Z'; // 40 days before it reached the coordinator

  function inInformalReview(): Consultation {
    return ok(
      congressInformalNotice(
        inCongressionalReview(),
        { consultationId: CONSULTATION_ID, committees: ['SFRC', 'HFAC'], sentAt: backdated },
        at('2025-03-12T15:00:00.000Z'),
      ),
    ).state;
  }

  it('a formal notice dated 40 days in the past still gets the whole 30-day review, from its recording', () => {
    const s = ok(
      congressFormalNotice(
        inInformalReview(),
        {
          consultationId: CONSULTATION_ID,
          transmittalNumber: '25-17',
          sentAt: backdated,
          reviewDays: 30,
        },
        at(recordedAt),
      ),
    ).state;
    expect(s.congress).toMatchObject({
      formalAt: recordedAt,
      formalSentAt: backdated,
      reviewEndsAt: '2025-05-10T23:59:59.999Z',
    });
    // Advancing to the recording instant clears nothing: the period has just begun.
    const now = ok(fireDueClocks(s, '2025-04-10T15:00:01.000Z'));
    expect(now.state.status).toBe('congressional-review');
    expect(names(now)).not.toContain('congress.cleared-for-offer');
    expect(ok(fireDueClocks(s, '2025-05-11T00:00:00.000Z')).state.congress?.step).toBe(
      'cleared-for-offer',
    );
  });

  it("the informal notice is dated by the coordinator's record, the sender's date kept as information", () => {
    const s = inInformalReview();
    expect(s.congress?.informalAt).toBe('2025-03-12T15:00:00.000Z');
    expect(s.congress?.informalSentAt).toBe(backdated);
    // The same notice delivered again is a no-op, not a second notice.
    const again = refusal(
      congressInformalNotice(
        s,
        { consultationId: CONSULTATION_ID, committees: ['SFRC', 'HFAC'], sentAt: backdated },
        at('2025-03-12T16:00:00.000Z'),
      ),
    );
    expect(again.noop).toBe(true);
  });

  it("the review period in effect is the one on the coordinator's date, not the sender's", () => {
    const r = refusal(
      congressFormalNotice(
        inInformalReview(),
        {
          consultationId: CONSULTATION_ID,
          transmittalNumber: '25-17',
          sentAt: backdated,
          reviewDays: 15,
        },
        at(recordedAt),
      ),
    );
    expect(r.code).toBe('REVIEW_PERIOD_MISMATCH');
    expect(r.message).toContain('2025-04-10');
  });
});
