import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EVENT_LOG_COLLECTION } from './event-log.schema';
import type { LogEntry } from './hash-chain';

const DUPLICATE_KEY = 11000;

/**
 * `<consultation>:<seq, 10 digits>`: a unique key that makes appends
 * idempotent, and point lookups by `_id` (the one query FerretDB's SQLite
 * backend answers without scanning the collection).
 */
export function logEntryId(consultationId: string, seq: number): string {
  return `${consultationId}:${String(seq).padStart(10, '0')}`;
}

@Injectable()
export class EventLogRepository {
  constructor(@InjectModel(EVENT_LOG_COLLECTION) private readonly model: Model<LogEntry>) {}

  /** Appends an entry; appending the same (consultation, seq) again is a no-op. */
  async append(entry: LogEntry): Promise<void> {
    try {
      await this.model.collection.insertOne({
        _id: logEntryId(entry.consultationId, entry.seq),
        ...entry,
      } as never);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /**
   * Appends entries in order with one round trip; if some were appended
   * already (a relay that ran twice), falls back to one at a time.
   */
  async appendAll(entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await this.model.collection.insertMany(
        entries.map((e) => ({ _id: logEntryId(e.consultationId, e.seq), ...e }) as never),
        { ordered: true },
      );
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      for (const entry of entries) await this.append(entry);
    }
  }

  /** Whether entry `seq` of a consultation was appended (a point lookup by `_id`). */
  async has(consultationId: string, seq: number): Promise<boolean> {
    return (await this.model.exists({ _id: logEntryId(consultationId, seq) })) !== null;
  }

  /** The whole log of one consultation, in sequence order. */
  async entries(consultationId: string): Promise<LogEntry[]> {
    const docs = await this.model
      .find({ consultationId }, { _id: 0 })
      .sort({ seq: 1 })
      .lean<LogEntry[]>()
      .exec();
    return docs;
  }

  /** Test and drill support: what an attacker with database access would do. */
  async tamper(consultationId: string, seq: number, change: Partial<LogEntry>): Promise<void> {
    await this.model.collection.updateOne({ consultationId, seq }, { $set: change });
  }
}
