/**
 * OFAC's 50 Percent Rule over an ownership graph.
 *
 * The rule (OFAC, "Revised Guidance on Entities Owned by Persons Whose
 * Property and Interests in Property Are Blocked", August 2014): an entity owned
 * 50% or more, directly or indirectly, in the aggregate, by one or more blocked
 * persons is itself blocked, whether or not it is named on a list.
 *
 * How this code reads it:
 * - Aggregate: the shares held by all blocked owners of an entity are added
 *   (X 30% + Y 20% = 50% → blocked). Several holdings of one owner add up too.
 * - Indirect: an entity blocked by the rule is a blocked person for the entities
 *   it owns, and its share counts in full (listed X owns 50% of A, A owns 50% of
 *   B: A and B are blocked; X 25% directly + blocked A 25% of B = 50%: B is
 *   blocked).
 * - Shares are NOT multiplied through an entity that is not blocked: listed X
 *   owns 40% of A, A owns 100% of B → neither is blocked, because A's holdings
 *   are not a blocked person's. (This is the reading of OFAC's guidance and FAQs
 *   as remembered; it matches OFAC's worked examples, but have Treasury counsel
 *   confirm it before production.)
 * - Ownership, not control: an entity controlled by a blocked person but owned
 *   less than 50% is not blocked by this rule (OFAC advises caution with such
 *   entities; that is an analyst's call, not this function's).
 * - Exactly 50% blocks ("50 percent or more"); shares are compared after
 *   rounding to 6 decimal places so 25.1 + 24.9 is 50, not 49.99999999.
 *
 * The computation is a fixed point: each round blocks the entities whose
 * blocked owners (as of the previous round) reach 50%; blocking only ever
 * grows, so cycles terminate. The round an entity is blocked in is its depth in
 * the chain; rounds are capped at `maxDepth`, and hitting the cap is reported
 * (never a silent "clear").
 */

/** An owner's share of an entity, 0 to 100. */
export interface OwnershipEdge {
  owner: string;
  percent: number;
}

/** For each entity id, its owners and their shares. Ids are the caller's (e.g. normalized names). */
export type OwnershipGraph = ReadonlyMap<string, readonly OwnershipEdge[]>;

export interface BlockedByOwnership {
  id: string;
  /** Aggregate share held by blocked persons (listed or blocked by the rule), capped at 100. */
  percent: number;
  /** The blocked owners and their shares. */
  owners: OwnershipEdge[];
  /** The listed persons the blocking ultimately comes from. */
  roots: string[];
  /** 1 when owned by listed persons directly, 2 through one blocked intermediate, ... */
  depth: number;
}

export interface FiftyPercentRuleResult {
  /** Entities blocked by the rule (listed persons themselves are not repeated here). */
  blocked: Map<string, BlockedByOwnership>;
  /** True when more entities would have been blocked past `maxDepth`. */
  depthLimitReached: boolean;
}

export const BLOCKING_THRESHOLD_PERCENT = 50;
export const DEFAULT_MAX_OWNERSHIP_DEPTH = 64;

const round = (value: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** Sum of the shares of `id` held by owners in `blocked`, one entry per owner. */
function blockedShares(
  id: string,
  edges: readonly OwnershipEdge[],
  blocked: ReadonlySet<string>,
): { total: number; owners: OwnershipEdge[] } {
  const byOwner = new Map<string, number>();
  for (const { owner, percent } of edges) {
    if (owner === id || !blocked.has(owner) || !(percent > 0)) continue;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + percent);
  }
  const owners = [...byOwner].map(([owner, percent]) => ({ owner, percent }));
  return {
    total: round(
      owners.reduce((sum, e) => sum + e.percent, 0),
      6,
    ),
    owners,
  };
}

/** Applies the 50 Percent Rule: which entities of `graph` are blocked because of the `listed` persons. */
export function applyFiftyPercentRule(
  graph: OwnershipGraph,
  listed: ReadonlySet<string>,
  opts: { maxDepth?: number } = {},
): FiftyPercentRuleResult {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_OWNERSHIP_DEPTH;
  const blocked = new Set(listed);
  const depthOf = new Map<string, number>();
  let depthLimitReached = false;

  for (let depth = 1; ; depth++) {
    const newly: string[] = [];
    for (const [id, edges] of graph) {
      if (blocked.has(id)) continue;
      if (blockedShares(id, edges, blocked).total >= BLOCKING_THRESHOLD_PERCENT) newly.push(id);
    }
    if (newly.length === 0) break;
    if (depth > maxDepth) {
      depthLimitReached = true;
      break;
    }
    for (const id of newly) {
      blocked.add(id);
      depthOf.set(id, depth);
    }
  }

  // Final shares against everything blocked: a later round can add to an earlier entity's aggregate.
  const result = new Map<string, BlockedByOwnership>();
  const ownersOf = new Map<string, OwnershipEdge[]>();
  for (const [id, depth] of depthOf) {
    const { total, owners } = blockedShares(id, graph.get(id) ?? [], blocked);
    ownersOf.set(id, owners);
    result.set(id, {
      id,
      percent: Math.min(100, round(total, 2)),
      owners,
      roots: [],
      depth,
    });
  }
  for (const entry of result.values()) entry.roots = rootsOf(entry.id, ownersOf, listed);
  return { blocked: result, depthLimitReached };
}

/** The listed persons behind an entity blocked by the rule, walking blocked owners (cycle-safe). */
function rootsOf(
  id: string,
  ownersOf: ReadonlyMap<string, readonly OwnershipEdge[]>,
  listed: ReadonlySet<string>,
): string[] {
  const roots = new Set<string>();
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const { owner } of ownersOf.get(current) ?? []) {
      if (listed.has(owner)) roots.add(owner);
      else if (!seen.has(owner)) {
        seen.add(owner);
        stack.push(owner);
      }
    }
  }
  return [...roots].sort();
}
