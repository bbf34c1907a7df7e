import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JetStreamApiCodes, JetStreamApiError, StorageType } from '@nats-io/jetstream';
import { Kvm, type KV, type KvOptions } from '@nats-io/kv';
import type { Agency } from '@icb/contracts';
import {
  keyToken,
  MESSAGING_OPTIONS,
  MessagingOptions,
  NatsConnectionProvider,
} from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';

/**
 * The adapter's own Key-Value bucket: `<NAMESPACE>_ADAPTER_<AGENCY>`
 * (`ICB_ADAPTER_DOD`, `ICB_ADAPTER_STATE_PM`), backed by the stream
 * `KV_<bucket>`. scripts/lib/nats-auth.js (adapterBucketFor) must name it the
 * same: the adapter's NATS user may use this bucket and no other (ADR 6).
 */
export function adapterBucketName(namespace: string, agency: Agency): string {
  return `${namespace.toUpperCase()}_ADAPTER_${agency.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * How the bucket is created when it is missing (an existing bucket is used as
 * it is: changing these does not alter it). ADR 6, addendum "Adapter state".
 *
 * - file storage: it survives a server restart;
 * - history 1: nothing reads old revisions; compare-and-set uses the revision of the last;
 * - `markerTTL` turns on the stream's per-message TTL (`allow_msg_ttl`), which
 *   settled webhook deliveries use to expire; no bucket-wide `ttl`, because
 *   subscriptions and released assessments are kept until removed.
 */
export const ADAPTER_BUCKET_OPTIONS: Readonly<Partial<KvOptions>> = Object.freeze({
  storage: StorageType.File,
  history: 1,
  replicas: 1,
  markerTTL: 15 * 60_000,
});

/** A value read from the bucket with the revision a compare-and-set needs. */
export interface StoredEntry<T> {
  key: string;
  value: T;
  revision: number;
}

/** Whether a write failed only because the key is not at the expected revision. */
function isWrongRevision(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}

/** Keys are made of `keyToken`s (shared with the coordinator's read model). */
export { keyToken };

/**
 * The adapter's bucket, opened (created when missing) at start. Values are
 * JSON. Writes return when the server has stored them, so a caller that acks a
 * bus message after a write acks only what is durable.
 */
@Injectable()
export class AdapterBucket implements OnModuleInit {
  private readonly logger = new Logger('AdapterState');
  readonly name: string;
  /** Stream replicas when the bucket is created (NATS_REPLICAS). */
  private readonly replicas: number;
  private kvOpen?: KV;

  constructor(
    @Inject(ADAPTER_AGENCY) agency: Agency,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    private readonly nats: NatsConnectionProvider,
  ) {
    this.name = adapterBucketName(messaging.namespace, agency);
    this.replicas = messaging.replicas ?? 1;
  }

  async onModuleInit(): Promise<void> {
    // Idempotent: the bus's ConsumerGroups connect too, whichever module starts first.
    await this.nats.connect();
    this.kvOpen = await new Kvm(this.nats.js).create(this.name, {
      ...ADAPTER_BUCKET_OPTIONS,
      replicas: this.replicas,
    });
    this.logger.log(`state in KV bucket ${this.name}`);
  }

  private get kv(): KV {
    if (!this.kvOpen) throw new Error(`KV bucket ${this.name} is not open yet`);
    return this.kvOpen;
  }

  /** The current value, or undefined when the key is missing or deleted. */
  async get<T>(key: string): Promise<StoredEntry<T> | undefined> {
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT') return undefined;
    return { key, value: entry.json<T>(), revision: entry.revision };
  }

  /** Writes unless the key holds a value already; the new revision, or undefined when it existed. */
  async create<T>(key: string, value: T): Promise<number | undefined> {
    try {
      return await this.kv.create(key, JSON.stringify(value));
    } catch (error) {
      if (isWrongRevision(error)) return undefined;
      throw error;
    }
  }

  /**
   * Writes if the key is still at `revision` (compare-and-set); the new
   * revision, or undefined when someone wrote it meanwhile. With `ttlMs` the
   * server removes the value that long after it was written.
   */
  async update<T>(
    key: string,
    value: T,
    revision: number,
    opts: { ttlMs?: number } = {},
  ): Promise<number | undefined> {
    try {
      if (opts.ttlMs === undefined)
        return await this.kv.update(key, JSON.stringify(value), revision);
      // The KV client's update takes no TTL: the same publish, with the TTL added.
      const ack = await this.nats.js.publish(`$KV.${this.name}.${key}`, JSON.stringify(value), {
        expect: { lastSubjectSequence: revision },
        ttl: `${Math.max(1, Math.ceil(opts.ttlMs / 1000))}s`,
      });
      return ack.seq;
    } catch (error) {
      if (isWrongRevision(error)) return undefined;
      throw error;
    }
  }

  /** Writes whatever is there. */
  async put<T>(key: string, value: T): Promise<number> {
    return this.kv.put(key, JSON.stringify(value));
  }

  /** Removes the key and its history. */
  async remove(key: string): Promise<void> {
    await this.kv.purge(key);
  }

  /** The keys matching a filter (`subscriptions.*`), in the order they were last written. */
  async keys(filter: string): Promise<string[]> {
    const found: string[] = [];
    for await (const key of await this.kv.keys(filter)) found.push(key);
    return found;
  }

  /** The current values of the keys matching a filter (those deleted meanwhile left out). */
  async values<T>(filter: string): Promise<StoredEntry<T>[]> {
    const entries = await Promise.all((await this.keys(filter)).map((k) => this.get<T>(k)));
    return entries.filter((e): e is StoredEntry<T> => e !== undefined);
  }
}
