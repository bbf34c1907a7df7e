import { validatePayloadWithClassValidator, type SignOffDecision } from '@icb/contracts';
import {
  AREA_REASON_MAX,
  REVIEW_AREAS,
  assessFindings,
  heldReviewRefusal,
  planSteps,
  type AreaFindingInput,
  type DodReviewState,
  type ReviewCondition,
  type TechnicalReviewOutcome,
} from './technical-review.policy';

const CONSULTATION = '3f1c2a7e-5b8d-4e6f-9a0b-1c2d3e4f5a6b';

const AT: ReviewCondition = {
  id: 'DOD-AT-1',
  text: 'Anti-tamper protection on all guidance sections.',
  category: 'technology-security',
};
const COMSEC: ReviewCondition = {
  id: 'DOD-COMSEC-1',
  text: 'COMSEC equipment under a COMSEC agreement.',
  category: 'security',
};
const EEUM: ReviewCondition = {
  id: 'DOD-EEUM-1',
  text: 'Enhanced end-use monitoring with serial-number inventories.',
  category: 'end-use-monitoring',
};

const ok = (area: AreaFindingInput['area']): AreaFindingInput => ({ area, finding: 'releasable' });
const cond = (area: AreaFindingInput['area'], ...conditions: ReviewCondition[]) =>
  ({ area, finding: 'releasable-with-conditions', conditions }) as AreaFindingInput;
const no = (area: AreaFindingInput['area'], reason: string): AreaFindingInput => ({
  area,
  finding: 'not-releasable',
  reason,
});
const open = (area: AreaFindingInput['area'], reason?: string): AreaFindingInput => ({
  area,
  finding: 'incomplete',
  ...(reason && { reason }),
});

function outcomeOf(findings: AreaFindingInput[]): TechnicalReviewOutcome {
  const a = assessFindings(findings);
  if (!a.ok) throw new Error(a.problems.join('; '));
  return a.outcome;
}

describe('DoD technical and releasability review: what the findings amount to', () => {
  it.each<[string, AreaFindingInput[], string]>([
    [
      'every area releasable → concur',
      [ok('technical'), ok('releasability'), ok('technology-security')],
      'concur',
    ],
    [
      'releasable with security conditions → concur-with-conditions',
      [ok('technical'), ok('releasability'), cond('technology-security', AT)],
      'concur-with-conditions',
    ],
    [
      'one area not releasable → non-concur, even with conditions elsewhere',
      [
        ok('technical'),
        no('releasability', 'No release of the seeker to this country.'),
        cond('technology-security', AT),
      ],
      'non-concur',
    ],
    [
      'an area incomplete → hold',
      [ok('technical'), open('releasability'), ok('technology-security')],
      'hold',
    ],
    ['an area left out of the form → hold', [ok('technical'), ok('releasability')], 'hold'],
    [
      'incomplete beats not releasable: DoD answers only a complete review',
      [
        no('technical', 'Configuration not supportable.'),
        open('releasability'),
        ok('technology-security'),
      ],
      'hold',
    ],
  ])('%s', (_rule, findings, expected) => {
    const outcome = outcomeOf(findings);
    expect(outcome.kind === 'hold' ? 'hold' : outcome.decision).toBe(expected);
  });

  it('lists every condition of every area, in area order', () => {
    expect(
      outcomeOf([
        cond('technology-security', AT),
        ok('technical'),
        cond('releasability', COMSEC, EEUM),
      ]),
    ).toEqual({
      kind: 'answer',
      decision: 'concur-with-conditions',
      conditions: [COMSEC, EEUM, AT],
    });
  });

  it('gives each area’s reason in the non-concurrence rationale', () => {
    const outcome = outcomeOf([
      no('technical', 'Configuration not supportable.'),
      no('releasability', 'No release of the seeker to this country.'),
      ok('technology-security'),
    ]);
    expect(outcome).toEqual({
      kind: 'answer',
      decision: 'non-concur',
      rationale: expect.stringMatching(
        /technical: Configuration not supportable\.; releasability: No release of the seeker/,
      ) as string,
    });
  });

  it('names the outstanding areas, with what remains, in the hold reason', () => {
    const outcome = outcomeOf([
      open('technology-security', 'Anti-tamper plan under review'),
      ok('technical'),
    ]);
    expect(outcome).toMatchObject({
      kind: 'hold',
      outstanding: [
        { area: 'releasability', remaining: 'not reported' },
        { area: 'technology-security', remaining: 'Anti-tamper plan under review' },
      ],
    });
    expect(outcome.kind === 'hold' && outcome.reason).toBe(
      'DoD technical and releasability review incomplete; outstanding: releasability (not reported); technology-security (Anti-tamper plan under review)',
    );
  });

  it.each<[string, AreaFindingInput[], RegExp]>([
    [
      'an area reported twice',
      [ok('technical'), open('technical')],
      /technical is reported more than once/,
    ],
    [
      'conditions missing',
      [{ area: 'technical', finding: 'releasable-with-conditions' }],
      /lists none/,
    ],
    [
      'conditions on a releasable area',
      [{ ...ok('technical'), conditions: [AT] }],
      /lists conditions but is releasable/,
    ],
    [
      'no reason for not releasable',
      [{ area: 'technical', finding: 'not-releasable' }],
      /gives no reason/,
    ],
    [
      'a condition id used twice',
      [cond('technical', AT), cond('releasability', { ...COMSEC, id: AT.id })],
      /DOD-AT-1/,
    ],
    [
      'more conditions than a sign-off carries',
      [cond('technical', ...Array.from({ length: 26 }, (_, i) => ({ ...AT, id: `DOD-${i}` })))],
      /at most 25/,
    ],
  ])('refuses a form with %s', (_what, findings, problem) => {
    const a = assessFindings(findings);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.problems.join('\n')).toMatch(problem);
  });

  it('builds messages the contract accepts even from the longest reasons', () => {
    const long = 'x'.repeat(AREA_REASON_MAX);
    const held = outcomeOf(REVIEW_AREAS.map((a) => open(a, long)));
    expect(held.kind).toBe('hold');
    const hold = validatePayloadWithClassValidator('review.hold-placed', {
      consultationId: CONSULTATION,
      agency: 'dod',
      reason: held.kind === 'hold' ? held.reason : '',
    });
    expect(hold.ok ? [] : hold.errors).toEqual([]);

    const refused = outcomeOf(REVIEW_AREAS.map((a) => no(a, long)));
    const signOff = validatePayloadWithClassValidator('signoff.submitted', {
      consultationId: CONSULTATION,
      agency: 'dod',
      revision: 1,
      decision: 'non-concur',
      rationale:
        refused.kind === 'answer' && refused.decision === 'non-concur' ? refused.rationale : '',
      officer: { name: 'J. Smith', title: 'DSCA' },
      submittedAt: '2026-03-02T09:00:00Z',
    });
    expect(signOff.ok ? [] : signOff.errors).toEqual([]);
  });
});

