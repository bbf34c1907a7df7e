import { connect, type NatsConnection } from '@nats-io/transport-node';
import { headers as natsHeaders } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import {
  AGENCIES,
  MESSAGES,
  signingKeyFromJwk,
  type Agency,
  type BusValidator,
  type Envelope,
  type PayloadOf,
  type SigningKey,
} from '@icb/contracts';
import { isRetryableError, withRetries, type RetryInfo } from './retry';

import {
  buildEnvelope,
  checkIncoming,
  sharedValidator,
  type PublishableBy,
  type PublishOptions,
  type PublishResult,
} from './agency-client.envelope';
import { delivery, type Delivery, type InvalidDelivery } from './agency-client.delivery';

export {
  AGENCY_PUBLISHABLE,
  buildEnvelope,
  checkIncoming,
  mayPublish,
  type IncomingCheck,
  type PublishableBy,
  type PublishOptions,
  type PublishResult,
} from './agency-client.envelope';
export type { Delivery, InvalidDelivery } from './agency-client.delivery';

export interface AgencyClientOptions<A extends Agency = Agency> {
  agency: A;
  servers: string | string[];
  user?: string;
  password?: string;
  inboxPrefix?: string;
  /** Bus namespace: `icb` (default) in production; tests use their own. */
  namespace?: string;
  /** Durable consumer name of review requests; default `<agency>-system`. Refusals use `<durable>-refused`. */
  durable?: string;
  /** Connection name shown by the server; default `<agency>-agency-client`. */
  name?: string;
  /** Ack deadline of a consumer created by the client; default 30 s. */
  ackWaitMs?: number;
  /**
   * Most deliveries of one message for a consumer created by the client;
   * default unlimited (-1): a message the server stops redelivering is
   * neither done nor refused, so `nak` what should come back and `term` what
   * never can (as the bus's own consumers do, ADR 10).
   */
  maxDeliver?: number;
  /** Unacknowledged messages pulled at once; default 16. */
  maxMessages?: number;
  /** Publish acknowledgement timeout of one attempt; default 10 s. */
  publishTimeoutMs?: number;
  /**
   * How long `publish` keeps trying when the bus does not confirm (timeout,
   * no responders, reconnecting), with the same event id each time so it is
   * stored once; default 60 s, 0 for a single attempt.
   */
  publishDeadlineMs?: number;
  /** Told of each publish retry (the failed attempt, its error, the wait). */
  onPublishRetry?: (info: RetryInfo & { eventId: string }) => void;
  /** Told of each invalid incoming message (already terminated). */
  onInvalid?: (invalid: InvalidDelivery) => void;
  /** A compiled validator to share; one is built on first use otherwise. */
  validator?: BusValidator;
  /**
   * The agency's private signing key (an Ed25519 JWK with its `kid`, as an
   * object or JSON text, or an imported key): every message is signed with
   * it. The coordinator refuses an agency's unsigned message (ADR 15).
   */
  signingKey?: SigningKey | Record<string, unknown> | string;
}

const CONSUMER_NOT_FOUND = 10014;

/**
 * A typed client for an agency's own system: publishes as the agency (only
 * the messages it may publish, validated against the contract, acknowledged
 * by JetStream) and reads what the coordinator addresses to it from durable
 * pull consumers, with explicit acknowledgement.
 */
export class AgencyClient<A extends Agency = Agency> {
  readonly agency: A;
  readonly namespace: string;
  readonly durable: string;
  private readonly active = new Set<ConsumerMessages>();
  private jsmPromise?: Promise<JetStreamManager>;
  private closed = false;
  private readonly signer?: SigningKey;

  private constructor(
    readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly options: AgencyClientOptions<A>,
  ) {
    this.agency = options.agency;
    this.namespace = options.namespace ?? 'icb';
    this.durable = options.durable ?? `${options.agency}-system`;
    const key = options.signingKey;
    this.signer =
      key === undefined
        ? undefined
        : typeof key === 'object' && 'privateKey' in key
          ? (key as SigningKey)
          : signingKeyFromJwk(key);
  }

  static async connect<A extends Agency>(
    options: AgencyClientOptions<A>,
  ): Promise<AgencyClient<A>> {
    if (!(AGENCIES as readonly string[]).includes(options.agency)) {
      throw new Error(`unknown agency "${String(options.agency)}"`);
    }
    const nc = await connect({
      servers: options.servers,
      user: options.user,
      pass: options.password,
      inboxPrefix: options.inboxPrefix,
      name: options.name ?? `${options.agency}-agency-client`,
    });
    return new AgencyClient(nc, jetstream(nc), options);
  }

  /** The JetStream stream of events in this namespace (`ICB_EVENTS`). */
  get stream(): string {
    return `${this.namespace.toUpperCase()}_EVENTS`;
  }

  /** Contract subject (`icb.…`) → subject in this namespace. */
  toWire(subject: string): string {
    return this.namespace === 'icb' ? subject : subject.replace(/^icb\./, `${this.namespace}.`);
  }

  /** Subject in this namespace → contract subject. */
  fromWire(subject: string): string {
    const prefix = `${this.namespace}.`;
    return subject.startsWith(prefix) ? `icb.${subject.slice(prefix.length)}` : subject;
  }

