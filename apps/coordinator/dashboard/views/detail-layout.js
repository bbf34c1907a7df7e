import { h } from '../dom.js';

/** The building blocks of a consultation's page (views/detail.js): sections, fact lists, tables. */

/** @param {string} id @param {string} title @param {...any} content */
export function section(id, title, ...content) {
  return h(
    'section',
    { 'aria-labelledby': `section-${id}`, id: `detail-${id}` },
    h('h2', { id: `section-${id}` }, title),
    ...content,
  );
}

/** Label-value pairs; a pair whose value is undefined, null or false is left out. @param {[string, any][]} pairs */
export function dl(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))),
  );
}

/**
 * @param {string} caption @param {string[]} headers @param {any[][]} rows @param {string} [cls]
 */
export function table(caption, headers, rows, cls) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: cls },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((c) => h('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

/** @param {string} text */
export function none(text) {
  return h('p', { class: 'muted' }, text);
}
