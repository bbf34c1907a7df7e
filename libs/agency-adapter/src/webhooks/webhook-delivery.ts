import type { Envelope } from '@icb/contracts';
import { parseRetryAfter } from '../http/retry-after';
import { InvalidRetryPolicyError } from './webhook.errors';
import { sendWebhook, type WebhookSender } from './webhook-attempt';
import type { DeliveryLog, DeliveryLogEntry } from './webhook-delivery-log';
import { guardedFetch, type WebhookFetch } from './webhook-http';
import {
  backoffDelayMs,
  DEFAULT_MAX_IN_FLIGHT_PER_SUBSCRIPTION,
  DEFAULT_RETRY_POLICY,
  deliveryIdFor,
  retryPolicyProblems,
  type RetryPolicy,
} from './webhook-retry.policy';
import type { SubscriptionStore, WebhookSubscription } from './webhook-subscription';
import type { WebhookTargetGuard } from './webhook-targets';

// The delivery's parts, exported from here as before the split.
export { parseRetryAfter };
export { WEBHOOK_CONTENT_TYPE } from './webhook-attempt';
export * from './webhook-retry.policy';

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
  private readonly sender: WebhookSender;
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
    this.sender = {
      fetch: options.fetch ?? guardedFetch(options.targets),
      timeoutMs: this.policy.attemptTimeoutMs,
      now: this.now,
    };
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
      return sendWebhook(this.sender, {
        subscription,
        envelope,
        deliveryId,
        attempt,
        body,
        nowMs: started,
      });
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
