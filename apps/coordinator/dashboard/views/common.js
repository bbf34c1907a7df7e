import { levelClass } from '../classification.js';
import { agencyName, h, humanize, isWithheld, listText, withheldEl } from '../dom.js';

/** @typedef {{ name: string, id: string, consultationId?: string }} LiveEvent An event from the bus (live.js). */

/**
 * What app.js hands a view's `mount(ctx)`.
 * @typedef {object} ViewContext
 * @property {HTMLElement} main
 * @property {Record<string, string>} params the route's named groups (`id`, `agency`)
 * @property {URLSearchParams} query
 * @property {import('../api.js').Operator} user
 * @property {(banners: string[]) => void} setMarkings
 * @property {(text: string) => void} announce
 * @property {(hash: string) => void} replaceHash updates the address without re-rendering
 * @property {() => boolean} isCurrent
 */

/**
 * What a view's `mount(ctx)` returns.
 * @typedef {object} MountedView
 * @property {(event: LiveEvent) => void} [onEvent]
 * @property {() => void} [refresh]
 * @property {() => void} [unmount]
 */

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

/**
 * The markings of the consultations whose content a view shows (withheld ones show none).
 * @param {({ classification?: string, withheld?: boolean } | null | undefined)[]} items
 * @returns {string[]}
 */
export function markingsOf(items) {
  return items.flatMap((c) => (c && !isWithheld(c) && c.classification ? [c.classification] : []));
}

/** A status line under a heading while something loads or after it failed. @param {unknown} error */
export function loadError(error) {
  return h(
    'p',
    { class: 'error', role: 'alert' },
    `Could not load: ${error instanceof Error ? error.message : String(error)}`,
  );
}
