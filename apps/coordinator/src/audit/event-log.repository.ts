import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EVENT_LOG_COLLECTION } from './event-log.schema';
import type { LogEntry } from './hash-chain';

const DUPLICATE_KEY = 11000;

@Injectable()
export class EventLogRepository {
  constructor(@InjectModel(EVENT_LOG_COLLECTION) private readonly model: Model<LogEntry>) {}

  /** Appends an entry; appending the same (consultation, seq) again is a no-op. */
  async append(entry: LogEntry): Promise<void> {
    try {
      await this.model.collection.insertOne({ ...entry });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** The sequence number of the last entry appended (0 for none). */
  async lastSeq(consultationId: string): Promise<number> {
    const [last] = await this.model
      .find({ consultationId }, { seq: 1 })
      .sort({ seq: -1 })
      .limit(1)
      .lean<{ seq: number }[]>()
      .exec();
    return last?.seq ?? 0;
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
