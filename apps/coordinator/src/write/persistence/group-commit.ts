/**
 * Group commit: many writers each insert one document and await its own
 * outcome, while the database sees one `insertMany` per batch. A batch is
 * sent as soon as the previous one has come back (no timer: under light load
 * a write goes out at once, under heavy load writes pile up behind the one in
 * flight and leave together), so the number of round trips per second stays
 * at what the database can take while the documents per round trip grow with
 * the load.
 *
 * Each document keeps its own outcome: `inserted`, or `duplicate` when its
 * `_id` was taken (by another writer, or by an earlier document of the same
 * batch). Any other failure of a document fails that writer only; a failure
 * of the whole round trip fails every writer of the batch.
 */

export type InsertOutcome = 'inserted' | 'duplicate';

/** What group commit needs of a collection: `insertMany`, unordered. */
export interface InsertManyTarget<T> {
  insertMany(docs: T[], options: { ordered: false }): Promise<unknown>;
}

interface Pending<T> {
  doc: T;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

const DUPLICATE_KEY = 11000;

interface WriteError {
  index: number;
  code?: number;
  errmsg?: string;
}

/** The per-document errors of a bulk insert, or undefined when the error is not one. */
function writeErrorsOf(error: unknown): WriteError[] | undefined {
  if (!error || typeof error !== 'object' || !('writeErrors' in error)) return undefined;
  const raw = error.writeErrors;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((e: { index: number; code?: number; errmsg?: string; err?: WriteError }) => ({
    index: e.index ?? e.err?.index,
    code: e.code ?? e.err?.code,
    errmsg: e.errmsg ?? e.err?.errmsg,
  }));
}

export class GroupCommit<T> {
  private queue: Pending<T>[] = [];
  private flushing = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly target: InsertManyTarget<T>,
    private readonly maxBatch = 500,
  ) {}

  /** Inserts `doc` with the next batch; resolves once the database answered for it. */
  insert(doc: T): Promise<InsertOutcome> {
    return new Promise<InsertOutcome>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Inserts several documents, each with its own outcome, in order. */
  insertAll(docs: T[]): Promise<InsertOutcome[]> {
    return Promise.all(docs.map((d) => this.insert(d)));
  }

  /** Resolves when nothing is queued or in flight. */
  drained(): Promise<void> {
    if (!this.flushing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.send(batch);
      }
    } finally {
      this.flushing = false;
      for (const wake of this.idle.splice(0)) wake();
    }
  }

  private async send(batch: Pending<T>[]): Promise<void> {
    try {
      await this.target.insertMany(
        batch.map((p) => p.doc),
        { ordered: false },
      );
      for (const p of batch) p.resolve('inserted');
    } catch (error) {
      const errors = writeErrorsOf(error);
      if (!errors) {
        for (const p of batch) p.reject(error);
        return;
      }
      const byIndex = new Map(errors.map((e) => [e.index, e]));
      batch.forEach((p, i) => {
        const e = byIndex.get(i);
        if (!e) p.resolve('inserted');
        else if (e.code === DUPLICATE_KEY) p.resolve('duplicate');
        else p.reject(Object.assign(new Error(e.errmsg ?? `insert failed (code ${e.code})`), e));
      });
    }
  }
}
