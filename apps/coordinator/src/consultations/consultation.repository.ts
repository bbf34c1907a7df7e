import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model, PipelineStage } from 'mongoose';
import type { Agency, ConsultationKind, ConsultationStatus, Precedence } from '@icb/contracts';
import type { ClockRecord, Consultation } from './consultation.model';
import {
  CONSULTATION_COLLECTION,
  CONSULTATION_VERSION_COLLECTION,
  ConsultationDocument,
  ConsultationVersionDocument,
  OutboxEntry,
} from './consultation.schema';

const DUPLICATE_KEY = 11000;
/**
 * Versions kept per consultation: the latest and the one before (the query
 * copy may name it for a moment). Older ones are removed in batches.
 */
export const VERSIONS_KEPT = 2;
/** How often superseded versions are removed (ms), and how many make a batch at once. */
const PRUNE_EVERY_MS = 5_000;
const PRUNE_BATCH = 500;
/** Consultations whose latest version this process keeps in memory (each a few KB to tens of KB). */
const VERSION_MEMORY = 2_000;
/** How many applied event ids a consultation remembers (redeliveries come within minutes). */
export const PROCESSED_MEMORY = 100;

/** A consultation as stored: the model plus what the persistence layer tracks. */
export interface StoredConsultation {
  consultation: Consultation;
  processed: string[];
  outbox: OutboxEntry[];
  logHead: { seq: number; hash: string };
}

/** A clock that has not fired yet, with the consultation it belongs to. */
export interface UpcomingClock {
  consultationId: string;
  title: string;
  classification: string;
  clock: ClockRecord;
}

