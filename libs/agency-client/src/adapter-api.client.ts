import { randomUUID } from 'node:crypto';
import type {
  AcknowledgeBodyDto,
  ConditionRemovalAnswerBodyDto,
  ExtensionBodyDto,
  HoldBodyDto,
  PendingReviewListDto,
  PublishedEventDto,
  ReviewDetailDto,
  SignOffBodyDto,
  VerdictDto,
} from '@icb/agency-adapter';
import { AgencyClientError } from './agency-client.errors';
import { isRetryableError, withRetries, type RetryInfo, type RetryVerdict } from './retry';

/** Plain-object forms of the adapter's request and response bodies (its OpenAPI document). */
type Plain<T> = { [K in keyof T]: T[K] };
export type SignOffBody = Plain<SignOffBodyDto>;
export type AcknowledgeBody = Plain<AcknowledgeBodyDto>;
export type HoldBody = Plain<HoldBodyDto>;
export type ExtensionBody = Plain<ExtensionBodyDto>;
export type PendingReviewList = Plain<PendingReviewListDto>;
export type ReviewDetail = Plain<ReviewDetailDto>;
export type ConditionRemovalAnswerBody = Plain<ConditionRemovalAnswerBodyDto>;
export type Verdict = Plain<VerdictDto>;
/** An answer the coordinator accepted (`verdict.outcome: 'accepted'`) or has not judged yet (`'pending'`). */
export type PublishedEvent = Omit<Plain<PublishedEventDto>, 'verdict'> & { verdict: Verdict };

/** The person an agency system acts for (a sign-off records them, from the access token). */
export interface Officer {
  name: string;
  title: string;
}

/** An agency system's OAuth2 client (client credentials, RFC 6749 §4.4). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The token endpoint; default the adapter's own `POST /oauth/token`. */
  tokenUrl?: string;
  /** The scopes to ask for, space-separated; default all the client may have. */
  scope?: string;
  /** The officer the system acts for, unless a call names another. */
  officer?: Officer;
}

/** A token is renewed this long before it expires (or at 80 % of its life, if sooner). */
const TOKEN_RENEW_MARGIN_MS = 60_000;

/**
 * Access tokens from the client-credentials grant, one per officer named,
 * each kept until shortly before it expires. The client authenticates with
 * HTTP Basic (its id and secret form-urlencoded first, RFC 6749 §2.3.1).
 */
export class ClientCredentialsTokens {
  private readonly cache = new Map<string, { token: string; renewAt: number }>();
  private readonly pending = new Map<string, Promise<string>>();
  readonly tokenUrl: string;

  constructor(
    private readonly credentials: ClientCredentials,
    defaultTokenUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenUrl = credentials.tokenUrl ?? defaultTokenUrl;
  }

  /** A valid access token for `officer` (from the cache, or a new one). */
  async get(officer: Officer | undefined, timeoutMs = 15_000): Promise<string> {
    const key = officer ? JSON.stringify([officer.name, officer.title]) : '';
    const cached = this.cache.get(key);
    if (cached && this.now() < cached.renewAt) return cached.token;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.request(officer, timeoutMs).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** Drops the cached token for `officer` (the adapter refused it). */
  forget(officer: Officer | undefined): void {
    this.cache.delete(officer ? JSON.stringify([officer.name, officer.title]) : '');
  }

  private async request(officer: Officer | undefined, timeoutMs: number): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.credentials.scope !== undefined) form.set('scope', this.credentials.scope);
    if (officer) {
      form.set('officer_name', officer.name);
      form.set('officer_title', officer.title);
    }
    const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    const basic = Buffer.from(
      `${encode(this.credentials.clientId)}:${encode(this.credentials.clientSecret)}`,
    ).toString('base64');
    const started = this.now();
    let response: Response;
    try {
      response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AdapterApiError(
        'UNREACHABLE',
        `POST ${this.tokenUrl}: no answer (${(error as Error).message})`,
        undefined,
        undefined,
        undefined,
        { cause: error },
      );
    }
    const answer = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: unknown;
      error_description?: unknown;
    };
    if (!response.ok || typeof answer.access_token !== 'string') {
      const code = typeof answer.error === 'string' ? answer.error : `HTTP_${response.status}`;
      const why =
        typeof answer.error_description === 'string' ? `: ${answer.error_description}` : '';
      throw new AdapterApiError(
        code,
        `POST ${this.tokenUrl}: HTTP ${response.status} (${code})${why}`,
        response.status,
        answer,
        retryAfterSeconds(response.headers.get('retry-after')),
      );
    }
    const lifeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 300) * 1000;
    const renewAt = started + Math.min(lifeMs - TOKEN_RENEW_MARGIN_MS, lifeMs * 0.8);
    this.cache.set(officer ? JSON.stringify([officer.name, officer.title]) : '', {
      token: answer.access_token,
      renewAt,
    });
    return answer.access_token;
  }
}

/** Statuses that mean "try again later": timeout, throttled, the adapter or what it needs away. */
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

