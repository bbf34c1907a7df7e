/**
 * The coordinator's REST API, same origin, signed in by the session cookie
 * (HttpOnly, SameSite=Strict: the page never sees the token). A 401 from any
 * call but the sign-in itself means the session is over: the page goes back
 * to the sign-in form.
 *
 * The answers are typed (JSDoc, checked by `tsc -p
 * apps/coordinator/dashboard/tsconfig.json` in `npm run typecheck`) by the
 * types generated from the coordinator's OpenAPI document
 * (libs/contracts/src/http/coordinator.api.ts, `npm run generate`): a field
 * the coordinator renames breaks the dashboard's typecheck. The views import
 * these typedefs from here (`import('../api.js').ConsultationDetail`); the
 * browser never loads the generated file.
 */

/** @typedef {import('../../../libs/contracts/src/http/coordinator.api').components['schemas']} Schemas */
/** @typedef {Schemas['OperatorDto']} Operator */
/** @typedef {Schemas['SessionDto']} Session */
/** @typedef {Schemas['ConsultationSummaryDto']} ConsultationSummary */
/** @typedef {Schemas['ConsultationPageDto']} ConsultationPage */
/** @typedef {Schemas['ConsultationDetailDto']} ConsultationDetail */
/** @typedef {Schemas['WithheldConsultationDto']} WithheldConsultation */
/** @typedef {Schemas['ReviewDto']} Review */
/** @typedef {Schemas['SignOffRecordDto']} SignOffRecord */
/** @typedef {Schemas['ConditionRecordDto']} ConditionRecord */
/** @typedef {Schemas['ClockRecordDto']} ClockRecord */
/** @typedef {Schemas['EscalationStateDto']} EscalationState */
/** @typedef {Schemas['CongressStateDto']} CongressState */
/** @typedef {Schemas['ScreeningRecordDto']} ScreeningRecord */
/** @typedef {Schemas['AssessmentRecordDto']} AssessmentRecord */
/** @typedef {Schemas['DecisionDto']} Decision */
/** @typedef {Schemas['TimelineEntryDto']} TimelineEntry */
/** @typedef {Schemas['AgencyQueueDto']} AgencyQueue */
/** @typedef {Schemas['AgencyQueueItemDto']} AgencyQueueItem */
/** @typedef {Schemas['ConsultationStatsDto']} ConsultationStats */
/** @typedef {Schemas['UpcomingClockDto']} UpcomingClock */
/** @typedef {Schemas['DeadLetterListDto']} DeadLetterList */
/** @typedef {Schemas['DeadLetterEntryDto']} DeadLetterEntry */
/** @typedef {Schemas['DeadLetterRecordDto']} DeadLetterRecord */
/** @typedef {Schemas['ReplayResultDto']} ReplayResult */
/** @typedef {import('../../../libs/contracts/src/http/coordinator.api').operations['ConsultationsController_list']['parameters']['query']} ConsultationQuery */
/**
 * The query of `GET /consultations` as the page sends it: the document's
 * parameter names, lists comma-separated.
 * @typedef {{ [K in keyof NonNullable<ConsultationQuery>]?: string | number | string[] }} ConsultationSearch
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
  const message = body && typeof body === 'object' && 'message' in body ? body.message : undefined;
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
    throw new ApiError(
      0,
      `cannot reach the coordinator (${error instanceof Error ? error.message : String(error)})`,
    );
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
  /** The signed-in user, or null when nobody is. @returns {Promise<Operator | null>} */
  async me() {
    try {
      return await request('GET', '/auth/me', { expectSignedOut: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  /** @param {string} username @param {string} password @returns {Promise<Session>} */
  login(username, password) {
    return request('POST', '/auth/login', {
      body: { username, password },
      expectSignedOut: true,
    });
  },
  /** @returns {Promise<void>} */
  logout() {
    return request('POST', '/auth/logout', { expectSignedOut: true });
  },
  /** @returns {Promise<ConsultationStats>} */
  stats() {
    return request('GET', '/stats');
  },
  /** @param {ConsultationSearch} query @returns {Promise<ConsultationPage>} */
  consultations(query) {
    return request('GET', '/consultations', { query });
  },
  /**
   * The consultation in full, or its summary when it is classified above the
   * operator's clearance (`withheld: true`).
   * @param {string} id @returns {Promise<ConsultationDetail | WithheldConsultation>}
   */
  consultation(id) {
    return request('GET', `/consultations/${encodeURIComponent(id)}`);
  },
  /** @param {string} agency @param {{ limit?: number, offset?: number }} [page] @returns {Promise<AgencyQueue>} */
  queue(agency, page) {
    return request('GET', `/agencies/${encodeURIComponent(agency)}/queue`, { query: page });
  },
  /** @returns {Promise<DeadLetterList>} */
  deadLetters() {
    return request('GET', '/dead-letters', { query: { limit: 200 } });
  },
  /** @param {number} seq @returns {Promise<ReplayResult>} */
  replay(seq) {
    return request('POST', `/dead-letters/${seq}/replay`);
  },
  /** @param {number} seq @returns {Promise<void>} */
  discard(seq) {
    return request('DELETE', `/dead-letters/${seq}`);
  },
};
