import {
  createBusValidator,
  type Agency,
  type ConsultationOpenedV1,
  type EscalationDecidedV1,
  type MessageName,
  type PayloadOf,
  type Precedence,
  type SignOffDecision,
  type ValueCategory,
} from '@icb/contracts';
import {
  type Change,
  type ChangeContext,
  type Outgoing,
  acknowledgeReview,
  amend,
  answerConditionRemoval,
  changeClearers,
  congressDisapproval,
  congressFormalNotice,
  congressHoldLifted,
  congressHoldPlaced,
  congressInformalNotice,
  congressWaiver,
  decideEscalation,
  fireDueClocks,
  openConsultation,
  placeReviewHold,
  proceedWithoutClearance,
  recordAssessment,
  recordScreening,
  releaseReviewHold,
  requestConditionRemoval,
  requestExtension,
  submitSignOff,
  withdraw,
} from './consultation.aggregate';
import type { Consultation } from './consultation.model';

// ---------------------------------------------------------------------------
// Helpers: every change's events are checked against the wire contract.
// ---------------------------------------------------------------------------

const validator = createBusValidator();

type Ok = Extract<Change, { ok: true }>;
type NotOk = Extract<Change, { ok: false }>;

/** Asserts the change was accepted and that every event it produced is a valid payload. */
function ok(change: Change): Ok {
  if (!change.ok)
    throw new Error(`expected the change to be accepted: ${change.code}: ${change.message}`);
  const purposes = change.events.map((e) => e.purpose);
  expect(new Set(purposes).size).toBe(purposes.length);
  for (const event of change.events) {
    const result = validator.validatePayload(event.name, event.payload);
    if (!result.ok) {
      throw new Error(`${event.name} (${event.purpose}) is invalid: ${result.errors.join('; ')}`);
    }
  }
  return change;
}

function refusal(change: Change): NotOk {
  if (change.ok) throw new Error('expected a refusal, the change was accepted');
  return change;
}

function named<N extends MessageName>(change: Ok, name: N): PayloadOf<N>[] {
  return change.events.filter((e) => e.name === name).map((e) => e.payload as PayloadOf<N>);
}

const names = (change: Ok): string[] => change.events.map((e) => e.name);

let eventSeq = 0;
const at = (now: string): ChangeContext => ({ now, eventId: `evt-${++eventSeq}` });

// ---------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------

const CONSULTATION_ID = '6f1c2a7e-3b4d-4c5e-8f90-1a2b3c4d5e6f';
const T0 = '2025-03-03T14:00:00.000Z';
/** ROUTINE: 30 calendar days after the day of the request, to the end of the day. */
const REVIEW_DUE = '2025-04-02T23:59:59.999Z';
const JUST_AFTER_REVIEW_DUE = '2025-04-03T00:00:00.000Z';

function anFmsCase(
  opts: {
    country?: string;
    values?: Partial<Record<ValueCategory, number>>;
    precedence?: Precedence;
    clearingParties?: Agency[];
    actionOffice?: string;
  } = {},
): ConsultationOpenedV1 {
  const values = opts.values ?? { 'major-defense-equipment': 60_000_000 };
  return {
    consultationId: CONSULTATION_ID,
    kind: 'fms-case',
    actionOffice: opts.actionOffice ?? 'PM/DS',
    title: 'F-16 sustainment and munitions',
    summary: 'Letter of Request for sustainment, spares and precision munitions.',
    attributes: {
      country: opts.country ?? 'SAU',
      values: Object.entries(values).map(([category, amountUsd]) => ({
        category: category as ValueCategory,
        amountUsd: amountUsd,
      })),
      items: [{ description: 'GBU-39 Small Diameter Bomb', quantity: 200, usmlCategory: 'IV' }],
      parties: [
        { name: 'Royal Saudi Air Force', role: 'end-user', country: opts.country ?? 'SAU' },
      ],
    },
    classification: 'CUI',
    precedence: opts.precedence ?? 'ROUTINE',
    ...(opts.clearingParties ? { clearingParties: opts.clearingParties } : {}),
    reference: 'LOR-2025-017',
  };
}