/**
 * The adapter answered with an error, or could not be reached before the
 * deadline. `status` is undefined when no answer came; `code` is the
 * adapter's (`COORDINATOR_UNAVAILABLE`, `BUS_UNAVAILABLE`, ...), else
 * `HTTP_<status>` or `UNREACHABLE`.
 */
export class AdapterApiError extends AgencyClientError {
  constructor(
    code: string,
    message: string,
    readonly status: number | undefined,
    readonly body: unknown,
    /** The adapter's `Retry-After` (seconds), when it sent one. */
    readonly retryAfterSeconds: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** Whether trying the same request later may succeed (503, 429, no answer...). */
  get retryable(): boolean {
    return this.status === undefined || RETRY_STATUSES.has(this.status);
  }

  /**
   * The coordinator's verdict when it refused the answer (a 409 or 422 with
   * `verdict`, ADR 11): `code` is then the refusal's code (`STALE_REVISION`,
   * ...). Undefined for any other error, including the agency's own rules.
   */
  get refusal(): Verdict | undefined {
    const verdict = (this.body as { verdict?: Verdict } | undefined)?.verdict;
    return verdict?.outcome === 'refused' ? verdict : undefined;
  }
}

export interface AdapterApiClientOptions {
  /** The adapter's base URL, e.g. `http://127.0.0.1:3002` (DoD). */
  baseUrl: string;
  /** How long one call may keep trying, waits included; default 60 s. */
  deadlineMs?: number;
  /** How long one attempt may wait for its answer (capped by the deadline); default 15 s. */
  attemptTimeoutMs?: number;
  /** First retry delay (doubling, with jitter, up to 5 s) when the adapter sends no `Retry-After`; default 250 ms. */
  retryBaseMs?: number;
  /** Sent with every request (e.g. the agency network's own authentication). */
  headers?: Record<string, string>;
  /**
   * The agency system's OAuth2 client (ADR 18): the client gets its access
   * token with the client-credentials grant, keeps it until shortly before it
   * expires, and sends it as `Authorization: Bearer`.
   */
  credentials?: ClientCredentials;
  /** Told of each retry: the failed attempt, its error, the wait. */
  onRetry?: (info: RetryInfo & { method: string; path: string }) => void;
}

export interface CallOptions {
  /**
   * The answer's `Idempotency-Key`. One is made for each call when omitted,
   * and every retry of the call sends the same one, so the adapter publishes
   * the answer once. Pass your own (e.g. saved with the officer's decision)
   * to make a retry after a crash or a later call exactly-once too.
   */
  idempotencyKey?: string;
  /** Overrides the client's deadline for this call (ms). */
  deadlineMs?: number;
  /**
   * The officer the system acts for in this call (a sign-off records them):
   * the access token is requested naming them. Default: `credentials.officer`.
   */
  officer?: Officer;
}

/**
 * A typed client of an agency adapter's REST API (`/reviews`) for the
 * agency's own systems. Every call retries, with backoff or after the
 * adapter's `Retry-After`, what is worth retrying (503 when the coordinator or
 * the bus is slow, 429, 502, 504, 408, a refused or reset connection, a
 * timeout) until its deadline; other answers (400, 404, 409, 422) are thrown
 * at once as AdapterApiError. Answers (sign-off, acknowledge, hold,
 * extension, condition removal) carry an `Idempotency-Key`, the same on every
 * retry, so a retry after a lost answer publishes nothing twice and gets the
 * first answer's verdict.
 *
 * An answer resolves with the coordinator's verdict (ADR 11): `accepted`
 * (200, with the consultation's new status, revision and version), or
 * `pending` (202: no verdict in time; `verdict(eventId)` or
 * `awaitVerdict(eventId)` later). A refusal is an AdapterApiError (409 or
 * 422) whose `refusal` holds the verdict and whose `code` is the refusal's.
 */
export class AdapterApiClient {
  readonly baseUrl: string;
  private readonly tokens: ClientCredentialsTokens | undefined;

  constructor(private readonly options: AdapterApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = options.credentials
      ? new ClientCredentialsTokens(options.credentials, `${this.baseUrl}/oauth/token`)
      : undefined;
  }

  /** The reviews awaiting the agency, its closest deadline first. */
  pendingReviews(opts: CallOptions = {}): Promise<PendingReviewList> {
    return this.call('GET', '/reviews', undefined, opts);
  }

  /** One consultation as the agency may see it. */
  review(consultationId: string, opts: CallOptions = {}): Promise<ReviewDetail> {
    return this.call('GET', `/reviews/${encodeURIComponent(consultationId)}`, undefined, opts);
  }

  signOff(consultationId: string, body: SignOffBody, opts: CallOptions = {}) {
    return this.answer('POST', consultationId, 'sign-off', body, opts);
  }

  acknowledge(consultationId: string, body: AcknowledgeBody = {}, opts: CallOptions = {}) {
    return this.answer('POST', consultationId, 'acknowledge', body, opts);
  }

