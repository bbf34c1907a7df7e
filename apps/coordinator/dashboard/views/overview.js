import { api } from '../api.js';
import {
  agencyName,
  daysLeftEl,
  debounce,
  h,
  humanize,
  isWithheld,
  kindName,
  replaceKeepingFocus,
  timeEl,
  timeLeftEl,
  withheldEl,
} from '../dom.js';
import { KINDS, OPEN_STATUSES, PRECEDENCES, STATUSES, LEVEL_NAMES } from '../vocab.js';
import {
  agenciesText,
  loadError,
  markingEl,
  markingsOf,
  precedenceEl,
  titleLink,
} from './common.js';

/**
 * What needs attention: counts by status, line of business and precedence
 * (`GET /stats`), the overdue and escalated matters and the clocks closest to
 * running out (from the open consultations, `GET /consultations`).
 */
/** @typedef {import('../api.js').ConsultationSummary} ConsultationSummary */
/** @typedef {import('../api.js').UpcomingClock} UpcomingClock */

/** @param {import('./common.js').ViewContext} ctx @returns {import('./common.js').MountedView} */
export function mount(ctx) {
  const body = h('div', { class: 'overview' });
  ctx.main.append(h('h1', { tabindex: '-1' }, 'Overview'), body);
  let generation = 0;

  async function load() {
    const mine = ++generation;
    let stats;
    let open;
    try {
      [stats, open] = await Promise.all([
        api.stats(),
        api.consultations({ status: OPEN_STATUSES, sort: 'nextDueAt', limit: 200 }),
      ]);
    } catch (error) {
      if (mine === generation && ctx.isCurrent()) replaceKeepingFocus(body, loadError(error));
      return;
    }
    if (mine !== generation || !ctx.isCurrent()) return;
    const clocks = Array.isArray(stats.closestClocks) ? stats.closestClocks : [];
    render(stats, open.items ?? [], clocks);
  }

  /**
   * @param {import('../api.js').ConsultationStats} stats
   * @param {ConsultationSummary[]} openItems @param {UpcomingClock[]} clocks
   */
  function render(stats, openItems, clocks) {
    const overdue = openItems.filter((c) => c.overdue);
    const escalated = openItems.filter((c) => c.escalationLevel);
    ctx.setMarkings([...markingsOf(overdue), ...markingsOf(escalated), ...markingsOf(clocks)]);
    replaceKeepingFocus(
      body,
      h(
        'ul',
        { class: 'figures', 'aria-label': 'Key figures' },
        figure('Open', stats.open, `#/consultations?status=${OPEN_STATUSES.join(',')}`, 'open'),
        figure('Overdue', stats.overdue, '#/consultations?overdue=true', 'overdue'),
        figure('Escalated', stats.escalated, '#/consultations?status=escalated', 'escalated'),
      ),
      h(
        'div',
        { class: 'columns' },
        countTable('By status', 'Status', STATUSES, stats.byStatus, 'status', humanize),
        countTable('By line of business', 'Kind', KINDS, stats.byKind, 'kind', kindName),
        countTable(
          'By precedence',
          'Precedence',
          PRECEDENCES,
          stats.byPrecedence,
          'precedence',
          (p) => p,
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'overdue-heading', id: 'overview-overdue' },
        h('h2', { id: 'overdue-heading' }, 'Overdue matters'),
        matters(overdue, 'Nothing is overdue.', 'overdue'),
      ),
      h(
        'section',
        { 'aria-labelledby': 'escalated-heading', id: 'overview-escalated' },
        h('h2', { id: 'escalated-heading' }, 'Escalated matters'),
        matters(escalated, 'Nothing is escalated.', 'escalated'),
      ),
      h(
        'section',
        { 'aria-labelledby': 'clocks-heading', id: 'overview-clocks' },
        h('h2', { id: 'clocks-heading' }, 'Clocks closest to running out'),
        closestClocks(clocks, stats.asOf),
      ),
      h('p', { class: 'muted' }, 'Figures as of ', timeEl(stats.asOf), '.'),
    );
  }

  const refresh = debounce(() => void load(), 300);
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

/** @param {string} label @param {number} value @param {string} href @param {string} key */
function figure(label, value, href, key) {
  return h(
    'li',
    { class: ['figure', key] },
    h(
      'a',
      { href, dataset: { key: `figure-${key}` } },
      h('span', { class: 'figure-value' }, String(value ?? 0)),
      h('span', { class: 'figure-label' }, label),
    ),
  );
}

/**
 * @param {string} caption @param {string} column @param {string[]} keys
 * @param {Record<string, number> | undefined} counts @param {string} param the consultations filter
 * @param {(key: string) => string} label
 */
function countTable(caption, column, keys, counts, param, label) {
  const total = keys.reduce((n, k) => n + (counts?.[k] ?? 0), 0);
  return h(
    'table',
    { class: 'counts' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, column),
        h('th', { scope: 'col', class: 'num' }, 'Count'),
      ),
    ),
    h(
      'tbody',
      {},
      keys.map((k) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            h(
              'a',
              {
                href: `#/consultations?${param}=${encodeURIComponent(k)}`,
                dataset: { key: `count-${param}-${k}` },
              },
              label(k),
            ),
          ),
          h('td', { class: 'num' }, String(counts?.[k] ?? 0)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, String(total))),
    ),
  );
}

/** @param {ConsultationSummary[]} items @param {string} empty @param {string} key */
function matters(items, empty, key) {
  if (items.length === 0) return h('p', { class: 'muted' }, empty);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, humanize(key)),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'Consultation',
            'Precedence',
            'Classification',
            'Pending agencies',
            'Days left',
            'Escalation',
          ].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((c) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, titleLink(c, `${key}-${c.id}`)),
            h('td', {}, precedenceEl(c.precedence)),
            h('td', {}, markingEl(c.classification)),
            h('td', {}, agenciesText(c.pendingAgencies)),
            h('td', {}, daysLeftEl(c.daysLeft)),
            h(
              'td',
              {},
              c.escalationLevel ? (LEVEL_NAMES[c.escalationLevel] ?? c.escalationLevel) : '—',
            ),
          ),
        ),
      ),
    ),
  );
}

/** @param {UpcomingClock[]} clocks @param {string} asOf */
function closestClocks(clocks, asOf) {
  if (clocks.length === 0) return h('p', { class: 'muted' }, 'No clock is running.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, 'Clocks closest to running out, soonest first'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Consultation', 'Clock', 'Agency', 'Due', 'Time left', 'Classification'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        clocks.map((k, i) => {
          const title = isWithheld(k) ? withheldEl() : k.title;
          return h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              h(
                'a',
                {
                  href: `#/consultations/${encodeURIComponent(k.consultationId)}`,
                  dataset: { key: `clock-${i}` },
                },
                title,
              ),
            ),
            h('td', {}, humanize(k.kind)),
            h('td', {}, k.agency ? agencyName(k.agency) : '—'),
            h('td', {}, timeEl(k.dueAt)),
            h('td', {}, timeLeftEl(k.dueAt, asOf ?? new Date().toISOString())),
            h('td', {}, markingEl(k.classification)),
          );
        }),
      ),
    ),
  );
}
