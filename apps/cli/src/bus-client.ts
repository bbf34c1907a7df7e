import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { natsIdentityFor, type CliConfig } from './cli.config';
import { AuthError, NatsUnreachableError } from './cli.errors';
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
    config.natsUser || config.natsUsersFile
      ? ''
      : ' (and set NATS_USER/NATS_PASSWORD to the publishing agency’s credentials if it needs them)'
  }`;
}

/** The party a composed message is published as (`/icb/<party>`). */
function partyOf(message: ComposedMessage): string {
  return message.envelope.source.replace(/^\/icb\//, '');
}

/**
 * Publishes on JetStream with the official client, as an agency's system
 * would, and as that agency: each message goes out on a connection of its
 * party's own NATS identity (natsIdentityFor), opened when first needed.
 */
export class NatsBusClient implements BusClient {
  private readonly connections = new Map<
    string,
    Promise<{ nc: NatsConnection; js: JetStreamClient }>
  >();

  private constructor(private readonly config: CliConfig) {}

  /** Connects lazily: nothing is opened until a message is published. */
  static async connect(config: CliConfig): Promise<NatsBusClient> {
    return Promise.resolve(new NatsBusClient(config));
  }

  private connection(party: string): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    let open = this.connections.get(party);
    if (!open) {
      open = this.open(party);
      this.connections.set(party, open);
    }
    return open;
  }

  private async open(party: string): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    const identity = natsIdentityFor(this.config, party);
    const config = this.config;
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: config.natsServers,
        name: `icb-cli-${party}`,
        ...identity,
        ...(config.natsTlsCaFile ? { tls: { caFile: config.natsTlsCaFile } } : {}),
        timeout: CONNECT_TIMEOUT_MS,
        maxReconnectAttempts: 0,
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new NatsUnreachableError(
        `cannot reach NATS at ${config.natsServers.join(',')}${
          identity.user ? ` as ${identity.user}` : ''
        } (${why})`,
        natsHint(config),
        { cause: error },
      );
    }
    return { nc, js: jetstream(nc) };
  }

  async publish(message: ComposedMessage): Promise<PublishAck> {
    const { js } = await this.connection(partyOf(message));
    try {
      const ack = await js.publish(message.subject, JSON.stringify(message.envelope), {
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
      if (/permission/i.test(why)) {
        throw new AuthError(
          true,
          `NATS refused publishing on ${message.subject} as ${this.config.natsUser ?? `${partyOf(message)}-adapter`}: ${why}`,
          'each party publishes only as itself: give that agency’s own NATS_USER and NATS_PASSWORD (ADR 17)',
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
    const open = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      open.map((c) =>
        c.then(
          ({ nc }) => nc.close(),
          () => undefined,
        ),
      ),
    );
  }
}
