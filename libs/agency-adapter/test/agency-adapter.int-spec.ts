import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { configureService } from '@icb/runtime';
import { authHeader, TestBus, testEnv, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../../apps/coordinator/src/coordinator.api';
import { Webhook } from 'standardwebhooks';
import { AgencyAdapterModule } from '../src';

const officer = { name: 'Jane Doe', title: 'Director, DTSA' };

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function bootCoordinator(env: Record<string, string>): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoordinatorModule.forRoot({ env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>();
  try {
    configureService(app, COORDINATOR_API);
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** The DoD adapter, as apps/dod-adapter builds it, on the given environment. */
async function bootDodAdapter(env: Record<string, string>): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AgencyAdapterModule.forRoot({ agency: 'dod', httpPort: 0, env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>();
  try {
    configureService(app, { title: 'DoD adapter', description: 'under test' });
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An agency system's webhook endpoint: records every POST and answers 204. */
async function startReceiver(): Promise<{ server: Server; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, received };
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('the DoD adapter: its reviews, answers and webhooks over the coordinator', () => {
  let coordinator: NestExpressApplication | undefined;
  let adapter: NestExpressApplication | undefined;
  let bus: TestBus | undefined;
  let receiver: { server: Server; received: Received[] } | undefined;
  let secret: string;
  let subscriptionId: string;
  const consultationId = randomUUID();

  const api = () => request.agent(adapter!.getHttpServer()).set(asAgency('dod', { officer }));
  const coordinatorApi = () => request.agent(coordinator!.getHttpServer()).set(authHeader());

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await bootCoordinator(env);
    adapter = await bootDodAdapter({
      ...env,
      COORDINATOR_URL: urlOf(coordinator.getHttpServer()),
      // The receiver listens on 127.0.0.1: the allow-list must admit loopback.
      WEBHOOK_ALLOWED_TARGETS: 'loopback',
    });
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    receiver = await startReceiver();

    const created = await api()
      .post('/webhooks')
      .send({ url: `${urlOf(receiver.server)}/icb`, events: ['review.requested'] })
      .expect(201);
    secret = (created.body as { secret: string }).secret;
    subscriptionId = (created.body as { id: string }).id;

    await bus.publishAs(
      'state-pm',
      'consultation.opened',
      validPayload('consultation.opened', {
        consultationId,
        clearingParties: ['dod', 'nsc'],
        requestedAt: new Date().toISOString(),
      }),
    );
  });

  afterAll(async () => {
    await closeServer(receiver?.server);
    await bus?.close();
    await adapter?.close();
    await coordinator?.close();
  });

  it('lists the consultation among DoD’s pending reviews, with its clock', async () => {
    const body = await waitFor(
      async () => {
        const res = await api().get('/reviews').expect(200);
        const list = res.body as { agency: string; items: { id: string }[] };
        return list.items.some((i) => i.id === consultationId) && list;
      },
      { description: 'the consultation in GET /reviews' },
    );
    expect(body.agency).toBe('dod');
    const item = body.items.find((i) => i.id === consultationId);
    expect(item).toMatchObject({
      id: consultationId,
      title: 'Australia - AIM-120D missiles',
      kind: 'fms-case',
      revision: 1,
      overdue: false,
      precedence: 'PRIORITY',
      classification: 'CUI//SP-EXPT//NOFORN',
    });
    expect(typeof (item as { dueAt?: unknown }).dueAt).toBe('string');
    expect((item as { daysLeft?: number }).daysLeft).toBeGreaterThan(0);
  });

  it('shows DoD its own review and nothing of NSC’s', async () => {
    const res = await api().get(`/reviews/${consultationId}`).expect(200);
    const view = res.body as Record<string, unknown> & {
      review: { revision: number; state: string };
      timeline: { actor: string }[];
    };
    expect(view).toMatchObject({ id: consultationId, revision: 1 });
    expect(view.review).toMatchObject({ revision: 1, state: 'pending' });
    expect(view).not.toHaveProperty('reviews');
    expect(view).not.toHaveProperty('clearers');
    expect(JSON.stringify(view)).not.toMatch(/nsc/i);
    expect(view.timeline.length).toBeGreaterThan(0);
    expect(view.timeline.every((e) => e.actor === 'dod' || e.actor === 'coordinator')).toBe(true);

    // The coordinator does have NSC's review.
    const full = await coordinatorApi().get(`/consultations/${consultationId}`).expect(200);
    expect((full.body as { reviews: { agency: string }[] }).reviews.map((r) => r.agency)).toEqual(
      expect.arrayContaining(['dod', 'nsc']),
    );
  });

  it('is 404 for a consultation DoD does not clear or that does not exist', async () => {
    await api().get(`/reviews/${randomUUID()}`).expect(404);
    await api().post(`/reviews/${randomUUID()}/acknowledge`).expect(404);
  });

  it('pushes the review request to DoD’s webhook, signed with the subscription’s secret', async () => {
    const delivery = await waitFor(
      () =>
        receiver!.received.find((r) => {
          const e = JSON.parse(r.body) as { type: string; data: { consultationId: string } };
          return (
            e.type === 'gov.icb.review.requested.v1' && e.data.consultationId === consultationId
          );
        }),
      { description: 'the review.requested webhook POST' },
    );
    // Standard Webhooks: the receiver verifies with the off-the-shelf library.
    const headers = delivery.headers as Record<string, string>;
    expect(new Webhook(secret).verify(delivery.body, headers)).toEqual(JSON.parse(delivery.body));
    expect(() => new Webhook(`whsec_${'A'.repeat(43)}=`).verify(delivery.body, headers)).toThrow(
      /No matching signature/,
    );
    expect((JSON.parse(delivery.body) as { data: { agency: string } }).data.agency).toBe('dod');
    expect(
      receiver!.received.every(
        (r) => (JSON.parse(r.body) as { data: { agency: string } }).data.agency === 'dod',
      ),
    ).toBe(true);

    const log = await api().get(`/webhooks/${subscriptionId}/deliveries`).expect(200);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'delivered', httpStatus: 204, attempt: 1 }),
      ]),
    );
    const listed = await api().get('/webhooks').expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: subscriptionId, active: true })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it('refuses an invalid sign-off with 400 and every problem', async () => {
    const res = await api()
      .post(`/reviews/${consultationId}/sign-off`)
      .send({ decision: 'maybe', officer: { name: '' }, extra: true })
      .expect(400);
    const message = (res.body as { message: string[] }).message;
    expect(message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/decision/),
        // The officer comes from the access token, never from the body (ADR 18).
        expect.stringMatching(/property officer should not exist/),
        expect.stringMatching(/extra/),
      ]),
    );

    // The contract's cross-field rule: conditions are required with concur-with-conditions.
    const noConditions = await api()
      .post(`/reviews/${consultationId}/sign-off`)
      .send({ decision: 'concur-with-conditions' })
      .expect(400);
    const problems = (noConditions.body as { message: string[] }).message;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /conditions/.test(p))).toBe(true);
  });

  it('acknowledges, holds and releases as DoD on the bus, each accepted; an extension of an FMS case is refused', async () => {
    const ack = await api().post(`/reviews/${consultationId}/acknowledge`).send({}).expect(200);
    const acknowledged = await bus!.next(
      'review.acknowledged',
      (_d, e) => e.id === (ack.body as { eventId: string }).eventId,
    );
    expect(acknowledged.source).toBe('/icb/dod');
    expect(acknowledged.data).toEqual({ consultationId, agency: 'dod', revision: 1 });
    await waitFor(
      async () => {
        const c = await coordinatorApi().get(`/consultations/${consultationId}`).expect(200);
        const reviews = (c.body as { reviews: { agency: string; acknowledgedAt?: string }[] })
          .reviews;
        return reviews.find((r) => r.agency === 'dod')?.acknowledgedAt;
      },
      { description: 'the acknowledgement at the coordinator' },
    );

    const reason = 'Awaiting a releasability determination.';
    await api().post(`/reviews/${consultationId}/hold`).send({ reason }).expect(200);
    await bus!.next('review.hold-placed', (d) => d.consultationId === consultationId);
    await api()
      .delete(`/reviews/${consultationId}/hold`)
      .send({ reason: 'Determined.' })
      .expect(200);
    await bus!.next('review.hold-released', (d) => d.consultationId === consultationId);
    // Published as DoD, but an FMS case has no referral period to extend: the coordinator says so.
    const extended = await api()
      .post(`/reviews/${consultationId}/extension`)
      .send({ days: 10, reason: 'Technical review of the seeker.' })
      .expect(409);
    expect(extended.body).toMatchObject({
      code: 'NO_DEEMED_CONCURRENCE',
      verdict: { outcome: 'refused', message: 'clock.extension-requested' },
    });
    const extension = await bus!.next(
      'clock.extension-requested',
      (d) => d.consultationId === consultationId,
    );
    expect(extension.data).toMatchObject({ agency: 'dod', days: 10 });
    await api().post(`/reviews/${consultationId}/extension`).send({ days: 0 }).expect(400);
  });

  it('documents its API at /docs', async () => {
    const doc = await api().get('/docs-json').expect(200);
    const paths = Object.keys((doc.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/reviews',
        '/reviews/{consultationId}',
        '/reviews/{consultationId}/sign-off',
        '/reviews/{consultationId}/hold',
        '/webhooks',
        '/webhooks/{id}/deliveries',
      ]),
    );
  });

  it('publishes DoD’s concurrence with conditions, and the coordinator records it', async () => {
    const res = await api()
      .post(`/reviews/${consultationId}/sign-off`)
      .send({
        decision: 'concur-with-conditions',
        conditions: [
          {
            id: 'DOD-AT-1',
            text: 'Anti-tamper protection on all guidance sections',
            category: 'technology-security',
          },
        ],
      })
      .expect(200);
    const published = res.body as {
      eventId: string;
      subject: string;
      verdict: { outcome: string };
    };
    expect(published.subject).toBe(consultationId);
    expect(published.verdict.outcome).toBe('accepted');

    const recorded = await waitFor(
      async () => {
        const c = await coordinatorApi().get(`/consultations/${consultationId}`).expect(200);
        const body = c.body as {
          signOffs: { agency: string; decision: string; eventId: string; conditions?: unknown }[];
        };
        return body.signOffs.find((s) => s.agency === 'dod');
      },
      { description: 'DoD’s sign-off at the coordinator' },
    );
    expect(recorded).toMatchObject({
      decision: 'concur-with-conditions',
      revision: 1,
      eventId: published.eventId,
      officer, // from the access token
      conditions: [{ id: 'DOD-AT-1', text: 'Anti-tamper protection on all guidance sections' }],
    });

    const view = await api().get(`/reviews/${consultationId}`).expect(200);
    expect(view.body).toMatchObject({
      signOffs: [expect.objectContaining({ decision: 'concur-with-conditions' })],
      conditions: [expect.objectContaining({ id: 'DOD-AT-1', status: 'active' })],
    });
  });
});

describe('the DoD adapter when the coordinator is down', () => {
  let adapter: NestExpressApplication | undefined;

  afterAll(async () => {
    await adapter?.close();
  });

  it('answers 503 with a message naming the coordinator', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const downUrl = urlOf(probe);
    await closeServer(probe);

    adapter = await bootDodAdapter(testEnv({ COORDINATOR_URL: downUrl }));
    const api = request.agent(adapter.getHttpServer()).set(asAgency('dod'));
    const list = await api.get('/reviews').expect(503);
    expect((list.body as { message: string }).message).toContain(
      `cannot reach the coordinator at ${downUrl}`,
    );
    await api.post(`/reviews/${randomUUID()}/sign-off`).send({ decision: 'concur' }).expect(503);
  });
});
