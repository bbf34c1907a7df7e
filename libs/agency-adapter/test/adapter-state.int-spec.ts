import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { subjectFor } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { asAgency, startHttpService, TestBus, testEnv, waitFor } from '@icb/testing';
import {
  AgencyAdapterModule,
  WEBHOOK_ID_HEADER,
  WEBHOOK_DELIVERY_OPTIONS,
  type WebhookDeliveryOptions,
} from '../src';

/** Short waits, so retries happen within a test; rescans off, so only the restart resumes. */
const FAST: WebhookDeliveryOptions = {
  retry: { maxAttempts: 20, baseDelayMs: 100, maxDelayMs: 500, attemptTimeoutMs: 2_000 },
  retentionMs: 60 * 60_000,
  leaseMs: 5_000,
  rescanMs: 0,
  maxConcurrent: 8,
  storeRetryMs: 200,
};

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** An agency system's webhook endpoint: answers 503 (Retry-After: 1) while `failing`, else 204. */
async function startReceiver() {
  const state = { failing: false, received: [] as Received[] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = state.failing ? 503 : 204;
      state.received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      if (status === 503) res.writeHead(503, { 'retry-after': '1' }).end('busy');
      else res.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The coordinator's `GET /consultations/{id}` as the adapter reads it for
 * assessments: every consultation exists, with the assessments given.
 */
async function startCoordinatorStub(assessments: Record<string, unknown>[]) {
  const server = createServer((req, res) => {
    const id = /^\/consultations\/([^/?]+)/.exec(req.url ?? '')?.[1];
    if (!id) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id: decodeURIComponent(id), assessments }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

interface Attempt {
  deliveryId: string;
  eventId: string;
  attempt: number;
  outcome: string;
  httpStatus?: number;
}

describe('the DoD adapter keeps its state in its KV bucket, across restarts', () => {
  let env: Record<string, string>;
  let adapter: NestExpressApplication | undefined;
  let bus: TestBus | undefined;
  const servers: Server[] = [];

  const boot = async () => {
    adapter = await startHttpService(
      AgencyAdapterModule.forRoot({ agency: 'dod', httpPort: 0, env }),
      'DoD adapter',
      [[WEBHOOK_DELIVERY_OPTIONS, FAST]],
    );
    return adapter;
  };
  /** Closes the adapter and boots a new one on the same environment (same bus, same bucket). */
  const restart = async () => {
    await adapter?.close();
    adapter = undefined;
    return boot();
  };
  // As DoD's systems (ADR 18: every adapter request carries the agency's access token).
  const api = () => request.agent(adapter!.getHttpServer()).set(asAgency('dod'));
  const attemptsOf = async (subscriptionId: string): Promise<Attempt[]> =>
    (await api().get(`/webhooks/${subscriptionId}/deliveries?limit=1000`).expect(200))
      .body as Attempt[];
  const subscribe = async (url: string): Promise<string> =>
    (
      (
        await api()
          .post('/webhooks')
          .send({ url, events: ['review.requested'] })
          .expect(201)
      ).body as { id: string }
    ).id;
  const requestReview = () =>
    bus!.publishAs(
      'coordinator',
      'review.requested',
      validPayload('review.requested', { consultationId: randomUUID(), agency: 'dod' }),
    );

  beforeEach(async () => {
    const coordinator = await startCoordinatorStub([]);
    servers.push(coordinator.server);
    // The receivers listen on 127.0.0.1: the adapter's allow-list must admit loopback.
    env = testEnv({ COORDINATOR_URL: coordinator.url, WEBHOOK_ALLOWED_TARGETS: 'loopback' });
    await boot(); // creates the streams and the bucket
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterEach(async () => {
    await bus?.close();
    await adapter?.close();
    adapter = undefined;
    await Promise.all(servers.splice(0).map(closeServer));
  });

  it('a webhook subscription survives a restart of the adapter', async () => {
    const receiver = await startReceiver();
    servers.push(receiver.server);
    const id = await subscribe(`${receiver.url}/icb`);

    await restart();
    const listed = await api().get('/webhooks').expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id, url: `${receiver.url}/icb`, active: true }),
    ]);
    await api().get(`/webhooks/${id}/deliveries`).expect(200);

    // And it is used: a review request after the restart is pushed to it.
    const e = await requestReview();
    await waitFor(() => receiver.state.received.find((r) => r.body.includes(e.id)), {
      description: 'the review request at the subscription made before the restart',
    });
  });

  it('a delivery failing before a restart is retried by the restarted adapter, and then delivered', async () => {
    const receiver = await startReceiver();
    servers.push(receiver.server);
    receiver.state.failing = true;
    const id = await subscribe(`${receiver.url}/icb`);
    const e = await requestReview();

    await waitFor(
      async () => (await attemptsOf(id)).some((a) => a.eventId === e.id && a.outcome === 'retry'),
      { description: 'a failed attempt logged for retry' },
    );
    await adapter!.close();
    adapter = undefined;
    const before = receiver.state.received.length;
    const lastAttemptBefore = Number(
      receiver.state.received.at(-1)!.headers['icb-delivery-attempt'],
    );
    receiver.state.failing = false;

    await boot();
    const delivered = await waitFor(
      async () => (await attemptsOf(id)).find((a) => a.outcome === 'delivered'),
      { description: 'the delivery completed by the restarted adapter' },
    );
    const after = receiver.state.received.slice(before);
    expect(after).toHaveLength(1);
    expect(after[0].status).toBe(204);
    expect(delivered).toMatchObject({
      eventId: e.id,
      attempt: lastAttemptBefore + 1,
      httpStatus: 204,
    });
    // The same delivery, resumed: one delivery id, its earlier attempts still in the log.
    const log = await attemptsOf(id);
    expect(new Set(log.map((a) => a.deliveryId))).toEqual(new Set([delivered.deliveryId]));
    expect(after[0].headers[WEBHOOK_ID_HEADER]).toBe(delivered.deliveryId);
    expect(log.map((a) => a.attempt)).toEqual(
      Array.from({ length: lastAttemptBefore + 1 }, (_, i) => lastAttemptBefore + 1 - i),
    );
    expect(log.slice(1).every((a) => a.outcome === 'retry' && a.httpStatus === 503)).toBe(true);
  });

  it('a redelivered review request does not create a second delivery', async () => {
    const receiver = await startReceiver();
    servers.push(receiver.server);
    const id = await subscribe(`${receiver.url}/icb`);
    const e = await requestReview();
    await waitFor(async () => (await attemptsOf(id)).some((a) => a.outcome === 'delivered'), {
      description: 'the first delivery',
    });

    // The same event again on the bus (another message id, so JetStream keeps
    // both): the adapter's consumer gets it a second time, as on a redelivery.
    const nc = await connect({ servers: env.NATS_URL });
    try {
      const subject = subjectFor('review.requested', 'coordinator', e.data).replace(
        /^icb\./,
        `${env.BUS_NAMESPACE}.`,
      );
      const ack = await jetstream(nc).publish(subject, JSON.stringify(e), {
        msgID: `${e.id}-again`,
      });
      const jsm = await jetstreamManager(nc);
      await waitFor(
        async () => {
          const info = await jsm.consumers.info(
            `${env.BUS_NAMESPACE.toUpperCase()}_EVENTS`,
            'dod-adapter',
          );
          return (
            info.ack_floor.stream_seq >= ack.seq &&
            info.num_ack_pending === 0 &&
            info.num_pending === 0
          );
        },
        { description: 'the adapter to have processed and acked the repeated request' },
      );
    } finally {
      await nc.close();
    }

    const attempts = await attemptsOf(id);
    expect(attempts).toEqual([
      expect.objectContaining({ eventId: e.id, outcome: 'delivered', attempt: 1 }),
    ]);
    expect(receiver.state.received.filter((r) => r.body.includes(e.id))).toHaveLength(1);
  });

  it('an assessment released to DoD stays readable after a restart', async () => {
    const consultationId = randomUUID();
    const assessmentId = randomUUID();
    const released = await bus!.publishAs(
      'cia',
      'intel.assessment-released',
      validPayload('intel.assessment-released', {
        consultationId,
        assessmentId,
        recipient: 'dod',
        disseminationControls: { orcon: true, noforn: true, approvedRecipients: ['dod'] },
        content: 'Eyes only: low risk of diversion.',
      }),
    );
    const read = async () =>
      (await api().get(`/reviews/${consultationId}/assessments`).expect(200)).body as {
        released: { assessmentId: string; content: string }[];
      };
    await waitFor(async () => (await read()).released.length === 1, {
      description: 'the released assessment at the adapter',
    });

    await restart();
    expect((await read()).released).toEqual([
      expect.objectContaining({
        assessmentId,
        content: 'Eyes only: low risk of diversion.',
        releasedAt: released.data.releasedAt,
      }),
    ]);
  });
});
