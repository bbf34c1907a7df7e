/*
 * The whole stack with DoD on its own leaf node (ADR 21): a hub nats-server
 * configured as `npm start -- --leaf dod` configures it (scripts/lib/infra.js
 * startNats with the domain `hub` and a leafnodes listener, the users of
 * scripts/lib/nats-auth.js with DoD's leaf user), DoD's leaf nats-server
 * (scripts/lib/leaf-node.js), the link between them through a relay the test
 * cuts, and positions published on the leaf as DoD's adapter publishes them:
 * a signed envelope, the event id as JetStream's message id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import {
  type Envelope,
  type MessageName,
  type Party,
  type PayloadOf,
  subjectFor,
} from '@icb/contracts';
import { envelopeFor } from '@icb/contracts/testing/message-cases';
import { scriptsLib, signAs, waitFor } from '@icb/testing';
import { type ConfiguredNats, leaf, leafLinks } from './leaf-helpers';
import { LinkProxy } from './link-proxy';

interface NatsAuthLib {
  generatePasswords(leafAgencies?: string[]): Record<string, string>;
  generateAuthConfig(o: {
    passwords: Record<string, string>;
    namespace?: string;
    leafAgencies?: string[];
  }): string;
  credentialsFor(
    user: string,
    passwords: Record<string, string>,
  ): { NATS_USER: string; NATS_PASSWORD: string; NATS_INBOX_PREFIX: string };
}
interface InfraLib {
  freePort(): Promise<number>;
  startNats(o: {
    dataDir: string;
    port?: number;
    monitorPort?: number;
    extraConfig?: string;
    jetstreamDomain?: string;
    leafListen?: string;
  }): Promise<{ url: string; monitorPort: number; stop(): Promise<void> }>;
}

export interface LeafStack {
  namespace: string;
  passwords: Record<string, string>;
  hubUrl: string;
  hubMonitorPort: number;
  leafUrl: string;
  proxy: LinkProxy;
  /** Connects to the hub or the leaf as one of the bus's users (ADR 6). */
  as(where: 'hub' | 'leaf', user: string): Promise<NatsConnection>;
  stop(): Promise<void>;
}

/**
 * Starts the hub and `agency`'s leaf, joined through a LinkProxy, and waits
 * until the leaf node is connected. The hub lets an unauthenticated client
 * in as `operator` (it reads, it publishes nothing): the test's bus.
 */
export async function startLeafStack(o: {
  dir: string;
  namespace: string;
  agency: string;
}): Promise<LeafStack> {
  const auth = scriptsLib<NatsAuthLib>('nats-auth');
  const infra = scriptsLib<InfraLib>('infra');
  const passwords = auth.generatePasswords([o.agency]);
  const leafAdmin = randomBytes(18).toString('base64url');
  const stops: (() => Promise<void>)[] = [];
  const connections: NatsConnection[] = [];
  const stop = async (): Promise<void> => {
    for (const nc of connections.splice(0)) await nc.close().catch(() => undefined);
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    const leafPort = await infra.freePort();
    // infra.startNats would reuse the shared server named by NATS_URL.
    const shared = process.env.NATS_URL;
    delete process.env.NATS_URL;
    let hub: Awaited<ReturnType<InfraLib['startNats']>>;
    try {
      hub = await infra.startNats({
        dataDir: path.join(o.dir, 'hub'),
        jetstreamDomain: 'hub',
        leafListen: `127.0.0.1:${leafPort}`,
        extraConfig: [
          auth.generateAuthConfig({
            passwords,
            namespace: o.namespace,
            leafAgencies: [o.agency],
          }),
          'no_auth_user: "operator"',
        ].join('\n'),
      });
    } finally {
      if (shared !== undefined) process.env.NATS_URL = shared;
    }
    stops.push(() => hub.stop());
    const proxy = new LinkProxy(leafPort);
    await proxy.start();
    stops.push(() => proxy.stop());
    const [port, monitorPort] = [await infra.freePort(), await infra.freePort()];
    const leafServer: ConfiguredNats = await leaf.startConfiguredNats({
      dataDir: path.join(o.dir, 'leaf'),
      port,
      monitorPort,
      config: leaf.leafServerConfig({
        agency: o.agency,
        namespace: o.namespace,
        port,
        monitorPort,
        storeDir: path.join(o.dir, 'leaf'),
        hubLeafUrls: [`nats://127.0.0.1:${proxy.port}`],
        leafPassword: passwords[`leaf-${o.agency}`],
        adapterPassword: passwords[`${o.agency}-adapter`],
        adminPassword: leafAdmin,
      }),
    });
    stops.push(() => leafServer.stop());
    await waitFor(async () => (await leafLinks(hub.monitorPort)) === 1, {
      description: 'the leaf node joined the hub',
    });
    return {
      namespace: o.namespace,
      passwords,
      hubUrl: hub.url,
      hubMonitorPort: hub.monitorPort,
      leafUrl: leafServer.url,
      proxy,
      async as(where, user) {
        const creds =
          user === 'leaf-admin'
            ? { NATS_USER: user, NATS_PASSWORD: leafAdmin, NATS_INBOX_PREFIX: '_INBOX' }
            : auth.credentialsFor(user, passwords);
        const nc = await connect({
          servers: where === 'hub' ? hub.url : leafServer.url,
          user: creds.NATS_USER,
          pass: creds.NATS_PASSWORD,
          inboxPrefix: creds.NATS_INBOX_PREFIX,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 200,
        });
        connections.push(nc);
        return nc;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Publishes as `party` the way its adapter does (libs/agency-client): the
 * envelope signed with the agency's key, on its contract subject in the
 * namespace, the event id as JetStream's message id. Returns the envelope and
 * JetStream's acknowledgement (whose `domain` names the JetStream that took it).
 */
export async function publishSigned<N extends MessageName>(
  js: JetStreamClient,
  namespace: string,
  party: Party,
  name: N,
  payload: PayloadOf<N>,
): Promise<{ envelope: Envelope<PayloadOf<N>>; ack: PubAck }> {
  const envelope = signAs(party, {
    ...envelopeFor(name, payload, { publisher: party, id: randomUUID() }),
    time: new Date().toISOString(),
    classification: (payload as { classification?: string }).classification ?? 'UNCLASSIFIED',
  });
  const subject = subjectFor(name, party as never, payload).replace(/^icb\./, `${namespace}.`);
  const ack = await js.publish(subject, JSON.stringify(envelope), {
    msgID: envelope.id,
    timeout: 5_000,
  });
  return { envelope, ack };
}
