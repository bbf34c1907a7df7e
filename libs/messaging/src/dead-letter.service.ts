import { Inject, Injectable } from '@nestjs/common';
import { JetStreamApiError } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import type { DeadLetterRecord } from './dead-letter.writer';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { SubjectSpace } from './subject-space';

export interface DeadLetterEntry {
  /** Sequence in the dead-letter stream: the id to replay or discard it by. */
  seq: number;
  record: DeadLetterRecord;
}

export class DeadLetterNotFoundError extends Error {
  readonly code = 'DEAD_LETTER_NOT_FOUND';
  constructor(seq: number) {
    super(`no dead-letter entry ${seq}`);
  }
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
    try {
      const m = await this.nats.manager.streams.getMessage(this.space.deadLetterStream, { seq });
      if (!m) throw new DeadLetterNotFoundError(seq);
      return { seq, record: m.json<DeadLetterRecord>() };
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
    const { record } = await this.get(seq);
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
