import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { SubjectSpace } from './subject-space';

export interface DeadLetterReason {
  code: string;
  reason: string;
  errors?: string[];
}

/** One entry of the dead-letter stream: the original message, untouched, and why it is there. */
export interface DeadLetterRecord extends DeadLetterReason {
  /** The wire subject the message was published on. */
  subject: string;
  consumer: string;
  stream: string;
  streamSequence: number;
  deliveryCount: number;
  /** The envelope id, when the body could be read. */
  eventId?: string;
  headers: Record<string, string[]>;
  /** The original body: UTF-8 text, or base64 when `encoding` says so. */
  data: string;
  encoding: 'utf8' | 'base64';
  deadLetteredAt: string;
}

export function toRecord(
  msg: Pick<JsMsg, 'data' | 'subject' | 'headers' | 'info'>,
  consumer: string,
  why: DeadLetterReason,
  eventId: string | undefined,
  now: Date,
): DeadLetterRecord {
  const text = Buffer.from(msg.data).toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(Buffer.from(msg.data));
  const headers: Record<string, string[]> = {};
  if (msg.headers) for (const [k, v] of msg.headers) headers[k] = v;
  return {
    ...why,
    subject: msg.subject,
    consumer,
    stream: msg.info.stream,
    streamSequence: msg.info.streamSequence,
    deliveryCount: msg.info.deliveryCount,
    eventId,
    headers,
    data: isText ? text : Buffer.from(msg.data).toString('base64'),
    encoding: isText ? 'utf8' : 'base64',
    deadLetteredAt: now.toISOString(),
  };
}

/** Writes dead-letter records; one record per (stream, sequence, consumer), however often it is written. */
export class DeadLetterWriter {
  constructor(
    private readonly js: JetStreamClient,
    private readonly space: SubjectSpace,
  ) {}

  async write(
    msg: JsMsg,
    _contractSubject: string,
    consumer: string,
    why: DeadLetterReason,
    eventId?: string,
  ): Promise<void> {
    const record = toRecord(msg, consumer, why, eventId, new Date());
    const h = natsHeaders();
    h.set('Icb-Dlq-Code', why.code);
    await this.js.publish(this.space.deadLetterSubject(consumer), JSON.stringify(record), {
      msgID: `dlq:${msg.info.stream}:${msg.info.streamSequence}:${consumer}`,
      headers: h,
      timeout: 10_000,
    });
  }
}