function aTechnologyTransfer(opts: { country?: string } = {}): ConsultationOpenedV1 {
  return {
    ...anFmsCase({
      country: opts.country ?? 'GBR',
      values: { 'defense-articles-services': 5_000_000 },
    }),
    kind: 'technology-transfer',
    actionOffice: 'PM/DDTC',
    title: 'Export license: radar signal-processing software',
  };
}

function aSignOff(
  agency: Agency,
  decision: SignOffDecision,
  opts: { revision?: number; conditionIds?: string[]; rationale?: string } = {},
) {
  return {
    consultationId: CONSULTATION_ID,
    agency,
    revision: opts.revision ?? 1,
    decision,
    ...(decision === 'concur-with-conditions'
      ? {
          conditions: (opts.conditionIds ?? [`${agency.toUpperCase()}-C1`]).map((id) => ({
            id,
            text: 'Transfer only with the DSCA-approved security plan in place',
            category: 'security' as const,
          })),
        }
      : {}),
    ...(decision === 'non-concur' || opts.rationale
      ? { rationale: opts.rationale ?? 'Risk of diversion to a third party' }
      : {}),
    officer: { name: 'J. Doe', title: 'Deputy Assistant Secretary' },
    submittedAt: T0,
  };
}

function aDecision(
  level: EscalationDecidedV1['level'],
  outcome: EscalationDecidedV1['outcome'],
  decidedAt: string,
): EscalationDecidedV1 {
  return {
    consultationId: CONSULTATION_ID,
    ladder: 'nsc',
    level,
    outcome,
    rationale: `The ${level} weighed the equities and decided ${outcome}`,
    chair: 'NSC',
    decidedAt,
  };
}

function open(cmd: ConsultationOpenedV1, now = T0): Consultation {
  return ok(openConsultation(cmd, at(now))).state;
}

/** Every current clearer answers; returns the last change. */
function allAnswer(
  state: Consultation,
  now: string,
  decisions: Partial<Record<Agency, SignOffDecision>> = {},
): Ok {
  let change: Ok | undefined;
  let s = state;
  for (const agency of state.clearers) {
    change = ok(
      submitSignOff(
        s,
        aSignOff(agency, decisions[agency] ?? 'concur', { revision: s.revision }),
        at(now),
      ),
    );
    s = change.state;
  }
  return change as Ok;
}

/** An FMS case for `country` cleared by every agency and now in congressional review. */
function inCongressionalReview(
  country = 'SAU',
  values = { 'major-defense-equipment': 60_000_000 },
) {
  const cleared = allAnswer(open(anFmsCase({ country, values })), '2025-03-10T10:00:00.000Z');
  expect(cleared.state.status).toBe('congressional-review');
  return cleared.state;
}

