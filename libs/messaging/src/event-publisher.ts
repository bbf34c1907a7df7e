import { Inject, Injectable } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/nats-core';
import {
  buildEnvelope,
  Envelope,
  MESSAGES,
  MessageName,
  natsSubject,
  PayloadOf,
  Precedence,
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
  /** Raises the payload's marking (the high-water mark of both); else the cause's, else UNCLASSIFIED. */
  classification?: string;
  /** With a payload precedence the more urgent of both; else the cause's, else ROUTINE. */
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
 * A publish is tried this many times when it times out or finds no
 * responder: while a cluster elects a new stream leader (a server lost) the
 * stream answers nothing for a few seconds, and while the client moves to
 * another server its request waits in the reconnect buffer. The envelope id
 * is JetStream's de-duplication id (`msgID`), so a retry of a publish that
 * was in fact stored stores nothing new. Between attempts nats.js waits 0,
 * 250, 250, 500, 500, 3000, then 5000 ms: about 20 s in all, more than the
 * election after a `kill -9` of the leader took on the three-server cluster
 * (test/cluster, README "Cluster").
 */
export const PUBLISH_ATTEMPTS = 10;
export const PUBLISH_ATTEMPT_TIMEOUT_MS = 5_000;

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

  /** Builds, signs (with the service's key, when it has one) and validates the envelope without sending it. */
  envelope<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): { envelope: Envelope<PayloadOf<N>>; subject: string } {
    const party = this.options.party;
    const publishers = (MESSAGES[name] as { publishers: readonly string[] }).publishers;
    if (!publishers.includes(party)) throw new PublishForbiddenError(name, party);
    // The marking and precedence of the event that caused this one are the
    // fallback when neither the payload nor the caller gives one.
    const envelope = buildEnvelope(name, payload, {
      publisher: party,
      id: opts.id ?? newEventId(),
      time: opts.time,
      correlationId: opts.correlationId ?? opts.causedBy?.correlationid,
      causationId: opts.causedBy?.id,
      traceparent: opts.traceparent,
      classification: opts.classification,
      defaultClassification: opts.causedBy?.classification ?? 'UNCLASSIFIED',
      precedence: opts.precedence,
      defaultPrecedence: opts.causedBy?.precedence,
      signer: this.options.signingKey,
    });
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
      timeout: PUBLISH_ATTEMPT_TIMEOUT_MS,
      retries: PUBLISH_ATTEMPTS,
    });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }
}
