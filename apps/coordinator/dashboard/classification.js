/**
 * Banner markings, as the contracts library reads them
 * (libs/contracts/src/classification.ts), for the page's classification
 * banner: the high-water mark of everything the page shows. The browser test
 * checks this port against the library's `highWaterMark`.
 */

export const LEVELS = ['UNCLASSIFIED', 'CUI', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
const CLASSIFIED = ['CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
const CUI_CATEGORIES = [
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
];
const REL_TO = 'REL TO ';

/**
 * @typedef {{ level: string, cuiCategories: string[], orcon: boolean, noforn: boolean, relTo: string[] }} Marking
 */

/**
 * Reads a banner (`SECRET//ORCON/NOFORN`, `CUI//SP-EXPT//NOFORN`,
 * `CONFIDENTIAL//REL TO USA, GBR`); null when it is not one.
 * @param {unknown} banner
 * @returns {Marking | null}
 */
export function parseMarking(banner) {
  if (typeof banner !== 'string' || banner === '') return null;
  const [level, ...rest] = banner.split('//');
  if (!LEVELS.includes(level)) return null;
  /** @type {Marking} */
  const m = { level, cuiCategories: [], orcon: false, noforn: false, relTo: [] };
  for (const segment of rest) {
    for (const part of level === 'CUI' ? [segment] : segment.split('/')) {
      if (part === 'ORCON') m.orcon = true;
      else if (part === 'NOFORN') m.noforn = true;
      else if (part.startsWith(REL_TO)) m.relTo = part.slice(REL_TO.length).split(', ');
      else if (level === 'CUI') m.cuiCategories.push(...part.split('/'));
      else return null;
    }
  }
  return m;
}

/** @param {string} level */
export function levelRank(level) {
  return LEVELS.indexOf(level);
}

/** @param {string} a @param {string} b */
const byCuiOrder = (a, b) => CUI_CATEGORIES.indexOf(a) - CUI_CATEGORIES.indexOf(b);
/** @param {string[]} countries */
const sortRelTo = (countries) => [
  'USA',
  ...[...new Set(countries.filter((c) => c !== 'USA'))].sort(),
];

/** @param {Marking} m */
export function formatMarking(m) {
  const segments = [m.level];
  if (m.level === 'CUI' && m.cuiCategories.length > 0) {
    segments.push([...new Set(m.cuiCategories)].sort(byCuiOrder).join('/'));
  }
  const controls = [];
  if (m.orcon) controls.push('ORCON');
  if (m.noforn) controls.push('NOFORN');
  if (m.relTo.length > 0) controls.push(`${REL_TO}${sortRelTo(m.relTo).join(', ')}`);
  if (controls.length > 0) segments.push(controls.join('/'));
  return segments.join('//');
}

/**
 * The banner of a page made of these portions: the highest level; ORCON and
 * NOFORN when any portion carries them; REL TO only to the countries every
 * portion is released to (none when a classified portion has no release
 * decision; NOFORN when only USA remains). Portions that are not markings
 * are left out. UNCLASSIFIED for none.
 * @param {Iterable<unknown>} banners
 * @returns {string}
 */
export function highWaterMark(banners) {
  const markings = [...banners].map(parseMarking).filter((m) => m !== null);
  const level = markings.reduce(
    (hi, m) => (levelRank(m.level) > levelRank(hi) ? m.level : hi),
    'UNCLASSIFIED',
  );
  if (level === 'UNCLASSIFIED') return 'UNCLASSIFIED';
  const orcon = CLASSIFIED.includes(level) && markings.some((m) => m.orcon);
  let noforn = markings.some((m) => m.noforn);
  /** @type {string[]} */
  let relTo = [];
  const released = markings.filter((m) => m.relTo.length > 0);
  const undecided = markings.some((m) => CLASSIFIED.includes(m.level) && m.relTo.length === 0);
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
  const cuiCategories = level === 'CUI' ? markings.flatMap((m) => m.cuiCategories) : [];
  return formatMarking({ level, cuiCategories, orcon, noforn, relTo });
}

/**
 * The colour class of a banner: green unclassified, purple CUI, blue
 * confidential, red secret, orange top secret.
 * @param {unknown} banner
 */
export function levelClass(banner) {
  const m = parseMarking(banner);
  switch (m?.level) {
    case 'TOP SECRET':
      return 'ts';
    case 'SECRET':
      return 's';
    case 'CONFIDENTIAL':
      return 'c';
    case 'CUI':
      return 'cui';
    case 'UNCLASSIFIED':
      return 'u';
    default:
      return 'unknown';
  }
}

/**
 * Whether a viewer cleared to `clearance` may read content marked `banner`
 * (by level; CUI needs no clearance). Unreadable markings are not readable.
 * @param {string | undefined} clearance
 * @param {unknown} banner
 */
export function clearanceAllows(clearance, banner) {
  const m = parseMarking(banner);
  if (!m) return false;
  if (m.level === 'UNCLASSIFIED' || m.level === 'CUI') return true;
  return clearance !== undefined && levelRank(clearance) >= levelRank(m.level);
}
