import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { GroupCommit } from '../persistence/group-commit';
import { VERDICT_COLLECTION, VerdictDocument } from './verdict.schema';

/**
 * How long a verdict is kept: long enough for an agency system to come back
 * to a status URL, or to retry with its Idempotency-Key, after an outage of
 * days. Older verdicts are forgotten (their status URL then says `pending`).
 */
export const VERDICT_RETENTION_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** The verdicts on messages, by envelope id (inserted with the next group commit). */
@Injectable()
export class VerdictRepository implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Verdicts');
  private readonly inserts: GroupCommit<VerdictDocument>;
  private timer?: NodeJS.Timeout;

  constructor(@InjectModel(VERDICT_COLLECTION) private readonly model: Model<VerdictDocument>) {
    this.inserts = new GroupCommit(
      this.model.collection as unknown as ConstructorParameters<
        typeof GroupCommit<VerdictDocument>
      >[0],
    );
  }

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.prune(new Date(Date.now() - VERDICT_RETENTION_MS)).catch((error: unknown) =>
        this.logger.warn(`could not prune the verdicts: ${(error as Error).message}`),
      );
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.inserts.drained();
  }

  /**
   * Records a verdict and answers the one that stands: the first verdict on a
   * message stays (a redelivery judges a message already judged), except that
   * the rules' verdict replaces one given by a dead-lettering error (a replay
   * of the dead letter that was then applied).
   */
  async record(doc: VerdictDocument): Promise<VerdictDocument> {
    if ((await this.inserts.insert(doc)) === 'inserted') return doc;
    const stored = await this.get(doc._id);
    if (stored && stored.deadLettered && !doc.deadLettered) {
      await this.model.collection.replaceOne({ _id: doc._id } as never, doc);
      return doc;
    }
    return stored ?? doc;
  }

  async get(eventId: string): Promise<VerdictDocument | undefined> {
    const doc = await this.model.collection.findOne({ _id: eventId } as never);
    return (doc as unknown as VerdictDocument | null) ?? undefined;
  }

  /** Forgets the verdicts decided before `before` (one delete); how many. */
  async prune(before: Date): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ decidedAt: { $lt: before } }).exec();
    return deletedCount;
  }
}
