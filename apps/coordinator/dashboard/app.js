import { api, ApiError, onSignedOut } from './api.js';
import { highWaterMark, levelClass } from './classification.js';
import { h } from './dom.js';
import { LiveFeed } from './live.js';
import * as consultationsView from './views/consultations.js';
import * as deadLettersView from './views/dead-letters.js';
import * as detailView from './views/detail.js';
import * as overviewView from './views/overview.js';
import * as queuesView from './views/queues.js';
import { renderSignIn } from './views/sign-in.js';

/**
 * The operators' dashboard: sign-in, hash routes, the classification
 * banners, the live feed. Each view is a module with `mount(ctx)` returning
 * `{ onEvent?, refresh?, unmount? }`.
 */

const ROUTES = [
  { pattern: /^\/?$/, view: overviewView, nav: 'overview' },
  { pattern: /^\/consultations\/?$/, view: consultationsView, nav: 'consultations' },
  { pattern: /^\/consultations\/(?<id>[^/]+)$/, view: detailView, nav: 'consultations' },
  { pattern: /^\/queues(?:\/(?<agency>[a-z-]+))?$/, view: queuesView, nav: 'queues' },
  { pattern: /^\/dead-letters\/?$/, view: deadLettersView, nav: 'dead-letters' },
];

/** @type {Record<string, string>} */
const STATE_TEXT = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  stopped: 'Not connected',
};

const el = {
  main: /** @type {HTMLElement} */ (document.getElementById('main')),
  nav: /** @type {HTMLElement} */ (document.getElementById('nav')),
  session: /** @type {HTMLElement} */ (document.getElementById('session')),
  connection: /** @type {HTMLElement} */ (document.getElementById('connection')),
  announcer: /** @type {HTMLElement} */ (document.getElementById('announcer')),
  banners: [...document.querySelectorAll('.classification-banner')].filter(
    (b) => b instanceof HTMLElement,
  ),
};

const app = {
  /** @type {null | import('./api.js').Operator} */
  user: null,
  /** @type {null | import('./views/common.js').MountedView} */
  view: null,
  /** @type {LiveFeed | null} */
  live: null,
  routeToken: 0,
};

/** Shows the page's classification: the high-water mark of what it displays. @param {string[]} banners */
function setMarkings(banners) {
  const banner = highWaterMark(banners);
  for (const b of el.banners) {
    b.textContent = banner;
    b.dataset.level = levelClass(banner);
  }
}

/** Says something in the live region (read by screen readers, shown in the status bar). @param {string} text */
function announce(text) {
  const stamp = new Date().toISOString().slice(11, 19);
  el.announcer.textContent = `${stamp} UTC: ${text}`;
}

/** @param {string} state @param {string} [detail] */
function setConnection(state, detail) {
  el.connection.dataset.state = state;
  el.connection.textContent = `Updates: ${STATE_TEXT[state] ?? state}${detail ? ` (${detail})` : ''}`;
}

function parseHash() {
  const raw = location.hash.startsWith('#') ? location.hash.slice(1) : '';
  const [path, search = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

function unmountView() {
  app.view?.unmount?.();
  app.view = null;
}

/** Renders the view of the current hash. */
function route() {
  if (!app.user) return;
  const { path, query } = parseHash();
  unmountView();
  const token = ++app.routeToken;
  const found = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m !== null);
  for (const link of el.nav.querySelectorAll('a')) {
    if (found && link.dataset.nav === found.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  el.main.replaceChildren();
  setMarkings([]);
  if (!found?.m) {
    el.main.append(
      h('h1', { tabindex: '-1' }, 'Page not found'),
      h('p', {}, h('a', { href: '#/' }, 'Back to the overview')),
    );
    focusHeading();
    return;
  }
  app.view = found.r.view.mount({
    main: el.main,
    params: found.m.groups ?? {},
    query,
    user: app.user,
    setMarkings: (banners) => {
      if (token === app.routeToken) setMarkings(banners);
    },
    announce,
    /** Updates the address without re-rendering (filters, sorting). */
    replaceHash: (hash) => history.replaceState(null, '', hash),
    isCurrent: () => token === app.routeToken,
  });
  focusHeading();
}

/** After a route change, the focus goes to the new page's heading. */
function focusHeading() {
  const heading = el.main.querySelector('h1');
  if (heading instanceof HTMLElement) heading.focus({ preventScroll: false });
}

function renderSession() {
  el.session.replaceChildren();
  if (!app.user) return;
  const roles = app.user.roles?.length ? app.user.roles.join(', ') : 'no role';
  el.session.append(
    h(
      'span',
      { class: 'user', 'data-testid': 'user' },
      `${app.user.name ?? app.user.username} · cleared ${app.user.clearance ?? 'UNCLASSIFIED'} · ${roles}`,
    ),
    h(
      'button',
      { type: 'button', class: 'link-button', on: { click: () => void signOut() } },
      'Sign out',
    ),
  );
}

function startLive() {
  app.live?.stop();
  app.live = new LiveFeed({
    onEvent: (event) => app.view?.onEvent?.(event),
    onState: setConnection,
    onResync: () => {
      announce('Reconnected: the page was reloaded from the server');
      app.view?.refresh?.();
    },
    canReconnect: async () => {
      if ((await api.me()) !== null) return true;
      showSignIn();
      return false;
    },
  });
  app.live.start();
}

/** @param {import('./api.js').Operator} user */
function signedIn(user) {
  app.user = user;
  document.body.dataset.session = 'signed-in';
  el.nav.hidden = false;
  renderSession();
  startLive();
  route();
}

/** Back to the sign-in form (signed out, or the session ended). @param {string} [message] */
function showSignIn(message) {
  const wasSignedIn = app.user !== null;
  app.user = null;
  app.live?.stop();
  app.live = null;
  unmountView();
  document.body.dataset.session = 'signed-out';
  el.nav.hidden = true;
  renderSession();
  setMarkings([]);
  setConnection('stopped');
  renderSignIn(el.main, {
    message: message ?? (wasSignedIn ? 'Your session has ended. Sign in again.' : undefined),
    onSignedIn: (user) => {
      announce(`Signed in as ${user.name ?? user.username}`);
      signedIn(user);
    },
  });
}

async function signOut() {
  try {
    await api.logout();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  app.user = null;
  showSignIn('You are signed out.');
}

function wireSkipLink() {
  const skip = document.querySelector('.skip-link');
  skip?.addEventListener('click', (e) => {
    e.preventDefault();
    el.main.focus();
  });
}

async function boot() {
  wireSkipLink();
  setConnection('stopped');
  onSignedOut(() => {
    if (app.user) showSignIn();
  });
  window.addEventListener('hashchange', route);
  let user;
  try {
    user = await api.me();
  } catch (error) {
    el.main.replaceChildren(
      h('h1', { tabindex: '-1' }, 'The coordinator cannot be reached'),
      h('p', { role: 'alert' }, error instanceof Error ? error.message : String(error)),
    );
    return;
  }
  if (user) signedIn(user);
  else showSignIn();
}

void boot();
