import {
  Inject,
  Injectable,
  Logger,
  OnModuleDestroy,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { StorageType } from '@nats-io/jetstream';
import { Kvm, type KV, type KvWatchEntry } from '@nats-io/kv';
import type { QueuedIterator } from '@nats-io/nats-core';
import {
  idOfKeyToken,
  keyToken,
  MESSAGING_OPTIONS,
  MessagingOptions,
  NatsConnectionProvider,
} from '@icb/messaging';
import { HealthRegistry } from '@icb/observability';
import type { Consultation } from './consultation.model';
import { toViewRecord, type ViewRecord } from './view-record';

/**
 * The KV bucket of the read model: `<NAMESPACE>_COORDINATOR_VIEW`, stream
 * `KV_<bucket>`. scripts/lib/nats-auth.js (coordinatorViewBucketFor) names it
 * the same: only the coordinator's NATS user may use it.
 */
export function coordinatorViewBucket(namespace: string): string {
  return `${namespace.toUpperCase()}_COORDINATOR_VIEW`;
}

/** What the bucket holds per consultation (after its version and a space). */
interface ViewValue {
  consultation: Consultation;
  logHead: { seq: number; hash: string };
}

export type ViewListener = (consultation: Consultation) => void;

/**
 * The operators' read model: every consultation's latest summary (the
 * consultation without its detail-only lists), in memory, answered by pure
 * functions (read/consultations/consultation-view.query.ts, through
 * ConsultationQueries) in one pass — no database query per
 * operator read, whatever the history (ADR 9).
 *
 * It is kept in a JetStream KV bucket, one key per consultation (history 1),
 * so that every coordinator instance sees every instance's changes, in order,
 * and catches up after a restart or a lost connection (the KV watcher is an
 * ordered consumer). A writer shows a change in its own instance at once and
 * puts it in the bucket right after (a new consultation before its opening is
 * acked; later versions coalesced, one put in flight per consultation, and
 * repaired by the sweep if a put is lost). Values carry the version, and the
 * highest version wins: a put that lands after a newer one (two instances
 * racing) is noticed by every watcher, which puts the newer value again, so
 * the bucket converges on the latest version. The consultation versions in
 * MongoDB remain the truth; an empty bucket beside a non-empty database is
 * rebuilt from them at start.
 */
@Injectable()
export class ConsultationView implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ConsultationView');
  readonly bucket: string;
  /** Stream replicas when the bucket is created (NATS_REPLICAS; an existing bucket is left as it is). */
  private readonly replicas: number;
  private kvOpen?: KV;
  private watcher?: QueuedIterator<KvWatchEntry>;
  private watching?: Promise<void>;
  private readonly records = new Map<string, ViewRecord>();
  private readonly listeners: ViewListener[] = [];
  private caughtUp = false;
  private stopping = false;
  private lastUpdateAt?: Date;
  private puts = 0;
  /** The record to put next, per consultation, while a put of it is in flight. */
  private readonly queued = new Map<string, ViewRecord>();
  /** Consultations whose latest put failed (the next publish of them puts again). */
  private readonly unstored = new Set<string>();

  constructor(
    private readonly nats: NatsConnectionProvider,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    @Optional() private readonly health?: HealthRegistry,
  ) {
    this.bucket = coordinatorViewBucket(messaging.namespace);
    this.replicas = messaging.replicas ?? 1;
  }

  async onModuleInit(): Promise<void> {
    await this.nats.connect();
    this.kvOpen = await new Kvm(this.nats.js).create(this.bucket, {
      storage: StorageType.File,
      history: 1,
      replicas: this.replicas,
    });
    await this.watch();
    this.health?.register('read-model', () => Promise.resolve({ 'read-model': this.status() }));
    this.logger.log(`read model: ${this.records.size} consultations from KV bucket ${this.bucket}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flushed();
    this.stopping = true;
    this.watcher?.stop();
    await this.watching?.catch(() => undefined);
  }

  private get kv(): KV {
    if (!this.kvOpen) throw new Error(`KV bucket ${this.bucket} is not open yet`);
    return this.kvOpen;
  }

  /** Starts the watcher; resolves once the bucket's current values are loaded. */
  private async watch(): Promise<void> {
    const status = await this.kv.status();
    let loaded!: () => void;
    const initial = new Promise<void>((resolve) => (loaded = resolve));
    if (status.values === 0) {
      this.caughtUp = true;
      loaded();
    }
    const watcher = await this.kv.watch({ ignoreDeletes: true });
    this.watcher = watcher;
    this.watching = (async () => {
      for await (const entry of watcher) {
        this.receive(entry);
        if (!this.caughtUp && (entry.isUpdate || entry.delta === 0)) {
          this.caughtUp = true;
          loaded();
        }
      }
      if (this.stopping) return;
      // The watcher should outlive reconnections; if it ever ends, watch
      // again (every value is replayed; the versions keep the newest).
      this.logger.error('the read model stopped following the bucket; watching again');
      this.caughtUp = false;
      await this.watch();
    })();
    await Promise.race([initial, this.watching]);
  }

  private receive(entry: KvWatchEntry): void {
    if (entry.operation !== 'PUT') return;
    let value: ViewValue | undefined;
    let version: number;
    let id: string;
    try {
      const text = entry.string();
      // `<version> <json>`: most entries are this instance's own puts coming
      // back, known by their version without parsing the JSON.
      const space = text.indexOf(' ');
      version = Number(text.slice(0, space));
      id = idOfKeyToken(entry.key);
      const known = this.records.get(id);
      if (!known || known.consultation.version < version) {
        value = JSON.parse(text.slice(space + 1)) as ViewValue;
        id = value.consultation.id;
      }
    } catch (error) {
      this.logger.error(`unreadable view entry ${entry.key}: ${(error as Error).message}`);
      return;
    }
    if (value) {
      this.set(toViewRecord(value.consultation, value.logHead));
      return;
    }
    // Our own put coming back, or an older version. If an older put landed
    // last (two instances raced) and no put of ours is on its way, the
    // bucket's value is stale: put ours again.
    const known = this.records.get(id)!;
    if (known.consultation.version > version && !this.queued.has(id)) {
      this.queued.set(id, known);
      void this.drain(id);
    }
  }

  private set(record: ViewRecord): boolean {
    const id = record.consultation.id;
    const known = this.records.get(id);
    if (known && known.consultation.version > record.consultation.version) return false;
    this.records.set(id, record);
    this.lastUpdateAt = new Date();
    for (const listener of this.listeners) listener(record.consultation);
    return true;
  }

  private async put(record: ViewRecord): Promise<void> {
    const value: ViewValue = { consultation: record.consultation, logHead: record.logHead };
    this.puts++;
    try {
      await this.kv.put(
        keyToken(record.consultation.id),
        `${record.consultation.version} ${JSON.stringify(value)}`,
      );
    } finally {
      this.puts--;
    }
  }

  /**
   * Shows a version this instance just committed, at once and in this
   * instance only (the clock scheduler learns its clocks before the change
   * is relayed); `publish` puts it in the bucket with the relay.
   */
  show(consultation: Consultation, logHead: { seq: number; hash: string }): void {
    if (this.set(toViewRecord(consultation, logHead))) this.unstored.add(consultation.id);
  }

  /**
   * Records the latest version of a consultation: at once in this instance;
   * in the bucket for the others right after. With `durable`, resolves when
   * the server stored it; otherwise the put is coalesced with later versions
   * of the same consultation (one put in flight per consultation, the latest
   * version next) and a failure is left to the sweep, which finds versions
   * newer than the bucket's (ConsultationsService.relayPending).
   */
  async publish(
    consultation: Consultation,
    logHead: { seq: number; hash: string },
    opts: { durable?: boolean } = {},
  ): Promise<void> {
    const record = toViewRecord(consultation, logHead);
    const id = consultation.id;
    const known = this.records.get(id);
    const unchanged = known && known.consultation.version === consultation.version;
    if (!this.set(record)) return;
    if (unchanged && !this.unstored.has(id)) return;
    if (opts.durable) return this.putNow(record);
    if (this.queued.has(id)) {
      this.queued.set(id, record);
      return;
    }
    this.queued.set(id, record);
    void this.drain(id);
  }

  private async putNow(record: ViewRecord): Promise<void> {
    const id = record.consultation.id;
    try {
      await this.put(record);
      this.unstored.delete(id);
    } catch (error) {
      this.unstored.add(id);
      throw error;
    }
  }

  /** Puts the latest queued record of `id` until none is left. */
  private async drain(id: string): Promise<void> {
    for (;;) {
      const record = this.queued.get(id);
      if (!record) return;
      try {
        await this.putNow(record);
      } catch (error) {
        this.logger.warn(`could not store the view of ${id}: ${(error as Error).message}`);
      }
      if (this.queued.get(id) === record) this.queued.delete(id);
    }
  }

  /** Resolves when every coalesced put has been sent (tests, shutdown). */
  async flushed(): Promise<void> {
    while (this.queued.size > 0 || this.puts > 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Called with every consultation whose view changed, here or in another instance. */
  onChange(listener: ViewListener): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.records.size;
  }

  /** The summary of one consultation (no detail-only lists), if known. */
  summary(id: string): Consultation | undefined {
    return this.records.get(id)?.consultation;
  }

  /** The latest version this instance knows of, if any. */
  versionOf(id: string): number | undefined {
    return this.records.get(id)?.consultation.version;
  }

  /** The sequence of the last log entry of the latest version this instance knows of (0 if unknown). */
  logSeqOf(id: string): number {
    return this.records.get(id)?.logHead.seq ?? 0;
  }

  all(): IterableIterator<ViewRecord> {
    return this.records.values();
  }

  /** What /health says of the read model. */
  status(): Record<string, unknown> & { status: 'up' | 'down' } {
    return {
      status: this.caughtUp ? 'up' : 'down',
      consultations: this.records.size,
      caughtUp: this.caughtUp,
      putsInFlight: this.puts,
      lastUpdateAt: this.lastUpdateAt?.toISOString() ?? null,
    };
  }
}
