import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  JetStreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { AdapterBucket, ADAPTER_BUCKET_OPTIONS } from '@icb/agency-adapter/state/adapter-bucket';
import { NatsConnectionProvider } from '@icb/messaging';
import type { MessagingOptions } from '@icb/messaging';
import { DEFAULT_BACKOFF_MS } from '../src/ack-policy';
import { consumerConfig, StreamProvisioner, UNLIMITED_DELIVERIES } from '../src/stream-provisioner';
import { OwnNats, startOwnNats, waitFor } from '@icb/testing';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const auth = require('../../../scripts/lib/nats-auth.js') as {
  generateAuthConfig(opts: { passwords: Record<string, string> }): string;
  generatePasswords(): Record<string, string>;
  credentialsFor(
    user: string,
    passwords: Record<string, string>,
  ): { NATS_USER: string; NATS_PASSWORD: string; NATS_INBOX_PREFIX: string };
  adapterBucketFor(agency: string, namespace?: string): string;
};

const EVENTS = 'ICB_EVENTS';
/** Requests that the server refuses get no reply: fail them fast. */
const REQUEST_TIMEOUT_MS = 2_000;
const DEADLINE_MS = 60_000;

/** Resolves with the rejection of `p` (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal, but the operation succeeded');
}

const DENIED = /permission|timeout|timed out/i;

describe('NATS identities: each service publishes as itself and reads what is its own', () => {
  let dataDir: string;
  let server: OwnNats | undefined;
  let passwords: Record<string, string>;
  const connections: NatsConnection[] = [];

  /** Connects as a user, with that user's private inbox prefix. */
  async function as(user: string): Promise<{
    nc: NatsConnection;
    errors: Error[];
    jsm: JetStreamManager;
  }> {
    const creds = auth.credentialsFor(user, passwords);
    const nc = await connect({
      servers: server!.url,
      name: `perm-test-${user}`,
      user: creds.NATS_USER,
      pass: creds.NATS_PASSWORD,
      inboxPrefix: creds.NATS_INBOX_PREFIX,
      maxReconnectAttempts: 0,
    });
    connections.push(nc);
    const errors: Error[] = [];
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'error') errors.push(s.error);
      }
    })();
    const jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS });
    return { nc, errors, jsm };
  }

  /** The coordinator provisions ICB_EVENTS, as it does at boot. */
  async function provisionEvents(): Promise<JetStreamManager> {
    const { jsm } = await as('coordinator');
    await jsm.streams.add({
      name: EVENTS,
      subjects: ['icb.evt.>'],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      allow_direct: true,
    });
    return jsm;
  }

  function violationOf(errors: Error[], operation: string, subject: string): Error | undefined {
    return errors.find(
      (e) =>
        e.name === 'PermissionViolationError' &&
        (e as Error & { operation?: string }).operation === operation &&
        (e as Error & { subject?: string }).subject === subject,
    );
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-nats-perms-'));
    passwords = auth.generatePasswords();
    server = await startOwnNats({ dataDir, extraConfig: auth.generateAuthConfig({ passwords }) });
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((nc) => nc.close().catch(() => undefined)));
    await server?.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'a service without the right password, or without credentials, cannot connect',
    async () => {
      await expect(
        connect({ servers: server!.url, user: 'dod-adapter', pass: 'wrong-password-0000' }),
      ).rejects.toThrow(/authorization/i);
      await expect(connect({ servers: server!.url })).rejects.toThrow(/authorization/i);
    },
    DEADLINE_MS,
  );

  it(
    'the coordinator may update its own two streams (to source the leaf nodes, ADR 21), no other; an agency neither',
    async () => {
      const coordinator = await provisionEvents();
      await coordinator.streams.add({ name: 'ICB_DLQ', subjects: ['icb.dlq.>'] });
      const { nc, errors } = await as('coordinator');
      const dod = await as('dod-adapter');
      for (const stream of [EVENTS, 'ICB_DLQ']) {
        await coordinator.streams.update(stream, { description: `updated ${stream}` });
        expect((await coordinator.streams.info(stream)).config.description).toBe(
          `updated ${stream}`,
        );
      }
      // Another stream (an adapter's state bucket), and an agency updating the events stream.
      const other = '$JS.API.STREAM.UPDATE.KV_ICB_ADAPTER_DOD';
      nc.publish(other, JSON.stringify({ name: 'KV_ICB_ADAPTER_DOD' }));
      const byDod = `$JS.API.STREAM.UPDATE.${EVENTS}`;
      dod.nc.publish(byDod, JSON.stringify({ name: EVENTS, subjects: ['icb.evt.>'] }));
      await waitFor(() => violationOf(errors, 'publish', other), {
        description: "the coordinator's update of another stream refused",
      });
      await waitFor(() => violationOf(dod.errors, 'publish', byDod), {
        description: "DoD's update of the events stream refused",
      });
      expect((await coordinator.streams.info(EVENTS)).config.description).toBe(`updated ${EVENTS}`);
    },
    DEADLINE_MS,
  );

  it(
    "DoD publishes its own sign-off, and cannot publish Treasury's",
    async () => {
      const coordinator = await provisionEvents();
      const dod = await as('dod-adapter');
      const js = jetstream(dod.nc, { timeout: REQUEST_TIMEOUT_MS });

      const ack = await js.publish('icb.evt.dod.signoff.submitted.v1', '{"from":"dod"}');
      expect(ack).toMatchObject({ stream: EVENTS, seq: 1 });

      const forged = 'icb.evt.treasury.signoff.submitted.v1';
      expect((await rejection(js.publish(forged, '{"from":"dod, as treasury"}'))).message).toMatch(
        DENIED,
      );
      await waitFor(() => violationOf(dod.errors, 'publish', forged), {
        description: 'the permissions violation for the forged publish',
      });
      // A core publish (no ack awaited) is dropped by the server as well.
      dod.nc.publish(forged, '{"from":"dod, fire and forget"}');
      await dod.nc.flush();
      const info = await coordinator.streams.info(EVENTS);
      expect(info.state.messages).toBe(1);
      expect(info.state.last_seq).toBe(1);
      // The connection survives the refusals and still publishes as DoD.
      await expect(js.publish('icb.evt.dod.review.acknowledged.v1', '{}')).resolves.toMatchObject({
        seq: 2,
      });
    },
    DEADLINE_MS,
  );

  it(
    'DoD cannot subscribe to a review request addressed to Treasury, nor to everything, but receives its own',
    async () => {
      const coordinator = await as('coordinator');
      const dod = await as('dod-adapter');

      const own = dod.nc.subscribe('icb.evt.coordinator.review.requested.v1.dod');
      const received: string[] = [];
      void (async () => {
        for await (const m of own) received.push(m.subject);
      })();

      const refused: Array<{ subject: string; sub: Subscription }> = [
        'icb.evt.coordinator.review.requested.v1.treasury',
        'icb.evt.>',
        // A trailing `>` would match every addressed message: refused too.
        'icb.evt.*.*.*.>',
        'icb.evt.*.*.*.*.*',
        // Another service's replies and pulled messages.
        '_INBOX.>',
        '_INBOX_treasury-adapter.>',
      ].map((subject) => ({ subject, sub: dod.nc.subscribe(subject) }));
      await dod.nc.flush();

      for (const { subject, sub } of refused) {
        await waitFor(() => violationOf(dod.errors, 'subscription', subject), {
          description: `a permissions violation for the subscription to ${subject}`,
        });
        // The client closes a refused subscription with the error.
        await expect(sub.closed).resolves.toMatchObject({ name: 'PermissionViolationError' });
      }
      expect(own.isClosed()).toBe(false);

      coordinator.nc.publish('icb.evt.coordinator.review.requested.v1.treasury', '{}');
      coordinator.nc.publish('icb.evt.coordinator.review.requested.v1.dod', '{}');
      await coordinator.nc.flush();
      await waitFor(() => received.length > 0, { description: 'DoD to receive its own request' });
      await dod.nc.flush();
      expect(received).toEqual(['icb.evt.coordinator.review.requested.v1.dod']);
    },
    DEADLINE_MS,
  );

  it(
    "DoD hears the coordinator's verdicts on its own messages, not Treasury's, and cannot announce one itself",
    async () => {
      const coordinator = await as('coordinator');
      const dod = await as('dod-adapter');

      const own = dod.nc.subscribe('icb.rpc.coordinator.verdict.dod');
      const received: string[] = [];
      void (async () => {
        for await (const m of own) received.push(m.string());
      })();
      const others = dod.nc.subscribe('icb.rpc.coordinator.verdict.treasury');
      const everything = dod.nc.subscribe('icb.rpc.>');
      await dod.nc.flush();
      for (const [subject, sub] of [
        ['icb.rpc.coordinator.verdict.treasury', others],
        ['icb.rpc.>', everything],
      ] as const) {
        await waitFor(() => violationOf(dod.errors, 'subscription', subject), {
          description: `a permissions violation for the subscription to ${subject}`,
        });
        await expect(sub.closed).resolves.toMatchObject({ name: 'PermissionViolationError' });
      }

      // DoD forging a verdict, for itself or for Treasury: dropped by the server.
      dod.nc.publish('icb.rpc.coordinator.verdict.dod', '{"forged":true}');
      dod.nc.publish('icb.rpc.coordinator.verdict.treasury', '{"forged":true}');
      await dod.nc.flush();
      await waitFor(() => violationOf(dod.errors, 'publish', 'icb.rpc.coordinator.verdict.dod'), {
        description: 'the permissions violation for the forged verdict',
      });

      coordinator.nc.publish('icb.rpc.coordinator.verdict.treasury', '{"for":"treasury"}');
      coordinator.nc.publish('icb.rpc.coordinator.verdict.dod', '{"for":"dod"}');
      await coordinator.nc.flush();
      await waitFor(() => received.length > 0, { description: 'DoD to hear its verdict' });
      await dod.nc.flush();
      expect(received).toEqual(['{"for":"dod"}']);
    },
    DEADLINE_MS,
  );

  it(
    'each service moves its own consumer, made with a delivery limit, to unlimited deliveries within its permissions',
    async () => {
      await provisionEvents();
      const options = (service: string): MessagingOptions => ({
        party: 'coordinator',
        service,
        servers: [server!.url],
        namespace: 'icb',
        maxInFlight: 8,
        ackWaitMs: 30_000,
        maxDeliver: 8,
        backoffMs: DEFAULT_BACKOFF_MS,
        eventsMaxAgeMs: 0,
        duplicateWindowMs: 120_000,
      });
      const cases = [
        // One filter: the create subject carries it (the form an adapter may use).
        { user: 'dod-adapter', filters: ['icb.evt.*.*.*.v1.dod'] },
        // Several filters: the coordinator's form.
        {
          user: 'coordinator',
          filters: ['icb.evt.*.review.acknowledged.v1', 'icb.evt.*.signoff.submitted.v1'],
        },
      ];
      for (const { user, filters } of cases) {
        const { jsm } = await as(user);
        // As an earlier version created it.
        await jsm.consumers.add(EVENTS, {
          ...consumerConfig(user, filters, options(user)),
          max_deliver: 8,
        });
        await new StreamProvisioner(options(user)).ensureConsumer(
          jsm,
          EVENTS,
          consumerConfig(user, filters, options(user)),
        );
        const info = await jsm.consumers.info(EVENTS, user);
        expect(info.config.max_deliver).toBe(UNLIMITED_DELIVERIES);
      }
    },
    DEADLINE_MS,
  );

  it(
    "DoD runs its own durable pull consumer end to end, and cannot create, read or pull Treasury's",
    async () => {
      await provisionEvents();
      const coordinator = await as('coordinator');
      const dod = await as('dod-adapter');
      const treasury = await as('treasury-adapter');
      const operator = await as('operator');
      const dodFilter = 'icb.evt.*.*.*.v1.dod';

      // The coordinator's durable has several filters, as the messaging library declares it.
      await coordinator.jsm.consumers.add(EVENTS, {
        durable_name: 'coordinator',
        filter_subjects: ['icb.evt.*.signoff.submitted.v1', 'icb.evt.*.review.acknowledged.v1'],
        ack_policy: AckPolicy.Explicit,
      });
      // Treasury's own durable, created by Treasury (its filter: what is addressed to it).
      await treasury.jsm.consumers.add(EVENTS, {
        durable_name: 'treasury-adapter',
        filter_subject: 'icb.evt.*.*.*.v1.treasury',
        ack_policy: AckPolicy.Explicit,
      });
      // DoD's durable, through the create subject that carries its filter.
      await dod.jsm.consumers.add(EVENTS, {
        durable_name: 'dod-adapter',
        filter_subject: dodFilter,
        ack_policy: AckPolicy.Explicit,
      });

      const cjs = jetstream(coordinator.nc, { timeout: REQUEST_TIMEOUT_MS });
      await cjs.publish('icb.evt.coordinator.review.requested.v1.treasury', '{"for":"treasury"}');
      await cjs.publish('icb.evt.coordinator.review.requested.v1.dod', '{"for":"dod"}');

      // Pull and ack, as the consumer runner does.
      const djs = jetstream(dod.nc, { timeout: REQUEST_TIMEOUT_MS });
      const consumer = await djs.consumers.get(EVENTS, 'dod-adapter');
      const m = await consumer.next({ expires: 5_000 });
      expect(m?.subject).toBe('icb.evt.coordinator.review.requested.v1.dod');
      expect(m?.json()).toEqual({ for: 'dod' });
      expect(await m!.ackAck()).toBe(true);
      await waitFor(
        async () => {
          const info = await dod.jsm.consumers.info(EVENTS, 'dod-adapter');
          return info.num_ack_pending === 0 && info.num_pending === 0 && info.delivered.stream_seq;
        },
        { description: "DoD's consumer to be drained and acked" },
      );

      // DoD cannot create, look at or pull Treasury's durable.
      const refusals: Array<[string, Promise<unknown>]> = [
        [
          'create treasury-adapter',
          dod.jsm.consumers.add(EVENTS, {
            durable_name: 'treasury-adapter',
            filter_subject: 'icb.evt.*.*.*.v1.treasury',
            ack_policy: AckPolicy.Explicit,
          }),
        ],
        ['info treasury-adapter', dod.jsm.consumers.info(EVENTS, 'treasury-adapter')],
        [
          'pull treasury-adapter',
          dod.nc.request(
            `$JS.API.CONSUMER.MSG.NEXT.${EVENTS}.treasury-adapter`,
            JSON.stringify({ batch: 1, expires: 1_000_000_000 }),
            { timeout: REQUEST_TIMEOUT_MS },
          ),
        ],
        // Nor widen its own: a filter it may not read, several filters (the
        // subject would not carry them), an ephemeral, a get by sequence.
        [
          'dod-adapter on icb.evt.>',
          dod.jsm.consumers.add(EVENTS, {
            durable_name: 'dod-adapter',
            filter_subject: 'icb.evt.>',
            ack_policy: AckPolicy.Explicit,
          }),
        ],
        [
          'dod-adapter on icb.evt.*.*.*.>',
          dod.jsm.consumers.add(EVENTS, {
            durable_name: 'dod-adapter',
            filter_subject: 'icb.evt.*.*.*.>',
            ack_policy: AckPolicy.Explicit,
          }),
        ],
        [
          'dod-adapter with filter_subjects',
          dod.jsm.consumers.add(EVENTS, {
            durable_name: 'dod-adapter',
            filter_subjects: [dodFilter, 'icb.evt.*.*.*.v1.treasury'],
            ack_policy: AckPolicy.Explicit,
          }),
        ],
        ['an ephemeral consumer', dod.jsm.consumers.add(EVENTS, { ack_policy: AckPolicy.None })],
        ['get message 1', dod.jsm.streams.getMessage(EVENTS, { seq: 1 })],
        [
          'direct get',
          dod.nc.request(`$JS.API.DIRECT.GET.${EVENTS}`, JSON.stringify({ seq: 1 }), {
            timeout: REQUEST_TIMEOUT_MS,
          }),
        ],
        ['create a stream', dod.jsm.streams.add({ name: 'DOD_COPY', subjects: ['copy.>'] })],
      ];
      for (const [what, attempt] of refusals) {
        const error = await rejection(attempt);
        expect({ what, message: error.message }).toEqual({
          what,
          message: expect.stringMatching(DENIED),
        });
      }

      // The server itself holds the filter to the one in the create subject:
      // a request on DoD's allowed subject asking for more is refused.
      const mismatch = await dod.nc.request(
        `$JS.API.CONSUMER.CREATE.${EVENTS}.dod-adapter.${dodFilter}`,
        JSON.stringify({
          stream_name: EVENTS,
          config: {
            durable_name: 'dod-adapter',
            filter_subject: 'icb.evt.>',
            ack_policy: 'explicit',
          },
        }),
        { timeout: REQUEST_TIMEOUT_MS },
      );
      expect(mismatch.json<{ error?: { description: string } }>().error?.description).toMatch(
        /filter/i,
      );
      const unchanged = await operator.jsm.consumers.info(EVENTS, 'dod-adapter');
      expect(unchanged.config.filter_subject).toBe(dodFilter);

      // Treasury's message is still there for Treasury, untouched by DoD.
      const tinfo = await operator.jsm.consumers.info(EVENTS, 'treasury-adapter');
      expect(tinfo.num_pending).toBe(1);
      expect(tinfo.delivered.consumer_seq).toBe(0);
    },
    DEADLINE_MS,
  );
  /** An adapter's state bucket as the adapter opens it (AdapterBucket), connected as `user`. */
  async function bucketAs(agency: 'dod' | 'treasury' | 'nsc'): Promise<AdapterBucket> {
    const user = `${agency}-adapter`;
    const creds = auth.credentialsFor(user, passwords);
    const nats = new NatsConnectionProvider({
      servers: [server!.url],
      service: user,
      user: creds.NATS_USER,
      password: creds.NATS_PASSWORD,
      inboxPrefix: creds.NATS_INBOX_PREFIX,
      namespace: 'icb',
    } as MessagingOptions);
    const bucket = new AdapterBucket(agency, { namespace: 'icb' } as MessagingOptions, nats);
    await bucket.onModuleInit();
    connections.push(nats.connection);
    return bucket;
  }

  it(
    "DoD creates and uses its own KV bucket, and can neither read nor write Treasury's",
    async () => {
      const treasuryBucket = auth.adapterBucketFor('treasury');
      const dodBucket = auth.adapterBucketFor('dod');
      expect([dodBucket, treasuryBucket]).toEqual(['ICB_ADAPTER_DOD', 'ICB_ADAPTER_TREASURY']);

      // Each adapter creates its bucket at start and works with it.
      const treasury = await bucketAs('treasury');
      await treasury.put('subscriptions.t1', { secret: 'whsec_treasury' });
      const dodState = await bucketAs('dod');
      expect(dodState.name).toBe(dodBucket);
      const rev = await dodState.create('deliveries.s1.d1', { state: 'pending' });
      expect(rev).toBeGreaterThan(0);
      expect(await dodState.create('deliveries.s1.d1', { state: 'pending' })).toBeUndefined();
      const settled = await dodState.update('deliveries.s1.d1', { state: 'delivered' }, rev!, {
        ttlMs: 60_000,
      });
      expect(settled).toBeGreaterThan(rev!);
      expect(await dodState.update('deliveries.s1.d1', { state: 'x' }, rev!)).toBeUndefined();
      await dodState.put('pending.d2', { subscriptionId: 's1' });
      expect((await dodState.keys('deliveries.>')).sort()).toEqual(['deliveries.s1.d1']);
      expect(await dodState.values('deliveries.*.*')).toEqual([
        expect.objectContaining({ value: { state: 'delivered' }, revision: settled }),
      ]);
      await dodState.remove('pending.d2');
      expect(await dodState.get('pending.d2')).toBeUndefined();

      // DoD, through the same KV client, on Treasury's bucket and stream.
      const dod = await as('dod-adapter');
      const djs = jetstream(dod.nc, { timeout: REQUEST_TIMEOUT_MS });
      const stream = `KV_${treasuryBucket}`;
      // Thunks, each started when awaited: a refusal comes fast, before a later await.
      const refusals: Array<[string, () => Promise<unknown>]> = [
        [
          'open the bucket',
          () => new Kvm(djs).open(treasuryBucket).then((kv) => kv.get('subscriptions.t1')),
        ],
        ['stream info', () => dod.jsm.streams.info(stream)],
        [
          'direct get of a key',
          () =>
            dod.jsm.direct.getMessage(stream, {
              last_by_subj: `$KV.${treasuryBucket}.subscriptions.t1`,
            }),
        ],
        ['get by sequence', () => dod.jsm.streams.getMessage(stream, { seq: 1 })],
        [
          'write a key',
          () => djs.publish(`$KV.${treasuryBucket}.subscriptions.t1`, '{"secret":"mine"}'),
        ],
        [
          'list its keys',
          () =>
            dod.jsm.consumers.add(stream, {
              name: 'peek',
              filter_subject: `$KV.${treasuryBucket}.>`,
              ack_policy: AckPolicy.None,
            }),
        ],
        // Nor create another adapter's bucket (here NSC's, not made yet), or any other.
        [
          "create NSC's bucket",
          () => new Kvm(djs).create(auth.adapterBucketFor('nsc'), { ...ADAPTER_BUCKET_OPTIONS }),
        ],
        ['create another bucket', () => new Kvm(djs).create('DOD_EXTRA')],
      ];
      for (const [what, attempt] of refusals) {
        const error = await rejection(attempt());
        expect({ what, message: error.message }).toEqual({
          what,
          message: expect.stringMatching(DENIED),
        });
      }
      await waitFor(
        () => violationOf(dod.errors, 'publish', `$KV.${treasuryBucket}.subscriptions.t1`),
        { description: 'the permissions violation for the write to Treasury’s bucket' },
      );

      // Treasury's value is untouched, and NSC's bucket was not made.
      expect(await treasury.get('subscriptions.t1')).toMatchObject({
        value: { secret: 'whsec_treasury' },
        revision: 1,
      });
      const operator = await as('operator');
      await expect(operator.jsm.streams.info(`KV_${auth.adapterBucketFor('nsc')}`)).rejects.toThrow(
        /not found/i,
      );
    },
    DEADLINE_MS,
  );
  /**
   * One attempt to get at something: refused when the server refuses it (an
   * error: permission violation, or no answer), or when it answers with nothing.
   * `leaked` when what came back contains the secret.
   */
  interface Attempt {
    what: string;
    refused: boolean;
    leaked: boolean;
    detail: string;
  }
  async function attempt(
    what: string,
    run: () => Promise<unknown>,
    secret: string,
  ): Promise<Attempt> {
    try {
      const got = await run();
      const text = got === undefined || got === null ? '' : safeText(got);
      return {
        what,
        refused: got === undefined || got === null,
        leaked: text.includes(secret),
        detail: `answered: ${text.slice(0, 120)}`,
      };
    } catch (error) {
      return { what, refused: true, leaked: false, detail: (error as Error).message };
    }
  }
  function safeText(value: unknown): string {
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    const v = value as { data?: Uint8Array; string?: () => string };
    if (typeof v.string === 'function') return v.string();
    if (v.data instanceof Uint8Array) return Buffer.from(v.data).toString('utf8');
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  /** Prints the one-line summary the lead reports, and fails on any attempt not refused. */
  function report(path: string, attempts: Attempt[]): void {
    const refused = attempts.filter((a) => a.refused && !a.leaked).length;
    process.stderr.write(`[abuse] nats ${path}: ${attempts.length} tried, ${refused} refused\n`);
    expect(attempts.filter((a) => !a.refused || a.leaked)).toEqual([]);
  }

  it(
    "DoD cannot read NSC's sign-off (nor anything not addressed to it) by any means",
    async () => {
      const SECRET = 'NSC-RATIONALE-7f3a';
      const coordinator = await as('coordinator');
      await provisionEvents();
      await coordinator.jsm.streams.add({
        name: 'ICB_DLQ',
        subjects: ['icb.dlq.>'],
        storage: StorageType.File,
        allow_direct: true,
      });
      const cjs = jetstream(coordinator.nc, { timeout: REQUEST_TIMEOUT_MS });
      // The coordinator's read model and NSC's own bucket, as they run.
      const view = await new Kvm(cjs).create('ICB_COORDINATOR_VIEW');
      await view.put('consultation.c1', JSON.stringify({ rationale: SECRET }));
      const nscBucket = await bucketAs('nsc');
      await nscBucket.put('assessments.a1', { rationale: SECRET });
      // The coordinator's durable, as it runs.
      await coordinator.jsm.consumers.add(EVENTS, {
        durable_name: 'coordinator',
        filter_subjects: ['icb.evt.*.signoff.submitted.v1'],
        ack_policy: AckPolicy.Explicit,
      });

      // DoD's own subscription and durable: what is addressed to it.
      const dod = await as('dod-adapter');
      const received: string[] = [];
      const own = dod.nc.subscribe('icb.evt.*.*.*.v1.dod');
      void (async () => {
        for await (const m of own) received.push(`${m.subject} ${m.string()}`);
      })();
      await dod.jsm.consumers.add(EVENTS, {
        durable_name: 'dod-adapter',
        filter_subject: 'icb.evt.*.*.*.v1.dod',
        ack_policy: AckPolicy.Explicit,
      });

      // Core subscriptions: each refused by the server (closed with a permission violation).
      const subjects = [
        '>',
        'icb.>',
        'icb.evt.>',
        'icb.evt.nsc.>',
        'icb.evt.nsc.signoff.submitted.v1',
        'icb.evt.*.signoff.submitted.v1',
        'icb.evt.*.*.*.v1',
        'icb.evt.*.*.*.*',
        'icb.evt.*.*.*.>',
        'icb.evt.*.*.*.v1.nsc',
        'icb.evt.*.*.*.v1.coordinator',
        'icb.evt.coordinator.notice.forwarded.v1.treasury',
        'icb.dlq.>',
        'icb.rpc.coordinator.verdict.nsc',
        '_INBOX.>',
        '_INBOX_nsc-adapter.>',
        '_INBOX_coordinator.>',
        '_INBOX_operator.>',
        '$KV.ICB_COORDINATOR_VIEW.>',
        `$KV.${auth.adapterBucketFor('nsc')}.>`,
        '$JS.>',
        '$JS.ACK.ICB_EVENTS.coordinator.>',
      ];
      const subscriptions = subjects.map((subject) => ({
        subject,
        sub: dod.nc.subscribe(subject),
      }));
      await dod.nc.flush();

      // NSC signs off with its rationale; a dead letter holds one too; the
      // coordinator tells Treasury (addressed) and DoD (addressed) of it.
      const njs = jetstream((await as('nsc-adapter')).nc, { timeout: REQUEST_TIMEOUT_MS });
      await njs.publish('icb.evt.nsc.signoff.submitted.v1', JSON.stringify({ rationale: SECRET }));
      await cjs.publish('icb.dlq.coordinator', JSON.stringify({ rationale: SECRET }));
      await cjs.publish(
        'icb.evt.coordinator.notice.forwarded.v1.treasury',
        JSON.stringify({ decision: 'non-concur' }),
      );
      await cjs.publish(
        'icb.evt.coordinator.notice.forwarded.v1.dod',
        JSON.stringify({ decision: 'non-concur' }),
      );

      const subscribeAttempts = await Promise.all(
        subscriptions.map(({ subject, sub }) =>
          attempt(
            `subscribe ${subject}`,
            async () => {
              await waitFor(() => violationOf(dod.errors, 'subscription', subject), {
                description: `a permissions violation for the subscription to ${subject}`,
                timeoutMs: 10_000,
              });
              const closed = await sub.closed;
              if (!closed) return 'subscription still open';
              throw closed;
            },
            SECRET,
          ),
        ),
      );

      const djs = jetstream(dod.nc, { timeout: REQUEST_TIMEOUT_MS });
      const durable =
        (filter: string | string[], name = 'dod-adapter') =>
        () =>
          dod.jsm.consumers.add(EVENTS, {
            durable_name: name,
            ...(Array.isArray(filter) ? { filter_subjects: filter } : { filter_subject: filter }),
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
          });
      const request = (subject: string, body: unknown) => () =>
        dod.nc.request(subject, JSON.stringify(body), { timeout: REQUEST_TIMEOUT_MS });
      const jsAttempts: Array<[string, () => Promise<unknown>]> = [
        // Its own durable, widened.
        ['durable on icb.evt.>', durable('icb.evt.>')],
        ['durable on icb.evt.*.*.*.v1 (every broadcast)', durable('icb.evt.*.*.*.v1')],
        ['durable on icb.evt.nsc.>', durable('icb.evt.nsc.>')],
        ['durable on NSC sign-offs', durable('icb.evt.nsc.signoff.submitted.v1')],
        ['durable on what is addressed to NSC', durable('icb.evt.*.*.*.v1.nsc')],
        ['durable with several filters', durable(['icb.evt.*.*.*.v1.dod', 'icb.evt.*.*.*.v1'])],
        ['durable of another name', durable('icb.evt.*.*.*.v1.dod', 'dod-peek')],
        [
          'create on the broadcast filter subject, asking for it',
          request(`$JS.API.CONSUMER.CREATE.${EVENTS}.dod-adapter.icb.evt.*.*.*.v1`, {
            stream_name: EVENTS,
            config: {
              durable_name: 'dod-adapter',
              filter_subject: 'icb.evt.*.*.*.v1',
              ack_policy: 'explicit',
            },
          }),
        ],
        [
          'durable create (filter not in the subject)',
          request(`$JS.API.CONSUMER.DURABLE.CREATE.${EVENTS}.dod-adapter`, {
            stream_name: EVENTS,
            config: { durable_name: 'dod-adapter', filter_subject: 'icb.evt.>' },
          }),
        ],
        ['ephemeral consumer', () => dod.jsm.consumers.add(EVENTS, { ack_policy: AckPolicy.None })],
        [
          'ordered consumer on everything',
          async () => {
            const c = await djs.consumers.get(EVENTS, { filter_subjects: ['icb.evt.>'] });
            return c.next({ expires: 2_000 });
          },
        ],
        [
          'ordered consumer on NSC',
          async () => {
            const c = await djs.consumers.get(EVENTS, {
              filter_subjects: ['icb.evt.nsc.signoff.submitted.v1'],
            });
            return c.next({ expires: 2_000 });
          },
        ],
        [
          "pull the coordinator's durable",
          request(`$JS.API.CONSUMER.MSG.NEXT.${EVENTS}.coordinator`, {
            batch: 1,
            expires: 1_000_000_000,
          }),
        ],
        ["coordinator's durable info", () => dod.jsm.consumers.info(EVENTS, 'coordinator')],
        ['MSG.GET by sequence', () => dod.jsm.streams.getMessage(EVENTS, { seq: 1 })],
        [
          'MSG.GET last by subject',
          () =>
            dod.jsm.streams.getMessage(EVENTS, {
              last_by_subj: 'icb.evt.nsc.signoff.submitted.v1',
            }),
        ],
        ['DIRECT.GET by sequence', request(`$JS.API.DIRECT.GET.${EVENTS}`, { seq: 1 })],
        [
          'DIRECT.GET last by subject',
          request(`$JS.API.DIRECT.GET.${EVENTS}.icb.evt.nsc.signoff.submitted.v1`, {}),
        ],
        ['dead letter by sequence', () => dod.jsm.streams.getMessage('ICB_DLQ', { seq: 1 })],
        ['dead letter DIRECT.GET', request('$JS.API.DIRECT.GET.ICB_DLQ', { seq: 1 })],
        [
          'a stream sourcing the events',
          () =>
            dod.jsm.streams.add({
              name: 'DOD_COPY',
              subjects: [],
              sources: [{ name: EVENTS }],
            }),
        ],
        [
          "the coordinator's view (KV)",
          () => new Kvm(djs).open('ICB_COORDINATOR_VIEW').then((kv) => kv.get('consultation.c1')),
        ],
        [
          "the coordinator's view (direct get)",
          request(
            '$JS.API.DIRECT.GET.KV_ICB_COORDINATOR_VIEW.$KV.ICB_COORDINATOR_VIEW.consultation.c1',
            {},
          ),
        ],
        [
          "NSC's bucket (KV)",
          () =>
            new Kvm(djs).open(auth.adapterBucketFor('nsc')).then((kv) => kv.get('assessments.a1')),
        ],
        [
          "NSC's bucket (get by sequence)",
          () => dod.jsm.streams.getMessage(`KV_${auth.adapterBucketFor('nsc')}`, { seq: 1 }),
        ],
      ];
      const apiAttempts = await Promise.all(
        jsAttempts.map(([what, run]) => attempt(what, run, SECRET)),
      );

      // DoD got what was addressed to it, and nothing else.
      const c = await djs.consumers.get(EVENTS, 'dod-adapter');
      const pulled = await c.next({ expires: 5_000 });
      expect(pulled?.subject).toBe('icb.evt.coordinator.notice.forwarded.v1.dod');
      await waitFor(() => received.length > 0, { description: 'DoD to receive its notice' });
      await dod.nc.flush();
      expect(received).toEqual([
        'icb.evt.coordinator.notice.forwarded.v1.dod {"decision":"non-concur"}',
      ]);
      const operator = await as('operator');
      const unchanged = await operator.jsm.consumers.info(EVENTS, 'dod-adapter');
      expect(unchanged.config.filter_subject).toBe('icb.evt.*.*.*.v1.dod');
      expect((await operator.jsm.streams.names().next()).sort()).not.toContain('DOD_COPY');
      expect((await operator.jsm.consumers.list(EVENTS).next()).map((i) => i.name).sort()).toEqual([
        'coordinator',
        'dod-adapter',
      ]);

      report('dod→nsc sign-off', [...subscribeAttempts, ...apiAttempts]);
    },
    DEADLINE_MS * 2,
  );

  it(
    'the operator reads the events and the dead letters, and cannot publish as an agency or as the coordinator',
    async () => {
      const coordinator = await provisionEvents();
      await coordinator.streams.add({
        name: 'ICB_DLQ',
        subjects: ['icb.dlq.>'],
        storage: StorageType.File,
        allow_direct: true,
      });
      const c = await as('coordinator');
      const cjs = jetstream(c.nc, { timeout: REQUEST_TIMEOUT_MS });
      await cjs.publish('icb.dlq.coordinator', '{"dead":"letter"}');
      await new Kvm(cjs).create('ICB_COORDINATOR_VIEW');
      await bucketAs('dod');

      const operator = await as('operator');
      const seen: string[] = [];
      const feed = operator.nc.subscribe('icb.evt.>');
      void (async () => {
        for await (const m of feed) seen.push(m.subject);
      })();
      await operator.nc.flush();

      const ojs = jetstream(operator.nc, { timeout: REQUEST_TIMEOUT_MS });
      const forgeries = [
        'icb.evt.dod.signoff.submitted.v1',
        'icb.evt.nsc.escalation.decided.v1',
        'icb.evt.state-pm.consultation.opened.v1',
        'icb.evt.coordinator.review.requested.v1.dod',
        'icb.evt.coordinator.notice.forwarded.v1.dod',
        'icb.evt.coordinator.consultation.decided.v1',
        'icb.dlq.coordinator',
        'icb.dlq.dod-adapter',
        'icb.rpc.coordinator.verdict.dod',
        '$KV.ICB_COORDINATOR_VIEW.consultation.c1',
        `$KV.${auth.adapterBucketFor('dod')}.subscriptions.s1`,
      ];
      const before = await coordinator.streams.info(EVENTS);
      const published = await Promise.all(
        forgeries.map((subject) =>
          attempt(
            `JetStream publish on ${subject}`,
            () => ojs.publish(subject, '{"forged":true}'),
            'forged',
          ),
        ),
      );
      // Fire and forget: dropped by the server too.
      for (const subject of forgeries) operator.nc.publish(subject, '{"forged":"core"}');
      await operator.nc.flush();
      const violations = await Promise.all(
        forgeries.map((subject) =>
          attempt(
            `core publish on ${subject}`,
            async () => {
              await waitFor(() => violationOf(operator.errors, 'publish', subject), {
                description: `a permissions violation for the operator's publish on ${subject}`,
                timeoutMs: 10_000,
              });
              return undefined;
            },
            'forged',
          ),
        ),
      );
      const request = (subject: string, body: unknown) => () =>
        operator.nc.request(subject, JSON.stringify(body), { timeout: REQUEST_TIMEOUT_MS });
      const management = await Promise.all(
        (
          [
            ['delete a dead letter', request('$JS.API.STREAM.MSG.DELETE.ICB_DLQ', { seq: 1 })],
            ['purge the events', request(`$JS.API.STREAM.PURGE.${EVENTS}`, {})],
            [
              'create a consumer',
              () =>
                operator.jsm.consumers.add(EVENTS, {
                  durable_name: 'operator',
                  ack_policy: AckPolicy.Explicit,
                }),
            ],
            [
              'create a stream',
              () => operator.jsm.streams.add({ name: 'OPS', subjects: ['ops.>'] }),
            ],
          ] as Array<[string, () => Promise<unknown>]>
        ).map(([what, run]) => attempt(what, run, 'never')),
      );

      // Nothing was stored: the event stream and the dead letters are unchanged.
      const after = await coordinator.streams.info(EVENTS);
      expect(after.state.messages).toBe(before.state.messages);
      expect((await coordinator.streams.info('ICB_DLQ')).state.messages).toBe(1);

      // What it may do: read the dead letters and follow the events.
      const letter = await operator.jsm.streams.getMessage('ICB_DLQ', { seq: 1 });
      expect(letter?.json()).toEqual({ dead: 'letter' });
      await cjs.publish('icb.evt.coordinator.consultation.decided.v1', '{"real":true}');
      await waitFor(() => seen.length > 0, { description: 'the operator to see the event' });
      expect(seen).toEqual(['icb.evt.coordinator.consultation.decided.v1']);

      report('operator publishing as a party', [...published, ...violations, ...management]);
    },
    DEADLINE_MS * 2,
  );
  it(
    'with TLS on, a service connects as its user through the per-deployment CA; without the CA it cannot',
    async () => {
      const tlsDir = mkdtempSync(path.join(os.tmpdir(), 'icb-nats-tls-'));
      const own = await startOwnNats({
        dataDir: tlsDir,
        tls: true,
        extraConfig: auth.generateAuthConfig({ passwords }),
      });
      try {
        expect(own.tls?.caFile).toBeDefined();
        const creds = auth.credentialsFor('dod-adapter', passwords);
        const nats = new NatsConnectionProvider({
          servers: [own.url],
          service: 'dod-adapter',
          user: creds.NATS_USER,
          password: creds.NATS_PASSWORD,
          inboxPrefix: creds.NATS_INBOX_PREFIX,
          tlsCaFile: own.tls!.caFile,
          namespace: 'icb',
        } as MessagingOptions);
        await nats.connect();
        connections.push(nats.connection);
        expect(nats.connection.info?.tls_required).toBe(true);
        const tried = [
          await attempt(
            'TLS without the CA',
            () =>
              connect({
                servers: own.url,
                user: creds.NATS_USER,
                pass: creds.NATS_PASSWORD,
                maxReconnectAttempts: 0,
                timeout: 3_000,
              }).then((nc) => nc.close().then(() => 'connected')),
            'connected',
          ),
        ];
        expect(tried[0].detail).toMatch(/certificate/i);
        report('tls', tried);
      } finally {
        await own.stop();
        rmSync(tlsDir, { recursive: true, force: true });
      }
    },
    DEADLINE_MS,
  );
});
