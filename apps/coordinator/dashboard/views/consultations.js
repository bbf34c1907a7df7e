import { api } from '../api.js';
import {
  daysLeftEl,
  debounce,
  h,
  kindName,
  isWithheld,
  replaceKeepingFocus,
  timeEl,
} from '../dom.js';
import { LEVEL_NAMES } from '../vocab.js';
import {
  agenciesText,
  loadError,
  markingEl,
  markingsOf,
  precedenceEl,
  statusEl,
  titleLink,
} from './common.js';
import { filterForm } from './consultations-filters.js';
import { apiQuery, readState, SORTS, toHashQuery } from './consultations-query.js';

/** @typedef {import('../api.js').ConsultationSummary} ConsultationSummary */
/** @typedef {import('../api.js').ConsultationPage} ConsultationPage */

/**
 * The consultations table: filters, search, sorting and paging, all mapped
 * to `GET /consultations` query parameters and kept in the address
 * (`#/consultations?status=escalated&sort=nextDueAt`), so a view can be
 * bookmarked and shared.
 */
/** @param {import('./common.js').ViewContext} ctx @returns {import('./common.js').MountedView} */
export function mount(ctx) {
  const state = readState(ctx.query);
  let generation = 0;
  /** @type {Map<string, string>} id → updatedAt of the rows shown */
  let shown = new Map();
  let firstLoad = true;

  const form = filterForm(state, (changed) => {
    Object.assign(state, changed, { offset: 0 });
    void load();
  });
  const summary = h('p', { class: 'result-count', id: 'result-count' });
  const results = h('div', { class: 'results' });
  ctx.main.append(h('h1', { tabindex: '-1' }, 'Consultations'), form, summary, results);

  async function load() {
    const mine = ++generation;
    ctx.replaceHash(`#/consultations${toHashQuery(state)}`);
    results.setAttribute('aria-busy', 'true');
    let page;
    try {
      page = await api.consultations(apiQuery(state));
    } catch (error) {
      if (mine !== generation || !ctx.isCurrent()) return;
      results.removeAttribute('aria-busy');
      replaceKeepingFocus(results, loadError(error));
      return;
    }
    if (mine !== generation || !ctx.isCurrent()) return;
    results.removeAttribute('aria-busy');
    render(page);
  }

  /** @param {ConsultationPage} page */
  function render(page) {
    const items = Array.isArray(page.items) ? page.items : [];
    const fresh = items.filter((c) => !firstLoad && !shown.has(c.id));
    const changed = items.filter((c) => shown.has(c.id) && shown.get(c.id) !== c.updatedAt);
    shown = new Map(items.map((c) => [c.id, c.updatedAt]));
    const from = page.total === 0 ? 0 : page.offset + 1;
    const to = page.offset + items.length;
    summary.textContent =
      page.total === 0
        ? 'No consultation matches these filters.'
        : `Showing ${from}–${to} of ${page.total} consultation${page.total === 1 ? '' : 's'}`;
    replaceKeepingFocus(
      results,
      items.length > 0 ? table(items, new Set(fresh.map((c) => c.id))) : null,
      pager(page),
    );
    ctx.setMarkings(markingsOf(items));
    if (fresh.length > 0) {
      ctx.announce(
        fresh.map((c) => `New consultation: ${isWithheld(c) ? 'withheld' : c.title}`).join('. '),
      );
    } else if (changed.length > 0) {
      ctx.announce(`${changed.length} consultation${changed.length === 1 ? '' : 's'} updated`);
    } else if (!firstLoad) {
      ctx.announce(summary.textContent);
    }
    firstLoad = false;
  }

  /** @param {ConsultationSummary[]} items @param {Set<string>} fresh ids of rows new since the last load */
  function table(items, fresh) {
    const headers = [
      plainHeader('Title'),
      plainHeader('Kind'),
      plainHeader('Status'),
      sortHeader('precedence'),
      plainHeader('Classification'),
      plainHeader('Pending agencies'),
      sortHeader('nextDueAt'),
      plainHeader('Escalation'),
      sortHeader('openedAt'),
      sortHeader('updatedAt'),
    ];
    const body = h(
      'tbody',
      { on: { keydown: rowKeys } },
      items.map((c) =>
        h(
          'tr',
          { dataset: { id: c.id }, class: fresh.has(c.id) ? 'is-new' : undefined },
          h('th', { scope: 'row' }, titleLink(c)),
          h('td', {}, kindName(c.kind)),
          h('td', {}, statusEl(c.status)),
          h('td', {}, precedenceEl(c.precedence)),
          h('td', {}, markingEl(c.classification)),
          h('td', {}, agenciesText(c.pendingAgencies)),
          h('td', {}, daysLeftEl(c.daysLeft), c.nextDueAt ? [h('br'), timeEl(c.nextDueAt)] : null),
          h(
            'td',
            {},
            c.escalationLevel ? (LEVEL_NAMES[c.escalationLevel] ?? c.escalationLevel) : '—',
          ),
          h('td', {}, timeEl(c.openedAt)),
          h('td', {}, timeEl(c.updatedAt)),
        ),
      ),
    );
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'consultations', id: 'consultations-table' },
        h(
          'caption',
          {},
          'Consultations. Sortable columns have buttons; in the title column, arrow keys move between rows.',
        ),
        h('thead', {}, h('tr', {}, headers)),
        body,
      ),
    );
  }

  /** @param {string} text */
  function plainHeader(text) {
    return h('th', { scope: 'col' }, text);
  }

  /** @param {string} field one of SORTS */
  function sortHeader(field) {
    const active = state.sort === field;
    const order = active ? state.order : undefined;
    const next = active ? (state.order === 'asc' ? 'desc' : 'asc') : SORTS[field].order;
    return h(
      'th',
      {
        scope: 'col',
        'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
      },
      h(
        'button',
        {
          type: 'button',
          class: 'sort',
          dataset: { key: `sort-${field}`, sort: field },
          on: {
            click: () => {
              state.sort = field;
              state.order = next;
              state.offset = 0;
              void load();
            },
          },
        },
        SORTS[field].label,
        h(
          'span',
          { class: 'sort-arrow', 'aria-hidden': 'true' },
          active ? (order === 'asc' ? '▲' : '▼') : '↕',
        ),
        h(
          'span',
          { class: 'visually-hidden' },
          `, sort ${next === 'asc' ? 'ascending' : 'descending'}`,
        ),
      ),
    );
  }

  /** Arrow keys, Home and End move between the rows' links. @param {KeyboardEvent} e */
  function rowKeys(e) {
    const target = e.target;
    if (!(target instanceof HTMLElement) || !target.classList.contains('row-link')) return;
    const links = [...results.querySelectorAll('tbody .row-link')].filter(
      (link) => link instanceof HTMLElement,
    );
    const i = links.indexOf(target);
    /** @type {number} */
    let j;
    if (e.key === 'ArrowDown') j = Math.min(links.length - 1, i + 1);
    else if (e.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = links.length - 1;
    else return;
    e.preventDefault();
    links[j]?.focus();
  }

  /** @param {ConsultationPage} page */
  function pager(page) {
    const prevOffset = Math.max(0, page.offset - page.limit);
    const hasPrev = page.offset > 0;
    const hasNext = page.offset + page.limit < page.total;
    if (!hasPrev && !hasNext) return null;
    const go = (/** @type {number} */ offset) => {
      state.offset = offset;
      void load();
    };
    return h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages' },
      h(
        'button',
        {
          type: 'button',
          disabled: !hasPrev,
          dataset: { key: 'prev' },
          on: { click: () => go(prevOffset) },
        },
        'Previous page',
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: !hasNext,
          dataset: { key: 'next' },
          on: { click: () => go(page.offset + page.limit) },
        },
        'Next page',
      ),
    );
  }

  const refresh = debounce(() => void load(), 250);
  void load();
  return {
    onEvent: () => refresh(),
    refresh: () => void load(),
    unmount: () => {
      refresh.cancel();
      generation += 1;
    },
  };
}
