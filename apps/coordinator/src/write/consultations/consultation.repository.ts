import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { GroupCommit } from '../persistence/group-commit';
import { pack, unpack } from '../persistence/packed';
import type { Consultation } from './consultation.model';
import {
  CONSULTATION_VERSION_COLLECTION,
  ConsultationVersionDocument,
  OutboxEntry,
} from './consultation.schema';
import { ConsultationView } from './consultation-view';

/**
 * Versions kept whole per consultation: the latest and the one before.
 * Older ones are compacted (their state and outbox removed), never deleted:
 * a version id, once committed, stays taken for good (ADR 9).
 */
export const VERSIONS_KEPT = 2;
/** How often superseded versions are compacted (ms), and how many at once. */
const COMPACT_EVERY_MS = 5_000;
const COMPACT_BATCH = 500;
/** Consultations whose latest version this process keeps in memory (each a few KB to tens of KB). */
const VERSION_MEMORY = 10_000;
/** How many applied event ids a consultation remembers (redeliveries come within minutes). */
export const PROCESSED_MEMORY = 100;
/** Versions asked for at once when looking for the latest. */
const PROBE_WINDOW = 8;

/** A consultation as stored: the model plus what the persistence layer tracks. */
export interface StoredConsultation {
  consultation: Consultation;
  processed: string[];
  /**
   * What each processed message said (envelopeFingerprint), by event id, for
   * those that came from the bus: the same id back with another content is a
   * conflict, not a repeat. Absent in versions written before it was kept.
   */
  fingerprints?: Record<string, string>;
  outbox: OutboxEntry[];
  logHead: { seq: number; hash: string };
}

/** What a version's packed body holds. */
interface VersionBody {
  state: Omit<Consultation, 'id'>;
  processed: string[];
  fingerprints?: Record<string, string>;
  outbox: OutboxEntry[];
  logHead: { seq: number; hash: string };
}

function fromVersion(doc: ConsultationVersionDocument): StoredConsultation {
  // Versions written before ADR 9 hold their body as fields.
  const body: VersionBody = doc.body ? unpack<VersionBody>(doc.body) : (doc as never);
  return {
    consultation: { ...body.state, id: doc.consultationId, version: doc.version },
    processed: body.processed ?? [],
    ...(body.fingerprints && { fingerprints: body.fingerprints }),
    outbox: body.outbox ?? [],
    logHead: body.logHead,
  };
}

/** The document that commits `stored` as its version. */
export function toVersion(stored: StoredConsultation, at: Date): ConsultationVersionDocument {
  const { id, ...state } = stored.consultation;
  const processed = stored.processed.slice(-PROCESSED_MEMORY);
  const known = stored.fingerprints ?? {};
  const fingerprints = Object.fromEntries(
    processed.filter((eventId) => eventId in known).map((eventId) => [eventId, known[eventId]]),
  );
  const body: VersionBody = {
    state,
    processed,
    ...(Object.keys(fingerprints).length > 0 && { fingerprints }),
    outbox: stored.outbox,
    logHead: stored.logHead,
  };
  return {
    _id: versionId(id, stored.consultation.version),
    consultationId: id,
    version: stored.consultation.version,
    body: pack(body),
    committedAt: at,
  };
}

export function versionId(id: string, version: number): string {
  return `${id}:${version}`;
}

/**
 * Consultations are stored as a chain of versions. Committing version n+1 is
 * one insert of `<id>:<n+1>` into `consultation_versions`: the unique `_id`
 * lets exactly one of two concurrent writers win, so no update is lost and no
 * transaction is needed, on MongoDB 7 and on FerretDB 1.24 (ADR 5). Inserts
 * of many writers go to the database together (group commit, ADR 9). A
 * version id is never reused: superseded versions are compacted in place,
 * never deleted, so a writer that starts from an old version always finds
 * its commit taken and reads again.
 *
 * Every read is by `_id` (one id, or a short `$in` list): indexed on MongoDB,
 * and on FerretDB with the project's patch (scripts/ferretdb/). Operators'
 * lists never query this collection: they read the ConsultationView.
 */
