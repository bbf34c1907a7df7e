import { Inject, Injectable } from '@nestjs/common';
import { JetStreamApiError } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { isAgency, verifyEnvelopeSignature } from '@icb/contracts';
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

/**
 * Why an entry is not replayed although it reads as a record: replaying
 * republishes what the record holds on the subject it names, so the record
 * must be the copy of a message the events stream holds, byte for byte, on
 * that subject (and, for an agency's message, signed by that agency). A
 * record anyone else wrote (a compromised adapter may publish on its own
 * dead-letter subject) is refused, never published in another party's name.
 */
export class DeadLetterNotReplayableError extends Error {
  constructor(
    readonly code:
      | 'DEAD_LETTER_NOT_ORIGINAL'
      | 'DEAD_LETTER_ORIGINAL_GONE'
      | 'DEAD_LETTER_SIGNATURE_REFUSED',
    message: string,
  ) {
    super(message);
    this.name = 'DeadLetterNotReplayableError';
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
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
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
    return readDeadLetter(await this.stored(seq), this.space.deadLetterStream);
  }

  /** The message the dead-letter stream holds at `seq`, or DeadLetterNotFoundError. */
  private async stored(seq: number): Promise<StoredDeadLetter> {
    // Stream sequences start at 1: JetStream answers anything else with a bare "bad request".
    if (!Number.isSafeInteger(seq) || seq < 1) throw new DeadLetterNotFoundError(seq);
    try {
      const m = await this.nats.manager.streams.getMessage(this.space.deadLetterStream, { seq });
      if (!m) throw new DeadLetterNotFoundError(seq);
      return m;
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
   *
   * What is published is the original as the events stream holds it, never
   * the record's copy: the record must be stored on the dead-letter subject
   * of the consumer it names and name a message of this bus's events stream
   * (`stream`, `streamSequence`) whose subject and bytes it repeats exactly.
   * The subject names the publisher only because NATS checked who published
   * there, which it did for the stream's message and not for a record (a
   * compromised adapter may write any record on its own dead-letter
   * subject). When the original is gone from the stream, the record's copy
   * is replayed only as an agency's message signed by the agency its subject
   * names (with the key registry). Otherwise DeadLetterNotReplayableError,
   * and nothing is published (ADR 15). The consumers check the replayed
   * message, its signature included, as they check any other.
   */
  async replay(seq: number): Promise<{ seq: number; subject: string; streamSequence: number }> {
    const stored = await this.stored(seq);
    const entry = readDeadLetter(stored, this.space.deadLetterStream);
    if (entry.unreadable) throw new DeadLetterUnreadableError(seq);
    const original = await this.originalOf(seq, stored.subject, entry.record);
    const h = natsHeaders();
    for (const k of original.header?.keys() ?? []) {
      if (k.toLowerCase().startsWith('nats-')) continue;
      for (const v of original.header!.values(k)) h.append(k, v);
    }
    h.set('Icb-Replayed-From', `${this.space.deadLetterStream}:${seq}`);
    const ack = await this.nats.js.publish(original.subject, original.data, {
      msgID: `replay:${this.space.deadLetterStream}:${seq}`,
      headers: h,
      timeout: 10_000,
    });
    await this.nats.manager.streams.deleteMessage(this.space.deadLetterStream, seq, false);
    return { seq, subject: original.subject, streamSequence: ack.seq };
  }

  /** The message a record is the copy of, from the events stream, or why it is not replayable. */
  private async originalOf(
    seq: number,
    dlqSubject: string,
    record: DeadLetterRecord,
  ): Promise<StoredDeadLetter> {
    const notOriginal = (why: string) =>
      new DeadLetterNotReplayableError(
        'DEAD_LETTER_NOT_ORIGINAL',
        `dead-letter entry ${seq} is not replayed: ${why}. Only the messaging layer writes dead letters; discard this one.`,
      );
    if (dlqSubject !== this.space.deadLetterSubject(record.consumer)) {
      throw notOriginal(
        `it is stored on ${dlqSubject}, not on the dead-letter subject of its consumer ${record.consumer}`,
      );
    }
    if (record.stream !== this.space.eventsStream) {
      throw notOriginal(`it names the stream ${record.stream}, not ${this.space.eventsStream}`);
    }
    if (!Number.isSafeInteger(record.streamSequence) || record.streamSequence < 1) {
      throw notOriginal('it names no message of the events stream');
    }
    let original: StoredDeadLetter | null;
    try {
      original = await this.nats.manager.streams.getMessage(this.space.eventsStream, {
        seq: record.streamSequence,
      });
    } catch (error) {
      if (!(error instanceof JetStreamApiError && (error.code === 10037 || error.status === 404))) {
        throw error;
      }
      original = null;
    }
    const body =
      record.encoding === 'base64'
        ? Buffer.from(record.data, 'base64')
        : Buffer.from(record.data, 'utf8');
    if (!original) {
      const { state } = await this.nats.manager.streams.info(this.space.eventsStream);
      if (record.streamSequence > state.last_seq) {
        throw notOriginal(`the events stream has no message ${record.streamSequence} yet`);
      }
      return this.signedCopy(seq, record, body);
    }
    if (original.subject !== record.subject || !body.equals(Buffer.from(original.data))) {
      throw notOriginal(
        `message ${record.streamSequence} of ${this.space.eventsStream} is not what it holds (another subject or other bytes)`,
      );
    }
    return original;
  }

  /**
   * The record's own copy, when its original is gone from the events stream:
   * only an agency's message, signed by the agency its subject names with a
   * key effective now (the consumers check it again), with the key registry.
   */
  private signedCopy(seq: number, record: DeadLetterRecord, body: Buffer): StoredDeadLetter {
    const gone = `message ${record.streamSequence} is no longer in ${this.space.eventsStream}`;
    const refuse = (why: string) =>
      new DeadLetterNotReplayableError(
        'DEAD_LETTER_ORIGINAL_GONE',
        `dead-letter entry ${seq} is not replayed: ${gone}, and ${why}; ask its publisher to send it again`,
      );
    const keys = this.options.agencyKeys;
    if (!keys) throw refuse('this service has no key registry to check its signature');
    const publisher = this.space.fromWire(record.subject).split('.')[2];
    if (!record.subject.startsWith(`${this.space.namespace}.evt.`) || !isAgency(publisher)) {
      throw refuse('it is not an agency’s signed message');
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(body.toString('utf8'));
    } catch {
      envelope = undefined;
    }
    if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) {
      throw refuse('it is not an envelope');
    }
    const checked = verifyEnvelopeSignature(envelope, publisher, Date.now(), keys);
    if (!checked.ok) {
      throw new DeadLetterNotReplayableError(
        'DEAD_LETTER_SIGNATURE_REFUSED',
        `dead-letter entry ${seq} is not replayed: ${gone}, and its signature does not prove ${publisher} said it: ${checked.code}: ${checked.reason}`,
      );
    }
    const headers = Object.entries(record.headers).filter(
      ([k]) => !k.toLowerCase().startsWith('nats-'),
    );
    return {
      seq: record.streamSequence,
      subject: record.subject,
      data: body,
      time: new Date(),
      header: {
        keys: () => headers.map(([k]) => k),
        values: (k: string) => headers.find(([h]) => h === k)?.[1] ?? [],
      },
    };
  }

  /** Removes an entry without replaying it. */
  async discard(seq: number): Promise<void> {
    await this.get(seq);
    await this.nats.manager.streams.deleteMessage(this.space.deadLetterStream, seq, false);
  }
}
