import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  AckPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { waitFor } from '@icb/testing';
import { SubjectSpace } from '@icb/messaging';
import type { MessagingOptions } from '@icb/messaging';
import { StreamProvisioner } from '@icb/messaging/stream-provisioner';
import { ensureHubLeafSources, leafOutboxStreamName } from '@icb/messaging/leaf-sources';
import {
  type ConfiguredNats,
  infra,
  leaf,
  leafLinks,
  readInOrder,
  sourceIdleMs,
  streamCount,
} from './leaf-helpers';
import { LinkProxy } from './link-proxy';

const AGENCY = 'dod';
const space = new SubjectSpace('icb');
const POSITION = 'icb.evt.dod.signoff.submitted.v1';
const REQUEST = 'icb.evt.coordinator.review.requested.v1.dod';
const secret = (): string => randomBytes(18).toString('base64url');

const streamOptions = {
  namespace: 'icb',
  eventsMaxAgeMs: 0,
  duplicateWindowMs: 2 * 60_000,
} as MessagingOptions;

describe('an agency on its own leaf node (ADR 21)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icb-leaf-'));
  const passwords = { hub: secret(), leaf: secret(), adapter: secret(), admin: secret() };
  let hub: ConfiguredNats;
  let leafServer: ConfiguredNats;
  let proxy: LinkProxy;
  let hubMonitor = 0;
  const connections: NatsConnection[] = [];
  let hubNc: NatsConnection;
  let hubJsm: JetStreamManager;
  let hubJs: JetStreamClient;
  let adminNc: NatsConnection;
  let adapterNc: NatsConnection;
  let leafJsm: JetStreamManager;

  beforeAll(async () => {
    const [hubPort, leafPort, leafClientPort, leafMonitor] = await Promise.all([
      infra.freePort(),
      infra.freePort(),
      infra.freePort(),
      infra.freePort(),
    ]);
    hubMonitor = await infra.freePort();
    hub = await leaf.startConfiguredNats({
      dataDir: path.join(dir, 'hub'),
      port: hubPort,
      monitorPort: hubMonitor,
      config: leaf.hubServerConfig({
        port: hubPort,
        monitorPort: hubMonitor,
        leafPort,
        storeDir: path.join(dir, 'hub'),
        users: [
          // Stands for the coordinator: provisions the hub's streams and publishes.
          { user: 'hub-admin', password: passwords.hub },
          leaf.hubLeafUser(AGENCY, passwords.leaf),
        ],
      }),
    });
    proxy = new LinkProxy(leafPort);
    await proxy.start();
    leafServer = await leaf.startConfiguredNats({
      dataDir: path.join(dir, 'leaf'),
      port: leafClientPort,
      monitorPort: leafMonitor,
      config: leaf.leafServerConfig({
        agency: AGENCY,
        port: leafClientPort,
        monitorPort: leafMonitor,
        storeDir: path.join(dir, 'leaf'),
        hubLeafUrls: [`nats://127.0.0.1:${proxy.port}`],
        leafPassword: passwords.leaf,
        adapterPassword: passwords.adapter,
        adminPassword: passwords.admin,
      }),
    });
    // Provisioned in the order each source finds what it sources, once the
    // link is up (else a source's first attempts fail, and it retries after
    // 10 s, 20 s, ... up to 2 min: ADR 21).
    await waitFor(async () => (await leafLinks(hubMonitor)) === 1, {
      description: 'the leaf node joined the hub',
    });
    // The hub: the coordinator's streams, and the sources of the agency's leaf.
    hubNc = await open(hub.url, 'hub-admin', passwords.hub);
    hubJsm = await jetstreamManager(hubNc);
    hubJs = jetstream(hubNc);
    // As the coordinator does at boot without NATS_LEAF_AGENCIES: its streams.
    await new StreamProvisioner(streamOptions).ensureStreams(hubJsm, space);

    // The leaf: its streams, provisioned by the adapter at boot
    // (NATS_LEAF_DOMAIN=dod), with its leaf user: ADR 6's permissions and the
    // creation of those three streams.
    adapterNc = await open(leafServer.url, `${AGENCY}-adapter`, passwords.adapter);
    await new StreamProvisioner({
      ...streamOptions,
      leaf: { agency: AGENCY, hubDomain: 'hub' },
    }).ensureStreams(await jetstreamManager(adapterNc), space);
    adminNc = await open(leafServer.url, 'leaf-admin', passwords.admin);
    leafJsm = await jetstreamManager(adminNc);
    expect((await leafJsm.streams.names().next()).sort()).toEqual(
      ['ICB_DLQ', 'ICB_EVENTS', leafOutboxStreamName(space, AGENCY)].sort(),
    );
    // Then the coordinator with NATS_LEAF_AGENCIES=dod: the hub's streams
    // source the leaf's outbox and dead letters (once).
    await new StreamProvisioner({ ...streamOptions, leafAgencies: [AGENCY] }).ensureStreams(
      hubJsm,
      space,
    );
    expect(await ensureHubLeafSources(hubJsm, space, [AGENCY])).toEqual([]);
    await waitFor(async () => (await sourceIdleMs(hubJsm, space.eventsStream)) !== undefined, {
      description: "the hub's source of the leaf's outbox is active",
    });
    await waitFor(async () => (await sourceIdleMs(leafJsm, space.eventsStream)) !== undefined, {
      description: "the leaf's source of the hub's events is active",
    });
  }, 60_000);

  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await leafServer?.stop();
    await proxy?.stop();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string, user: string, pass: string): Promise<NatsConnection> {
    const nc = await connect({
      servers: url,
      user,
      pass,
      inboxPrefix: `_INBOX_${user}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 200,
    });
    connections.push(nc);
    return nc;
  }

  it('keeps positions and reads locally while the link is cut, and delivers every position to the hub once, in order', async () => {
    const started = Date.now();
    const adapterJsm = await jetstreamManager(adapterNc);
    const adapterJs = jetstream(adapterNc);
    await adapterJsm.consumers.add(space.eventsStream, {
      durable_name: `${AGENCY}-adapter`,
      ack_policy: AckPolicy.Explicit,
      filter_subject: 'icb.evt.*.*.*.v1.dod', // what ADR 6 lets the adapter create
    });
    const inbox = await adapterJs.consumers.get(space.eventsStream, `${AGENCY}-adapter`);
    const received: number[] = [];
    const readSome = async (n: number): Promise<number[]> => {
      const got: number[] = [];
      const deadline = Date.now() + 15_000;
      while (got.length < n && Date.now() < deadline) {
        const batch = await inbox.fetch({ max_messages: n - got.length, expires: 1_000 });
        for await (const m of batch) {
          got.push(m.json<{ n: number }>().n);
          m.ack();
        }
      }
      received.push(...got);
      return got;
    };

    // The coordinator addresses review requests to the agency.
    let requests = 0;
    const request = async (): Promise<void> => {
      requests += 1;
      await hubJs.publish(REQUEST, JSON.stringify({ n: requests }), { msgID: randomUUID() });
    };

    // The agency's positions flow the whole time, one after another.
    type Acked = { id: string; n: number; domain?: string; phase: string };
    const acked: Acked[] = [];
    let phase = 'up';
    let flowing = true;
    const flow = (async () => {
      let n = 0;
      while (flowing) {
        n += 1;
        const id = randomUUID();
        const ack = await adapterJs.publish(POSITION, JSON.stringify({ id, n }), {
          msgID: id,
          timeout: 5_000,
        });
        acked.push({ id, n, domain: ack.domain, phase });
      }
    })();

    // Link up: twenty requests reach the leaf; the adapter reads ten of them.
    for (let i = 0; i < 20; i++) await request();
    await waitFor(
      async () => (await leafJsm.streams.info(space.eventsStream)).state.messages >= 20,
      {
        description: 'the first requests sourced to the leaf',
      },
    );
    expect(await readSome(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await waitFor(() => acked.length >= 20, { description: 'positions while the link is up' });

    // Cut the link under traffic.
    const cutAt = Date.now();
    proxy.cut();
    await waitFor(async () => (await leafLinks(hubMonitor)) === 0, {
      description: 'the hub saw the leaf go',
    });
    phase = 'cut';
    const ackedBeforeCut = acked.length;
    for (let i = 0; i < 10; i++) await request(); // stay on the hub for now
    // The agency keeps reading what it already received...
    expect(await readSome(10)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    // ...and its positions are acknowledged by its own JetStream domain.
    await waitFor(() => acked.filter((a) => a.phase === 'cut').length >= 300, {
      description: 'positions acknowledged locally while the link is cut',
    });
    expect(await leafLinks(hubMonitor)).toBe(0);
    // Long enough for the hub to give up on its source consumer (its stall
    // check runs every 10 s): the restore then goes through a new consumer
    // that resumes after the last position the hub stored.
    await waitFor(async () => ((await sourceIdleMs(hubJsm, space.eventsStream)) ?? 0) > 12_000, {
      timeoutMs: 30_000,
      intervalMs: 250,
      description: "the hub's source idle past its stall check",
    });
    const cutSeconds = (Date.now() - cutAt) / 1000;
    const ackedWhileCut = acked.filter((a) => a.phase === 'cut').length;

    // Restore the link, with positions still flowing; then let them stop.
    proxy.restore();
    const restoredAt = Date.now();
    phase = 'restored';
    await waitFor(async () => (await leafLinks(hubMonitor)) === 1, {
      timeoutMs: 30_000,
      description: 'the leaf node rejoined the hub',
    });
    await waitFor(() => acked.length >= ackedBeforeCut + ackedWhileCut + 20, {
      description: 'positions after the link returned',
    });
    flowing = false;
    await flow;

    // Every acknowledgement came from the agency's own domain, never the hub's.
    expect(new Set(acked.map((a) => a.domain))).toEqual(new Set([AGENCY]));
    // The hub gets every acknowledged position, and no other.
    const total = acked.length;
    await waitFor(
      async () => (await streamCount(hubJsm, space.eventsStream, 'icb.evt.dod.>')) >= total,
      {
        timeoutMs: 150_000, // a source retries after 10 s, 20 s, ... at most 2 min
        intervalMs: 250,
        description: `all ${total} positions on the hub`,
      },
    ).catch(async (error: Error) => {
      const info = await hubJsm.streams.info(space.eventsStream, {
        subjects_filter: 'icb.evt.dod.>',
      });
      throw new Error(
        `${error.message}; hub: ${JSON.stringify({ subjects: info.state.subjects, sources: info.sources })}`,
      );
    });
    const caughtUpAt = Date.now();
    const onHub = await readInOrder(hubJs, space.eventsStream, 'icb.evt.dod.>', total);
    const ids = onHub.map((m) => m.json<{ id: string }>().id);
    expect(ids).toEqual(acked.map((a) => a.id)); // exactly once, in order, none lost
    expect(await streamCount(hubJsm, space.eventsStream, 'icb.evt.dod.>')).toBe(total);
    // Each came through the stream source (none was captured a second time
    // as a core message crossing the link), with its event id kept.
    for (const m of onHub) {
      expect(m.headers?.get('Nats-Stream-Source')).toContain(leafOutboxStreamName(space, AGENCY));
      expect(m.headers?.get('Nats-Msg-Id')).toBe(m.json<{ id: string }>().id);
    }

    // What the hub addressed to the agency while the link was down arrives now, in order.
    expect(await readSome(10)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(received).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    console.log(
      `[leaf] link cut for ${cutSeconds.toFixed(1)} s: ${ackedWhileCut} positions acked locally, ` +
        `${total} delivered to the hub exactly once, in order, 0 lost ` +
        `(${ackedBeforeCut} before the cut, ${total - ackedBeforeCut - ackedWhileCut} after); ` +
        `the agency read 10 received requests while cut, and the 10 sent meanwhile after; ` +
        `caught up ${((caughtUpAt - restoredAt) / 1000).toFixed(1)} s after the restore (test ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }, 240_000);

  it("lets an agency's leaf take from the hub only what is addressed to that agency", async () => {
    // The leaf is the agency's own server: whoever runs it may ask the hub's
    // JetStream for a consumer on every event. The hub drops the request at
    // the link (ADR 6's rule: the filter is in the subject and must be the
    // agency's); one with the agency's own filter, sent right after, is served.
    const create = (name: string, filter: string): void =>
      adminNc.publish(
        `$JS.hub.API.CONSUMER.CREATE.${space.eventsStream}.${name}.${filter}`,
        JSON.stringify({
          stream_name: space.eventsStream,
          config: {
            name,
            filter_subject: filter,
            ack_policy: 'explicit',
            inactive_threshold: 60_000_000_000,
          },
        }),
      );
    create('everything', 'icb.evt.>');
    create('other-agency', 'icb.evt.*.*.*.*.cia');
    create('own', 'icb.evt.*.*.*.*.dod');
    await waitFor(
      async () => (await hubJsm.consumers.info(space.eventsStream, 'own')).name === 'own',
      { description: "the consumer with the agency's own filter created on the hub" },
    );
    for (const refused of ['everything', 'other-agency']) {
      await expect(hubJsm.consumers.info(space.eventsStream, refused)).rejects.toThrow(
        /consumer not found/,
      );
    }

    // The same holds for a stream the leaf's admin makes source the hub.
    await leafJsm.streams.add({
      name: 'EVERYTHING',
      subjects: [],
      sources: [
        {
          name: space.eventsStream,
          external: { api: '$JS.hub.API', deliver: 'icb.leaf.dod.in' },
          filter_subject: 'icb.evt.>',
        },
      ],
    });
    await hubJs.publish('icb.evt.coordinator.review.requested.v1.cia', '{"n":0}', {
      msgID: randomUUID(),
    });
    await hubJs.publish(REQUEST, '{"n":31}', { msgID: randomUUID() });
    await waitFor(
      async () => {
        const last = await leafJsm.streams.getMessage(space.eventsStream, {
          last_by_subj: REQUEST,
        });
        return last?.json<{ n: number }>().n === 31;
      },
      { description: 'the request addressed to DoD sourced to its leaf' },
    );
    expect((await leafJsm.streams.info('EVERYTHING')).state.messages).toBe(0);
    expect(await sourceIdleMs(leafJsm, 'EVERYTHING')).toBeUndefined();
  });
});
