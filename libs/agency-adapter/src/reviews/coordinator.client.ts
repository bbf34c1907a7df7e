import { Injectable } from '@nestjs/common';
import { type Agency, isMessageVerdict, type MessageVerdict } from '@icb/contracts';
import { AppConfig } from '@icb/config';
import { parseRetryAfter } from '../http/retry-after';
import type { CoordinatorConsultation, CoordinatorQueue } from './coordinator.types';
import { CoordinatorUnavailableError, ReviewNotFoundError } from './reviews.errors';

/**
 * How long one read of the coordinator may take, retries included, before it
 * counts as unreachable (the adapter's caller is waiting for its answer).
 */
export const COORDINATOR_TIMEOUT_MS = 10_000;
/** Attempts of one read: a brief retry, then the adapter answers 503 and its caller retries. */
export const COORDINATOR_MAX_ATTEMPTS = 3;
/** Delay before the second attempt; doubled for the third. */
const RETRY_BASE_MS = 250;
/** The coordinator's largest page. */
const QUEUE_PAGE = 200;

/** Answers worth another attempt of a GET: throttled, timed out, or a server-side failure. */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; error: Error; retry: boolean; retryAfterSeconds?: number };

/**
 * The coordinator's REST API (`COORDINATOR_URL`) as the adapter reads it: an
 * agency's queue and one consultation. Unreachable or broken answers become
 * CoordinatorUnavailableError (after a brief retry), a 404 ReviewNotFoundError.
 */
@Injectable()
export class CoordinatorClient {
  readonly baseUrl: string;
  private readonly headers: Record<string, string>;

  constructor(config: AppConfig) {
    this.baseUrl = config.COORDINATOR_URL.replace(/\/+$/, '');
    // The adapter's service account (ADR 8): the coordinator answers nobody who has not signed in.
    this.headers = {
      accept: 'application/json',
      ...(config.COORDINATOR_TOKEN ? { authorization: `Bearer ${config.COORDINATOR_TOKEN}` } : {}),
    };
  }

  /** Every consultation awaiting the agency's answer, its closest deadline first. */
  async queue(agency: Agency): Promise<CoordinatorQueue> {
    const first = await this.get<CoordinatorQueue>(
      `/agencies/${encodeURIComponent(agency)}/queue?limit=${QUEUE_PAGE}`,
    );
    const items = [...first.items];
    while (items.length < first.total) {
      const page = await this.get<CoordinatorQueue>(
        `/agencies/${encodeURIComponent(agency)}/queue?limit=${QUEUE_PAGE}&offset=${items.length}`,
      );
      if (page.items.length === 0) break;
      items.push(...page.items);
    }
    return { ...first, offset: 0, limit: items.length, items };
  }

  async consultation(id: string): Promise<CoordinatorConsultation> {
    return this.get<CoordinatorConsultation>(`/consultations/${encodeURIComponent(id)}`, {
      notFound: `no consultation ${id}`,
    });
  }

  /**
   * The coordinator's verdict on a message (`GET /messages/{eventId}/verdict`,
   * ADR 11): undefined while it has none. `timeoutMs` bounds the read when the
   * caller has something to answer without it.
   */
  async verdict(
    eventId: string,
    opts: { timeoutMs?: number } = {},
  ): Promise<MessageVerdict | undefined> {
    const path = `/messages/${encodeURIComponent(eventId)}/verdict`;
    let found: unknown;
    try {
      found = await this.get<unknown>(path, { notFound: `no verdict on ${eventId}`, ...opts });
    } catch (error) {
      if (error instanceof ReviewNotFoundError) return undefined;
      throw error;
    }
    if (!isMessageVerdict(found) || found.eventId !== eventId) {
      throw new CoordinatorUnavailableError(
        `the coordinator at ${this.baseUrl} answered GET ${path} with something that is not a verdict`,
      );
    }
    return found;
  }

  /**
   * Any other read of the coordinator's REST API (e.g. NSC's list of
   * escalated matters), with the adapter's credentials and the same errors.
   * A GET changes nothing, so a network error, a timeout, 408, 429 or a 5xx is
   * tried again (up to COORDINATOR_MAX_ATTEMPTS, after 250 ms then 500 ms, or
   * after the coordinator's `Retry-After`), all within COORDINATOR_TIMEOUT_MS
   * (or `opts.timeoutMs`).
   * A `Retry-After` longer than what is left is not waited for: the error
   * carries it, and the adapter's own 503 passes it on.
   */
  async get<T>(path: string, opts: { notFound?: string; timeoutMs?: number } = {}): Promise<T> {
    const deadline = Date.now() + (opts.timeoutMs ?? COORDINATOR_TIMEOUT_MS);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt<T>(path, opts, deadline);
      if (outcome.ok) return outcome.value;
      if (!outcome.retry || attempt >= COORDINATOR_MAX_ATTEMPTS) throw outcome.error;
      const waitMs =
        outcome.retryAfterSeconds !== undefined
          ? outcome.retryAfterSeconds * 1000
          : RETRY_BASE_MS * 2 ** (attempt - 1);
      if (Date.now() + waitMs >= deadline) throw outcome.error;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  private async attempt<T>(
    path: string,
    opts: { notFound?: string },
    deadline: number,
  ): Promise<Attempt<T>> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: this.headers,
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return {
        ok: false,
        // A timeout has used the whole budget: no time is left for another attempt.
        retry: !timedOut,
        error: new CoordinatorUnavailableError(
          timedOut
            ? `the coordinator at ${this.baseUrl} did not answer in time`
            : `cannot reach the coordinator at ${this.baseUrl}`,
          { cause: error },
        ),
      };
    }
    if (response.status === 404 && opts.notFound) {
      await response.body?.cancel();
      return { ok: false, retry: false, error: new ReviewNotFoundError(opts.notFound) };
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return {
        ok: false,
        retry: false,
        error: new CoordinatorUnavailableError(
          `the coordinator at ${this.baseUrl} refused this adapter (HTTP ${response.status}): ` +
            (this.headers.authorization
              ? 'check COORDINATOR_TOKEN against its operator accounts'
              : 'set COORDINATOR_TOKEN to the adapter’s service-account token'),
        ),
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const retryAfterSeconds =
        retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
      return {
        ok: false,
        retry: retryableStatus(response.status),
        retryAfterSeconds,
        error: new CoordinatorUnavailableError(
          `the coordinator at ${this.baseUrl} answered GET ${path} with HTTP ${response.status}`,
          { retryAfterSeconds },
        ),
      };
    }
    try {
      return { ok: true, value: (await response.json()) as T };
    } catch (error) {
      return {
        ok: false,
        retry: false,
        error: new CoordinatorUnavailableError(
          `the coordinator at ${this.baseUrl} answered GET ${path} with a body that is not JSON`,
          { cause: error },
        ),
      };
    }
  }
}