// ---------------------------------------------------------------------------

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

  describe('clearing parties', () => {
    it('only the action office adds a clearer, who is then asked to review', () => {
      const s = open(aTechnologyTransfer({ country: 'GBR' }));
      const cmd = {
        consultationId: CONSULTATION_ID,
        add: ['nsc' as const],
        remove: [],
        reason: 'First release of the capability',
      };
      expect(refusal(changeClearers(s, cmd, 'dod', at(T0))).code).toBe('NOT_THE_ACTION_OFFICE');
      const change = ok(changeClearers(s, cmd, 'state-pm', at('2025-03-04T10:00:00.000Z')));
      expect(change.state.clearers).toEqual(['dod', 'nsc', 'cia', 'treasury']);
      expect(named(change, 'review.requested').map((p) => p.agency)).toEqual(['nsc']);
    });

    it("removing the last pending clearer lets the others' answers decide", () => {
      let s = open(anFmsCase({ country: 'SAU', values: { 'major-defense-equipment': 1_000_000 } }));
      for (const agency of ['dod', 'nsc', 'cia'] as const)
        s = ok(submitSignOff(s, aSignOff(agency, 'concur'), at(T0))).state;
      const change = ok(
        changeClearers(
          s,
          {
            consultationId: CONSULTATION_ID,
            add: [],
            remove: ['treasury'],
            reason: 'Screened separately',
          },
          'state-pm',
          at(T0),
        ),
      );
      expect(change.state.status).toBe('approved');
    });
  });

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

  describe('conditions', () => {
    it('a condition is removed only after the imposing agency agrees', () => {
      let s = open(anFmsCase());
      s = ok(
        submitSignOff(
          s,
          aSignOff('dod', 'concur-with-conditions', { conditionIds: ['DOD-SEC-1'] }),
          at(T0),
        ),
      ).state;
      const request = {
        consultationId: CONSULTATION_ID,
        conditionId: 'DOD-SEC-1',
        imposingAgency: 'dod' as const,
        justification: 'The partner accepted an equivalent plan',
      };

      expect(
        refusal(requestConditionRemoval(s, { ...request, imposingAgency: 'nsc' }, at(T0))).code,
      ).toBe('NOT_THE_IMPOSING_AGENCY');
      const answer = {
        consultationId: CONSULTATION_ID,
        conditionId: 'DOD-SEC-1',
        agency: 'dod' as const,
        agreed: true,
        comment: 'Agreed',
      };
      expect(refusal(answerConditionRemoval(s, answer, at(T0))).code).toBe('NO_REMOVAL_REQUESTED');

      s = ok(requestConditionRemoval(s, request, at('2025-03-05T10:00:00.000Z'))).state;
      expect(s.conditions[0].status).toBe('removal-requested');
      expect(refusal(answerConditionRemoval(s, { ...answer, agency: 'nsc' }, at(T0))).code).toBe(
        'NOT_THE_IMPOSING_AGENCY',
      );

      s = ok(
        answerConditionRemoval(
          s,
          { ...answer, agreed: false, comment: 'Still needed' },
          at('2025-03-06T10:00:00.000Z'),
        ),
      ).state;
      expect(s.conditions[0].status).toBe('retained');

      s = ok(requestConditionRemoval(s, request, at('2025-03-07T10:00:00.000Z'))).state;
      const removed = ok(answerConditionRemoval(s, answer, at('2025-03-08T10:00:00.000Z')));
      expect(removed.state.conditions[0]).toMatchObject({
        status: 'removed',
        removal: { agreed: true, comment: 'Agreed', answeredAt: '2025-03-08T10:00:00.000Z' },
      });
      expect(removed.notes.map((n) => n.type)).toEqual(['condition.removed']);
    });
  });

  describe('screening and intelligence', () => {
    it('an assessment is recorded from its content-free announcement, tear line not stored', () => {
      const tearLine = 'TEAR-LINE-MARKER';
      const change = ok(
        recordAssessment(
          open(anFmsCase()),
          {
            consultationId: CONSULTATION_ID,
            assessmentId: '0b7f3c1e-9d2a-4e5b-a6c7-d8e9f0a1b2c3',
            title: 'Diversion risk',
            classification: 'SECRET//NOFORN',
            disseminationControls: {
              orcon: true,
              noforn: true,
              approvedRecipients: ['state-pm', 'nsc'],
            },
            summaryForUnauthorized: tearLine,
          },
          at(T0),
        ),
      );
      expect(named(change, 'intel.assessment-available')).toEqual([
        {
          consultationId: CONSULTATION_ID,
          assessmentId: '0b7f3c1e-9d2a-4e5b-a6c7-d8e9f0a1b2c3',
          classification: 'SECRET//NOFORN',
          originator: 'cia',
        },
      ]);
      expect(JSON.stringify(change.state)).not.toContain(tearLine);
      expect(change.state.assessments[0]).toMatchObject({
        orcon: true,
        approvedRecipients: ['state-pm', 'nsc'],
      });
    });

    it('a screening is recorded with its list version, once', () => {
      const screening = {
        consultationId: CONSULTATION_ID,
        screeningId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        list: { name: 'SDN', versionDate: '2025-03-01' },
        result: 'clear' as const,
        partiesScreened: 3,
        matches: [],
        screenedAt: T0,
      };
      const s = ok(recordScreening(open(anFmsCase()), screening, at(T0))).state;
      expect(s.screenings[0]).toMatchObject({
        screeningId: screening.screeningId,
        list: { name: 'SDN', versionDate: '2025-03-01' },
      });
      expect(refusal(recordScreening(s, screening, at(T0)))).toMatchObject({
        code: 'DUPLICATE_SCREENING',
        noop: true,
      });
    });
  });

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
