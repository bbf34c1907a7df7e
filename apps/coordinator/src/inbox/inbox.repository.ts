import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { INBOX_COLLECTION, InboxEntry } from './inbox.schema';

const DUPLICATE_KEY = 11000;
/**
 * How long a processed message id is kept. Redeliveries come within minutes
 * (ack wait × max deliveries); a dead letter replayed later was never
 * processed, and each consultation also keeps its own last applied ids.
 */
export const INBOX_RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Ids of the messages already processed, so a redelivered or re-published one has no second effect. */
@Injectable()
export class InboxRepository implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Inbox');
  private timer?: NodeJS.Timeout;

  constructor(@InjectModel(INBOX_COLLECTION) private readonly model: Model<InboxEntry>) {}

  onModuleInit(): void {
    // On FerretDB a redelivery's look-up reads the whole collection: it must
    // not hold every message ever processed.
    this.timer = setInterval(() => {
      this.prune(new Date(Date.now() - INBOX_RETENTION_MS)).catch((error: unknown) =>
        this.logger.warn(`could not prune the inbox: ${(error as Error).message}`),
      );
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

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

  /** Forgets the messages processed before `before` (one delete); how many. */
  async prune(before: Date): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ processedAt: { $lt: before } }).exec();
    return deletedCount;
  }
}
