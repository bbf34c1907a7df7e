import { spawn, ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  DeadLetterService,
  EventPublisher,
  jetStreamMicroservice,
  MessagingOptions,
  NatsConnectionProvider,
  PermanentMessageError,
  TransientMessageError,
  PublishValidationError,
  startJetStreamMicroservice,
  SubjectSpace,
} from '@icb/messaging';
import { natsUrl, testEnv, waitFor } from '@icb/testing';
import { MessagingMetrics } from '../src/messaging.metrics';
import { Probe, ProbeModule } from './fixtures/probe.module';

const withdrawal = (reason = 'overtaken by events') => ({ consultationId: randomUUID(), reason });

async function boot(
  env: Record<string, string>,
  overrides: Partial<MessagingOptions> = {},
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [ProbeModule.forRoot(env, overrides)],
  }).compile();
  return startJetStreamMicroservice(moduleRef.createNestMicroservice(jetStreamMicroservice()));
}

describe('messaging over a real JetStream', () => {
  let env: Record<string, string>;
  let app: INestApplicationContext | undefined;

  beforeEach(() => {
    env = testEnv();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function consumerInfo(application: INestApplicationContext, durable = 'probe') {
    const nats = application.get(NatsConnectionProvider);
    return nats.manager.consumers.info(new SubjectSpace(env.BUS_NAMESPACE).eventsStream, durable);
  }

  it('a handled message is acked once and never redelivered', async () => {
    app = await boot(env);
    const probe = app.get(Probe);
    const published = await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());

    await waitFor(() => probe.deliveries.length === 1, { description: 'the delivery' });
    const info = await waitFor(
      async () => {
        const i = await consumerInfo(app!);
        return i.num_ack_pending === 0 && i.delivered.stream_seq === published.seq && i;
      },
      { description: 'the ack to be recorded' },
    );
    expect(info.num_redelivered).toBe(0);
    expect(info.num_pending).toBe(0);
    expect(probe.deliveries).toEqual([
      expect.objectContaining({ id: published.envelope.id, deliveryCount: 1 }),
    ]);
  });

  it('a transient failure is redelivered after a growing delay and then succeeds', async () => {
    app = await boot(env);
    const probe = app.get(Probe);
    probe.behaviour = (_e, ctx) => {
      if (ctx.deliveryCount < 3) throw new Error('database briefly unavailable');
    };
    await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());

    await waitFor(() => probe.deliveries.length === 3, { description: 'three deliveries' });
    const [first, second, third] = probe.deliveries;
    expect([first.deliveryCount, second.deliveryCount, third.deliveryCount]).toEqual([1, 2, 3]);
    // nak delays are 150 ms then 300 ms: the server holds the message at least that long.
    expect(second.at - first.at).toBeGreaterThanOrEqual(140);
    expect(third.at - second.at).toBeGreaterThanOrEqual(290);
    const info = await waitFor(async () => {
      const i = await consumerInfo(app!);
      return i.num_ack_pending === 0 && i;
    });
    expect(info.num_pending).toBe(0);
    expect(await app.get(DeadLetterService).count()).toBe(0);
  });

  it('an invalid payload is dead-lettered with its reason and never reaches the handler', async () => {
    app = await boot(env);
    const probe = app.get(Probe);
    const nats = app.get(NatsConnectionProvider);
    const good = app.get(EventPublisher).envelope('consultation.withdrawn', withdrawal());
    const bad = { ...good.envelope, data: { consultationId: 'not-a-uuid' } };
    await nats.js.publish(good.subject, JSON.stringify(bad), { msgID: bad.id });

    const dlq = app.get(DeadLetterService);
    const [entry] = await waitFor(async () => {
      const l = await dlq.list();
      return l.length > 0 && l;
    });
    expect(entry.record.code).toBe('INVALID_MESSAGE');
    expect(entry.record.errors?.join('\n')).toMatch(/consultationId/);
    expect(entry.record.errors?.join('\n')).toMatch(/reason/);
    expect(entry.record.consumer).toBe('probe');
    expect(JSON.parse(entry.record.data)).toEqual(bad);
    const info = await waitFor(async () => {
      const i = await consumerInfo(app!);
      return i.num_ack_pending === 0 && i;
    });
    expect(info.num_redelivered).toBe(0);
    expect(probe.deliveries).toHaveLength(0);
  });

  it('a message that is not JSON, or on a subject naming a publisher the catalog does not allow, is dead-lettered', async () => {
    app = await boot(env);
    const nats = app.get(NatsConnectionProvider);
    const good = app.get(EventPublisher).envelope('consultation.withdrawn', withdrawal());
    await nats.js.publish(good.subject, '{not json', { msgID: randomUUID() });
    // A valid State/PM event put on a subject that names DoD as its publisher.
    const forged = { ...good.envelope, id: randomUUID() };
    await nats.js.publish(good.subject.replace('.state-pm.', '.dod.'), JSON.stringify(forged), {
      msgID: forged.id,
    });

    const entries = await waitFor(async () => {
      const l = await app!.get(DeadLetterService).list();
      return l.length === 2 && l;
    });
    expect(entries.map((e) => e.record.code).sort()).toEqual([
      'MALFORMED_JSON',
      'PUBLISHER_NOT_ALLOWED',
    ]);
    expect(app.get(Probe).deliveries).toHaveLength(0);
  });

  it('a permanent handler error is dead-lettered at once; replay after the fix processes it', async () => {
    app = await boot(env);
    const probe = app.get(Probe);
    let fixed = false;
    probe.behaviour = () => {
      if (!fixed) throw new PermanentMessageError('UNKNOWN_CONSULTATION', 'no such consultation');
    };
    const published = await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());
    const dlq = app.get(DeadLetterService);
    const [entry] = await waitFor(async () => {
      const l = await dlq.list();
      return l.length === 1 && l;
    });
    expect(entry.record).toMatchObject({
      code: 'UNKNOWN_CONSULTATION',
      reason: 'no such consultation',
      eventId: published.envelope.id,
    });
    expect(probe.deliveries).toHaveLength(1);

    fixed = true;
    await dlq.replay(entry.seq);
    await waitFor(() => probe.deliveries.length === 2, { description: 'the replayed delivery' });
    expect(probe.deliveries[1].id).toBe(published.envelope.id);
    expect(await dlq.count()).toBe(0);
  });

  it('a handler that keeps failing is dead-lettered after the last delivery with the last error', async () => {
    app = await boot(env, { maxDeliver: 3, backoffMs: [50] });
    const probe = app.get(Probe);
    probe.behaviour = () => {
      throw new Error('still broken');
    };
    await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());
    const [entry] = await waitFor(async () => {
      const l = await app!.get(DeadLetterService).list();
      return l.length === 1 && l;
    });
    expect(entry.record.code).toBe('MAX_DELIVERIES');
    expect(entry.record.reason).toMatch(/still broken/);
    expect(entry.record.deliveryCount).toBe(3);
    expect(probe.deliveries.map((d) => d.deliveryCount)).toEqual([1, 2, 3]);
  });

  it('a transient failure that outlasts maxDeliver deliveries is retried until it clears: applied once, never dead-lettered', async () => {
    app = await boot(env, { maxDeliver: 3, backoffMs: [50, 100] });
    const probe = app.get(Probe);
    const applied: string[] = [];
    // The coordinator is "down" for twice as many deliveries as an unknown error is allowed.
    probe.behaviour = (envelope, ctx) => {
      if (ctx.deliveryCount <= 6) {
        throw new TransientMessageError('COORDINATOR_UNAVAILABLE', 'the coordinator answered 503');
      }
      applied.push(envelope.id);
    };
    const published = await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());

    await waitFor(() => applied.length === 1, {
      description: 'the message applied once the failure cleared',
    });
    const info = await waitFor(
      async () => {
        const i = await consumerInfo(app!);
        return i.num_ack_pending === 0 && i;
      },
      { description: 'the ack to be recorded' },
    );
    expect(applied).toEqual([published.envelope.id]);
    expect(probe.deliveries.map((d) => d.deliveryCount)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(info.num_pending).toBe(0);
    expect(info.config.max_deliver).toBe(-1);
    expect(await app.get(DeadLetterService).count()).toBe(0);
    // The outage was visible on /metrics while it lasted, and is over.
    const metrics = app.get(MessagingMetrics);
    const retries = (await metrics.transientRetries.get()).values;
    expect(retries).toEqual([
      expect.objectContaining({
        value: 6,
        labels: { consumer: 'probe', code: 'COORDINATOR_UNAVAILABLE' },
      }),
    ]);
    expect((await metrics.retryingTransient.get()).values).toEqual([
      expect.objectContaining({ value: 0, labels: { consumer: 'probe' } }),
    ]);
  });

  it('messages queued behind a slow matter, and a handler slower than the ack wait, are not redelivered', async () => {
    const ackWaitMs = 1_500;
    app = await boot(env, { ackWaitMs, maxInFlight: 4 });
    const probe = app.get(Probe);
    const durations = [2 * ackWaitMs, 500, 500, 500, 500];
    const finished: string[] = [];
    probe.behaviour = async (envelope) => {
      const ms = durations[probe.deliveries.length - 1] ?? 500;
      // The handler's own work (a slow database), not a wait of the test.
      await new Promise((resolve) => setTimeout(resolve, ms));
      finished.push(envelope.id);
    };
    // One matter: they run one after another, each waiting for all before it.
    const consultationId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < durations.length; i++) {
      const p = await app
        .get(EventPublisher)
        .publish('consultation.withdrawn', { consultationId, reason: `step ${i}` });
      ids.push(p.envelope.id);
    }

    await waitFor(() => finished.length === ids.length, {
      description: 'every message handled',
      timeoutMs: 30_000,
    });
    const info = await waitFor(
      async () => {
        const i = await consumerInfo(app!);
        return i.num_ack_pending === 0 && i;
      },
      { description: 'the acks to be recorded' },
    );
    // Each waited longer than the ack wait, and none came back.
    expect(probe.deliveries.at(-1)!.at - probe.deliveries[0].at).toBeGreaterThan(2 * ackWaitMs);
    expect(probe.deliveries.map((d) => d.id)).toEqual(ids);
    expect(probe.deliveries.every((d) => d.deliveryCount === 1)).toBe(true);
    expect(info.num_redelivered).toBe(0);
    expect(info.num_pending).toBe(0);
  });

  it('publishing the same event id twice inside the duplicate window stores it once', async () => {
    app = await boot(env);
    const publisher = app.get(EventPublisher);
    const id = randomUUID();
    const payload = withdrawal();
    const first = await publisher.publish('consultation.withdrawn', payload, { id });
    const second = await publisher.publish('consultation.withdrawn', payload, { id });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    const nats = app.get(NatsConnectionProvider);
    const stream = await nats.manager.streams.info(
      new SubjectSpace(env.BUS_NAMESPACE).eventsStream,
    );
    expect(stream.state.messages).toBe(1);
    await waitFor(() => app!.get(Probe).deliveries.length === 1);
  });

  it('a payload that breaks its contract is refused before it is published', async () => {
    app = await boot(env);
    const publisher = app.get(EventPublisher);
    expect(() =>
      publisher.envelope('consultation.withdrawn', { consultationId: 'nope', reason: '' }),
    ).toThrow(PublishValidationError);
  });

  it('provisioning keeps the settings an operator changed on an existing stream', async () => {
    const nc = await connect({ servers: natsUrl() });
    try {
      const { jetstreamManager } = await import('@nats-io/jetstream');
      const jsm = await jetstreamManager(nc);
      const space = new SubjectSpace(env.BUS_NAMESPACE);
      await jsm.streams.add({
        name: space.eventsStream,
        subjects: [space.eventsFilter],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        max_msgs: 12345,
      });
      app = await boot(env);
      const info = await jsm.streams.info(space.eventsStream);
      expect(info.config.max_msgs).toBe(12345);
      // and the service still works on it
      await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());
      await waitFor(() => app!.get(Probe).deliveries.length === 1);
    } finally {
      await nc.close();
    }
  });

  it('shutting down finishes the message in progress and acks it', async () => {
    app = await boot(env);
    const probe = app.get(Probe);
    let release!: () => void;
    const started = new Promise<void>((resolveStarted) => {
      probe.behaviour = () =>
        new Promise<void>((resolve) => {
          release = resolve;
          resolveStarted();
        });
    });
    await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());
    await started;
    const closing = app.close();
    release();
    await closing;
    app = undefined;

    // A new instance sees nothing left to do.
    app = await boot(env);
    const info = await consumerInfo(app);
    expect(info.num_pending + info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
  });

  it('a consumer killed with SIGKILL mid-batch loses nothing: its unacked messages reach the restarted consumer', async () => {
    const count = 20;
    // Provision the streams, then publish a batch before the victim starts.
    const publisherApp = await boot(env);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const p = await publisherApp
        .get(EventPublisher)
        .publish('consultation.withdrawn', withdrawal(`batch ${i}`));
      ids.push(p.envelope.id);
    }
    await publisherApp.close();

    const victim = spawnConsumer(env);
    const done = new Set<string>();
    const started = new Set<string>();
    victim.stdout!.setEncoding('utf8');
    let buffer = '';
    victim.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [what, id] = line.split(' ');
        if (what === 'done') done.add(id);
        if (what === 'started') started.add(id);
      }
    });
    await waitFor(() => done.size >= 3, {
      description: 'the victim to finish a few messages',
      timeoutMs: 30_000,
    });
    const exited = new Promise((resolve) => victim.once('exit', resolve));
    victim.kill('SIGKILL');
    await exited;
    expect(done.size).toBeLessThan(count);

    const restarted = await Test.createTestingModule({
      imports: [ProbeModule.forRoot(env, { ackWaitMs: 2_000 }, 'crash-probe')],
    })
      .compile()
      .then(async (m) =>
        startJetStreamMicroservice(m.createNestMicroservice(jetStreamMicroservice())),
      );
    app = restarted;
    const probe = restarted.get(Probe);
    const missing = () => ids.filter((id) => !done.has(id) && !probe.idsHandled().has(id));
    await waitFor(() => missing().length === 0, {
      description: 'every message the victim did not finish to reach the restarted consumer',
      timeoutMs: 30_000,
    });
    expect(missing()).toEqual([]);
    // The ones the victim had in flight came back as redeliveries.
    const inFlightAtKill = [...started].filter((id) => !done.has(id));
    for (const id of inFlightAtKill) {
      expect(probe.deliveries.find((d) => d.id === id)?.deliveryCount).toBeGreaterThan(1);
    }
  });
});

function spawnConsumer(env: Record<string, string>): ChildProcess {
  const script = path.join(__dirname, 'fixtures', 'slow-consumer.process.ts');
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', script],
    {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, PROBE_ENV: JSON.stringify(env), SWCRC: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}