export interface ConsultationQuery {
  status?: ConsultationStatus[];
  kind?: ConsultationKind[];
  pendingAgency?: Agency;
  precedence?: Precedence[];
  /** Only those with a review past its deadline at `now`. */
  overdueAt?: string;
  /** Case-insensitive search in title, summary, reference and id. */
  text?: string;
  sort?: 'updatedAt' | 'openedAt' | 'nextDueAt' | 'precedence';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** A query-copy document as a model object (`processed`/`outbox` only exist on versions). */
function toStored(
  doc: ConsultationDocument & { processed?: string[]; outbox?: OutboxEntry[] },
): StoredConsultation {
  const { _id, processed, outbox, logHead, ...rest } = doc;
  return {
    // A query copy lacks the detail-only lists: they read as empty here.
    consultation: {
      ...(rest as Omit<Consultation, 'id'>),
      signOffs: rest.signOffs ?? [],
      conditions: rest.conditions ?? [],
      screenings: rest.screenings ?? [],
      assessments: rest.assessments ?? [],
      id: _id,
    },
    processed: processed ?? [],
    outbox: outbox ?? [],
    logHead,
  };
}

function fromVersion(doc: ConsultationVersionDocument): StoredConsultation {
  return {
    consultation: { ...doc.state, id: doc.consultationId, version: doc.version },
    processed: doc.processed ?? [],
    outbox: doc.outbox ?? [],
    logHead: doc.logHead,
  };
}

function toVersion(stored: StoredConsultation, at: Date): ConsultationVersionDocument {
  const { id, ...state } = stored.consultation;
  return {
    _id: versionId(id, stored.consultation.version),
    consultationId: id,
    version: stored.consultation.version,
    state,
    processed: stored.processed.slice(-PROCESSED_MEMORY),
    outbox: stored.outbox,
    logHead: stored.logHead,
    committedAt: at,
  };
}

/** Fields of the model that only the detail needs: left out of the query copy, which stays small. */
const DETAIL_ONLY = ['signOffs', 'conditions', 'screenings', 'assessments'] as const;

/**
 * The query copy: what the list, queue and statistics queries read. It is
 * kept small on purpose: FerretDB's SQLite backend reads every document of
 * the collection for each update and each filtered query.
 */
function toSnapshot(stored: StoredConsultation): ConsultationDocument {
  const { id, ...rest } = stored.consultation;
  const copy: Record<string, unknown> = { ...rest, _id: id, logHead: stored.logHead };
  for (const field of DETAIL_ONLY) delete copy[field];
  return copy as unknown as ConsultationDocument;
}

function versionId(id: string, version: number): string {
  return `${id}:${version}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The model part of a stored document, without what persistence keeps beside it. */
function modelOf(
  doc: ConsultationDocument & { processed?: unknown; outbox?: unknown },
): Consultation {
  const { _id, logHead: _head, processed: _processed, outbox: _outbox, ...rest } = doc;
  return { ...(rest as Omit<Consultation, 'id'>), id: _id };
}

/**
 * Consultations are stored as a chain of versions. Committing version n+1 is
 * one insert of `<id>:<n+1>` into `consultation_versions`: the unique `_id`
 * lets exactly one of two concurrent writers win, so no update is lost and no
 * transaction is needed — on MongoDB 7 and on FerretDB 1.24, whose
 * conditional updates are not atomic (two `replaceOne({_id, version})` calls
 * racing both "match"; measured, see ADR 0005). The latest version is the
 * truth; `consultations` is a query copy kept up to date after each commit.
 */
@Injectable()
export class ConsultationRepository implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ConsultationRepository');
  /** Versions superseded by a later commit of this process, to remove. */
  private prunable: string[] = [];
  private pruneTimer?: NodeJS.Timeout;
  private pruning?: Promise<number>;
  /**
   * The latest version this process committed or read, per consultation (a
   * bounded, least-recently-used memory): a writer starts from it instead of
   * reading the database, where on FerretDB even a look-up by `_id` reads the
   * whole table (ADR 5, addendum). Another instance may have committed since;
   * the commit then finds its version taken and the writer reads the database
   * (`get`), as after any lost race.
   */
  private readonly latest = new Map<string, StoredConsultation>();

  constructor(
    @InjectModel(CONSULTATION_COLLECTION) private readonly model: Model<ConsultationDocument>,
    @InjectModel(CONSULTATION_VERSION_COLLECTION)
    private readonly versions: Model<ConsultationVersionDocument>,
  ) {}

  onModuleInit(): void {
    this.pruneTimer = setInterval(() => void this.pruneQuietly(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.pruning?.catch(() => undefined);
  }

  /**
   * Removes the versions superseded by this process's commits, keeping the
   * last VERSIONS_KEPT of each consultation: on FerretDB every look-up of
   * `consultation_versions` reads the whole table (ADR 5, addendum), so it
   * must not grow with every change ever made. One `deleteMany` per batch.
   * The latest version is the truth; the audit trail is the event log.
   */
  async pruneOldVersions(): Promise<number> {
    if (this.pruning) return this.pruning;
    const batch = this.prunable.splice(0, PRUNE_BATCH);
    if (batch.length === 0) return 0;
    this.pruning = (async () => {
      try {
        const { deletedCount } = await this.versions.collection.deleteMany({
          _id: { $in: batch },
        } as never);
        return deletedCount;
      } catch (error) {
        this.prunable.unshift(...batch);
        throw error;
      } finally {
        this.pruning = undefined;
      }
    })();
    return this.pruning;
  }

  private async pruneQuietly(): Promise<void> {
    try {
      await this.pruneOldVersions();
    } catch (error) {
      this.logger.warn(`could not remove superseded versions: ${(error as Error).message}`);
    }
  }

  private remember(stored: StoredConsultation): void {
    const id = stored.consultation.id;
    const known = this.latest.get(id);
    if (known && known.consultation.version > stored.consultation.version) return;
    this.latest.delete(id);
    this.latest.set(id, structuredClone(stored));
    if (this.latest.size > VERSION_MEMORY) {
      this.latest.delete(this.latest.keys().next().value as string);
    }
  }

  /**
   * The latest committed version: the query copy, then any newer versions
   * found by `_id` (the copy may trail by a version after a race or a crash).
   * Only point lookups by `_id`: FerretDB's SQLite backend scans the whole
   * collection for any other query.
   */
  async get(id: string): Promise<StoredConsultation | undefined> {
    return this.read(id, true);
  }

  /**
   * The version the query copy names, without looking further: a look-up of
   * an `_id` that is not there scans the collection on FerretDB, and a
   * writer learns that it read an old version anyway, when its commit of the
   * next one finds it taken. Then it reads again with `get`.
   */
  async getForUpdate(id: string): Promise<StoredConsultation | undefined> {
    const known = this.latest.get(id);
    if (known) return structuredClone(known);
    return this.read(id, false);
  }

  private async read(id: string, probe: boolean): Promise<StoredConsultation | undefined> {
    const copy = await this.model.findById(id, { version: 1 }).lean<{ version: number }>().exec();
    let latest: StoredConsultation | undefined;
    let version = copy?.version ?? 0;
    if (copy) {
      const doc = await this.versions
        .findById(versionId(id, version))
        .lean<ConsultationVersionDocument>()
        .exec();
      latest = doc ? fromVersion(doc) : undefined;
      if (latest && !probe) {
        this.remember(latest);
        return latest;
      }
    }
    let scanned = false;
    for (;;) {
      const next = await this.versions
        .findById(versionId(id, version + 1))
        .lean<ConsultationVersionDocument>()
        .exec();
      if (next) {
        latest = fromVersion(next);
        version = next.version;
        continue;
      }
      if (!latest && copy && !scanned) {
        // A query copy so far behind that the versions after the one it
        // names were already pruned (crashes in a row): find the latest by
        // a scan, once, and look past it.
        scanned = true;
        const [doc] = await this.versions
          .find({ consultationId: id })
          .sort({ version: -1 })
          .limit(1)
          .lean<ConsultationVersionDocument[]>()
          .exec();
        if (doc) {
          latest = fromVersion(doc);
          version = doc.version;
          continue;
        }
      }
      if (latest) this.remember(latest);
      return latest;
    }
  }

  /**
   * Commits `stored` as version `stored.consultation.version`; false when
   * another writer committed that version first (read again and retry). The
   * caller relays the outbox and then writes the query copy.
   */
  async commit(stored: StoredConsultation, at = new Date()): Promise<boolean> {
    const { id, version } = stored.consultation;
    try {
      await this.versions.collection.insertOne(toVersion(stored, at) as never);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
    this.remember(stored);
    if (version > VERSIONS_KEPT) {
      this.prunable.push(versionId(id, version - VERSIONS_KEPT));
      if (this.prunable.length >= PRUNE_BATCH) void this.pruneQuietly();
    }
    return true;
  }

  /**
   * Writes the query copy of a version just committed. Two writers racing
   * here can leave the copy one version behind; the next writer then finds
   * its commit taken and reads on, and the scheduler's sweep repairs a copy
   * nobody writes again (`hasNewerThan`).
   */
  async refreshQueryCopy(stored: StoredConsultation): Promise<void> {
    const doc = toSnapshot(stored);
    try {
      await this.model.collection.replaceOne({ _id: doc._id } as never, doc, { upsert: true });
    } catch (error) {
      // Two first writers racing on the upsert: the other one inserted it.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      await this.model.collection.replaceOne({ _id: doc._id } as never, doc);
    }
  }

  /** Stores a consultation as it is (its current version); false when that version exists. Seeds and imports. */
  async insert(stored: StoredConsultation): Promise<boolean> {
    if (!(await this.commit(stored))) return false;
    await this.refreshQueryCopy(stored);
    return true;
  }

  /** Whether a version newer than `version` was committed (a point lookup). */
  async hasNewerThan(id: string, version: number): Promise<boolean> {
    return (await this.versions.exists({ _id: versionId(id, version + 1) })) !== null;
  }

  /**
   * Every consultation with its version and log head, for the sweep that
   * relays what a crash left behind (a scan: the scheduler runs it at start
   * and now and then).
   */
  async heads(): Promise<{ id: string; version: number; logSeq: number }[]> {
    const docs = await this.model
      .find({}, { _id: 1, version: 1, logHead: 1 })
      .lean<{ _id: string; version: number; logHead: { seq: number } }[]>()
      .exec();
    return docs.map((d) => ({ id: d._id, version: d.version, logSeq: d.logHead.seq }));
  }

  /** Every consultation with an unfired clock, and when the earliest is due (a scan: the scheduler runs it now and then). */
  async clockSchedule(): Promise<{ id: string; nextClockAt: string }[]> {
    const docs = await this.model
      .find({ nextClockAt: { $type: 'string' } }, { _id: 1, nextClockAt: 1 })
      .lean<{ _id: string; nextClockAt: string }[]>()
      .exec();
    return docs.map((d) => ({ id: d._id, nextClockAt: d.nextClockAt }));
  }

  private filter(q: ConsultationQuery): QueryFilter<ConsultationDocument> {
    const f: QueryFilter<ConsultationDocument> = {};
    if (q.status?.length) f.status = { $in: q.status };
    if (q.kind?.length) f.kind = { $in: q.kind };
    if (q.precedence?.length) f.precedence = { $in: q.precedence };
    if (q.pendingAgency) f.pendingAgencies = q.pendingAgency;
    if (q.overdueAt) f.nextDueAt = { $lt: q.overdueAt };
    if (q.text) {
      const re = { $regex: escapeRegex(q.text), $options: 'i' };
      f.$or = [{ title: re }, { summary: re }, { reference: re }, { _id: re }];
    }
    return f;
  }

  async list(q: ConsultationQuery): Promise<{ total: number; items: Consultation[] }> {
    const filter = this.filter(q);
    const direction = q.order === 'asc' ? 1 : -1;
    const sortField = q.sort ?? 'updatedAt';
    const [total, docs] = await Promise.all([
      this.model.countDocuments(filter).exec(),
      this.model
        .find(filter, { processed: 0, outbox: 0 })
        .sort({ [sortField]: direction, _id: 1 })
        .skip(q.offset ?? 0)
        .limit(q.limit ?? 50)
        .lean<ConsultationDocument[]>()
        .exec(),
    ]);
    return {
      total,
      items: docs.map((d) => toStored({ ...d, processed: [], outbox: [] }).consultation),
    };
  }

  /** Counts by status and by kind, in one pass on the server. */
  async countBy(field: 'status' | 'kind' | 'precedence'): Promise<Record<string, number>> {
    const rows = await this.model
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: `$${field}`, n: { $sum: 1 } } }])
      .exec();
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }

  async count(filter: ConsultationQuery): Promise<number> {
    return this.model.countDocuments(this.filter(filter)).exec();
  }

  /**
   * Consultations awaiting `agency`'s answer, that agency's own review
   * deadline first (not the consultation's earliest deadline, which may be
   * another agency's).
   */
  async pendingFor(
    agency: Agency,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: Consultation[] }> {
    const match = { pendingAgencies: agency };
    const byOwnDeadline: PipelineStage[] = [
      { $match: match },
      { $project: { reviews: 1 } },
      { $unwind: '$reviews' },
      { $match: { 'reviews.agency': agency, 'reviews.state': 'pending' } },
      { $sort: { 'reviews.dueAt': 1, _id: 1 } },
      { $skip: page.offset },
      { $limit: page.limit },
      { $project: { _id: 1 } },
    ];
    const [total, rows] = await Promise.all([
      this.model.countDocuments(match).exec(),
      this.model.aggregate<{ _id: string }>(byOwnDeadline).exec(),
    ]);
    const ids = rows.map((r) => r._id);
    if (ids.length === 0) return { total, items: [] };
    const docs = await this.model
      .find({ _id: { $in: ids } })
      .lean<(ConsultationDocument & { processed?: unknown; outbox?: unknown })[]>()
      .exec();
    const byId = new Map(docs.map((d) => [d._id, modelOf(d)]));
    return { total, items: ids.flatMap((id) => byId.get(id) ?? []) };
  }

  /**
   * The unfired clocks closest to running out, over every consultation
   * (reminders excluded: they are notices, not deadlines).
   */
  async upcomingClocks(limit: number): Promise<UpcomingClock[]> {
    const soonest: PipelineStage[] = [
      { $match: { nextClockAt: { $type: 'string' } } },
      { $project: { clocks: 1 } },
      { $unwind: '$clocks' },
      { $match: { 'clocks.firedAt': null, 'clocks.kind': { $ne: 'reminder' } } },
      { $sort: { 'clocks.dueAt': 1, _id: 1 } },
      { $limit: limit },
    ];
    const rows = await this.model.aggregate<{ _id: string; clocks: ClockRecord }>(soonest).exec();
    // Titles are read apart: FerretDB's $unwind keeps only `_id` and the unwound field.
    const titles = await this.model
      .find({ _id: { $in: [...new Set(rows.map((r) => r._id))] } }, { title: 1, classification: 1 })
      .lean<{ _id: string; title: string; classification: string }[]>()
      .exec();
    const titleOf = new Map(titles.map((t) => [t._id, t]));
    return rows.map((r) => ({
      consultationId: r._id,
      title: titleOf.get(r._id)?.title ?? '',
      // Unknown: withheld from all but the highest clearance.
      classification: titleOf.get(r._id)?.classification ?? 'TOP SECRET',
      clock: r.clocks,
    }));
  }

  /** Consultations with an escalation that is neither resolved nor superseded by an amendment. */
  async countEscalated(): Promise<number> {
    return this.model
      .countDocuments({
        'escalation.level': { $type: 'string' },
        'escalation.resolvedAt': null,
        'escalation.supersededAt': null,
      })
      .exec();
  }
}