@Injectable()
export class ConsultationRepository implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ConsultationRepository');
  private readonly inserts: GroupCommit<ConsultationVersionDocument>;
  /** Versions superseded by this process's commits, to compact. */
  private compactable: string[] = [];
  private compactTimer?: NodeJS.Timeout;
  private compacting?: Promise<number>;
  /**
   * The latest version this process committed or read, per consultation (a
   * bounded, least-recently-used memory): a writer starts from it instead of
   * reading the database. Another instance may have committed since; the
   * commit then finds its version taken and the writer reads the database
   * (`get`), as after any lost race.
   */
  private readonly latest = new Map<string, StoredConsultation>();

  constructor(
    @InjectModel(CONSULTATION_VERSION_COLLECTION)
    private readonly versions: Model<ConsultationVersionDocument>,
    private readonly view: ConsultationView,
  ) {
    this.inserts = new GroupCommit(
      this.versions.collection as unknown as ConstructorParameters<
        typeof GroupCommit<ConsultationVersionDocument>
      >[0],
    );
  }

  onModuleInit(): void {
    this.compactTimer = setInterval(() => void this.compactQuietly(), COMPACT_EVERY_MS);
    this.compactTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.compactTimer);
    await this.inserts.drained();
    await this.compacting?.catch(() => undefined);
  }

  /**
   * Compacts the versions superseded by this process's commits, keeping the
   * last VERSIONS_KEPT of each consultation whole: their state, outbox and
   * applied ids (the packed body) are removed, their `_id` stays. One update per batch. The
   * latest version is the truth; the audit trail is the event log.
   */
  async compactSuperseded(): Promise<number> {
    if (this.compacting) return this.compacting;
    const batch = this.compactable.splice(0, COMPACT_BATCH);
    if (batch.length === 0) return 0;
    this.compacting = (async () => {
      try {
        const { modifiedCount } = await this.versions.collection.updateMany(
          { _id: { $in: batch } } as never,
          {
            $set: { compacted: true },
            $unset: { body: '', state: '', outbox: '', processed: '', logHead: '' },
          },
        );
        return modifiedCount;
      } catch (error) {
        this.compactable.unshift(...batch);
        throw error;
      } finally {
        this.compacting = undefined;
      }
    })();
    return this.compacting;
  }

  private async compactQuietly(): Promise<void> {
    try {
      await this.compactSuperseded();
    } catch (error) {
      this.logger.warn(`could not compact superseded versions: ${(error as Error).message}`);
    }
  }

  private remember(stored: StoredConsultation): void {
    const id = stored.consultation.id;
    const known = this.latest.get(id);
    if (known && known.consultation.version > stored.consultation.version) return;
    this.latest.delete(id);
    this.latest.set(id, stored);
    if (this.latest.size > VERSION_MEMORY) {
      this.latest.delete(this.latest.keys().next().value as string);
    }
  }

  /**
   * The latest committed version, read from the database: the versions from
   * the highest this process knows of (its memory, the read model) onwards,
   * a few ids per look-up.
   */
  async get(id: string): Promise<StoredConsultation | undefined> {
    const hint = Math.max(
      this.latest.get(id)?.consultation.version ?? 0,
      this.view.versionOf(id) ?? 0,
      1,
    );
    let from = hint;
    let found: ConsultationVersionDocument | undefined;
    for (;;) {
      const ids = Array.from({ length: PROBE_WINDOW }, (_, i) => versionId(id, from + i));
      const docs = await this.versions.collection.find({ _id: { $in: ids } } as never).toArray();
      if (docs.length === 0) break;
      const highest = (docs as unknown as ConsultationVersionDocument[]).reduce((a, b) =>
        b.version > a.version ? b : a,
      );
      if (!(highest as { compacted?: boolean }).compacted) found = highest;
      // Versions are numbered without gaps: a window not filled to its end holds the last.
      if (highest.version < from + PROBE_WINDOW - 1) break;
      from = highest.version + 1;
    }
    if (!found) return undefined;
    const stored = fromVersion(found);
    this.remember(stored);
    return stored;
  }

  /**
   * The version to decide on: from memory when this process knows the
   * consultation (shared: the caller must not change it), else from the
   * database.
   * A writer learns that it started from an old version when its commit of
   * the next one finds it taken; then it reads again with `get`.
   */
  async getForUpdate(id: string): Promise<StoredConsultation | undefined> {
    const known = this.latest.get(id);
    if (known && known.consultation.version >= (this.view.versionOf(id) ?? 0)) {
      return known;
    }
    return this.get(id);
  }

  /**
   * Commits `stored` as version `stored.consultation.version`; false when
   * that version id is taken (another writer committed it, or it is an old
   * version of a consultation that moved on): read again and retry.
   */
  async commit(stored: StoredConsultation, at = new Date()): Promise<boolean> {
    const { id, version } = stored.consultation;
    const outcome = await this.inserts.insert(toVersion(stored, at));
    if (outcome === 'duplicate') return false;
    this.remember(stored);
    if (version > VERSIONS_KEPT) {
      this.compactable.push(versionId(id, version - VERSIONS_KEPT));
      if (this.compactable.length >= COMPACT_BATCH) void this.compactQuietly();
    }
    return true;
  }

  /** Stores a consultation as it is (its current version) and shows it; false when that version exists. Seeds and imports. */
  async insert(stored: StoredConsultation): Promise<boolean> {
    if (!(await this.commit(stored))) return false;
    await this.view.publish(stored.consultation, stored.logHead, { durable: true });
    return true;
  }

  /** Which of these `<id>:<version>` exist (one `$in` look-up). */
  async existingVersions(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.versions.collection
      .find({ _id: { $in: ids } } as never, { projection: { _id: 1 } })
      .toArray();
    return new Set(docs.map((d) => d._id as unknown as string));
  }

  /**
   * The latest version of every consultation, by a scan of the whole
   * collection: for rebuilding the read model, never on a request's path.
   */
  async *latestOfAll(): AsyncGenerator<StoredConsultation> {
    const highest = new Map<string, number>();
    const cursor = this.versions.collection.find({ compacted: { $ne: true } } as never, {
      projection: { consultationId: 1, version: 1 },
    });
    for await (const d of cursor) {
      const doc = d as unknown as { consultationId: string; version: number };
      if ((highest.get(doc.consultationId) ?? 0) < doc.version) {
        highest.set(doc.consultationId, doc.version);
      }
    }
    const ids = [...highest].map(([id, v]) => versionId(id, v));
    for (let i = 0; i < ids.length; i += 200) {
      const docs = await this.versions.collection
        .find({ _id: { $in: ids.slice(i, i + 200) } } as never)
        .toArray();
      for (const doc of docs) yield fromVersion(doc as unknown as ConsultationVersionDocument);
    }
  }
}
