import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { GroupCommit } from '../persistence/group-commit';
import { INBOX_COLLECTION, InboxEntry } from './inbox.schema';

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

  private readonly inserts: GroupCommit<{ _id: string; type: string; processedAt: Date }>;

  constructor(@InjectModel(INBOX_COLLECTION) private readonly model: Model<InboxEntry>) {
    this.inserts = new GroupCommit(this.model.collection as never);
  }

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
    const doc = await this.model.collection.findOne({ _id: `${consumer}:${eventId}` } as never, {
      projection: { _id: 1 },
    });
    return doc !== null;
  }

  /** Records a processed message; false when it was recorded already. */
  async record(consumer: string, eventId: string, type: string, at: Date): Promise<boolean> {
    const outcome = await this.inserts.insert({
      _id: `${consumer}:${eventId}`,
      type,
      processedAt: at,
    });
    return outcome === 'inserted';
  }

  /** Forgets the messages processed before `before` (one delete); how many. */
  async prune(before: Date): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ processedAt: { $lt: before } }).exec();
    return deletedCount;
  }
}