describe('DoD technical and releasability review: what it publishes', () => {
  const HOLD: TechnicalReviewOutcome = { kind: 'hold', outstanding: [], reason: 'r' };
  const CONCUR: TechnicalReviewOutcome = { kind: 'answer', decision: 'concur' };
  const pending = (holdOpen: boolean): DodReviewState => ({
    currentRevision: 2,
    state: 'pending',
    holdOpen,
  });

  it.each<[string, TechnicalReviewOutcome, DodReviewState, string[]]>([
    ['incomplete, no hold yet → places a hold', HOLD, pending(false), ['place-hold']],
    ['still incomplete under its hold → nothing new (the hold stands)', HOLD, pending(true), []],
    ['complete, no hold → signs off', CONCUR, pending(false), ['sign-off']],
    [
      'complete under its hold → releases the hold, then signs off',
      CONCUR,
      pending(true),
      ['release-hold', 'sign-off'],
    ],
  ])('%s', (_rule, outcome, review, steps) => {
    expect(planSteps(outcome, 2, review)).toEqual({ ok: true, steps });
  });

  it.each<[string, number, DodReviewState, string]>([
    ['a form for an older revision', 1, pending(false), 'STALE_REVISION'],
    [
      'DoD already answered',
      2,
      { currentRevision: 2, state: 'answered', holdOpen: false },
      'REVIEW_NOT_PENDING',
    ],
    [
      'DoD was deemed to concur',
      2,
      { currentRevision: 2, state: 'deemed', holdOpen: false },
      'REVIEW_NOT_PENDING',
    ],
    ['DoD has no review of it', 2, { currentRevision: 2, holdOpen: false }, 'REVIEW_NOT_PENDING'],
  ])('refuses %s', (_what, revision, review, code) => {
    expect(planSteps(CONCUR, revision, review)).toMatchObject({ ok: false, code });
  });
});

describe('DoD’s rule on the generic sign-off', () => {
  const held = {
    hold: { reason: 'Releasability review incomplete', placedAt: '2026-03-01T09:00:00Z' },
  };

  it.each<
    [string, { hold?: { reason: string; placedAt: string } } | undefined, SignOffDecision, boolean]
  >([
    ['concur while held is refused', held, 'concur', true],
    ['concur with conditions while held is refused', held, 'concur-with-conditions', true],
    ['non-concur while held is not refused', held, 'non-concur', false],
    ['no equity while held is not refused', held, 'no-equity', false],
    ['concur with no hold is not refused', {}, 'concur', false],
    ['concur without a review of it is left to the coordinator', undefined, 'concur', false],
  ])('%s', (_rule, review, decision, refused) => {
    const refusal = heldReviewRefusal(review, decision);
    expect(refusal !== undefined).toBe(refused);
    if (refusal) {
      expect(refusal.code).toBe('REVIEW_ON_HOLD');
      expect(refusal.message).toMatch(/technical-review/);
    }
  });
});
