import { BaseRpcContext } from '@nestjs/microservices';
import type { JsMsg } from '@nats-io/jetstream';
import type { Msg } from '@nats-io/nats-core';
import type { Envelope } from '@icb/contracts';
import type { MessageContext } from './message-context';

type JetStreamContextArgs = [msg: JsMsg, envelope: Envelope, details: MessageContext];

/**
 * What `@Ctx()` gives an `@EventPattern` handler: the JetStream message, its
 * validated CloudEvents envelope and the delivery's details. The payload
 * (`envelope.data`) is what `@Payload()` gives.
 */
export class JetStreamContext extends BaseRpcContext<JetStreamContextArgs> {
  /** The exception the handler's pipeline threw, recorded by JetStreamExceptionFilter. */
  private failure?: { error: unknown };

  /** The JetStream message as received (headers, info, raw data). */
  getMessage(): JsMsg {
    return this.args[0];
  }

  /** The whole CloudEvents envelope (id, causation, marking, signature...). */
  getEnvelope(): Envelope {
    return this.args[1];
  }

  /** Subject, consumer, stream, sequence, delivery count, verified signature. */
  getDetails(): MessageContext {
    return this.args[2];
  }

  /** Contract subject (namespace-independent), e.g. `icb.evt.dod.signoff.submitted.v1`. */
  getSubject(): string {
    return this.args[2].subject;
  }

  /** 1 on the first delivery. */
  getDeliveryCount(): number {
    return this.args[2].deliveryCount;
  }

  getStreamSequence(): number {
    return this.args[2].streamSequence;
  }

  /** Tells JetStream the handler is still working (resets the ack timer). */
  working(): void {
    this.args[2].working();
  }

  /** @internal Records the exception the handler ended with (the ack policy decides on it). */
  fail(error: unknown): void {
    this.failure ??= { error };
  }

  /** @internal */
  failed(): { error: unknown } | undefined {
    return this.failure;
  }
}

/** What `@Ctx()` gives a `@MessagePattern` handler: the core NATS request. */
export class NatsRequestContext extends BaseRpcContext<[msg: Msg, subject: string]> {
  getMessage(): Msg {
    return this.args[0];
  }

  /** Contract subject (namespace-independent), e.g. `icb.rpc.probe.echo`. */
  getSubject(): string {
    return this.args[1];
  }
}
