import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  type CustomTransportStrategy,
  type MessageHandler,
  RpcException,
  Server,
} from '@nestjs/microservices';
import type { Msg, Subscription } from '@nats-io/nats-core';
import { lastValueFrom, isObservable } from 'rxjs';
import { MESSAGES, type MessageName } from '@icb/contracts';
import { BusHandler, BusHandlerOptions, ConsumerGroups } from './consumer-groups';
import { JetStreamContext, NatsRequestContext } from './jetstream.context';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { SubjectSpace } from './subject-space';

/** Request-reply subjects (`@MessagePattern`) live under this prefix (core NATS, not stored). */
export const RPC_PREFIX = 'icb.rpc.';

/** The reply to a `@MessagePattern` request: Nest's packet shape. */
export interface RpcReply {
  response?: unknown;
  err?: unknown;
}

interface Registration {
  pattern: string;
  handler: MessageHandler;
  isEvent: boolean;
  extras: BusHandlerOptions;
}

/** What a failed handler's pipeline produced, as the error the ack policy classifies. */
function asError(produced: unknown, context?: JetStreamContext): unknown {
  const recorded = context?.failed();
  if (recorded) return recorded.error;
  if (produced instanceof Error) return produced;
  // Nest's default RPC filter: `{ status: 'error', message }`.
  const message =
    produced && typeof produced === 'object' && 'message' in produced
      ? String(produced.message)
      : String(produced);
  return new Error(message);
}

/**
 * The bus as a Nest microservice transport. `@EventPattern(name, extras)`
 * handlers run on durable JetStream pull consumers with every guarantee of
 * ConsumerRunner (validation and signature checks before the handler, ack
 * after its work, nak with backoff, dead letters with reasons, one matter
 * in order); `@MessagePattern(subject)` handlers answer core NATS requests
 * on `icb.rpc.>`. Connect it with connectJetStream(app).
 */
@Injectable()
export class JetStreamServer extends Server implements CustomTransportStrategy, OnModuleDestroy {
  protected override readonly logger = new Logger('JetStreamServer');
  private readonly registrations: Registration[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly space: SubjectSpace;
  private listening = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionProvider,
    private readonly groups: ConsumerGroups,
  ) {
    super();
    this.space = new SubjectSpace(options.namespace);
  }

  /** Nest registers every pattern handler here, before listen(). */
  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const key = this.normalizePattern(pattern as string);
    callback.isEventHandler = isEventHandler;
    callback.extras = extras;
    // Each handler keeps its own extras (publisher, addressee): no chaining by pattern.
    this.registrations.push({
      pattern: key,
      handler: callback,
      isEvent: isEventHandler,
      extras: extras,
    });
    if (!this.messageHandlers.has(key)) this.messageHandlers.set(key, callback);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.groups.prepare();
      const events = this.registrations.filter((r) => r.isEvent);
      await this.groups.start(events.map((r) => this.busHandler(r)));
      for (const r of this.registrations.filter((x) => !x.isEvent)) this.respond(r);
      this.listening = true;
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops the consumers (work in progress finishes) and the request subscriptions. */
  async close(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    for (const s of this.subscriptions.splice(0)) s.unsubscribe();
    await this.groups.stop();
  }

  /** Before the connection drains and the database closes (as the explorer did). */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  on(): never {
    throw new Error('JetStreamServer has no events to listen to: see /health');
  }

  unwrap<T>(): T {
    return this.nats.connection as T;
  }

  private busHandler(r: Registration): BusHandler {
    if (!(r.pattern in MESSAGES)) {
      throw new Error(`@EventPattern('${r.pattern}'): not a message of the catalog`);
    }
    return {
      message: r.pattern as MessageName,
      consumer: r.extras.consumer,
      publisher: r.extras.publisher,
      addressee: r.extras.addressee,
      where: `@EventPattern('${r.pattern}')`,
      invoke: async (envelope, details, msg) => {
        const context = new JetStreamContext([msg, envelope, details]);
        try {
          const out: unknown = await r.handler(envelope.data, context);
          if (isObservable(out)) await lastValueFrom(out, { defaultValue: undefined });
        } catch (produced) {
          throw asError(produced, context);
        }
        // A filter that turned the exception into a value does not make it a success.
        const failed = context.failed();
        if (failed) throw asError(failed.error);
      },
    };
  }

  private respond(r: Registration): void {
    if (!r.pattern.startsWith(RPC_PREFIX)) {
      throw new Error(`@MessagePattern('${r.pattern}'): request subjects start with ${RPC_PREFIX}`);
    }
    const subject = this.space.toWire(r.pattern);
    const subscription = this.nats.connection.subscribe(subject, {
      queue: this.options.service,
      callback: (error, msg) => {
        if (!error) void this.answer(r, msg);
      },
    });
    this.subscriptions.push(subscription);
    this.logger.log(`answering ${subject} -> @MessagePattern('${r.pattern}')`);
  }

  private async answer(r: Registration, msg: Msg): Promise<void> {
    let reply: RpcReply;
    try {
      const data: unknown = msg.data.length > 0 ? msg.json() : undefined;
      const out: unknown = await r.handler(data, new NatsRequestContext([msg, r.pattern]));
      const response: unknown = isObservable(out)
        ? await lastValueFrom(out, { defaultValue: undefined })
        : out;
      reply = { response };
    } catch (error) {
      reply = { err: this.replyError(error) };
    }
    try {
      msg.respond(JSON.stringify(reply));
    } catch (error) {
      this.logger.warn(`could not answer ${msg.subject}: ${(error as Error).message}`);
    }
  }

  /** What a requester learns of a failure: an RpcException's error, else the message only. */
  private replyError(error: unknown): unknown {
    if (error instanceof RpcException) return error.getError();
    if (error instanceof Error) return { status: 'error', message: error.message };
    return error;
  }
}
