import { Injectable } from '@nestjs/common';
import type { Envelope } from '@icb/contracts';
import { AdapterBucket, keyToken, type StoredEntry } from '../state/adapter-bucket';
import {
  DEFAULT_DELIVERY_LOG_LIMIT,
  type DeliveryLogEntry,
  type DeliveryLogReader,
} from './webhook-delivery-log';
import {
  attemptsNewestFirst,
  isSettled,
  newDelivery,
  type WebhookDeliveryRecord,
} from './webhook-delivery.policy';

/** JSON turns the dates into ISO strings; these are turned back on reading. */
type Stored<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : T[K] extends Date | undefined
      ? string | undefined
      : T[K] extends DeliveryLogEntry[]
        ? Stored<DeliveryLogEntry>[]
        : T[K];
};

function entryFromStored(e: Stored<DeliveryLogEntry>): DeliveryLogEntry {
  const { at, nextAttemptAt, ...rest } = e;
  return {
    ...rest,
    at: new Date(at),
    ...(nextAttemptAt !== undefined && { nextAttemptAt: new Date(nextAttemptAt) }),
  };
}

function fromStored(d: Stored<WebhookDeliveryRecord>): WebhookDeliveryRecord {
  const { nextAttemptAt, createdAt, settledAt, log, ...rest } = d;
  return {
    ...rest,
    nextAttemptAt: new Date(nextAttemptAt),
    createdAt: new Date(createdAt),
    ...(settledAt !== undefined && { settledAt: new Date(settledAt) }),
    log: log.map(entryFromStored),
  };
}

/** A delivery with the revision to compare-and-set it against. */
export interface VersionedDelivery {
  record: WebhookDeliveryRecord;
  revision: number;
}

/** Which subscription a pending delivery belongs to (the `pending.<deliveryId>` marker). */
interface PendingMarker {
  subscriptionId: string;
  deliveryId: string;
}

const deliveryKey = (subscriptionId: string, deliveryId: string) =>
  `deliveries.${keyToken(subscriptionId)}.${keyToken(deliveryId)}`;
const pendingKey = (deliveryId: string) => `pending.${keyToken(deliveryId)}`;

function versioned(e: StoredEntry<Stored<WebhookDeliveryRecord>>): VersionedDelivery {
  return { record: fromStored(e.value), revision: e.revision };
}

/**
 * Webhook deliveries in the adapter's KV bucket:
 *
 * - `deliveries.<subscriptionId>.<deliveryId>`: the delivery with its attempts
 *   (the delivery log reads these). Settled ones are written with a TTL
 *   (`retentionMs`) and the server removes them after it: that bounds the log.
 * - `pending.<deliveryId>`: present while the delivery is pending, so a
 *   restarted adapter finds the work left without reading the whole log.
 *
 * The delivery id is derived from the subscription and the event ids, so a
 * redelivered review request finds its delivery already there.
 */
@Injectable()
export class KvDeliveryRepository implements DeliveryLogReader {
  constructor(private readonly bucket: AdapterBucket) {}

  /**
   * Records a delivery of `envelope` to a subscription unless it exists. It is
   * `created: false` when it existed (a redelivered event); the record is
   * returned while it is pending, so the caller may schedule it.
   */
  async enqueue(
    subscriptionId: string,
    envelope: Envelope,
    now: Date,
  ): Promise<{ created: boolean; pending?: WebhookDeliveryRecord }> {
    const fresh = newDelivery(subscriptionId, envelope, now);
    const key = deliveryKey(subscriptionId, fresh.deliveryId);
    const created = (await this.bucket.create(key, fresh)) !== undefined;
    const current = created ? fresh : (await this.get(subscriptionId, fresh.deliveryId))?.record;
    if (!current || isSettled(current)) return { created };
    // Again on a redelivery: a crash may have come between the two writes.
    await this.bucket.put<PendingMarker>(pendingKey(fresh.deliveryId), {
      subscriptionId,
      deliveryId: fresh.deliveryId,
    });
    return { created, pending: current };
  }

  async get(subscriptionId: string, deliveryId: string): Promise<VersionedDelivery | undefined> {
    const found = await this.bucket.get<Stored<WebhookDeliveryRecord>>(
      deliveryKey(subscriptionId, deliveryId),
    );
    return found && versioned(found);
  }

  /** Every pending delivery (markers whose delivery is settled or gone are removed on the way). */
  async pending(): Promise<VersionedDelivery[]> {
    const markers = await this.bucket.values<PendingMarker>('pending.*');
    const found = await Promise.all(
      markers.map(async (m) => {
        const d = await this.get(m.value.subscriptionId, m.value.deliveryId);
        if (d && !isSettled(d.record)) return d;
        await this.bucket.remove(m.key);
        return undefined;
      }),
    );
    return found.filter((d): d is VersionedDelivery => d !== undefined);
  }

  /**
   * Replaces a delivery if it is still at `revision`; the new revision, or
   * undefined when it changed meanwhile. A settled delivery is written with
   * the TTL `retentionMs` and its pending marker removed.
   */
  async save(
    record: WebhookDeliveryRecord,
    revision: number,
    { retentionMs }: { retentionMs: number },
  ): Promise<number | undefined> {
    const key = deliveryKey(record.subscriptionId, record.deliveryId);
    const settled = isSettled(record);
    const next = await this.bucket.update(
      key,
      record,
      revision,
      settled ? { ttlMs: retentionMs } : {},
    );
    if (next !== undefined && settled) await this.bucket.remove(pendingKey(record.deliveryId));
    return next;
  }

  /** A subscription's attempts, newest first: the delivery log. */
  async deliveries(
    subscriptionId: string,
    { limit = DEFAULT_DELIVERY_LOG_LIMIT }: { limit?: number } = {},
  ): Promise<DeliveryLogEntry[]> {
    if (limit <= 0) return [];
    const stored = await this.bucket.values<Stored<WebhookDeliveryRecord>>(
      `deliveries.${keyToken(subscriptionId)}.*`,
    );
    return attemptsNewestFirst(
      stored.map((e) => fromStored(e.value)),
      limit,
    );
  }
}
