import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Classification markings (EO 13526, CAPCO register, 32 CFR 2002 for CUI).
 *
 * A banner is accepted in one canonical spelling only, so that two equal
 * markings are equal strings (in indexes, in filters, in tests):
 *
 *   UNCLASSIFIED
 *   CUI[//<categories>][//NOFORN | //REL TO USA, <trigraphs>]
 *   CONFIDENTIAL | SECRET | TOP SECRET [//ORCON][/NOFORN | /REL TO USA, <trigraphs>]
 *
 * - CUI categories are separated by `/`, specified (`SP-`) ones first, each group
 *   in alphabetical order, no repeats.
 * - REL TO lists USA first, then the other trigraphs in alphabetical order, no
 *   repeats, at least one besides USA (`REL TO USA` alone is NOFORN).
 * - NOFORN and REL TO exclude each other; ORCON applies to classified levels only.
 */

export const CLASSIFICATION_LEVELS = [
  'UNCLASSIFIED',
  'CUI',
  'CONFIDENTIAL',
  'SECRET',
  'TOP SECRET',
] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/** Dissemination controls the bus knows. */
export const DISSEMINATION_CONTROLS = ['ORCON', 'NOFORN', 'REL TO'] as const;
export type DisseminationControl = (typeof DISSEMINATION_CONTROLS)[number];

/** CUI registry category markings the bus accepts (a subset; extend as needed). */
export const CUI_CATEGORIES = [
  'SP-CTI',
  'SP-EXPT',
  'SP-NNPI',
  'SP-PRVCY',
  'CTI',
  'EXPT',
  'EXPTR',
  'FNC',
  'INTEL',
  'LEI',
  'OPSEC',
  'PRVCY',
  'PROPIN',
] as const;
export type CuiCategory = (typeof CUI_CATEGORIES)[number];

/** A parsed banner marking. */
export interface Marking {
  level: ClassificationLevel;
  /** CUI categories, only with level CUI. */
  cuiCategories: CuiCategory[];
  /** Originator controlled: the originator approves any further dissemination. */
  orcon: boolean;
  noforn: boolean;
  /** Countries it may be released to (ISO 3166 trigraphs, USA first); empty when not marked REL TO. */
  relTo: string[];
}

export class InvalidMarkingError extends Error {
  readonly code = 'INVALID_MARKING';
  constructor(
    readonly banner: string,
    readonly reason: string,
  ) {
    super(`invalid classification marking "${banner}": ${reason}`);
    this.name = 'InvalidMarkingError';
  }
}

/** Longest banner accepted. */
export const MAX_MARKING_LENGTH = 200;

const CLASSIFIED_LEVELS: readonly ClassificationLevel[] = ['CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
const TRIGRAPH = /^[A-Z]{3}$/;
const REL_TO_PREFIX = 'REL TO ';

const REL_TO_SOURCE = 'REL TO USA(?:, [A-Z]{3})+';
const CUI_CATEGORY_SOURCE = `(?:${CUI_CATEGORIES.join('|')})`;

/**
 * A regular expression for the banner grammar, for JSON Schema consumers. It
 * cannot check the order and uniqueness rules; `isValidMarking` (and the
 * `icb-marking` JSON Schema format the bus validator registers) checks all.
 */
export const MARKING_PATTERN = new RegExp(
  '^(?:UNCLASSIFIED' +
    `|CUI(?://${CUI_CATEGORY_SOURCE}(?:/${CUI_CATEGORY_SOURCE})*)?(?://(?:NOFORN|${REL_TO_SOURCE}))?` +
    `|(?:CONFIDENTIAL|SECRET|TOP SECRET)(?://(?:ORCON|NOFORN|${REL_TO_SOURCE}|ORCON/NOFORN|ORCON/${REL_TO_SOURCE}))?` +
    ')$',
);

/** JSON Schema `format` name of a banner marking (see `isValidMarking`). */
export const MARKING_FORMAT = 'icb-marking';

export function levelRank(level: ClassificationLevel): number {
  return CLASSIFICATION_LEVELS.indexOf(level);
}

/** True when `a` is at least as high a level as `b`. */
export function dominatesLevel(a: ClassificationLevel, b: ClassificationLevel): boolean {
  return levelRank(a) >= levelRank(b);
}

/**
 * Personnel security clearances, lowest first: the classification levels
 * without CUI (CUI needs an account, not a clearance).
 */
export const CLEARANCES = [
  'UNCLASSIFIED',
  'CONFIDENTIAL',
  'SECRET',
  'TOP SECRET',
] as const satisfies readonly ClassificationLevel[];
export type Clearance = (typeof CLEARANCES)[number];

/**
 * May someone cleared to `clearance` read content at `level`? UNCLASSIFIED and
 * CUI need no clearance; a classified level needs a clearance at least as high
 * (the ranking is CLASSIFICATION_LEVELS').
 */
export function clearanceCovers(clearance: Clearance, level: ClassificationLevel): boolean {
  if (level === 'UNCLASSIFIED' || level === 'CUI') return true;
  return dominatesLevel(clearance, level);
}

function sortCuiCategories(categories: readonly CuiCategory[]): CuiCategory[] {
  return [...categories].sort((a, b) => CUI_CATEGORIES.indexOf(a) - CUI_CATEGORIES.indexOf(b));
}

function sortRelTo(countries: readonly string[]): string[] {
  const others = [...new Set(countries.filter((c) => c !== 'USA'))].sort();
  return ['USA', ...others];
}

type ParseResult = { ok: true; marking: Marking } | { ok: false; reason: string };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function parseRelTo(
  segment: string,
): { ok: true; countries: string[] } | { ok: false; reason: string } {
  const countries = segment.slice(REL_TO_PREFIX.length).split(', ');
  const bad = countries.find((c) => !TRIGRAPH.test(c));
  if (bad !== undefined) return { ok: false, reason: `"${bad}" is not a country trigraph` };
  if (countries[0] !== 'USA') return { ok: false, reason: 'REL TO must list USA first' };
  if (countries.length < 2)
    return { ok: false, reason: 'REL TO USA alone is not a release: use NOFORN' };
  const canonical = sortRelTo(countries);
  if (!sameList(canonical, countries)) {
    return {
      ok: false,
      reason: `REL TO countries must be USA then the others in alphabetical order without repeats: "${REL_TO_PREFIX}${canonical.join(', ')}"`,
    };
  }
  return { ok: true, countries };
}

/** Parses a banner without throwing. */
export function tryParseMarking(banner: unknown): ParseResult {
  if (typeof banner !== 'string') return { ok: false, reason: 'a marking is a string' };
  if (banner.length === 0) return { ok: false, reason: 'empty' };
  if (banner.length > MAX_MARKING_LENGTH)
    return { ok: false, reason: `longer than ${MAX_MARKING_LENGTH} characters` };
  const segments = banner.split('//');
  const level = segments[0] as ClassificationLevel;
  if (!CLASSIFICATION_LEVELS.includes(level)) {
    return {
      ok: false,
      reason: `unknown level "${segments[0]}" (expected one of ${CLASSIFICATION_LEVELS.join(', ')})`,
    };
  }
  const marking: Marking = { level, cuiCategories: [], orcon: false, noforn: false, relTo: [] };
  let rest = segments.slice(1);
  if (rest.some((s) => s.length === 0)) return { ok: false, reason: 'empty segment between "//"' };

  if (level === 'UNCLASSIFIED') {
    return rest.length === 0
      ? { ok: true, marking }
      : { ok: false, reason: 'UNCLASSIFIED carries no controls (use CUI)' };
  }

  if (
    level === 'CUI' &&
    rest.length > 0 &&
    !rest[0].startsWith(REL_TO_PREFIX) &&
    rest[0] !== 'NOFORN'
  ) {
    const categories = rest[0].split('/');
    const unknown = categories.find((c) => !(CUI_CATEGORIES as readonly string[]).includes(c));
    if (unknown !== undefined) return { ok: false, reason: `unknown CUI category "${unknown}"` };
    const canonical = sortCuiCategories([...new Set(categories as CuiCategory[])]);
    if (!sameList(canonical, categories)) {
      return {
        ok: false,
        reason: `CUI categories must be specified (SP-) ones first, each group alphabetical, without repeats: "${canonical.join('/')}"`,
      };
    }
    marking.cuiCategories = canonical;
    rest = rest.slice(1);
  }

  if (rest.length > 1) return { ok: false, reason: 'too many "//" segments' };
  if (rest.length === 0) return { ok: true, marking };

  const controls = level === 'CUI' ? [rest[0]] : splitControls(rest[0]);
  for (const [i, control] of controls.entries()) {
    if (control === 'ORCON') {
      if (!CLASSIFIED_LEVELS.includes(level))
        return { ok: false, reason: 'ORCON applies to classified levels only' };
      if (i !== 0) return { ok: false, reason: 'ORCON comes before NOFORN and REL TO' };
      marking.orcon = true;
    } else if (control === 'NOFORN') {
      if (marking.noforn || marking.relTo.length > 0)
        return { ok: false, reason: 'NOFORN repeated or combined with REL TO' };
      marking.noforn = true;
    } else if (control.startsWith(REL_TO_PREFIX)) {
      if (marking.noforn || marking.relTo.length > 0)
        return { ok: false, reason: 'REL TO repeated or combined with NOFORN' };
      const rel = parseRelTo(control);
      if (!rel.ok) return rel;
      marking.relTo = rel.countries;
    } else {
      return { ok: false, reason: `unknown dissemination control "${control}"` };
    }
  }
  if (controls.length === 2 && !marking.orcon)
    return { ok: false, reason: 'only ORCON may precede another control' };
  return { ok: true, marking };
}

/** Splits `ORCON/REL TO USA, GBR` into `['ORCON', 'REL TO USA, GBR']` (REL TO lists use ", "). */
function splitControls(segment: string): string[] {
  return segment.split('/');
}

/** Parses a banner marking, or throws `InvalidMarkingError` saying what is wrong. */
export function parseMarking(banner: string): Marking {
  const result = tryParseMarking(banner);
  if (!result.ok) throw new InvalidMarkingError(String(banner), result.reason);
  return result.marking;
}

export function isValidMarking(banner: unknown): banner is string {
  return tryParseMarking(banner).ok;
}

/**
 * Formats a marking as its canonical banner (categories and countries sorted).
 * Throws `InvalidMarkingError` for a combination no banner can carry.
 */
export function formatMarking(m: Marking): string {
  const segments: string[] = [m.level];
  const relTo = m.relTo.length > 0 ? sortRelTo(m.relTo) : [];
  if (m.level === 'CUI' && m.cuiCategories.length > 0) {
    segments.push(sortCuiCategories([...new Set(m.cuiCategories)]).join('/'));
  }
  const controls: string[] = [];
  if (m.orcon) controls.push('ORCON');
  if (m.noforn) controls.push('NOFORN');
  if (relTo.length > 0) controls.push(`${REL_TO_PREFIX}${relTo.join(', ')}`);
  if (controls.length > 0) segments.push(controls.join('/'));
  const banner = segments.join('//');
  return parseMarking(banner) && banner;
}

/**
 * The banner of a whole made of these portions: the highest level; NOFORN and
 * ORCON when any portion carries them; REL TO only to the countries every
 * portion marked REL TO is released to. A classified portion without REL TO
 * has no release decision, so the whole carries no REL TO either; when the
 * common countries shrink to USA alone, the whole is NOFORN. CUI categories are
 * kept only when the result is CUI.
 */
export function highWaterMark(markings: readonly Marking[]): Marking {
  const level = markings.reduce<ClassificationLevel>(
    (hi, m) => (levelRank(m.level) > levelRank(hi) ? m.level : hi),
    'UNCLASSIFIED',
  );
  if (level === 'UNCLASSIFIED') {
    return { level, cuiCategories: [], orcon: false, noforn: false, relTo: [] };
  }
  const orcon = CLASSIFIED_LEVELS.includes(level) && markings.some((m) => m.orcon);
  let noforn = markings.some((m) => m.noforn);
  let relTo: string[] = [];
  const released = markings.filter((m) => m.relTo.length > 0);
  const undecided = markings.some(
    (m) => CLASSIFIED_LEVELS.includes(m.level) && m.relTo.length === 0,
  );
  if (!noforn && released.length > 0 && !undecided) {
    const common = released.reduce(
      (acc, m) => acc.filter((c) => m.relTo.includes(c)),
      released[0].relTo,
    );
    relTo = sortRelTo(common);
    if (relTo.length < 2) {
      relTo = [];
      noforn = true;
    }
  }
  const cuiCategories =
    level === 'CUI'
      ? sortCuiCategories([...new Set(markings.flatMap((m) => m.cuiCategories))])
      : [];
  return { level, cuiCategories, orcon, noforn, relTo };
}

/** class-validator: the value is a valid banner marking in canonical form. */
export function IsMarking(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isMarking',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property, value }) => {
          const r = tryParseMarking(value);
          return `${property} must be a classification banner marking${r.ok ? '' : ` (${r.reason})`}`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => isValidMarking(value) },
    });
  };
}
