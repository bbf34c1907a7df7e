import {
  type DecisionRule,
  type SignOff,
  adjudicationDueAt,
  decisionRuleFor,
  evaluate,
} from './decision-rule.policy';
import type { Agency } from './vocabulary';

const clearers: Agency[] = ['dod', 'nsc', 'cia'];
const unanimity: DecisionRule = { type: 'unanimity' };
const twoOfThree: DecisionRule = { type: 'n-of-m', n: 2 };
const nspd56: DecisionRule = {
  type: 'blocking-holders',
  holders: ['dod'],
  adjudicator: 'state-pm',
  adjudicationDays: 60,
};
const so = (agency: Agency, decision: SignOff['decision']): SignOff => ({ agency, decision });

describe('decision rules by kind', () => {
  it.each([
    ['fms-case', '2025-06-01', 'unanimity'],
    ['arms-control', '2025-06-01', 'unanimity'],
    ['technology-transfer', '2008-01-21', 'unanimity'],
    ['technology-transfer', '2008-01-22', 'blocking-holders'],
  ] as const)('%s on %s decides by %s', (kind, asOf, type) => {
    expect(decisionRuleFor(kind, asOf).rule.type).toBe(type);
  });

  it('NSPD-56 names DoD as the holder whose open review stops State’s 60-day clock', () => {
    expect(decisionRuleFor('technology-transfer', '2025-06-01').rule).toEqual(nspd56);
  });
});

describe('evaluate', () => {
  it.each<[string, DecisionRule, SignOff[], string, Agency[]]>([
    ['unanimity: nobody has answered → pending', unanimity, [], 'pending', ['dod', 'nsc', 'cia']],
    [
      'unanimity: all concur → cleared',
      unanimity,
      [so('dod', 'concur'), so('nsc', 'concur'), so('cia', 'concur')],
      'cleared',
      [],
    ],
    [
      'unanimity: no-equity counts as not objecting',
      unanimity,
      [so('dod', 'concur'), so('nsc', 'no-equity'), so('cia', 'no-equity')],
      'cleared',
      [],
    ],
    [
      'unanimity: concur-with-conditions counts as concur',
      unanimity,
      [so('dod', 'concur-with-conditions'), so('nsc', 'concur'), so('cia', 'concur')],
      'cleared',
      [],
    ],
    [
      'unanimity: one non-concur, others pending → non-concurrence',
      unanimity,
      [so('cia', 'non-concur')],
      'non-concurrence',
      ['dod', 'nsc'],
    ],
    [
      'unanimity: a sign-off from a non-clearer does not count',
      unanimity,
      [so('treasury', 'concur'), so('dod', 'concur'), so('nsc', 'concur')],
      'pending',
      ['cia'],
    ],
    [
      '2 of 3: two concur → cleared',
      twoOfThree,
      [so('dod', 'concur'), so('nsc', 'concur')],
      'cleared',
      ['cia'],
    ],
    [
      '2 of 3: two concur and one dissents → cleared, dissent on record',
      twoOfThree,
      [so('dod', 'concur'), so('nsc', 'concur'), so('cia', 'non-concur')],
      'cleared',
      [],
    ],
    [
      '2 of 3: one dissent, still reachable → pending',
      twoOfThree,
      [so('cia', 'non-concur')],
      'pending',
      ['dod', 'nsc'],
    ],
    [
      '2 of 3: two dissents → non-concurrence',
      twoOfThree,
      [so('cia', 'non-concur'), so('nsc', 'non-concur')],
      'non-concurrence',
      ['dod'],
    ],
    [
      'blocking holders: DoD still reviewing → pending',
      nspd56,
      [so('nsc', 'concur'), so('cia', 'concur')],
      'pending',
      ['dod'],
    ],
    [
      'blocking holders: all answered → cleared',
      nspd56,
      [so('dod', 'concur'), so('nsc', 'concur'), so('cia', 'concur')],
      'cleared',
      [],
    ],
  ])('%s', (_name, rule, signOffs, state, pending) => {
    const result = evaluate(rule, signOffs, clearers);
    expect(result.state).toBe(state);
    expect(result.pendingAgencies).toEqual(pending);
  });

  it('lists the non-concurring agencies', () => {
    expect(
      evaluate(
        twoOfThree,
        [so('dod', 'concur'), so('nsc', 'concur'), so('cia', 'non-concur')],
        clearers,
      ).nonConcurring,
    ).toEqual(['cia']);
  });

  it('DoD’s open review is reported as blocking under NSPD-56, and only while open', () => {
    expect(evaluate(nspd56, [so('nsc', 'concur')], clearers).blockingHolders).toEqual(['dod']);
    expect(evaluate(nspd56, [so('dod', 'concur')], clearers).blockingHolders).toEqual([]);
    expect(evaluate(unanimity, [], clearers).blockingHolders).toEqual([]);
  });

  it('a holder removed from the clearers blocks nothing', () => {
    expect(evaluate(nspd56, [], ['nsc', 'cia']).blockingHolders).toEqual([]);
  });

  it('conditions of a concur-with-conditions are carried', () => {
    const result = evaluate(
      unanimity,
      [
        {
          agency: 'dod',
          decision: 'concur-with-conditions',
          conditions: [{ id: 'c1', text: 'anti-tamper' }],
        },
        so('nsc', 'concur'),
        so('cia', 'concur'),
      ],
      clearers,
    );
    expect(result.conditions).toEqual([
      { agency: 'dod', condition: { id: 'c1', text: 'anti-tamper' } },
    ]);
  });

  it('an agency the action office proceeded without (2 FAM 1211) is no longer pending', () => {
    const result = evaluate(unanimity, [so('dod', 'concur'), so('nsc', 'concur')], clearers, {
      excused: ['cia'],
    });
    expect(result).toMatchObject({ state: 'cleared', pendingAgencies: [] });
  });

  it('n-of-m with fewer clearers than n needs all of them', () => {
    const threeOfFour: DecisionRule = { type: 'n-of-m', n: 4 };
    expect(
      evaluate(threeOfFour, [so('dod', 'concur'), so('nsc', 'concur')], ['dod', 'nsc']).state,
    ).toBe('cleared');
  });

  it('refuses an n-of-m rule without a positive whole n', () => {
    expect(() => evaluate({ type: 'n-of-m', n: 0 }, [], clearers)).toThrow(RangeError);
  });
});

describe('NSPD-56 adjudication clock', () => {
  const rule = nspd56;

  it('State must decide 60 calendar days after receipt when DoD answered in time', () => {
    expect(adjudicationDueAt(rule, '2025-01-01T10:00:00Z', [])?.toISOString()).toBe(
      '2025-03-02T23:59:59.999Z',
    );
  });

  it('the clock stands still while DoD’s review is open', () => {
    expect(
      adjudicationDueAt(rule, '2025-01-01T10:00:00Z', [{ from: '2025-01-02T00:00:00Z' }]),
    ).toBeUndefined();
  });

  it('ten days of DoD review push the deadline ten days back', () => {
    expect(
      adjudicationDueAt(rule, '2025-01-01T10:00:00Z', [
        { from: '2025-01-02T00:00:00Z', to: '2025-01-12T00:00:00Z' },
      ])?.toISOString(),
    ).toBe('2025-03-12T23:59:59.999Z');
  });
});
