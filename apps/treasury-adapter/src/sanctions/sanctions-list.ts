import {
  DATE_PATTERN,
  LIMITS,
  type SanctionsListLoadedV1,
  type SanctionsListRefV1,
} from '@icb/contracts';
import { InvalidSanctionsListError } from './sanctions.errors';
import {
  parseAltCsv,
  parseSdnCsv,
  type AltEntry,
  type CsvProblem,
  type SdnEntry,
  type SdnEntryType,
} from './sdn-csv';

export interface SanctionsAlias {
  altNum: string;
  /** `aka`, `fka`, `nka`. */
  type: string;
  name: string;
  remarks?: string;
}

export interface SanctionsEntry {
  /** OFAC's entry id (`ent_num`); becomes `listEntryUid` in a match. */
  uid: string;
  name: string;
  type: SdnEntryType;
  programs: string[];
  remarks?: string;
  aliases: SanctionsAlias[];
}

/** How a screened name met an entry. */
export interface ListMatch {
  entry: SanctionsEntry;
  /** The entry's name or alias that matched. */
  matchedName: string;
  via: 'name' | 'alias';
  /** `exact`: equal after normalization; `token-set`: same words in another order. */
  how: 'exact' | 'token-set';
}

/** A problem with one of the list's files, located by file and line. */
export interface ListProblem extends CsvProblem {
  file: 'sdn' | 'alt';
}

// ---------------------------------------------------------------------------
// Name normalization

/** Letters that Unicode decomposition leaves alone. */
const FOLDS: Record<string, string> = {
  Ø: 'O',
  Ł: 'L',
  Đ: 'D',
  Ħ: 'H',
  Æ: 'AE',
  Œ: 'OE',
  Þ: 'TH',
};

/**
 * Legal-form words and phrases (already normalized) dropped from either end of
 * a name, longest first: "FICTITIOUS TRADING CO., LTD." and "Fictitious Trading
 * Company" are the same name for screening.
 */
const LEGAL_FORMS: readonly string[][] = [
  'PUBLIC JOINT STOCK COMPANY',
  'CLOSED JOINT STOCK COMPANY',
  'OPEN JOINT STOCK COMPANY',
  'LIMITED LIABILITY COMPANY',
  'LIMITED LIABILITY PARTNERSHIP',
  'JOINT STOCK COMPANY',
  'PUBLIC LIMITED COMPANY',
  'PRIVATE LIMITED',
  'LIMITED',
  'LTD',
  'LLC',
  'LLP',
  'COMPANY',
  'CO',
  'INCORPORATED',
  'INC',
  'CORPORATION',
  'CORP',
  'JSC',
  'PJSC',
  'OJSC',
  'CJSC',
  'OAO',
  'ZAO',
  'OOO',
  'PAO',
  'AO',
  'GMBH',
  'AG',
  'SA',
  'SAS',
  'SARL',
  'SPA',
  'SRL',
  'BV',
  'NV',
  'PLC',
  'PTE',
  'PVT',
  'FZE',
  'FZCO',
  'FZ LLC',
]
  .map((form) => form.split(' '))
  .sort((a, b) => b.length - a.length);

function stripLegalForms(tokens: string[]): string[] {
  let start = 0;
  let end = tokens.length;
  const matchesAt = (form: string[], at: number): boolean =>
    form.every((word, k) => tokens[at + k] === word);
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      // Never strip a name down to nothing: a company called "Co" stays "CO".
      if (end - start <= form.length) continue;
      if (matchesAt(form, end - form.length)) {
        end -= form.length;
        changed = true;
      } else if (matchesAt(form, start)) {
        start += form.length;
        changed = true;
      }
    }
  }
  return tokens.slice(start, end);
}

