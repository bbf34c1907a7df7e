import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { Observable } from 'rxjs';
import type { MessageName, PayloadOf } from '@icb/contracts';
import { EventPublisher, type PublishedEvent, type PublishOptions } from './event-publisher';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { RPC_PREFIX, type RpcReply } from './jetstream.server';
import { SubjectSpace } from './subject-space';

/** A payload with its publish options (event id, cause, marking...), as `emit`'s data. */
export class JetStreamRecord<T = unknown> {
  constructor(
    readonly data: T,
    readonly options: PublishOptions = {},
  ) {}
}

/** How long `send` waits for an answer before it fails (core NATS request). */
export const RPC_TIMEOUT_MS = 5_000;

/**
 * The bus as a Nest `ClientProxy`. `emit(name, payload)` publishes a durable
 * event: the envelope built by `buildEnvelope` (libs/contracts), signed and
 * validated by EventPublisher, completing with the PubAck (stream sequence,
 * duplicate). `send(subject, data)` asks a `@MessagePattern` handler on
 * `icb.rpc.>` and completes with its answer. It shares the module's NATS
 * connection: `connect` and `close` leave it to MessagingModule.
 */
@Injectable()
export class JetStreamClient extends ClientProxy {
  private readonly space: SubjectSpace;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly nats: NatsConnectionProvider,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    super();
    this.space = new SubjectSpace(options.namespace);
  }

  /** `emit`, typed by the catalog: the payload must be the message's, the result is the PubAck. */
  emitEvent<N extends MessageName>(
    name: N,
    data: PayloadOf<N> | JetStreamRecord<PayloadOf<N>>,
  ): Observable<PublishedEvent<N>> {
    return this.emit<PublishedEvent<N>>(name, data);
  }

  async connect(): Promise<void> {
    await this.nats.connect();
  }

  close(): void {
    // The connection is MessagingModule's: it drains on shutdown.
  }

  unwrap<T>(): T {
    return this.nats.connection as T;
  }

  override on(): never {
    throw new Error('JetStreamClient has no events to listen to: see /health');
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    const name = packet.pattern as MessageName;
    const record =
      packet.data instanceof JetStreamRecord
        ? (packet.data as JetStreamRecord<PayloadOf<MessageName>>)
        : new JetStreamRecord(packet.data as PayloadOf<MessageName>);
    return (await this.publisher.publish(name, record.data, record.options)) as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const pattern = this.normalizePattern(packet.pattern as string);
    if (!pattern.startsWith(RPC_PREFIX)) {
      callback({ err: new Error(`send('${pattern}'): request subjects start with ${RPC_PREFIX}`) });
      return () => undefined;
    }
    let cancelled = false;
    this.nats.connection
      .request(this.space.toWire(pattern), JSON.stringify(packet.data), {
        timeout: RPC_TIMEOUT_MS,
      })
      .then((msg) => {
        if (cancelled) return;
        const reply = msg.json<RpcReply>();
        if (reply.err !== undefined) callback({ err: reply.err });
        else callback({ response: reply.response, isDisposed: true });
      })
      .catch((error: unknown) => {
        if (!cancelled) callback({ err: error });
      });
    return () => {
      cancelled = true;
    };
  }
}
