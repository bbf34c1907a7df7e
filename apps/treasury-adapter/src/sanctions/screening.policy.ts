import {
  LIMITS,
  type SanctionsMatchV1,
  type SanctionsScreeningCompletedV1,
  type TransactionPartyV1,
} from '@icb/contracts';
import {
  applyFiftyPercentRule,
  DEFAULT_MAX_OWNERSHIP_DEPTH,
  type OwnershipEdge,
} from './ownership.policy';
import { OwnershipGraphTooDeepError } from './sanctions.errors';
import { tokenSetKey, type SanctionsEntry, type SanctionsList } from './sanctions-list';

export interface ScreeningOptions {
  consultationId: string;
  screeningId: string;
  /** RFC 3339 UTC date-time. */
  screenedAt: string;
}

/** A consultation still open, with the parties it was screened on and its last result. */
export interface OpenMatter {
  consultationId: string;
  parties: TransactionPartyV1[];
  previous?: SanctionsScreeningCompletedV1;
}

export interface Rescreening {
  consultationId: string;
  previous?: SanctionsScreeningCompletedV1;
  current: SanctionsScreeningCompletedV1;
  /** Matches the new list adds, and those it no longer has. */
  added: SanctionsMatchV1[];
  removed: SanctionsMatchV1[];
}

export interface RescreenOutcome {
  /** Matters whose result or matches differ under the new list: publish `current` for these. */
  changed: Rescreening[];
  /** Matters whose outcome the new list leaves as it was. */
  unchanged: Rescreening[];
}

/**
 * Identity of a screened name: the same words in any order, as the list matches
 * them. A name with no letters or digits left keeps its raw spelling.
 */
function subjectKey(name: string): string {
  return tokenSetKey(name) || `raw:${name.trim()}`;
}

/**
 * The ownership graph the parties declare, keyed by `subjectKey`. Several
 * holdings of one owner in one party's list add up; a party listed twice (same
 * name) keeps the larger share per owner, since two records of one party are
 * two statements of the same holding, not two holdings.
 */
