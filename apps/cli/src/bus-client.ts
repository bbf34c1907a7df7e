import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { CliConfig } from './cli.config';
import { NatsUnreachableError } from './cli.errors';
import type { ComposedMessage } from './compose-message';

/** What JetStream answered for a published event. */
export interface PublishAck {
  stream: string;
  seq: number;
  /** JetStream already held an event with this id (nothing new was stored). */
  duplicate: boolean;
}

/** What the commands ask of NATS. Tests give a fake. */
export interface BusClient {
  publish(message: ComposedMessage): Promise<PublishAck>;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;
const PUBLISH_TIMEOUT_MS = 10_000;

function natsHint(config: CliConfig): string {
  return `is the stack running (npm start)? Otherwise point --nats or NATS_URL at it${
    config.natsUser ? '' : ' (and set NATS_USER/NATS_PASSWORD if it needs them)'
  }`;
}

/** Publishes on JetStream with the official client, as an agency's system would. */
export class NatsBusClient implements BusClient {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly config: CliConfig,
  ) {}

  static async connect(config: CliConfig): Promise<NatsBusClient> {
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: config.natsServers,
        name: 'icb-cli',
        user: config.natsUser,
        pass: config.natsPassword,
        ...(config.natsInboxPrefix ? { inboxPrefix: config.natsInboxPrefix } : {}),
        timeout: CONNECT_TIMEOUT_MS,
        maxReconnectAttempts: 0,
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new NatsUnreachableError(
        `cannot reach NATS at ${config.natsServers.join(',')} (${why})`,
        natsHint(config),
        { cause: error },
      );
    }
    return new NatsBusClient(nc, jetstream(nc), config);
  }

  async publish(message: ComposedMessage): Promise<PublishAck> {
    try {
      const ack = await this.js.publish(message.subject, JSON.stringify(message.envelope), {
        msgID: message.envelope.id,
        timeout: PUBLISH_TIMEOUT_MS,
      });
      return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (/no responders|503/i.test(why)) {
        throw new NatsUnreachableError(
          `no JetStream stream stores ${message.subject}`,
          `has the coordinator started with BUS_NAMESPACE=${this.config.namespace}? It creates the streams`,
          { cause: error },
        );
      }
      throw new NatsUnreachableError(
        `publishing on ${message.subject} failed: ${why}`,
        natsHint(this.config),
        {
          cause: error,
        },
      );
    }
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
