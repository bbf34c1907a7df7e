import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { AgencyKeyRegistry, Envelope } from '@icb/contracts';
import { decideAck, RetryPolicy } from './ack-policy';
import type { BusValidator } from './bus-validator.provider';
import { DeadLetterWriter, DeadLetterReason } from './dead-letter.writer';
import {
  checkDelivery,
  DEFAULT_ENVELOPE_TIME_WINDOW,
  type EnvelopeTimeWindow,
} from './delivery-check';
import type { MessageContext } from './message-context';
import type { MessagingMetrics } from './messaging.metrics';
import { SubjectSpace } from './subject-space';

/** Runs the handler of one validated message; resolves when its work is done. */
export type Dispatch = (
  name: string,
  parsed: { publisher: string; addressee?: string },
  envelope: Envelope,
  context: MessageContext,
  msg: JsMsg,
) => Promise<void>;

export interface ConsumerRunnerOptions {
  stream: string;
  durable: string;
  maxInFlight: number;
  /** The consumer's ack wait: held messages are kept alive well within it. */
  ackWaitMs: number;
  retry: RetryPolicy;
  /** How far an agency's envelope time may lie from when the bus stored the message. */
  envelopeTime?: EnvelopeTimeWindow;
  /** Given, every agency message must carry a valid signature by its publisher (ADR 15). */
  agencyKeys?: AgencyKeyRegistry;
}

/**
 * How long one pull request lives (its idle heartbeat is half of it): the
 * longest a consumer stays stalled on a pull the server lost.
 */
export const PULL_EXPIRES_MS = 10_000;

/**
 * Messages asked of the server per pull request. The client asks for more
 * only once the loop has taken what it received, so this also bounds what
 * waits unseen in the client (and so without in-progress acks) while every
 * slot is busy: a quarter of `maxInFlight`.
 */
export function pullBatch(maxInFlight: number): number {
  return Math.max(1, Math.ceil(maxInFlight / 4));
}

/** How often held messages are told the server "still working" (+WPI): three times per ack wait. */
export function workingIntervalMs(ackWaitMs: number): number {
  return Math.max(100, Math.floor(ackWaitMs / 3));
}

/**
 * Pulls from one durable consumer and works on at most `maxInFlight`
 * messages at once. Messages about the same matter (envelope `subject`) run
 * one after another, in stream order; others run in parallel. Every message
 * ends acked, nak'd with a delay, or dead-lettered with its reason: none is
 * dropped. Stopping stops the pull, hands back what was not started, and
 * waits for the work in progress.
 *
 * Bounded, and no redelivery storms: at most `maxInFlight` messages are held
 * (running, or queued behind earlier work on their matter), plus one waiting
 * for a slot, plus at most `pullBatch` the client has received and the loop
 * not yet taken. Every held message is sent an in-progress ack every third
 * of the ack wait until it is settled, so a message that waits its turn
 * behind a slow matter or a busy slot is not redelivered (ADR 10).
 */
export class ConsumerRunner {
  private readonly logger: Logger;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly chains = new Map<string, Promise<void>>();
  /** Received and not yet settled: each is kept alive with in-progress acks. */
  private readonly held = new Set<JsMsg>();
  /** Stream sequence → when its last delivery here failed transiently (for the gauge). */
  private readonly retrying = new Map<number, number>();
  private heartbeat?: NodeJS.Timeout;
  private slotFreed?: () => void;

