import { randomUUID } from 'node:crypto';
import { AdapterApiError, retryAfterSeconds } from './adapter-api.errors';
import {
  ClientCredentialsTokens,
  type ClientCredentials,
  type Officer,
} from './adapter-api.tokens';
import type {
  AcknowledgeBody,
  ConditionRemovalAnswerBody,
  ExtensionBody,
  HoldBody,
  PendingReviewList,
  PublishedEvent,
  ReviewDetail,
  SignOffBody,
  Verdict,
} from './adapter-api.types';
import { isRetryableError, withRetries, type RetryInfo, type RetryVerdict } from './retry';

export * from './adapter-api.errors';
export * from './adapter-api.tokens';
export type * from './adapter-api.types';

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
