import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model } from 'mongoose';
import type { Agency, ConsultationKind, ConsultationStatus, Precedence } from '@icb/contracts';
import type { ClockRecord, Consultation } from './consultation.model';
import { CONSULTATION_COLLECTION, ConsultationDocument, OutboxEntry } from './consultation.schema';

const DUPLICATE_KEY = 11000;
/** How many applied event ids a consultation remembers (redeliveries come within minutes). */
export const PROCESSED_MEMORY = 1000;

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

function toStored(doc: ConsultationDocument): StoredConsultation {
  const { _id, processed, outbox, logHead, ...rest } = doc;
  return {
    consultation: { ...(rest as Omit<Consultation, 'id'>), id: _id },
    processed: processed ?? [],
    outbox: outbox ?? [],
    logHead,
  };
}

function toDocument(stored: StoredConsultation): ConsultationDocument {
  const { id, ...rest } = stored.consultation;
  return {
    ...rest,
    _id: id,
    processed: stored.processed.slice(-PROCESSED_MEMORY),
    outbox: stored.outbox,
    logHead: stored.logHead,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every write is one single-document operation: an insert, or a replace
 * conditioned on the version that was read. Nothing here needs a
 * multi-document transaction, so MongoDB and FerretDB behave the same.
 */
@Injectable()
export class ConsultationRepository {
  constructor(@InjectModel(CONSULTATION_COLLECTION) private readonly model: Model<ConsultationDocument>) {}

  async get(id: string): Promise<StoredConsultation | undefined> {
    const doc = await this.model.findById(id).lean<ConsultationDocument>().exec();
    return doc ? toStored(doc) : undefined;
  }

  /** Inserts a new consultation; false when one with that id exists. */
  async insert(stored: StoredConsultation): Promise<boolean> {
    try {
      await this.model.collection.insertOne(toDocument(stored) as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /**
   * Replaces the document if nobody changed it since `expectedVersion` was
   * read. False means another writer won: read again and retry.
   */
  async replace(stored: StoredConsultation, expectedVersion: number): Promise<boolean> {
    const doc = toDocument(stored);
    const result = await this.model.collection.replaceOne({ _id: doc._id, version: expectedVersion } as never, doc);
    return result.matchedCount === 1;
  }

  /** Removes relayed entries from the outbox (idempotent). */
  async pullOutbox(id: string, entryIds: string[]): Promise<void> {
    if (entryIds.length === 0) return;
    await this.model.collection.updateOne({ _id: id } as never, {
      $pull: { outbox: { entryId: { $in: entryIds } } },
    } as never);
  }

  /** Consultations with something left in their outbox (after a crash between store and relay). */
  async withPendingOutbox(limit: number): Promise<string[]> {
    const docs = await this.model
      .find({ 'outbox.0': { $exists: true } }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((d) => d._id);
  }

  /** Consultations with a clock due at `now`. */
  async withDueClocks(now: string, limit: number): Promise<string[]> {
    const docs = await this.model
      .find({ nextClockAt: { $lte: now } }, { _id: 1 })
      .sort({ nextClockAt: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((d) => d._id);
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
    return { total, items: docs.map((d) => toStored({ ...d, processed: [], outbox: [] }).consultation) };
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
    const [total, rows] = await Promise.all([
      this.model.countDocuments(match).exec(),
      this.model
        .aggregate<{ _id: string }>([
          { $match: match },
          { $project: { reviews: 1 } },
          { $unwind: '$reviews' },
          { $match: { 'reviews.agency': agency, 'reviews.state': 'pending' } },
          { $sort: { 'reviews.dueAt': 1, _id: 1 } },
          { $skip: page.offset },
          { $limit: page.limit },
          { $project: { _id: 1 } },
        ])
        .exec(),
    ]);
    const ids = rows.map((r) => r._id);
    if (ids.length === 0) return { total, items: [] };
    const docs = await this.model
      .find({ _id: { $in: ids } }, { processed: 0, outbox: 0 })
      .lean<ConsultationDocument[]>()
      .exec();
    const byId = new Map(docs.map((d) => [d._id, toStored({ ...d, processed: [], outbox: [] }).consultation]));
    return { total, items: ids.flatMap((id) => byId.get(id) ?? []) };
  }

  /**
   * The unfired clocks closest to running out, over every consultation
   * (reminders excluded: they are notices, not deadlines).
   */
  async upcomingClocks(limit: number): Promise<UpcomingClock[]> {
    const rows = await this.model
      .aggregate<{ _id: string; title: string; clocks: ClockRecord }>([
        { $match: { nextClockAt: { $type: 'string' } } },
        { $project: { title: 1, clocks: 1 } },
        { $unwind: '$clocks' },
        { $match: { 'clocks.firedAt': null, 'clocks.kind': { $ne: 'reminder' } } },
        { $sort: { 'clocks.dueAt': 1, _id: 1 } },
        { $limit: limit },
      ])
      .exec();
    return rows.map((r) => ({ consultationId: r._id, title: r.title, clock: r.clocks }));
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