  constructor(
    private readonly js: JetStreamClient,
    private readonly space: SubjectSpace,
    private readonly validator: BusValidator,
    private readonly deadLetters: DeadLetterWriter,
    private readonly metrics: MessagingMetrics,
    private readonly dispatch: Dispatch,
    private readonly options: ConsumerRunnerOptions,
  ) {
    this.logger = new Logger(`Consumer ${options.durable}`);
  }

  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(this.options.stream, this.options.durable);
    this.messages = await consumer.consume({
      max_messages: pullBatch(this.options.maxInFlight),
      // Each pull lives PULL_EXPIRES_MS, with a server heartbeat every half
      // of it; two missed heartbeats make the client pull again. With the
      // client's 30 s default a pull lost with a cluster member stalled the
      // consumer about 30 s (test/cluster); 10 s bounds the stall at about
      // 10 s for one more idle pull request every 10 s.
      expires: PULL_EXPIRES_MS,
    });
    this.heartbeat = setInterval(() => this.keepAlive(), workingIntervalMs(this.options.ackWaitMs));
    this.heartbeat.unref();
    this.loop = this.run(this.messages);
  }

  /** Messages received and not yet settled (running, queued behind their matter, or waiting for a slot). */
  get pending(): number {
    return this.held.size;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const msg of messages) {
        if (this.stopping) {
          msg.nak();
          continue;
        }
        this.hold(msg);
        while (this.inFlight.size >= this.options.maxInFlight) {
          await new Promise<void>((resolve) => (this.slotFreed = resolve));
        }
        const work = this.receive(msg);
        this.inFlight.add(work);
        void work.finally(() => {
          this.inFlight.delete(work);
          this.release(msg);
          const wake = this.slotFreed;
          this.slotFreed = undefined;
          wake?.();
        });
      }
    } catch (error) {
      if (!this.stopping) this.logger.error(`pull loop ended: ${(error as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private hold(msg: JsMsg): void {
    this.held.add(msg);
    this.metrics.held.set({ consumer: this.options.durable }, this.held.size);
  }

  private release(msg: JsMsg): void {
    this.held.delete(msg);
    this.metrics.held.set({ consumer: this.options.durable }, this.held.size);
  }

  /** Tells the server every held message is still being worked on: its ack timer starts again. */
  private keepAlive(): void {
    for (const msg of this.held) {
      try {
        msg.working();
      } catch {
        // The connection is closing: the server redelivers after the ack wait, nothing is lost.
      }
    }
    if (this.retrying.size > 0) this.pruneRetrying();
  }

  /** Keeps the "retrying transient" gauge: set on a transient nak, cleared when settled here or long unseen. */
  private noteRetry(seq: number, transient: boolean): void {
    if (transient) this.retrying.set(seq, Date.now());
    else this.retrying.delete(seq);
    this.pruneRetrying();
  }

  private pruneRetrying(): void {
    // Not seen again for this long: another instance has it, or settled it.
    const now = Date.now();
    const longest =
      Math.max(0, ...this.options.retry.backoffMs) * (1 + (this.options.retry.jitter ?? 0));
    const stale = longest + 2 * this.options.ackWaitMs + 5_000;
    for (const [seq, at] of this.retrying) if (now - at > stale) this.retrying.delete(seq);
    this.metrics.retryingTransient.set({ consumer: this.options.durable }, this.retrying.size);
  }

  /** Parses and validates one delivery, then queues it behind earlier work on the same matter. */
  private receive(msg: JsMsg): Promise<void> {
    const started = process.hrtime.bigint();
    const subject = this.space.fromWire(msg.subject);
    const checked = checkDelivery(
      {
        subject,
        data: msg.data,
        storedAtMs: Math.floor(msg.info.timestampNanos / 1_000_000),
      },
      this.validator,
      this.options.envelopeTime ?? DEFAULT_ENVELOPE_TIME_WINDOW,
      this.options.agencyKeys,
    );
    const label = {
      consumer: this.options.durable,
      message: checked.ok ? checked.name : 'invalid',
    };
    this.metrics.consumed.inc(label);
    if (!checked.ok) return this.deadLetter(msg, subject, checked.reason, checked.eventId);

    const context: MessageContext = {
      subject,
      consumer: this.options.durable,
      stream: msg.info.stream,
      streamSequence: msg.info.streamSequence,
      deliveryCount: msg.info.deliveryCount,
      redelivered: msg.redelivered,
      working: () => msg.working(),
      ...(checked.signature ? { signature: checked.signature } : {}),
    };
    const key = checked.envelope.subject;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const work = previous.then(() =>
      this.handle(msg, checked.name, checked.parsed, checked.envelope, context).finally(() => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.metrics.handleSeconds.observe(label, seconds);
      }),
    );
    this.chains.set(key, work);
    void work.finally(() => {
      if (this.chains.get(key) === work) this.chains.delete(key);
    });
    return work;
  }

  private async handle(
    msg: JsMsg,
    name: string,
    parsed: { publisher: string; addressee?: string },
    envelope: Envelope,
    context: MessageContext,
  ): Promise<void> {
    let outcome: { ok: true } | { ok: false; error: unknown };
    try {
      await this.dispatch(name, parsed, envelope, context, msg);
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const decision = decideAck(outcome, msg.info.deliveryCount, this.options.retry);
    const label = { consumer: this.options.durable, message: name };
    const seq = msg.info.streamSequence;
    switch (decision.action) {
      case 'ack':
        msg.ack();
        this.metrics.acked.inc(label);
        this.noteRetry(seq, false);
        return;
      case 'nak':
        this.logger.warn(
          `${name} ${envelope.id} failed${decision.transient ? ' transiently' : ''} (delivery ${msg.info.deliveryCount}), retry in ${decision.delayMs} ms: ${decision.reason}`,
        );
        msg.nak(decision.delayMs);
        this.metrics.nakd.inc(label);
        if (decision.transient) {
          this.metrics.transientRetries.inc({
            consumer: this.options.durable,
            code: decision.code,
          });
        }
        this.noteRetry(seq, decision.transient);
        return;
      case 'dead-letter':
        this.noteRetry(seq, false);
        return this.deadLetter(
          msg,
          context.subject,
          { code: decision.code, reason: decision.reason },
          envelope.id,
        );
    }
  }

  /** Stores the message and the reason on the dead-letter stream, then terminates it; if the store fails, retries later. */
  private async deadLetter(
    msg: JsMsg,
    subject: string,
    why: DeadLetterReason,
    eventId?: string,
  ): Promise<void> {
    try {
      await this.deadLetters.write(msg, subject, this.options.durable, why, eventId);
      msg.term(`${why.code}: ${why.reason}`.slice(0, 256));
      this.metrics.deadLettered.inc({ consumer: this.options.durable, code: why.code });
      this.logger.warn(
        `dead-lettered ${subject} seq ${msg.info.streamSequence}: ${why.code} ${why.reason}`,
      );
    } catch (error) {
      this.logger.error(
        `could not dead-letter seq ${msg.info.streamSequence}, will retry: ${(error as Error).message}`,
      );
      msg.nak(this.options.retry.backoffMs[0] ?? 1000);
    }
  }
}
