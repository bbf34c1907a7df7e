import { applyFiftyPercentRule, type OwnershipGraph } from './ownership.policy';

/** `graph('X 30 A', 'A 60 B')`: X owns 30% of A, A owns 60% of B. */
function graph(...holdings: string[]): OwnershipGraph {
  const g = new Map<string, { owner: string; percent: number }[]>();
  for (const holding of holdings) {
    const [owner, percent, owned] = holding.split(' ');
    g.set(owned, [...(g.get(owned) ?? []), { owner, percent: Number(percent) }]);
  }
  return g;
}

describe('the 50 Percent Rule', () => {
  it.each([
    ['owned exactly 50% by a listed person: blocked', ['X 50 A'], ['X'], { A: 50 }],
    ['owned 100% by a listed person: blocked', ['X 100 A'], ['X'], { A: 100 }],
    ['owned 49.9% by a listed person: not blocked', ['X 49.9 A'], ['X'], {}],
    [
      '30% + 20% from two listed owners adds up to 50%: blocked',
      ['X 30 A', 'Y 20 A'],
      ['X', 'Y'],
      { A: 50 },
    ],
    [
      '25.1% + 24.9% is 50%, whatever floating point says: blocked',
      ['X 25.1 A', 'Y 24.9 A'],
      ['X', 'Y'],
      { A: 50 },
    ],
    [
      '30% from a listed owner and 20% from one not listed: not blocked',
      ['X 30 A', 'Z 20 A'],
      ['X'],
      {},
    ],
    ['two holdings of one listed owner add up: blocked', ['X 25 A', 'X 25 A'], ['X'], { A: 50 }],
    ['chain listed X → 60% B → 60% C: both blocked', ['X 60 B', 'B 60 C'], ['X'], { B: 60, C: 60 }],
    [
      'chain listed X → 40% B → 100% C: neither (shares are not multiplied through an unblocked owner)',
      ['X 40 B', 'B 100 C'],
      ['X'],
      {},
    ],
    [
      'chain 50% → 50% → 50%: all three blocked, however deep',
      ['X 50 A', 'A 50 B', 'B 50 C'],
      ['X'],
      { A: 50, B: 50, C: 50 },
    ],
    [
      'a direct 25% and 25% through a blocked subsidiary add up: blocked',
      ['X 50 A', 'X 25 B', 'A 25 B'],
      ['X'],
      { A: 50, B: 50 },
    ],
    ['an entity owning itself does not count toward itself', ['X 40 A', 'A 10 A'], ['X'], {}],
    ['no listed owner: nothing blocked', ['Z 100 A'], [], {}],
  ])('%s', (_rule, holdings, listed, blocked) => {
    const result = applyFiftyPercentRule(graph(...holdings), new Set(listed));
    const percents = Object.fromEntries([...result.blocked].map(([id, b]) => [id, b.percent]));
    expect(percents).toEqual(blocked);
    expect(result.depthLimitReached).toBe(false);
  });

  it('a cycle of ownership terminates: A and B own each other, and both are blocked through X', () => {
    const result = applyFiftyPercentRule(graph('X 50 A', 'A 50 B', 'B 50 A'), new Set(['X']));
    expect([...result.blocked.keys()].sort()).toEqual(['A', 'B']);
    // A's aggregate counts X and, once blocked, B.
    expect(result.blocked.get('A')?.percent).toBe(100);
    expect(result.blocked.get('B')?.roots).toEqual(['X']);
  });

  it('a cycle with no listed owner terminates and blocks nothing', () => {
    const result = applyFiftyPercentRule(graph('A 60 B', 'B 60 C', 'C 60 A'), new Set());
    expect(result.blocked.size).toBe(0);
  });

  it('records how deep the blocking goes and which listed persons it comes from', () => {
    const result = applyFiftyPercentRule(graph('X 30 A', 'Y 20 A', 'A 70 B'), new Set(['X', 'Y']));
    expect(result.blocked.get('A')).toEqual({
      id: 'A',
      percent: 50,
      owners: [
        { owner: 'X', percent: 30 },
        { owner: 'Y', percent: 20 },
      ],
      roots: ['X', 'Y'],
      depth: 1,
    });
    expect(result.blocked.get('B')).toMatchObject({ depth: 2, roots: ['X', 'Y'], percent: 70 });
  });

  it('caps the depth it walks and says so, rather than answering "not blocked"', () => {
    const chain = graph('X 50 A', 'A 50 B', 'B 50 C', 'C 50 D');
    const result = applyFiftyPercentRule(chain, new Set(['X']), { maxDepth: 2 });
    expect(result.depthLimitReached).toBe(true);
    expect([...result.blocked.keys()]).toEqual(['A', 'B']);
  });

  it('an aggregate above 100% (inconsistent declarations) is reported as 100%', () => {
    const result = applyFiftyPercentRule(graph('X 80 A', 'Y 80 A'), new Set(['X', 'Y']));
    expect(result.blocked.get('A')?.percent).toBe(100);
  });
});
