/**
 * Small DOM helpers. Every text goes in through textContent or attributes,
 * never as markup, so nothing the API returns can run as script.
 */

/**
 * Creates an element. `props`: `class`, `text`, `on` (event listeners),
 * `dataset`, and any attribute (`aria-*`, `href`, `for`, ...); `false`,
 * `null` and `undefined` leave an attribute out.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...any} children nodes, strings, numbers, arrays of them; null and false are skipped
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class')
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (name === 'text') el.textContent = String(value);
    else if (name === 'on') {
      for (const [type, listener] of Object.entries(value)) el.addEventListener(type, listener);
    } else if (name === 'dataset') {
      for (const [key, v] of Object.entries(value))
        if (v !== undefined) el.dataset[key] = String(v);
    } else if (name === 'value' && 'value' in el) el.value = String(value);
    else if (name === 'checked' && 'checked' in el) el.checked = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {any[]} children */
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/**
 * Replaces a container's content; if the focus was on an element with a
 * `data-key` inside it, the element with the same key gets it back, so a live
 * refresh does not throw a keyboard user back to the top of the page.
 * @param {Element} container
 * @param {...any} children
 */
export function replaceKeepingFocus(container, ...children) {
  const active = document.activeElement;
  const key =
    active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren();
  append(container, children);
  if (key) {
    const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again instanceof HTMLElement) again.focus();
  }
}

/** `in-review` → `In review`. @param {string | null | undefined} value */
export function humanize(value) {
  if (!value) return '';
  const text = String(value).replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @type {Record<string, string>} */
const AGENCY_NAMES = {
  'state-pm': 'State/PM',
  dod: 'DoD',
  nsc: 'NSC',
  cia: 'CIA',
  treasury: 'Treasury',
};

/** @param {string} agency */
export function agencyName(agency) {
  return AGENCY_NAMES[agency] ?? agency;
}

/** @type {Record<string, string>} */
const KIND_NAMES = {
  'fms-case': 'FMS case',
  'security-cooperation': 'Security cooperation',
  nonproliferation: 'Nonproliferation',
  'arms-control': 'Arms control',
  'regional-security': 'Regional security',
  'technology-transfer': 'Technology transfer',
};

/** A line of business as people write it. @param {string} kind */
export function kindName(kind) {
  return KIND_NAMES[kind] ?? humanize(kind);
}

/** `2026-03-02T14:30:00.000Z` → `2026-03-02 14:30 UTC`. @param {string | null | undefined} iso */
export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** A `<time>` element showing `formatTime`. @param {string | null | undefined} iso */
export function timeEl(iso) {
  if (!iso) return h('span', { 'aria-label': 'none' }, '—');
  return h('time', { datetime: iso }, formatTime(iso));
}

const DAY_MS = 86_400_000;

/** Whole days until `dueAt` from `now`, rounded away from zero (as the API counts). @param {string} dueAt @param {string} now */
export function daysBetween(dueAt, now) {
  const ms = Date.parse(dueAt) - Date.parse(now);
  return ms >= 0 ? Math.ceil(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}

/**
 * A clock's days left, in words and with a class for colour.
 * @param {number | null | undefined} days
 */
export function daysLeftEl(days) {
  if (days === null || days === undefined) return h('span', { class: 'muted' }, 'no deadline');
  if (days < 0) {
    const n = -days;
    return h('span', { class: 'days overdue' }, `overdue ${n} ${n === 1 ? 'day' : 'days'}`);
  }
  const cls = days <= 3 ? 'days soon' : 'days';
  return h('span', { class: cls }, `${days} ${days === 1 ? 'day' : 'days'} left`);
}

const HOUR_MS = 3_600_000;

/**
 * Time left until `dueAt` as seen at `now`: in days (as the API counts them)
 * from one day on, in hours and minutes below that, so that a clock running
 * out this afternoon does not read "1 day left".
 * @param {string} dueAt @param {string} now
 */
export function timeLeftEl(dueAt, now) {
  const ms = Date.parse(dueAt) - Date.parse(now);
  if (Number.isNaN(ms)) return h('span', { class: 'muted' }, 'no deadline');
  if (Math.abs(ms) >= DAY_MS) return daysLeftEl(daysBetween(dueAt, now));
  const abs = Math.abs(ms);
  const text =
    abs >= HOUR_MS
      ? `${Math.floor(abs / HOUR_MS)} h ${Math.floor((abs % HOUR_MS) / 60_000)} min`
      : `${Math.max(1, Math.ceil(abs / 60_000))} min`;
  return ms < 0
    ? h('span', { class: 'days overdue' }, `overdue ${text}`)
    : h('span', { class: 'days soon' }, `${text} left`);
}

/** What the page shows instead of content above the viewer's clearance. */
export const WITHHELD_TEXT = 'Withheld: above your clearance';

export function withheldEl() {
  return h('span', { class: 'withheld' }, WITHHELD_TEXT);
}

/** True for an object the server withheld from this viewer. @param {any} thing */
export function isWithheld(thing) {
  return Boolean(thing && typeof thing === 'object' && thing.withheld === true);
}

/** A list as a `, `-separated text, or a dash. @param {any[] | undefined} list @param {(x: any) => string} [fmt] */
export function listText(list, fmt = String) {
  return Array.isArray(list) && list.length > 0 ? list.map(fmt).join(', ') : '—';
}

/**
 * A table with a caption, headers and rows (arrays of cells).
 * @param {string} caption @param {string[]} headers @param {any[][]} rows
 * @param {Record<string, any>} [props]
 */
export function simpleTable(caption, headers, rows, props = {}) {
  return h(
    'table',
    props,
    h('caption', {}, caption),
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
  );
}

/** Calls `fn` once `ms` after the last call. @param {() => void} fn @param {number} ms */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}