  /** Builds and validates the envelope without sending it; the subject is in this namespace. */
  envelope<N extends PublishableBy<A>>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): { envelope: Envelope<PayloadOf<N>>; subject: string } {
    const built = buildEnvelope(this.agency, name, payload, opts, this.validator(), this.signer);
    return { envelope: built.envelope, subject: this.toWire(built.subject) };
  }

  /**
   * Publishes as the agency and waits for JetStream's acknowledgement. Throws
   * `NotPermittedError` or `InvalidMessageError` before sending anything.
   * When the bus does not confirm (a timeout, no responders, the connection
   * reconnecting, JetStream 503) it tries again with backoff, with the same
   * event id (`Nats-Msg-Id`, stored once), until `publishDeadlineMs`; then
   * the last error is thrown, and the same call (or the same `id`) may be
   * retried later without making a second event.
   */
  async publish<N extends PublishableBy<A>>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): Promise<PublishResult> {
    const { envelope, subject } = this.envelope(name, payload, opts);
    const h = natsHeaders();
    h.set('Content-Type', 'application/cloudevents+json');
    if (envelope.traceparent) h.set('traceparent', envelope.traceparent);
    const body = JSON.stringify(envelope);
    const perAttempt = this.options.publishTimeoutMs ?? 10_000;
    const ack = await withRetries(
      (_n, deadline) =>
        this.js.publish(subject, body, {
          msgID: envelope.id,
          headers: h,
          // The last attempt gets what is left, at least one second.
          timeout: Math.max(1_000, Math.min(perAttempt, deadline - Date.now())),
        }),
      (error) => ({ retry: !this.closed && isRetryableError(error) }),
      {
        deadlineMs: this.options.publishDeadlineMs ?? 60_000,
        baseDelayMs: 250,
        maxDelayMs: 5_000,
        onRetry: (info) => this.options.onPublishRetry?.({ ...info, eventId: envelope.id }),
      },
    );
    return { eventId: envelope.id, seq: ack.seq, duplicate: ack.duplicate, subject };
  }

  /**
   * Review requests addressed to this agency, from the durable consumer
   * `durable`. Settle each with `ack()` (done) or `nak(delayMs)` (retry).
   * Stops when the loop breaks or the client closes.
   */
  reviewRequests(): AsyncGenerator<Delivery<'review.requested'>> {
    return this.deliveries('review.requested', this.durable);
  }

  /** The coordinator's refusals of this agency's messages, from the durable consumer `<durable>-refused`. */
  refusals(): AsyncGenerator<Delivery<'message.refused'>> {
    return this.deliveries('message.refused', `${this.durable}-refused`);
  }

  /** The (wire) filter subject of the consumer of `name` addressed to this agency. */
  filterSubject(name: 'review.requested' | 'message.refused'): string {
    const def = MESSAGES[name];
    return this.toWire(`icb.evt.coordinator.${def.name}.v${def.version}.${this.agency}`);
  }

  /** Creates the durable consumer when it is missing; an existing one is reused as configured. */
  async ensureConsumer(
    name: 'review.requested' | 'message.refused',
    durable: string,
  ): Promise<void> {
    const jsm = await this.jsm();
    try {
      await jsm.consumers.info(this.stream, durable);
      return;
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === CONSUMER_NOT_FOUND)) throw error;
    }
    try {
      await jsm.consumers.add(this.stream, {
        durable_name: durable,
        description: `${this.agency} agency system: ${name}`,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
        max_deliver: this.options.maxDeliver ?? -1,
        filter_subject: this.filterSubject(name),
      });
    } catch (error) {
      // Another instance created it first: use that one.
      const exists = await jsm.consumers.info(this.stream, durable).then(
        () => true,
        () => false,
      );
      if (!exists) throw error;
    }
  }

  private async *deliveries<N extends 'review.requested' | 'message.refused'>(
    name: N,
    durable: string,
  ): AsyncGenerator<Delivery<N>> {
    if (this.closed) return;
    await this.ensureConsumer(name, durable);
    const consumer = await this.js.consumers.get(this.stream, durable);
    const messages = await consumer.consume({ max_messages: this.options.maxMessages ?? 16 });
    this.active.add(messages);
    try {
      for await (const msg of messages) {
        const subject = this.fromWire(msg.subject);
        const checked = checkIncoming(name, this.agency, subject, msg.string(), this.validator());
        if (!checked.ok) {
          msg.term(`${checked.reason}: ${checked.errors.join('; ')}`.slice(0, 1024));
          this.reportInvalid({
            consumer: durable,
            subject,
            streamSequence: msg.info.streamSequence,
            deliveryCount: msg.info.deliveryCount,
            reason: checked.reason,
            errors: checked.errors,
          });
          continue;
        }
        yield delivery(msg, subject, checked.envelope);
      }
    } finally {
      this.active.delete(messages);
      await messages.close();
    }
  }

  private reportInvalid(invalid: InvalidDelivery): void {
    try {
      this.options.onInvalid?.(invalid);
    } catch {
      // A failing callback must not stop the consumer.
    }
  }

  private validator(): BusValidator {
    return this.options.validator ?? sharedValidator();
  }

  private jsm(): Promise<JetStreamManager> {
    this.jsmPromise ??= jetstreamManager(this.connection);
    return this.jsmPromise;
  }

  /** Stops the consumers (unsettled messages are redelivered later) and drains the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.active].map((m) => m.close()));
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
