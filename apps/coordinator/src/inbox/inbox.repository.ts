import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { INBOX_COLLECTION, InboxEntry } from './inbox.schema';

const DUPLICATE_KEY = 11000;

/** Ids of the messages already processed, so a redelivered or re-published one has no second effect. */
@Injectable()
export class InboxRepository {
  constructor(@InjectModel(INBOX_COLLECTION) private readonly model: Model<InboxEntry>) {}

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ _id: `${consumer}:${eventId}` })) !== null;
  }

  /** Records a processed message; false when it was recorded already. */
  async record(consumer: string, eventId: string, type: string, at: Date): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: `${consumer}:${eventId}`,
        type,
        processedAt: at,
      } as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }
}
