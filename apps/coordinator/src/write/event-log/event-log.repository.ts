import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { GroupCommit } from '../persistence/group-commit';
import { pack, unpack } from '../persistence/packed';
import { EVENT_LOG_COLLECTION } from './event-log.schema';
import type { LogEntry } from './hash-chain';

/** Entries asked for at once when reading a consultation's log. */
const READ_CHUNK = 256;

/**
 * `<consultation>:<seq, 10 digits>`: a unique key that makes appends
 * idempotent, and look-ups by `_id` (indexed on MongoDB, and on FerretDB
 * with the project's patch).
 */
export function logEntryId(consultationId: string, seq: number): string {
  return `${consultationId}:${String(seq).padStart(10, '0')}`;
}

/**
 * An entry as stored: its place (`_id`, consultation, seq) and hash as
 * fields, the entry itself packed (ADR 9). Entries written before ADR 9 are
 * the entry's fields.
 */
interface StoredEntry {
  _id: string;
  consultationId: string;
  seq: number;
  hash: string;
  body: Buffer;
}

export function toLogDocument(entry: LogEntry): StoredEntry {
  return {
    _id: logEntryId(entry.consultationId, entry.seq),
    consultationId: entry.consultationId,
    seq: entry.seq,
    hash: entry.hash,
    body: pack(entry),
  };
}

function fromLogDocument(doc: Record<string, unknown>): LogEntry {
  if (doc.body) return unpack<LogEntry>(doc.body);
  const { _id, ...entry } = doc;
  return entry as unknown as LogEntry;
}

/**
 * Two different entries for the same place in a consultation's log: the
 * chain forked. Never expected (version ids are never reused); never taken
 * for "already appended".
 */
export class LogConflictError extends Error {
  readonly code = 'LOG_CONFLICT';
  constructor(readonly entryId: string) {
    super(`the event log already holds a different entry ${entryId}`);
    this.name = 'LogConflictError';
  }
}

@Injectable()
export class EventLogRepository implements OnModuleDestroy {
  private readonly inserts: GroupCommit<StoredEntry>;

  constructor(@InjectModel(EVENT_LOG_COLLECTION) private readonly model: Model<LogEntry>) {
    this.inserts = new GroupCommit(
      this.model.collection as unknown as ConstructorParameters<typeof GroupCommit<StoredEntry>>[0],
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.inserts.drained();
  }

  /** Appends one entry (see appendAll). */
  append(entry: LogEntry): Promise<void> {
    return this.appendAll([entry]);
  }

  /**
   * Appends entries with the next group commit. An entry already there is
   * fine when it is the same entry (same hash: a relay that ran twice); a
   * different entry at that place is a LogConflictError, never success.
   */
  async appendAll(entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const docs = entries.map(toLogDocument);
    const outcomes = await this.inserts.insertAll(docs);
    const taken = docs.filter((_, i) => outcomes[i] === 'duplicate');
    if (taken.length === 0) return;
    const there = await this.model.collection
      .find({ _id: { $in: taken.map((d) => d._id) } } as never, { projection: { hash: 1 } })
      .toArray();
    const hashOf = new Map(there.map((d) => [d._id as unknown as string, d.hash as string]));
    for (const doc of taken) {
      if (hashOf.get(doc._id) !== doc.hash) throw new LogConflictError(doc._id);
    }
  }

  /** Which of these entry ids (`logEntryId`) are in the log (one `$in` look-up). */
  async present(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.model.collection
      .find({ _id: { $in: ids } } as never, { projection: { _id: 1 } })
      .toArray();
    return new Set(docs.map((d) => d._id as unknown as string));
  }

  /**
   * The whole log of one consultation, in sequence order: entries 1, 2, ...
   * by `_id`, a chunk at a time, until a chunk comes back short (the log has
   * no gaps; an entry past a gap would not be found, and the chain check
   * against the head reports the gap as a missing entry). `expected`, the
   * head's sequence when the caller knows it, sizes the first chunk so that
   * one look-up usually answers (with a few ids past it, to see entries
   * beyond the head).
   */
  async entries(consultationId: string, expected = 0): Promise<LogEntry[]> {
    const all: LogEntry[] = [];
    let size = Math.min(READ_CHUNK, expected + 8);
    for (let first = 1; ; first += size, size = READ_CHUNK) {
      const ids = Array.from({ length: size }, (_, i) => logEntryId(consultationId, first + i));
      const docs = await this.model.collection.find({ _id: { $in: ids } } as never).toArray();
      all.push(...docs.map((d) => fromLogDocument(d)));
      if (docs.length < size) break;
    }
    return all.sort((a, b) => a.seq - b.seq);
  }

  /** Test and drill support: what an attacker with database access would do. */
  async tamper(consultationId: string, seq: number, change: Partial<LogEntry>): Promise<void> {
    const _id = logEntryId(consultationId, seq);
    const doc = await this.model.collection.findOne({ _id } as never);
    if (!doc) return;
    const entry = { ...fromLogDocument(doc), ...change };
    await this.model.collection.replaceOne({ _id } as never, toLogDocument(entry));
  }
}
