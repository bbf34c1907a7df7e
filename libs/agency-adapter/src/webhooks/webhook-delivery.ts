import { createHash } from 'node:crypto';
import type { Envelope } from '@icb/contracts';
import { parseRetryAfter } from '../http/retry-after';
import { InvalidRetryPolicyError } from './webhook.errors';
import type { DeliveryLog, DeliveryLogEntry } from './webhook-delivery-log';
import { guardedFetch, WebhookTargetBlockedError, type WebhookFetch } from './webhook-http';
import { webhookHeaders } from './webhook-signature';
import type { SubscriptionStore, WebhookSubscription } from './webhook-subscription';
import type { WebhookTargetGuard } from './webhook-targets';

export { parseRetryAfter };

export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
const USER_AGENT = 'icb-webhooks/1';
const ERROR_SNIPPET_BYTES = 256;

/**
 * How hard to try. Delay before attempt n+1 (full jitter):
 * `random() * min(maxDelayMs, baseDelayMs * factor^(n-1))`, or the endpoint's
 * `Retry-After` (seconds or HTTP date) capped at `maxRetryAfterMs` when it sent one.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Cap on a `Retry-After` the endpoint asks for. */
  maxRetryAfterMs: number;
  /** Per attempt, from sending the request to reading the response. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 8,
  baseDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 5 * 60_000,
  maxRetryAfterMs: 10 * 60_000,
  attemptTimeoutMs: 10_000,
});

export const DEFAULT_MAX_IN_FLIGHT_PER_SUBSCRIPTION = 4;

export function retryPolicyProblems(p: RetryPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(p.maxAttempts) || p.maxAttempts < 1)
    problems.push('maxAttempts must be ≥ 1');
  if (!(p.baseDelayMs >= 0)) problems.push('baseDelayMs must be ≥ 0');
  if (!(p.factor >= 1)) problems.push('factor must be ≥ 1');
  if (!(p.maxDelayMs >= p.baseDelayMs)) problems.push('maxDelayMs must be ≥ baseDelayMs');
  if (!(p.maxRetryAfterMs >= 0)) problems.push('maxRetryAfterMs must be ≥ 0');
  if (!(p.attemptTimeoutMs > 0)) problems.push('attemptTimeoutMs must be > 0');
  return problems;
}

/** The full-jitter backoff after failed attempt `attempt` (1-based), in whole milliseconds. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The delivery id of an event to a subscription: a UUID (version 8, name-based
 * on SHA-256) of the two ids, so every attempt, and every re-delivery of the
 * same event after a restart, carries the same id and receivers can de-duplicate.
 */
