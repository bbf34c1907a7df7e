import { Inject, Injectable } from '@nestjs/common';
import { JetStreamApiError } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { toRecord, type DeadLetterRecord } from './dead-letter.writer';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { SubjectSpace } from './subject-space';

export interface DeadLetterEntry {
  /** Sequence in the dead-letter stream: the id to replay or discard it by. */
  seq: number;
  record: DeadLetterRecord;
  /**
   * True when what is stored at `seq` is not a dead-letter record (not JSON,
   * or not shaped like one: whoever may publish on a dead-letter subject wrote
   * it). `record` then describes it (code UNREADABLE_RECORD) and carries its
   * raw body; it can be discarded, not replayed.
   */
  unreadable?: boolean;
}

export class DeadLetterNotFoundError extends Error {
  readonly code = 'DEAD_LETTER_NOT_FOUND';
  constructor(seq: number) {
    super(`no dead-letter entry ${seq}`);
  }
}

/** The entry is not a dead-letter record: there is no original message to replay. */
export class DeadLetterUnreadableError extends Error {
  readonly code = 'DEAD_LETTER_UNREADABLE';
  constructor(seq: number) {
    super(
      `dead-letter entry ${seq} is not a dead-letter record, so there is no original message to replay; discard it`,
    );
  }
}

/** What the dead-letter stream holds at one sequence, as `StreamAPI.getMessage` gives it. */
export interface StoredDeadLetter {
  seq: number;
  subject: string;
  data: Uint8Array;
  time: Date;
  header?: { keys(): string[]; values(k: string): string[] };
}

function isRecord(value: unknown): value is DeadLetterRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  const strings = ['code', 'reason', 'subject', 'consumer', 'data'] as const;
  return (
    strings.every((k) => typeof r[k] === 'string') &&
    (r.encoding === 'utf8' || r.encoding === 'base64') &&
    !!r.headers &&
    typeof r.headers === 'object' &&
    !Array.isArray(r.headers)
  );
}

/**
 * One entry of the dead-letter stream, whatever it holds: the record a
 * consumer wrote, or, when the stored message is not one, an entry marked
 * `unreadable` that shows its raw body, so one bad record never hides the
 * others (nor makes the list fail).
 */
export function readDeadLetter(stored: StoredDeadLetter, stream: string): DeadLetterEntry {
  let why: string;
  try {
    const value: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(stored.data),
    );
    if (isRecord(value)) return { seq: stored.seq, record: value };
    why = 'it is JSON, but not a dead-letter record';
  } catch (error) {
    why = `it is not JSON (${(error as Error).message})`;
  }
  const headers: [string, string[]][] =
    stored.header?.keys().map((k) => [k, stored.header!.values(k)]) ?? [];
  const raw = toRecord(
    {
      data: stored.data,
      subject: stored.subject,
      headers: new Map(headers) as never,
      info: { stream, streamSequence: stored.seq, deliveryCount: 0 } as never,
    },
    stored.subject.split('.').at(-1) ?? '',
    {
      code: 'UNREADABLE_RECORD',
      reason: `entry ${stored.seq} of the dead-letter stream cannot be read as a dead-letter record: ${why}. It can be discarded, not replayed.`,
    },
    undefined,
    stored.time,
  );
  return { seq: stored.seq, record: raw, unreadable: true };
}

/** Lists, replays and discards what the consumers dead-lettered. */
@Injectable()
export class DeadLetterService {
  private readonly space: SubjectSpace;

  constructor(
    private readonly nats: NatsConnectionProvider,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.space = new SubjectSpace(options.namespace);
  }

  async list(opts: { limit?: number; consumer?: string } = {}): Promise<DeadLetterEntry[]> {
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
    const jsm = this.nats.manager;
    const info = await jsm.streams.info(this.space.deadLetterStream);
    const entries: DeadLetterEntry[] = [];
    if (info.state.messages === 0) return entries;
    for (
      let seq = info.state.first_seq;
      seq <= info.state.last_seq && entries.length < limit;
      seq++
    ) {
      const entry = await this.get(seq).catch((error: unknown) => {
        if (error instanceof DeadLetterNotFoundError) return undefined;
        throw error;
      });
      if (entry && (!opts.consumer || entry.record.consumer === opts.consumer)) entries.push(entry);
    }
    return entries;
  }

  async count(): Promise<number> {
    const info = await this.nats.manager.streams.info(this.space.deadLetterStream);
    return info.state.messages;
  }

  async get(seq: number): Promise<DeadLetterEntry> {
    // Stream sequences start at 1: JetStream answers anything else with a bare "bad request".
    if (!Number.isSafeInteger(seq) || seq < 1) throw new DeadLetterNotFoundError(seq);
    try {
      const m = await this.nats.manager.streams.getMessage(this.space.deadLetterStream, { seq });
      if (!m) throw new DeadLetterNotFoundError(seq);
      return readDeadLetter(m, this.space.deadLetterStream);
    } catch (error) {
      if (error instanceof JetStreamApiError && (error.code === 10037 || error.status === 404)) {
        throw new DeadLetterNotFoundError(seq);
      }
      throw error;
    }
  }

  /**
   * Publishes the original message again on its original subject, then
   * removes the entry. Handlers are idempotent by event id, so consumers that
   * had processed it already do nothing; the one that failed gets another
   * chance. Replaying the same entry twice publishes it once.
   */
  async replay(seq: number): Promise<{ seq: number; subject: string; streamSequence: number }> {
    const { record, unreadable } = await this.get(seq);
    if (unreadable) throw new DeadLetterUnreadableError(seq);
    const h = natsHeaders();
    for (const [k, values] of Object.entries(record.headers)) {
      if (k.toLowerCase().startsWith('nats-')) continue;
      for (const v of values) h.append(k, v);
    }
    h.set('Icb-Replayed-From', `${this.space.deadLetterStream}:${seq}`);
    const body = record.encoding === 'base64' ? Buffer.from(record.data, 'base64') : record.data;
    const ack = await this.nats.js.publish(record.subject, body, {
      msgID: `replay:${this.space.deadLetterStream}:${seq}`,
      headers: h,
      timeout: 10_000,
    });
    await this.nats.manager.streams.deleteMessage(this.space.deadLetterStream, seq, false);
    return { seq, subject: record.subject, streamSequence: ack.seq };
  }

  /** Removes an entry without replaying it. */
  async discard(seq: number): Promise<void> {
    await this.get(seq);
    await this.nats.manager.streams.deleteMessage(this.space.deadLetterStream, seq, false);
  }
}
