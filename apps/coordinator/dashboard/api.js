/**
 * The coordinator's REST API, same origin, signed in by the session cookie
 * (HttpOnly, SameSite=Strict: the page never sees the token). A 401 from any
 * call but the sign-in itself means the session is over: the page goes back
 * to the sign-in form.
 */

export class ApiError extends Error {
  /** @param {number} status @param {string} message @param {unknown} [body] */
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

let signedOut = () => {};

/** What to do when the server says the viewer is not signed in. @param {() => void} handler */
export function onSignedOut(handler) {
  signedOut = handler;
}

/**
 * Query parameters as the API reads them: lists comma-separated; empty
 * values, `false` and `undefined` left out.
 * @param {Record<string, unknown>} query
 */
export function toSearchParams(query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(','));
    } else params.set(name, String(value));
  }
  return params;
}

/** @param {unknown} body @param {string} fallback */
function messageOf(body, fallback) {
  const message = body && typeof body === 'object' ? body.message : undefined;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' && message !== '' ? message : fallback;
}

/**
 * @param {string} method
 * @param {string} path
 * @param {{ query?: Record<string, unknown>, body?: unknown, expectSignedOut?: boolean }} [opts]
 */
async function request(method, path, opts = {}) {
  const params = toSearchParams(opts.query);
  const url = params.size > 0 ? `${path}?${params}` : path;
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(0, `cannot reach the coordinator (${error.message})`);
  }
  const text = res.status === 204 ? '' : await res.text();
  let body;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  if (res.status === 401 && !opts.expectSignedOut) signedOut();
  if (!res.ok) throw new ApiError(res.status, messageOf(body, res.statusText), body);
  return body;
}

export const api = {
  /** The signed-in user, or null when nobody is. */
  async me() {
    try {
      return await request('GET', '/auth/me', { expectSignedOut: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  /** @param {string} username @param {string} password */
  login(username, password) {
    return request('POST', '/auth/login', {
      body: { username, password },
      expectSignedOut: true,
    });
  },
  logout() {
    return request('POST', '/auth/logout', { expectSignedOut: true });
  },
  stats() {
    return request('GET', '/stats');
  },
  /** @param {Record<string, unknown>} query */
  consultations(query) {
    return request('GET', '/consultations', { query });
  },
  /** @param {string} id */
  consultation(id) {
    return request('GET', `/consultations/${encodeURIComponent(id)}`);
  },
  /** @param {string} agency @param {Record<string, unknown>} [page] */
  queue(agency, page) {
    return request('GET', `/agencies/${encodeURIComponent(agency)}/queue`, { query: page });
  },
  deadLetters() {
    return request('GET', '/dead-letters', { query: { limit: 200 } });
  },
  /** @param {number} seq */
  replay(seq) {
    return request('POST', `/dead-letters/${seq}/replay`);
  },
  /** @param {number} seq */
  discard(seq) {
    return request('DELETE', `/dead-letters/${seq}`);
  },
};
