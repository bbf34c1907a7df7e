/**
 * The life of one webhook delivery (one event to one subscription) as the
 * adapter keeps it in its KV bucket: pure functions, no I/O, time passed in.
 *
 *   pending ──claim──▶ pending (attempt n running, leased) ──outcome──▶ pending (retry at nextAttemptAt)
 *                                                                  └─▶ delivered | failed | deactivated
 *   pending ──subscription gone or inactive──▶ skipped
 *
 * A claim counts the attempt and pushes `nextAttemptAt` out by a lease before
 * the request is sent, so an adapter that dies during an attempt leaves a
 * delivery that another (or the restarted) adapter resumes after the lease,
 * as attempt n+1: at least once, never forgotten.
 */
import type { Envelope } from '@icb/contracts';
import type { DeliveryLogEntry } from './webhook-delivery-log';
import { deliveryIdFor } from './webhook-delivery';

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'deactivated' | 'skipped';

export interface WebhookDeliveryRecord {
  /** The same on every attempt (`Icb-Delivery-Id`), derived from the subscription and event ids. */
  deliveryId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  state: DeliveryState;
  /** Attempts started so far (a claimed attempt whose outcome was lost counts). */
  attempts: number;
  /** Pending: when the next attempt may start. */
  nextAttemptAt: Date;
  createdAt: Date;
  settledAt?: Date;
  /** Why it was skipped. */
  reason?: string;
  /** What is POSTed; kept while pending, dropped once settled. */
  envelope?: Envelope;
  /** The attempts' log entries, oldest first (no more than the attempts allowed). */
  log: DeliveryLogEntry[];
}

/** A new delivery of `envelope` to a subscription, due now. */
export function newDelivery(
  subscriptionId: string,
  envelope: Envelope,
  now: Date,
): WebhookDeliveryRecord {
  return {
    deliveryId: deliveryIdFor(subscriptionId, envelope.id),
    subscriptionId,
    eventId: envelope.id,
    eventType: envelope.type,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    envelope,
    log: [],
  };
}

export function isSettled(d: Pick<WebhookDeliveryRecord, 'state'>): boolean {
  return d.state !== 'pending';
}

/** Whether an attempt may start now (pending, and its time has come). */
export function isDue(d: WebhookDeliveryRecord, now: Date): boolean {
  return d.state === 'pending' && d.nextAttemptAt.getTime() <= now.getTime();
}

export type Claim =
  | { kind: 'attempt'; attempt: number; record: WebhookDeliveryRecord }
  /** Every attempt allowed was started: settled as failed without another. */
  | { kind: 'give-up'; record: WebhookDeliveryRecord };

/** The next attempt of a due delivery, leased for `leaseMs`; or giving up when none is left. */
export function claimNextAttempt(
  d: WebhookDeliveryRecord,
  now: Date,
  { maxAttempts, leaseMs }: { maxAttempts: number; leaseMs: number },
): Claim {
  if (d.attempts >= maxAttempts) {
    const last = d.log.at(-1);
    return {
      kind: 'give-up',
      record: settle(d, 'failed', now, {
        reason: `no attempt left after ${d.attempts}${last?.error ? ` (last: ${last.error})` : ''}`,
      }),
    };
  }
  const attempt = d.attempts + 1;
  return {
    kind: 'attempt',
    attempt,
    record: { ...d, attempts: attempt, nextAttemptAt: new Date(now.getTime() + leaseMs) },
  };
}

/** The delivery after an attempt's outcome: retried at the entry's `nextAttemptAt`, or settled. */
export function recordAttempt(
  d: WebhookDeliveryRecord,
  entry: DeliveryLogEntry,
  now: Date,
): WebhookDeliveryRecord {
  const logged = { ...d, log: [...d.log, entry] };
  switch (entry.outcome) {
    case 'retry':
      return { ...logged, state: 'pending', nextAttemptAt: entry.nextAttemptAt ?? now };
    case 'delivered':
    case 'failed':
    case 'deactivated':
      return settle(logged, entry.outcome, now);
  }
}

/** Not sent again: the subscription was removed or deactivated meanwhile. */
export function skip(d: WebhookDeliveryRecord, reason: string, now: Date): WebhookDeliveryRecord {
  return settle(d, 'skipped', now, { reason });
}

function settle(
  d: WebhookDeliveryRecord,
  state: Exclude<DeliveryState, 'pending'>,
  now: Date,
  extra: { reason?: string } = {},
): WebhookDeliveryRecord {
  const { envelope: _dropped, ...rest } = d;
  return { ...rest, state, settledAt: now, nextAttemptAt: now, ...extra };
}

/** The attempts of several deliveries, newest first, at most `limit`. */
export function attemptsNewestFirst(
  deliveries: readonly WebhookDeliveryRecord[],
  limit: number,
): DeliveryLogEntry[] {
  if (limit <= 0) return [];
  return deliveries
    .flatMap((d) => d.log)
    .sort(
      (a, b) =>
        b.at.getTime() - a.at.getTime() ||
        b.attempt - a.attempt ||
        b.deliveryId.localeCompare(a.deliveryId),
    )
    .slice(0, limit);
}

/** The earliest `nextAttemptAt` among pending deliveries, or undefined. */
export function nextDueAt(deliveries: Iterable<{ nextAttemptAt: Date }>): Date | undefined {
  let earliest: Date | undefined;
  for (const d of deliveries) {
    if (!earliest || d.nextAttemptAt.getTime() < earliest.getTime()) earliest = d.nextAttemptAt;
  }
  return earliest;
}
