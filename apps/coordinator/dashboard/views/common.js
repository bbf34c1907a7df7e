import { levelClass } from '../classification.js';
import { agencyName, h, humanize, isWithheld, listText, withheldEl } from '../dom.js';

/** A classification marking, coloured by level. @param {unknown} banner */
export function markingEl(banner) {
  if (typeof banner !== 'string' || banner === '') return h('span', { class: 'muted' }, 'unmarked');
  return h('span', { class: 'marking', 'data-level': levelClass(banner) }, banner);
}

/** The link to a consultation, its title or the withheld notice. @param {any} c */
export function titleLink(c, key = `title-${c.id}`) {
  return h(
    'a',
    { href: `#/consultations/${encodeURIComponent(c.id)}`, class: 'row-link', dataset: { key } },
    isWithheld(c) ? withheldEl() : (c.title ?? c.id),
  );
}

/** @param {string} precedence */
export function precedenceEl(precedence) {
  return h('span', { class: 'precedence', 'data-precedence': precedence ?? '' }, precedence ?? '—');
}

/** @param {string} status */
export function statusEl(status) {
  return h('span', { class: 'status', 'data-status': status ?? '' }, humanize(status) || '—');
}

/** @param {string[] | undefined} agencies */
export function agenciesText(agencies) {
  return listText(agencies, agencyName);
}

/** The markings of the consultations whose content a view shows (withheld ones show none). */
export function markingsOf(items) {
  return items.filter((c) => c && !isWithheld(c)).map((c) => c.classification);
}

/** A status line under a heading while something loads or after it failed. */
export function loadError(error) {
  return h(
    'p',
    { class: 'error', role: 'alert' },
    `Could not load: ${error instanceof Error ? error.message : String(error)}`,
  );
}