function ownershipGraph(parties: readonly TransactionPartyV1[]): Map<string, OwnershipEdge[]> {
  const merged = new Map<string, Map<string, number>>();
  for (const party of parties) {
    if (!party.ownership?.length) continue;
    const shares = new Map<string, number>();
    for (const { ownerName, percent } of party.ownership) {
      const owner = subjectKey(ownerName);
      shares.set(owner, (shares.get(owner) ?? 0) + percent);
    }
    const key = subjectKey(party.name);
    const into = merged.get(key) ?? new Map<string, number>();
    for (const [owner, percent] of shares) into.set(owner, Math.max(into.get(owner) ?? 0, percent));
    merged.set(key, into);
  }
  return new Map(
    [...merged].map(([key, shares]) => [
      key,
      [...shares].map(([owner, percent]) => ({ owner, percent })),
    ]),
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function matchOf(
  partyName: string,
  entry: SanctionsEntry,
  basis: SanctionsMatchV1['basis'],
  ownershipPercent?: number,
): SanctionsMatchV1 {
  return {
    partyName,
    listEntryUid: entry.uid,
    listEntryName: truncate(entry.name, LIMITS.name),
    programs: entry.programs.filter((p) => p.length <= LIMITS.reference).slice(0, LIMITS.programs),
    basis,
    ...(ownershipPercent === undefined ? {} : { ownershipPercent }),
  };
}

function compareMatches(a: SanctionsMatchV1, b: SanctionsMatchV1): number {
  const order = (m: SanctionsMatchV1): number => (m.basis === 'direct' ? 0 : 1);
  return (
    order(a) - order(b) ||
    a.partyName.localeCompare(b.partyName) ||
    a.listEntryUid.localeCompare(b.listEntryUid, undefined, { numeric: true })
  );
}

/**
 * Screens every party of a transaction, and every owner a party names, against
 * one list version:
 * - `direct`: the name (or an alias) is on the list;
 * - `ownership-50`: blocked by the 50 Percent Rule; one match per listed entry
 *   the blocking comes from, each with the aggregate share held by blocked persons.
 * A party both listed and owned by listed persons is reported as `direct` only.
 * `result` is `hit` when there is any match. Matches are ordered (direct first)
 * and capped at the contract's limit; a capped answer is still a `hit`.
 */
export function screen(
  parties: readonly TransactionPartyV1[],
  list: SanctionsList,
  opts: ScreeningOptions,
): SanctionsScreeningCompletedV1 {
  // Every distinct name: parties first, then the owners they name.
  const subjects = new Map<string, string>();
  for (const party of parties) {
    if (!subjects.has(subjectKey(party.name))) subjects.set(subjectKey(party.name), party.name);
  }
  for (const party of parties) {
    for (const { ownerName } of party.ownership ?? []) {
      if (!subjects.has(subjectKey(ownerName))) subjects.set(subjectKey(ownerName), ownerName);
    }
  }

  const matches: SanctionsMatchV1[] = [];
  const listedEntries = new Map<string, SanctionsEntry[]>();
  for (const [key, name] of subjects) {
    const found = list.match(name).map((m) => m.entry);
    if (found.length === 0) continue;
    listedEntries.set(key, found);
    for (const entry of found) matches.push(matchOf(name, entry, 'direct'));
  }

  const rule = applyFiftyPercentRule(ownershipGraph(parties), new Set(listedEntries.keys()));
  if (rule.depthLimitReached) throw new OwnershipGraphTooDeepError(DEFAULT_MAX_OWNERSHIP_DEPTH);
  for (const blocked of rule.blocked.values()) {
    const partyName = subjects.get(blocked.id) ?? blocked.id;
    const entries = new Map<string, SanctionsEntry>();
    for (const root of blocked.roots) {
      for (const entry of listedEntries.get(root) ?? []) entries.set(entry.uid, entry);
    }
    for (const entry of entries.values()) {
      matches.push(matchOf(partyName, entry, 'ownership-50', blocked.percent));
    }
  }

  matches.sort(compareMatches);
  return {
    consultationId: opts.consultationId,
    screeningId: opts.screeningId,
    list: { name: list.name, versionDate: list.versionDate },
    result: matches.length > 0 ? 'hit' : 'clear',
    partiesScreened: subjects.size,
    matches: matches.slice(0, LIMITS.matches),
    screenedAt: opts.screenedAt,
  };
}

function matchKey(m: SanctionsMatchV1): string {
  return [m.basis, subjectKey(m.partyName), m.listEntryUid, m.ownershipPercent ?? ''].join('|');
}

/**
 * Loading a new list version re-screens the open matters. A matter has changed
 * when its result or its set of matches differs from its last screening (a new
 * version date alone is not a change); a matter never screened has changed.
 */
export function rescreen(
  openMatters: readonly OpenMatter[],
  newList: SanctionsList,
  opts: { screenedAt: string; screeningIdFor: (consultationId: string) => string },
): RescreenOutcome {
  const outcome: RescreenOutcome = { changed: [], unchanged: [] };
  for (const matter of openMatters) {
    const current = screen(matter.parties, newList, {
      consultationId: matter.consultationId,
      screeningId: opts.screeningIdFor(matter.consultationId),
      screenedAt: opts.screenedAt,
    });
    const before = new Map((matter.previous?.matches ?? []).map((m) => [matchKey(m), m]));
    const after = new Map(current.matches.map((m) => [matchKey(m), m]));
    const added = [...after].filter(([k]) => !before.has(k)).map(([, m]) => m);
    const removed = [...before].filter(([k]) => !after.has(k)).map(([, m]) => m);
    const rescreening: Rescreening = {
      consultationId: matter.consultationId,
      ...(matter.previous ? { previous: matter.previous } : {}),
      current,
      added,
      removed,
    };
    const changed =
      !matter.previous ||
      matter.previous.result !== current.result ||
      added.length > 0 ||
      removed.length > 0;
    (changed ? outcome.changed : outcome.unchanged).push(rescreening);
  }
  return outcome;
}
