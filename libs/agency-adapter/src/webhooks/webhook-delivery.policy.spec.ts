import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import type { DeliveryLogEntry } from './webhook-delivery-log';
import { deliveryIdFor } from './webhook-delivery';
import {
  attemptsNewestFirst,
  claimNextAttempt,
  isDue,
  newDelivery,
  recordAttempt,
  skip,
} from './webhook-delivery.policy';

const t0 = new Date('2026-03-02T14:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const envelope = envelopeFor('review.requested', validPayload('review.requested'));
const limits = { maxAttempts: 3, leaseMs: 60_000 };

function entry(
  attempt: number,
  outcome: DeliveryLogEntry['outcome'],
  when: Date,
  extra: Partial<DeliveryLogEntry> = {},
): DeliveryLogEntry {
  return {
    deliveryId: deliveryIdFor('sub-1', envelope.id),
    subscriptionId: 'sub-1',
    eventId: envelope.id,
    eventType: envelope.type,
    attempt,
    at: when,
    outcome,
    durationMs: 5,
    ...extra,
  };
}

describe('webhook delivery policy', () => {
  it('a new delivery is pending and due at once, with the id derived from subscription and event', () => {
    const d = newDelivery('sub-1', envelope, t0);
    expect(d).toMatchObject({
      deliveryId: deliveryIdFor('sub-1', envelope.id),
      state: 'pending',
      attempts: 0,
      log: [],
    });
    expect(isDue(d, t0)).toBe(true);
  });

  it('a claim counts the attempt and leases the delivery, so it is not due again until the lease ends', () => {
    const claim = claimNextAttempt(newDelivery('sub-1', envelope, t0), t0, limits);
    expect(claim).toMatchObject({ kind: 'attempt', attempt: 1, record: { attempts: 1 } });
    expect(isDue(claim.record, at(59_999))).toBe(false);
    expect(isDue(claim.record, at(60_000))).toBe(true);
  });

  it('a retry keeps it pending until the planned time; a success settles it and drops the envelope', () => {
    const claimed = claimNextAttempt(newDelivery('sub-1', envelope, t0), t0, limits).record;
    const retry = recordAttempt(
      claimed,
      entry(1, 'retry', t0, { httpStatus: 503, nextAttemptAt: at(2_000) }),
      at(10),
    );
    expect(retry).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: at(2_000) });
    expect(retry.envelope).toBeDefined();
    expect(isDue(retry, at(1_999))).toBe(false);

    const second = claimNextAttempt(retry, at(2_000), limits);
    expect(second).toMatchObject({ kind: 'attempt', attempt: 2 });
    const done = recordAttempt(second.record, entry(2, 'delivered', at(2_000)), at(2_010));
    expect(done).toMatchObject({ state: 'delivered', settledAt: at(2_010) });
    expect(done.envelope).toBeUndefined();
    expect(done.log.map((e) => e.outcome)).toEqual(['retry', 'delivered']);
    expect(isDue(done, at(10_000))).toBe(false);
  });

  it('an adapter that died during the last allowed attempt leaves a delivery that fails, not one retried forever', () => {
    let d = newDelivery('sub-1', envelope, t0);
    for (let i = 0; i < limits.maxAttempts; i++) d = claimNextAttempt(d, t0, limits).record;
    const claim = claimNextAttempt(d, at(60_000), limits);
    expect(claim.kind).toBe('give-up');
    expect(claim.record).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('a delivery to a removed subscription is skipped with the reason', () => {
    expect(skip(newDelivery('sub-1', envelope, t0), 'subscription removed', t0)).toMatchObject({
      state: 'skipped',
      reason: 'subscription removed',
    });
  });

  it('the log lists the attempts of all deliveries newest first, up to the limit', () => {
    const a = {
      ...newDelivery('sub-1', envelope, t0),
      log: [entry(1, 'retry', at(0)), entry(2, 'delivered', at(3_000))],
    };
    const b = { ...newDelivery('sub-1', envelope, t0), log: [entry(1, 'failed', at(1_000))] };
    expect(attemptsNewestFirst([a, b], 10).map((e) => e.at)).toEqual([at(3_000), at(1_000), at(0)]);
    expect(attemptsNewestFirst([a, b], 2)).toHaveLength(2);
    expect(attemptsNewestFirst([a, b], 0)).toEqual([]);
  });
});
