import { agencyName, debounce, h, humanize } from '../dom.js';
import { AGENCIES, KINDS, OPEN_STATUSES, PRECEDENCES, STATUSES } from '../vocab.js';

/** The filters of the consultations table (views/consultations.js). */

/**
 * @param {string[]} values @param {string} anyLabel
 * @param {(value: string) => string} [label]
 */
function options(values, anyLabel, label = humanize) {
  return [
    h('option', { value: '' }, anyLabel),
    ...values.map((v) => h('option', { value: v }, label(v))),
  ];
}

/**
 * The filter form: every control labelled, applied as it changes (search
 * after a pause in typing, or at once with Enter).
 * @param {import('./consultations-query.js').ListState} state
 * @param {(changed: Partial<import('./consultations-query.js').ListState>) => void} apply
 */
export function filterForm(state, apply) {
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
  /** @type {[HTMLSelectElement, string][]} */
  const fromAddress = [
    [status, state.status],
    [kind, state.kind],
    [agency, state.pendingAgency],
    [precedence, state.precedence],
  ];
  for (const [select, value] of fromAddress) {
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

/** @param {string} label @param {HTMLElement} control @param {string} [cls] */
function field(label, control, cls) {
  return h('div', { class: ['field', cls] }, h('label', { for: control.id }, label), control);
}
