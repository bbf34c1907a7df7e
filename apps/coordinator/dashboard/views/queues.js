import { api } from '../api.js';
import {
  agencyName,
  daysLeftEl,
  debounce,
  h,
  kindName,
  replaceKeepingFocus,
  timeEl,
} from '../dom.js';
import { AGENCIES } from '../vocab.js';
import { loadError, markingEl, markingsOf, precedenceEl, statusEl, titleLink } from './common.js';

/**
 * One agency's queue (`GET /agencies/{agency}/queue`): what awaits its answer, closest deadline first.
 * @param {import('./common.js').ViewContext} ctx @returns {import('./common.js').MountedView}
 */
export function mount(ctx) {
  const agency = AGENCIES.includes(ctx.params.agency) ? ctx.params.agency : 'dod';
  const results = h('div', { class: 'results' });
  ctx.main.append(
    h('h1', { tabindex: '-1' }, `Queue: ${agencyName(agency)}`),
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'Agencies' },
      h(
        'ul',
        {},
        AGENCIES.map((a) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/queues/${a}`, 'aria-current': a === agency ? 'page' : undefined },
              agencyName(a),
            ),
          ),
        ),
      ),
    ),
    results,
  );
  let generation = 0;

  async function load() {
    const mine = ++generation;
    let queue;
    try {
      queue = await api.queue(agency, { limit: 200 });
    } catch (error) {
      if (mine === generation && ctx.isCurrent()) replaceKeepingFocus(results, loadError(error));
      return;
    }
    if (mine !== generation || !ctx.isCurrent()) return;
    const items = Array.isArray(queue.items) ? queue.items : [];
    ctx.setMarkings(markingsOf(items));
    replaceKeepingFocus(
      results,
      h(
        'p',
        { class: 'result-count' },
        `${queue.total} consultation${queue.total === 1 ? '' : 's'} awaiting ${agencyName(agency)}`,
      ),
      items.length === 0
        ? null
        : h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { id: 'queue-table' },
              h(
                'caption',
                { class: 'visually-hidden' },
                `Awaiting ${agencyName(agency)}, closest deadline first`,
              ),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  [
                    'Consultation',
                    'Kind',
                    'Status',
                    'Precedence',
                    'Classification',
                    'Requested',
                    'Due',
                    'Days left',
                    'Acknowledged',
                    'Hold',
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
                    h('th', { scope: 'row' }, titleLink(c)),
                    h('td', {}, kindName(c.kind)),
                    h('td', {}, statusEl(c.status)),
                    h('td', {}, precedenceEl(c.precedence)),
                    h('td', {}, markingEl(c.classification)),
                    h('td', {}, timeEl(c.review?.requestedAt)),
                    h('td', {}, timeEl(c.review?.dueAt)),
                    h('td', {}, daysLeftEl(c.review?.daysLeft)),
                    h(
                      'td',
                      {},
                      c.review?.acknowledgedAt ? timeEl(c.review.acknowledgedAt) : 'not yet',
                    ),
                    h('td', {}, c.review?.hold ? c.review.hold.reason : '—'),
                  ),
                ),
              ),
            ),
          ),
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