  placeHold(consultationId: string, body: HoldBody, opts: CallOptions = {}) {
    return this.answer('POST', consultationId, 'hold', body, opts);
  }

  releaseHold(consultationId: string, body: HoldBody, opts: CallOptions = {}) {
    return this.answer('DELETE', consultationId, 'hold', body, opts);
  }

  requestExtension(consultationId: string, body: ExtensionBody, opts: CallOptions = {}) {
    return this.answer('POST', consultationId, 'extension', body, opts);
  }

  /** Answers the action office's request to drop a condition the agency imposed. */
  answerConditionRemoval(
    consultationId: string,
    conditionId: string,
    body: ConditionRemovalAnswerBody,
    opts: CallOptions = {},
  ) {
    return this.answer(
      'POST',
      consultationId,
      `conditions/${encodeURIComponent(conditionId)}/removal-answer`,
      body,
      opts,
    );
  }

  /**
   * The coordinator's verdict on one of the agency's answers (its status URL,
   * `GET /messages/{eventId}/verdict`): `accepted`, `refused` (returned, not
   * thrown) or `pending`.
   */
  verdict(eventId: string, opts: CallOptions = {}): Promise<Verdict> {
    return this.call('GET', `/messages/${encodeURIComponent(eventId)}/verdict`, undefined, opts);
  }

  /**
   * Reads the verdict until it is no longer `pending`, or `timeoutMs` (default
   * 60 s) has passed: then the last one read (`pending`).
   */
  async awaitVerdict(
    eventId: string,
    opts: { timeoutMs?: number; intervalMs?: number } = {},
  ): Promise<Verdict> {
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    let interval = opts.intervalMs ?? 500;
    for (;;) {
      const verdict = await this.verdict(eventId, {
        deadlineMs: Math.max(1, deadline - Date.now()),
      });
      if (verdict.outcome !== 'pending' || Date.now() + interval > deadline) return verdict;
      await new Promise((resolve) => setTimeout(resolve, interval));
      interval = Math.min(interval * 2, 5_000);
    }
  }

  private answer(
    method: 'POST' | 'DELETE',
    consultationId: string,
    action: string,
    body: unknown,
    opts: CallOptions,
  ): Promise<PublishedEvent> {
    const idempotencyKey = opts.idempotencyKey ?? randomUUID();
    return this.call(method, `/reviews/${encodeURIComponent(consultationId)}/${action}`, body, {
      ...opts,
      idempotencyKey,
    });
  }

  private call<T>(method: string, path: string, body: unknown, opts: CallOptions): Promise<T> {
    return withRetries(
      (_n, deadline) => this.attempt<T>(method, path, body, opts, deadline),
      verdictOf,
      {
        deadlineMs: opts.deadlineMs ?? this.options.deadlineMs ?? 60_000,
        baseDelayMs: this.options.retryBaseMs ?? 250,
        maxDelayMs: 5_000,
        onRetry: (info) => this.options.onRetry?.({ ...info, method, path }),
      },
    );
  }

  private async attempt<T>(
    method: string,
    path: string,
    body: unknown,
    opts: CallOptions,
    deadline: number,
  ): Promise<T> {
    const idempotencyKey = opts.idempotencyKey;
    const timeoutMs = Math.max(
      1,
      Math.min(this.options.attemptTimeoutMs ?? 15_000, deadline - Date.now()),
    );
    const officer = opts.officer ?? this.options.credentials?.officer;
    const token = this.tokens ? await this.tokens.get(officer, timeoutMs) : undefined;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...this.options.headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AdapterApiError(
        'UNREACHABLE',
        `${method} ${this.baseUrl}${path}: no answer (${(error as Error).message})`,
        undefined,
        undefined,
        undefined,
        { cause: error },
      );
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    if (response.ok) return parsed as T;
    // A token the adapter no longer takes (its keys rotated): the next try gets a new one.
    if (response.status === 401 && token !== undefined) this.tokens?.forget(officer);
    const answer = (parsed ?? {}) as { code?: unknown; message?: unknown };
    const message = Array.isArray(answer.message)
      ? answer.message.join('; ')
      : typeof answer.message === 'string'
        ? answer.message
        : text.slice(0, 200);
    throw new AdapterApiError(
      typeof answer.code === 'string' ? answer.code : `HTTP_${response.status}`,
      `${method} ${path}: HTTP ${response.status}${message ? `: ${message}` : ''}`,
      response.status,
      parsed,
      retryAfterSeconds(response.headers.get('retry-after')),
    );
  }
}

function verdictOf(error: unknown): RetryVerdict {
  if (error instanceof AdapterApiError) {
    if (!error.retryable) return { retry: false };
    return error.retryAfterSeconds === undefined
      ? { retry: true }
      : { retry: true, retryAfterMs: error.retryAfterSeconds * 1000 };
  }
  return { retry: isRetryableError(error) };
}

/** `Retry-After` (delta-seconds or an HTTP date) in seconds, or undefined. */
function retryAfterSeconds(value: string | null): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
