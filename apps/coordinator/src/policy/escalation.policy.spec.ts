import {
  applyDecision,
  firstLevel,
  ladderFor,
  ladderSpec,
  levelDueAt,
  levelSpec,
  nextLevel,
  shouldEscalate,
} from './escalation.policy';
import {
  CONSULTATION_KINDS,
  ESCALATION_LADDERS,
  type EscalationLadder,
  type EscalationLevel,
} from './vocabulary';

const TODAY = '2025-06-01';

describe('which ladder', () => {
  it.each(
    CONSULTATION_KINDS.map((kind) => [kind, kind === 'technology-transfer' ? 'licensing' : 'nsc']),
  )('%s climbs the %s ladder', (kind, ladder) => {
    expect(ladderFor(kind, TODAY)).toBe(ladder);
  });

  it.each(['nsc', 'licensing'] as const)(
    'the %s ladder data lists the vocabulary’s levels in order',
    (ladder) => {
      expect(ladderSpec(ladder, TODAY).levels.map((l) => l.level)).toEqual(
        ESCALATION_LADDERS[ladder],
      );
    },
  );
});

describe('ladder steps', () => {
  it.each<[EscalationLadder, EscalationLevel, EscalationLevel | undefined]>([
    ['nsc', 'pcc', 'deputies'],
    ['nsc', 'deputies', 'principals'],
    ['nsc', 'principals', 'nsc'],
    ['nsc', 'nsc', undefined],
    ['licensing', 'operating-committee', 'acep'],
    ['licensing', 'acep', 'earb'],
    ['licensing', 'earb', 'president'],
    ['licensing', 'president', undefined],
  ])('on the %s ladder %s refers up to %s', (ladder, level, next) => {
    expect(nextLevel(ladder, level, TODAY)).toBe(next);
    const result = applyDecision(ladder, level, 'refer-up', TODAY);
    if (next === undefined) expect(result).toMatchObject({ ok: false, code: 'TOP_OF_LADDER' });
    else expect(result).toEqual({ ok: true, result: 'referred', level: next });
  });

  it('a non-concurrence escalates first to the PCC on the NSC ladder and the Operating Committee on the licensing ladder', () => {
    expect(firstLevel('nsc', TODAY)).toBe('pcc');
    expect(firstLevel('licensing', TODAY)).toBe('operating-committee');
  });

  it.each([
    ['approve', { result: 'resolved', decision: 'approved' }],
    ['deny', { result: 'resolved', decision: 'denied' }],
    ['remand', { result: 'remanded' }],
  ] as const)('a Deputies Committee decision to %s resolves to %j', (outcome, expected) => {
    expect(applyDecision('nsc', 'deputies', outcome, TODAY)).toEqual({ ok: true, ...expected });
  });

  it('refuses a level that is not on the ladder', () => {
    expect(applyDecision('nsc', 'earb', 'approve', TODAY)).toMatchObject({
      ok: false,
      code: 'LEVEL_NOT_ON_LADDER',
    });
    expect(() => nextLevel('licensing', 'pcc', TODAY)).toThrow(RangeError);
  });

  it.each([
    ['nsc', 'pcc', 'NSC staff (senior director)', 'consensus'],
    ['nsc', 'deputies', 'Deputy National Security Advisor', 'consensus'],
    ['nsc', 'principals', 'National Security Advisor', 'consensus'],
    ['nsc', 'nsc', 'President', 'president-decides'],
    [
      'licensing',
      'operating-committee',
      'Chair of the Operating Committee (Commerce)',
      'chair-decides',
    ],
    ['licensing', 'earb', 'Secretary of Commerce', 'majority-of-voting-members'],
  ] as const)('%s/%s is chaired by %s and decides by %s', (ladder, level, chair, voteModel) => {
    expect(levelSpec(ladder, level, TODAY)).toMatchObject({ chair, voteModel });
  });

  it('CIA and JCS sit on the EARB without a vote', () => {
    const members = levelSpec('licensing', 'earb', TODAY)?.members ?? [];
    expect(
      members
        .filter((m) => !m.voting)
        .map((m) => m.body)
        .sort(),
    ).toEqual(['CIA', 'Joint Chiefs of Staff']);
  });
});

describe('level deadlines', () => {
  it('the PCC has 14 calendar days from escalation', () => {
    expect(
      levelDueAt('nsc', 'pcc', { enteredAt: '2025-02-20T10:00:00Z' }, TODAY)?.toISOString(),
    ).toBe('2025-03-06T23:59:59.999Z');
  });

  it('the Operating Committee chair decides within 14 days of the agencies’ deadline, not of an early escalation', () => {
    expect(
      levelDueAt(
        'licensing',
        'operating-committee',
        { enteredAt: '2025-01-10T00:00:00Z', agenciesDueAt: '2025-03-02T23:59:59.999Z' },
        TODAY,
      )?.toISOString(),
    ).toBe('2025-03-16T23:59:59.999Z');
  });

  it('the 90-day limit from the application caps a licensing level', () => {
    expect(
      levelDueAt(
        'licensing',
        'earb',
        { enteredAt: '2025-03-28T00:00:00Z', applicationAt: '2025-01-01T09:00:00Z' },
        TODAY,
      )?.toISOString(),
    ).toBe('2025-04-01T23:59:59.999Z');
  });

  it('the President and the NSC are not on a clock', () => {
    expect(levelDueAt('licensing', 'president', { enteredAt: TODAY }, TODAY)).toBeUndefined();
    expect(levelDueAt('nsc', 'nsc', { enteredAt: TODAY }, TODAY)).toBeUndefined();
  });
});

describe('when to escalate', () => {
  const due = '2025-03-02T23:59:59.999Z';

  it.each([
    [
      'fms-case',
      'non-concurrence',
      '2025-02-01T00:00:00Z',
      { escalate: true, cause: 'non-concur', ladder: 'nsc', level: 'pcc' },
    ],
    [
      'technology-transfer',
      'non-concurrence',
      '2025-02-01T00:00:00Z',
      { escalate: true, cause: 'non-concur', ladder: 'licensing', level: 'operating-committee' },
    ],
    [
      'arms-control',
      'pending',
      '2025-03-03T00:00:00Z',
      { escalate: true, cause: 'missed-deadline', ladder: 'nsc', level: 'pcc' },
    ],
    ['arms-control', 'pending', '2025-03-02T23:59:59.999Z', { escalate: false }],
    ['technology-transfer', 'pending', '2025-03-03T00:00:00Z', { escalate: false }],
    ['fms-case', 'cleared', '2025-03-03T00:00:00Z', { escalate: false }],
  ] as const)('%s %s at %s → %j', (kind, state, at, expected) => {
    expect(shouldEscalate({ kind, state, reviewDueAt: due }, at, TODAY)).toEqual(expected);
  });
});