/** A name's words after normalization (see `normalizeName`). */
export function nameTokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[ØŁĐĦÆŒÞ]/gu, (c) => FOLDS[c] ?? c)
    .replace(/&/g, ' AND ')
    // "S.A." → "SA", "O'Neil" → "ONEIL": dots and apostrophes join, other punctuation splits.
    .replace(/[.'’ʼ`´]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (folded === '') return [];
  const tokens = folded.split(' ');
  const withoutThe = tokens.length > 1 && tokens[0] === 'THE' ? tokens.slice(1) : tokens;
  return stripLegalForms(withoutThe);
}

/**
 * The comparable form of a name: upper case, diacritics removed, punctuation
 * dropped, common legal forms (LTD, LLC, CO, INC, JSC, PJSC, GMBH, S.A., ...)
 * stripped from either end, whitespace collapsed.
 */
export function normalizeName(name: string): string {
  return nameTokens(name).join(' ');
}

/** The same words in any order: `SMITH, John` and `John Smith` share this key. */
export function tokenSetKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}

// ---------------------------------------------------------------------------
// The list

interface IndexedName {
  entry: SanctionsEntry;
  name: string;
  via: 'name' | 'alias';
}

/**
 * One version of a sanctions list, indexed for screening.
 *
 * Matching is deliberately narrow, because here a hit becomes a
 * non-concurrence without an analyst in between:
 * - `exact`: the names are equal after `normalizeName`;
 * - `token-set`: the same words in a different order ("Melli Iran Bank" meets
 *   "Bank Melli Iran"; "John Smith" meets OFAC's "SMITH, John"). Word order in
 *   OFAC's names is a writing convention, not part of the identity.
 * No edit distance, phonetics or partial matches ("Melli" alone meets nothing):
 * those flood false positives. Spelling variants are caught through OFAC's own
 * aliases (ALT.CSV), which are matched like names.
 */
export class SanctionsList {
  readonly ref: SanctionsListRefV1;
  readonly entries: readonly SanctionsEntry[];
  private readonly exact = new Map<string, IndexedName[]>();
  private readonly tokenSet = new Map<string, IndexedName[]>();

  constructor(ref: SanctionsListRefV1, entries: readonly SanctionsEntry[]) {
    if (
      typeof ref.name !== 'string' ||
      ref.name.trim() === '' ||
      ref.name.length > LIMITS.reference
    ) {
      throw new InvalidSanctionsListError(
        `a list name is 1 to ${LIMITS.reference} characters, got "${String(ref.name)}"`,
      );
    }
    if (!isCalendarDate(ref.versionDate)) {
      throw new InvalidSanctionsListError(
        `a list version date is YYYY-MM-DD, got "${String(ref.versionDate)}"`,
      );
    }
    this.ref = { name: ref.name, versionDate: ref.versionDate };
    this.entries = entries;
    for (const entry of entries) {
      this.index(entry, entry.name, 'name');
      for (const alias of entry.aliases) this.index(entry, alias.name, 'alias');
    }
  }

  get name(): string {
    return this.ref.name;
  }

  get versionDate(): string {
    return this.ref.versionDate;
  }

  /**
   * Builds a list from the text of SDN.CSV and ALT.CSV. Lines that could not be
   * read, and aliases of unknown entries, come back as problems: the caller
   * decides whether a list with problems is fit to screen with.
   */
  static fromCsv(input: { name: string; versionDate: string; sdnCsv: string; altCsv?: string }): {
    list: SanctionsList;
    problems: ListProblem[];
  } {
    const sdn = parseSdnCsv(input.sdnCsv);
    const alt =
      input.altCsv === undefined ? { entries: [], problems: [] } : parseAltCsv(input.altCsv);
    const problems: ListProblem[] = [
      ...sdn.problems.map((p) => ({ ...p, file: 'sdn' as const })),
      ...alt.problems.map((p) => ({ ...p, file: 'alt' as const })),
    ];
    const { entries, orphans } = joinAliases(sdn.entries, alt.entries);
    for (const orphan of orphans) {
      problems.push({
        file: 'alt',
        line: orphan.line,
        message: `alias ${orphan.altNum} belongs to entry ${orphan.entNum}, which is not on the list`,
      });
    }
    const list = new SanctionsList({ name: input.name, versionDate: input.versionDate }, entries);
    return { list, problems };
  }

