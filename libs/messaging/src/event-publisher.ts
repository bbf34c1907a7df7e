import { Inject, Injectable } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/nats-core';
import {
  cloudEventType,
  Envelope,
  MESSAGES,
  MessageName,
  natsSubject,
  PayloadOf,
  Precedence,
  schemaId,
  sourceOf,
} from '@icb/contracts';
import { BUS_VALIDATOR, BusValidator } from './bus-validator.provider';
import { newEventId } from './event-id';
import { PublishForbiddenError, PublishValidationError } from './messaging.errors';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { SubjectSpace } from './subject-space';

export interface PublishOptions {
  /** Event id; give a derived one (derivedEventId) when a retry must not make a second event. */
  id?: string;
  /** The event that caused this one: sets causation, correlation, and inherits marking and precedence. */
  causedBy?: Pick<Envelope, 'id' | 'correlationid' | 'classification' | 'precedence'>;
  correlationId?: string;
  classification?: string;
  precedence?: Precedence;
  time?: Date;
  traceparent?: string;
}

export interface PublishedEvent<N extends MessageName = MessageName> {
  envelope: Envelope<PayloadOf<N>>;
  subject: string;
  /** Stream sequence of the stored event. */
  seq: number;
  /** True when JetStream had this event id already (nothing new was stored). */
  duplicate: boolean;
}

/**
 * Publishes typed events to JetStream. The payload type follows from the
 * message name, so a wrong payload is a compile error; at run time the
 * envelope is validated against the same contract before it is sent.
 */
@Injectable()
export class EventPublisher {
  private readonly space: SubjectSpace;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionProvider,
    @Inject(BUS_VALIDATOR) private readonly validator: BusValidator,
    private readonly metrics: MessagingMetrics,
  ) {
    this.space = new SubjectSpace(options.namespace);
  }

  /** Builds and validates the envelope without sending it. */
  envelope<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): { envelope: Envelope<PayloadOf<N>>; subject: string } {
    const def = MESSAGES[name] as unknown as {
      name: string;
      version: number;
      publishers: readonly string[];
      subjectOf: (p: PayloadOf<N>) => string;
      addressee?: (p: PayloadOf<N>) => string;
    };
    const party = this.options.party;
    if (!def.publishers.includes(party)) throw new PublishForbiddenError(name, party);
    const id = opts.id ?? newEventId();
    const fromPayload = payload as { classification?: unknown; precedence?: unknown };
    const envelope: Envelope<PayloadOf<N>> = {
      specversion: '1.0',
      id,
      source: sourceOf(party),
      type: cloudEventType(def),
      time: (opts.time ?? new Date()).toISOString(),
      subject: def.subjectOf(payload),
      datacontenttype: 'application/json',
      dataschema: schemaId(def),
      correlationid: opts.correlationId ?? opts.causedBy?.correlationid ?? id,
      classification:
        opts.classification ??
        (typeof fromPayload.classification === 'string' ? fromPayload.classification : undefined) ??
        opts.causedBy?.classification ??
        'UNCLASSIFIED',
      precedence:
        opts.precedence ??
        (typeof fromPayload.precedence === 'string'
          ? (fromPayload.precedence as Precedence)
          : undefined) ??
        opts.causedBy?.precedence ??
        'ROUTINE',
      data: payload,
    };
    if (opts.causedBy) envelope.causationid = opts.causedBy.id;
    if (opts.traceparent) envelope.traceparent = opts.traceparent;
    const result = this.validator.validateEnvelope(name, JSON.parse(JSON.stringify(envelope)));
    if (!result.ok) throw new PublishValidationError(name, result.errors);
    // natsSubject's generic signature wants the definition and payload types to agree.
    const subject = this.space.toWire(
      natsSubject(MESSAGES[name] as never, party, payload as never),
    );
    return { envelope, subject };
  }

  async publish<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): Promise<PublishedEvent<N>> {
    const { envelope, subject } = this.envelope(name, payload, opts);
    const ack = await this.send(subject, envelope);
    this.metrics.published.inc({ message: name });
    return { envelope, subject, seq: ack.seq, duplicate: ack.duplicate };
  }

  /** Sends an already-built envelope (its id is the de-duplication key). */
  async send(subject: string, envelope: Envelope): Promise<{ seq: number; duplicate: boolean }> {
    const h = natsHeaders();
    if (envelope.traceparent) h.set('traceparent', envelope.traceparent);
    const ack = await this.nats.js.publish(subject, JSON.stringify(envelope), {
      msgID: envelope.id,
      headers: h,
      timeout: 10_000,
    });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }
}