export function deliveryIdFor(subscriptionId: string, eventId: string): string {
  const h = createHash('sha256')
    .update(`icb-webhook-delivery\0${subscriptionId}\0${eventId}`)
    .digest()
    .subarray(0, 16);
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** How an event's delivery to a subscription ended. */
export type DeliveryOutcome =
  | 'delivered'
  | 'failed'
  | 'deactivated'
  /** Not sent (or not retried) because the subscription is inactive or gone. */
  | 'skipped';

export interface DeliveryResult {
  deliveryId: string;
  outcome: DeliveryOutcome;
  /** HTTP attempts made. */
  attempts: number;
  httpStatus?: number;
  error?: string;
  /** The waits planned between attempts, in order (ms). */
  delaysMs: number[];
}

/** What one attempt came to: its log entry, and the wait before the next when there is one. */
export interface AttemptResult {
  entry: DeliveryLogEntry;
  /** Present exactly when outcome is `retry`. */
  nextDelayMs?: number;
}

export interface WebhookDelivererOptions {
  store: SubscriptionStore;
  /**
   * The adapter's allow-list, applied to every attempt (the URL, and each
   * address the connection resolves to); a refused target fails the delivery
   * at once. Requests go through guardedFetch unless `fetch` is given.
   */
  targets: WebhookTargetGuard;
  /** Where each attempt is appended; without one, the caller records the entry it gets back. */
  log?: DeliveryLog;
  retry?: Partial<RetryPolicy>;
  maxInFlightPerSubscription?: number;
  /** Epoch ms; drives signature timestamps, `at` and `nextAttemptAt`. Default `Date.now`. */
  now?: () => number;
  /** Waits between attempts. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for jitter. Default `Math.random`. */
  random?: () => number;
  /** Sends the POST. Default guardedFetch(targets); whoever replaces it applies the allow-list. */
  fetch?: WebhookFetch;
}

type Classified =
  | { kind: 'delivered'; httpStatus: number }
  | { kind: 'gone'; httpStatus: number; error: string }
  | { kind: 'permanent'; httpStatus?: number; error: string }
  | { kind: 'retryable'; httpStatus?: number; error: string; retryAfterMs?: number };

/**
 * Pushes events to subscribed endpoints: signed POSTs of the CloudEvents
 * envelope (structured mode), retried with capped exponential backoff and full
 * jitter, each attempt written to the delivery log.
 *
 * - 2xx: delivered.
 * - 410 Gone: the endpoint is retired; the subscription is deactivated.
 * - 408, 429, 5xx, network errors, timeouts: retried.
 * - Any other status (3xx included: redirects are not followed) is a permanent failure.
 * - A target the allow-list refuses (removed from it since, or resolving to a
 *   link-local or metadata address) is a permanent failure, and nothing is sent.
 *
 * `deliver()` waits between attempts itself (for a caller that can hold the
 * work that long). `attempt()` makes one attempt and says how long to wait, for
 * a caller that schedules retries elsewhere (e.g. a JetStream nak with delay).
 * At most `maxInFlightPerSubscription` requests go to one subscription at a
 * time, so one slow endpoint cannot take every connection.
 */
export class WebhookDeliverer {
  readonly policy: Readonly<RetryPolicy>;
  private readonly store: SubscriptionStore;
  private readonly log?: DeliveryLog;
  private readonly maxInFlight: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly fetch: WebhookFetch;
  private readonly gates = new Map<string, Semaphore>();

  constructor(options: WebhookDelivererOptions) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const problems = retryPolicyProblems(policy);
    const maxInFlight =
      options.maxInFlightPerSubscription ?? DEFAULT_MAX_IN_FLIGHT_PER_SUBSCRIPTION;
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
      problems.push('maxInFlightPerSubscription must be ≥ 1');
    }
    if (problems.length > 0) throw new InvalidRetryPolicyError(problems);
    this.policy = Object.freeze(policy);
    this.maxInFlight = maxInFlight;
    this.store = options.store;
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? guardedFetch(options.targets);
  }

  /** Delivers one event to one subscription, retrying until it is delivered or cannot be. */
  async deliver(subscription: WebhookSubscription, envelope: Envelope): Promise<DeliveryResult> {
    const deliveryId = deliveryIdFor(subscription.id, envelope.id);
    const delaysMs: number[] = [];
    if (!subscription.active) return { deliveryId, outcome: 'skipped', attempts: 0, delaysMs };

    const body = JSON.stringify(envelope);
    let current = subscription;
    for (let attempt = 1; ; attempt++) {
      const { entry, nextDelayMs } = await this.attemptWithBody(current, envelope, attempt, body);
      if (nextDelayMs === undefined) {
        const outcome = entry.outcome === 'retry' ? 'failed' : entry.outcome;
        return { deliveryId, outcome, attempts: attempt, ...statusOf(entry), delaysMs };
      }
      delaysMs.push(nextDelayMs);
      await this.sleep(nextDelayMs);
      // Re-read: an operator (or a 410 on another delivery) may have deactivated it meanwhile.
      const fresh = await this.store.get(current.id);
      if (!fresh?.active) {
        return { deliveryId, outcome: 'skipped', attempts: attempt, ...statusOf(entry), delaysMs };
      }
      current = fresh;
    }
  }

  /** Makes attempt number `attempt` (1-based), logs it, and says whether and when to try again. */
  attempt(
    subscription: WebhookSubscription,
    envelope: Envelope,
    attempt: number,
  ): Promise<AttemptResult> {
    return this.attemptWithBody(subscription, envelope, attempt, JSON.stringify(envelope));
  }

  private async attemptWithBody(
    subscription: WebhookSubscription,
    envelope: Envelope,
    attempt: number,
    body: string,
  ): Promise<AttemptResult> {
    const deliveryId = deliveryIdFor(subscription.id, envelope.id);
    // Timed from when a slot to this subscription is free, not from when it was asked for.
    let started = 0;
    let startedMono = 0;
    const result = await this.gate(subscription.id, () => {
      started = this.now();
      startedMono = performance.now();
      return this.send(subscription, envelope, deliveryId, attempt, body, started);
    });
    const base = {
      deliveryId,
      subscriptionId: subscription.id,
      eventId: envelope.id,
      eventType: envelope.type,
      attempt,
      at: new Date(started),
      durationMs: Math.round(performance.now() - startedMono),
      ...(result.httpStatus !== undefined && { httpStatus: result.httpStatus }),
      ...('error' in result && { error: result.error }),
    };

    let entry: DeliveryLogEntry;
    let nextDelayMs: number | undefined;
    switch (result.kind) {
      case 'delivered':
        entry = { ...base, outcome: 'delivered' };
        break;
      case 'gone':
        await this.store.deactivate(subscription.id, result.error, new Date(this.now()));
        entry = { ...base, outcome: 'deactivated' };
        break;
      case 'permanent':
        entry = { ...base, outcome: 'failed' };
        break;
      case 'retryable':
        if (attempt >= this.policy.maxAttempts) {
          entry = { ...base, outcome: 'failed' };
        } else {
          nextDelayMs =
            result.retryAfterMs !== undefined
              ? Math.min(result.retryAfterMs, this.policy.maxRetryAfterMs)
              : backoffDelayMs(attempt, this.policy, this.random);
          entry = { ...base, outcome: 'retry', nextAttemptAt: new Date(this.now() + nextDelayMs) };
        }
        break;
    }
    await this.log?.append(entry);
    return nextDelayMs === undefined ? { entry } : { entry, nextDelayMs };
  }

  private async send(
    subscription: WebhookSubscription,
    envelope: Envelope,
    deliveryId: string,
    attempt: number,
    body: string,
    nowMs: number,
  ): Promise<Classified> {
    const controller = new AbortController();
    const timeoutMs = this.policy.attemptTimeoutMs;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await this.fetch(subscription.url, {
        method: 'POST',
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'Content-Type': WEBHOOK_CONTENT_TYPE,
          'User-Agent': USER_AGENT,
          ...webhookHeaders({
            deliveryId,
            eventId: envelope.id,
            eventType: envelope.type,
            attempt,
            rawBody: body,
            secret: subscription.secret,
            timestampSeconds: Math.floor(nowMs / 1000),
          }),
        },
        body,
      });
      const status = response.status;
      if (status >= 200 && status < 300) {
        await response.body?.cancel();
        return { kind: 'delivered', httpStatus: status };
      }
      const error = `HTTP ${status}${await snippet(response)}`;
      if (status === 410) return { kind: 'gone', httpStatus: status, error };
      if (status === 408 || status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
        return retryAfterMs === undefined
          ? { kind: 'retryable', httpStatus: status, error }
          : { kind: 'retryable', httpStatus: status, error, retryAfterMs };
      }
      if (status >= 300 && status < 400) {
        const location = response.headers.get('location');
        return {
          kind: 'permanent',
          httpStatus: status,
          error: `${error}; redirect${location ? ` to ${location}` : ''} not followed: webhooks go only to the registered URL`,
        };
      }
      return { kind: 'permanent', httpStatus: status, error };
    } catch (err) {
      // Not on the allow-list (any more), or resolving to a forbidden address: never retried.
      if (err instanceof WebhookTargetBlockedError)
        return { kind: 'permanent', error: err.message };
      const error = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(err);
      return { kind: 'retryable', error };
    } finally {
      clearTimeout(timer);
    }
  }

  private async gate<T>(subscriptionId: string, work: () => Promise<T>): Promise<T> {
    let gate = this.gates.get(subscriptionId);
    if (!gate) {
      gate = new Semaphore(this.maxInFlight);
      this.gates.set(subscriptionId, gate);
    }
    await gate.acquire();
    try {
      return await work();
    } finally {
      gate.release();
      if (gate.idle) this.gates.delete(subscriptionId);
    }
  }
}

function statusOf(entry: DeliveryLogEntry): { httpStatus?: number; error?: string } {
  return {
    ...(entry.httpStatus !== undefined && { httpStatus: entry.httpStatus }),
    ...(entry.error !== undefined && { error: entry.error }),
  };
}

/** The start of an error response body, on one line, for the log (`: <text>`), or ''. */
async function snippet(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_SNIPPET_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const value = chunk.value as Uint8Array;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // The body is only for the log; a broken one is not the delivery's outcome.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks)
    .subarray(0, ERROR_SNIPPET_BYTES)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? '' : `: ${text}`;
}

/** A fetch failure as a person reads it: `fetch failed (ECONNREFUSED)`. */
function describe(err: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (e.g. under Jest), failing `instanceof`.
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  if (typeof e?.message !== 'string') return String(err);
  const detail = typeof e.cause?.code === 'string' ? e.cause.code : e.cause?.message;
  return typeof detail === 'string' ? `${e.message} (${detail})` : e.message;
}

/** Counts requests in flight to one subscription; a waiter is handed the slot directly on release. */
class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active--;
  }
}
