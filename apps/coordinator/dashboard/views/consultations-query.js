/**
 * The consultations table's state (views/consultations.js): its filters,
 * sorting and page, read from the address and turned into the query of
 * `GET /consultations`.
 */

/**
 * @typedef {object} ListState
 * @property {string} q
 * @property {string} status comma-separated, as in the address
 * @property {string} kind
 * @property {string} pendingAgency
 * @property {string} precedence
 * @property {boolean} overdue
 * @property {string} sort one of SORTS
 * @property {'asc' | 'desc'} order
 * @property {number} limit
 * @property {number} offset
 */

/** Sortable columns: the API's `sort` values, with their default order. */
/** @type {Record<string, { label: string, order: 'asc' | 'desc' }>} */
export const SORTS = {
  precedence: { label: 'Precedence', order: 'asc' },
  nextDueAt: { label: 'Days left', order: 'asc' },
  openedAt: { label: 'Opened', order: 'desc' },
  updatedAt: { label: 'Updated', order: 'desc' },
};
export const PAGE_SIZES = [25, 50, 100, 200];

/**
 * The filters, sorting and page of an address's query.
 * @param {URLSearchParams} query @returns {ListState}
 */
export function readState(query) {
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

/**
 * The API's query parameters for the state (lists stay comma-separated, as sent).
 * @param {ListState} state @returns {import('../api.js').ConsultationSearch}
 */
export function apiQuery(state) {
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

/** The address's query for the state (defaults left out). @param {ListState} state */
export function toHashQuery(state) {
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
