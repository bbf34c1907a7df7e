/**
 * How hard a webhook delivery tries, and which id it carries on every try:
 * pure functions, no I/O, randomness passed in.
 */
import { createHash } from 'node:crypto';

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
