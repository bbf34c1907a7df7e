export type DeliveryAttemptOutcome = 'delivered' | 'retry' | 'failed' | 'deactivated';

/** One HTTP attempt to deliver one event to one subscription. */
export interface DeliveryLogEntry {
  /** The same on every attempt of one event to one subscription. */
  deliveryId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  /** 1-based. */
  attempt: number;
  /** When the attempt started. */
  at: Date;
  outcome: DeliveryAttemptOutcome;
  httpStatus?: number;
  /** What went wrong, for a person to read (`HTTP 503: ...`, `timed out after 10000 ms`). */
  error?: string;
  durationMs: number;
  /** When the next attempt is planned (outcome `retry` only). */
  nextAttemptAt?: Date;
}

/** Reads a subscription's delivery attempts (the `GET /webhooks/{id}/deliveries` side). */
export interface DeliveryLogReader {
  /** A subscription's attempts, newest first (in the order they were written). */
  deliveries(subscriptionId: string, options?: { limit?: number }): Promise<DeliveryLogEntry[]>;
}

/**
 * Where delivery attempts are recorded one by one. The adapters keep them in
 * their KV bucket inside each delivery's record instead (KvDeliveryRepository,
 * a DeliveryLogReader); this in-memory log serves a WebhookDeliverer used alone.
 */
export interface DeliveryLog extends DeliveryLogReader {
  append(entry: DeliveryLogEntry): Promise<void>;
}

export const DEFAULT_DELIVERY_LOG_LIMIT = 50;

/** Keeps the last `capacityPerSubscription` attempts of each subscription in memory. */
export class InMemoryDeliveryLog implements DeliveryLog {
  private readonly bySubscription = new Map<string, DeliveryLogEntry[]>();

  constructor(private readonly capacityPerSubscription = 1000) {}

  append(entry: DeliveryLogEntry): Promise<void> {
    let entries = this.bySubscription.get(entry.subscriptionId);
    if (!entries) {
      entries = [];
      this.bySubscription.set(entry.subscriptionId, entries);
    }
    entries.push(structuredClone(entry));
    if (entries.length > this.capacityPerSubscription) {
      entries.splice(0, entries.length - this.capacityPerSubscription);
    }
    return Promise.resolve();
  }

  deliveries(
    subscriptionId: string,
    { limit = DEFAULT_DELIVERY_LOG_LIMIT }: { limit?: number } = {},
  ): Promise<DeliveryLogEntry[]> {
    if (limit <= 0) return Promise.resolve([]);
    const entries = this.bySubscription.get(subscriptionId) ?? [];
    return Promise.resolve(structuredClone(entries.slice(-limit).reverse()));
  }
}
