import { api } from '../api.js';
import {
  agencyName,
  daysLeftEl,
  debounce,
  h,
  humanize,
  kindName,
  isWithheld,
  replaceKeepingFocus,
  timeEl,
} from '../dom.js';
import { AGENCIES, KINDS, OPEN_STATUSES, PRECEDENCES, STATUSES, LEVEL_NAMES } from '../vocab.js';
import {
  agenciesText,
  loadError,
  markingEl,
  markingsOf,
  precedenceEl,
  statusEl,
  titleLink,
} from './common.js';

/** Sortable columns: the API's `sort` values, with their default order. */
const SORTS = {
  precedence: { label: 'Precedence', order: 'asc' },
  nextDueAt: { label: 'Days left', order: 'asc' },
  openedAt: { label: 'Opened', order: 'desc' },
  updatedAt: { label: 'Updated', order: 'desc' },
};
const PAGE_SIZES = [25, 50, 100, 200];

/**
 * The consultations table: filters, search, sorting and paging, all mapped
 * to `GET /consultations` query parameters and kept in the address
 * (`#/consultations?status=escalated&sort=nextDueAt`), so a view can be
 * bookmarked and shared.
 */
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

  function plainHeader(text) {
    return h('th', { scope: 'col' }, text);
  }

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

  /** Arrow keys, Home and End move between the rows' links. */
  function rowKeys(e) {
    const target = e.target;
    if (!(target instanceof HTMLElement) || !target.classList.contains('row-link')) return;
    const links = [...results.querySelectorAll('tbody .row-link')];
    const i = links.indexOf(target);
    let j;
    if (e.key === 'ArrowDown') j = Math.min(links.length - 1, i + 1);
    else if (e.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = links.length - 1;
    else return;
    e.preventDefault();
    links[j]?.focus();
  }

  function pager(page) {
    const prevOffset = Math.max(0, page.offset - page.limit);
    const hasPrev = page.offset > 0;
    const hasNext = page.offset + page.limit < page.total;
    if (!hasPrev && !hasNext) return null;
    const go = (offset) => {
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

/** The filters, sorting and page of an address's query. */
function readState(query) {
  const sort = query.get('sort');
  const limit = Number(query.get('limit'));
  const offset = Number(query.get('offset'));
  const order = query.get('order');
  return {
    q: query.get('q') ?? '',
    status: query.get('status') ?? '',
    kind: query.get('kind') ?? '',
    pendingAgency: query.get('pendingAgency') ?? '',
    precedence: query.get('precedence') ?? '',
    overdue: query.get('overdue') === 'true',
    sort: sort && sort in SORTS ? sort : 'updatedAt',
    order:
      order === 'asc' || order === 'desc'
        ? order
        : SORTS[sort && sort in SORTS ? sort : 'updatedAt'].order,
    limit: PAGE_SIZES.includes(limit) ? limit : 50,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The API's query parameters for the state. */
function apiQuery(state) {
  return {
    q: state.q.trim(),
    status: state.status,
    kind: state.kind,
    pendingAgency: state.pendingAgency,
    precedence: state.precedence,
    overdue: state.overdue ? 'true' : undefined,
    sort: state.sort,
    order: state.order,
    limit: state.limit,
    offset: state.offset || undefined,
  };
}

function toHashQuery(state) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(apiQuery(state))) {
    if (value === undefined || value === '') continue;
    if (name === 'limit' && value === 50) continue;
    if (name === 'sort' && value === 'updatedAt') continue;
    if (name === 'order' && value === SORTS[state.sort].order) continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function options(values, anyLabel, label = humanize) {
  return [
    h('option', { value: '' }, anyLabel),
    ...values.map((v) => h('option', { value: v }, label(v))),
  ];
}

/**
 * The filter form: every control labelled, applied as it changes (search
 * after a pause in typing, or at once with Enter).
 */
function filterForm(state, apply) {
  const q = h('input', {
    id: 'filter-q',
    type: 'search',
    name: 'q',
    value: state.q,
    maxlength: '200',
    autocomplete: 'off',
  });
  const status = h(
    'select',
    { id: 'filter-status', name: 'status' },
    options(STATUSES, 'Any status'),
    h(
      'option',
      { value: OPEN_STATUSES.join(',') },
      'Open (in review, escalated, congressional review)',
    ),
  );
  const kind = h('select', { id: 'filter-kind', name: 'kind' }, options(KINDS, 'Any kind'));
  const agency = h(
    'select',
    { id: 'filter-agency', name: 'pendingAgency' },
    options(AGENCIES, 'Any agency', agencyName),
  );
  const precedence = h(
    'select',
    { id: 'filter-precedence', name: 'precedence' },
    options(PRECEDENCES, 'Any precedence', (p) => p),
  );
  const overdue = h('input', {
    id: 'filter-overdue',
    type: 'checkbox',
    name: 'overdue',
    checked: state.overdue,
  });
  status.value = state.status;
  kind.value = state.kind;
  agency.value = state.pendingAgency;
  precedence.value = state.precedence;
  // A value from the address that is not an option (e.g. two statuses) still filters.
  for (const [select, value] of [
    [status, state.status],
    [kind, state.kind],
    [agency, state.pendingAgency],
    [precedence, state.precedence],
  ]) {
    if (value && select.value !== value) {
      select.append(h('option', { value }, value.split(',').map(humanize).join(', ')));
      select.value = value;
    }
  }
  const current = () => ({
    q: q.value,
    status: status.value,
    kind: kind.value,
    pendingAgency: agency.value,
    precedence: precedence.value,
    overdue: overdue.checked,
  });
  const typed = debounce(() => apply(current()), 300);
  q.addEventListener('input', typed);
  for (const control of [status, kind, agency, precedence, overdue]) {
    control.addEventListener('change', () => apply(current()));
  }
  const clear = h(
    'button',
    {
      type: 'button',
      on: {
        click: () => {
          q.value = '';
          for (const s of [status, kind, agency, precedence]) s.value = '';
          overdue.checked = false;
          apply(current());
        },
      },
    },
    'Clear filters',
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter consultations' },
    field('Search title, summary, reference or id', q, 'wide'),
    field('Status', status),
    field('Kind', kind),
    field('Pending agency', agency),
    field('Precedence', precedence),
    h('div', { class: 'field checkbox' }, overdue, h('label', { for: overdue.id }, 'Overdue only')),
    h('div', { class: 'field actions' }, clear),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    typed.cancel();
    apply(current());
  });
  return form;
}

function field(label, control, cls) {
  return h('div', { class: ['field', cls] }, h('label', { for: control.id }, label), control);
}