  /** The entries `name` meets, one match per entry (its best: name before alias, exact before token-set). */
  match(name: string): ListMatch[] {
    const found = new Map<string, ListMatch>();
    const rank = (m: ListMatch): number => (m.how === 'exact' ? 0 : 2) + (m.via === 'name' ? 0 : 1);
    const add = (hits: readonly IndexedName[], how: ListMatch['how']): void => {
      for (const hit of hits) {
        const candidate: ListMatch = { entry: hit.entry, matchedName: hit.name, via: hit.via, how };
        const current = found.get(hit.entry.uid);
        if (!current || rank(candidate) < rank(current)) found.set(hit.entry.uid, candidate);
      }
    };
    const normalized = normalizeName(name);
    if (normalized === '') return [];
    add(this.exact.get(normalized) ?? [], 'exact');
    add(this.tokenSet.get(tokenSetKey(name)) ?? [], 'token-set');
    return [...found.values()].sort((a, b) => compareUids(a.entry.uid, b.entry.uid));
  }

  /** The `sanctions.list-loaded` payload announcing this version. */
  toListLoaded(loadedAt: string): SanctionsListLoadedV1 {
    return { list: { ...this.ref }, entryCount: this.entries.length, loadedAt };
  }

  private index(entry: SanctionsEntry, name: string, via: 'name' | 'alias'): void {
    const normalized = normalizeName(name);
    if (normalized === '') return;
    push(this.exact, normalized, { entry, name, via });
    push(this.tokenSet, tokenSetKey(name), { entry, name, via });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

function compareUids(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Attaches each alias to its entry; aliases of unknown entries are returned apart. */
export function joinAliases(
  sdn: readonly SdnEntry[],
  alt: readonly AltEntry[],
): { entries: SanctionsEntry[]; orphans: AltEntry[] } {
  const byNum = new Map<string, SanctionsEntry>();
  const entries = sdn.map((e): SanctionsEntry => {
    const entry: SanctionsEntry = {
      uid: e.entNum,
      name: e.name,
      type: e.type,
      programs: e.programs,
      ...(e.remarks === undefined ? {} : { remarks: e.remarks }),
      aliases: [],
    };
    byNum.set(e.entNum, entry);
    return entry;
  });
  const orphans: AltEntry[] = [];
  for (const a of alt) {
    const entry = byNum.get(a.entNum);
    if (!entry) {
      orphans.push(a);
      continue;
    }
    entry.aliases.push({
      altNum: a.altNum,
      type: a.altType,
      name: a.altName,
      ...(a.altRemarks === undefined ? {} : { remarks: a.altRemarks }),
    });
  }
  return { entries, orphans };
}

/**
 * A list's version date from the setting, or from OFAC's `Publish_Date`
 * (`MM/DD/YYYY`, as in the `publshInformation` header of OFAC's SDN.XML).
 * Returns `YYYY-MM-DD`, or throws when the value is neither form.
 */
export function toVersionDate(raw: string): string {
  const value = raw.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = us ? `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` : value;
  if (!isCalendarDate(iso)) {
    throw new InvalidSanctionsListError(
      `a list version date is YYYY-MM-DD or OFAC's MM/DD/YYYY, got "${raw}"`,
    );
  }
  return iso;
}

/** The `<Publish_Date>` of an OFAC XML header, if the text has one. */
export function findPublishDate(text: string): string | undefined {
  const found = /<Publish_Date>\s*([^<]+?)\s*<\/Publish_Date>/.exec(text);
  return found ? toVersionDate(found[1]) : undefined;
}
