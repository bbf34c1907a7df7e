import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { NatsConnectionProvider } from '@icb/messaging';
import { configureService } from '@icb/runtime';
import { OwnNats, startOwnNats, testEnv, waitFor, asAgency } from '@icb/testing';
import { AgencyAdapterModule, idempotentEventId } from '../src';

type Handler = (req: IncomingMessage, res: ServerResponse, nth: number) => void;

/** A stand-in for the coordinator's REST API whose answers each test scripts; counts the requests. */
async function stubCoordinator(
  handler: Handler,
): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res, requests.length);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, requests };
}

/** What the adapter reads of a consultation DoD clears. */
function consultationJson(id: string): string {
  return JSON.stringify({
    id,
    kind: 'fms-case',
    actionOffice: 'state-pm',
    title: 'Australia - AIM-120D missiles',
    summary: 'Sale of 200 missiles',
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    status: 'in-review',
    revision: 1,
    clearers: ['dod'],
    reviews: [],
    signOffs: [],
    conditions: [],
    openedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    timeline: [],
  });
}

/** The consultation; no verdict on any message (this stand-in judges nothing). */
const ok = (id: string) => (req: IncomingMessage, res: ServerResponse) =>
  req.url?.startsWith('/messages/')
    ? res.writeHead(404, { 'content-type': 'application/json' }).end('{"statusCode":404}')
    : res.writeHead(200, { 'content-type': 'application/json' }).end(consultationJson(id));

/**
 * Nothing here judges the answers (the stand-in has no consumer): the adapter
 * does not wait for a verdict, and answers 202 with a status URL (ADR 11).
 */
const NO_VERDICT_WAIT = { VERDICT_TIMEOUT_MS: '0' };

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

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

/** Events stored in the adapter's namespace of the events stream. */
async function storedEvents(adapter: NestExpressApplication, namespace: string): Promise<number> {
  const nats = adapter.get(NatsConnectionProvider);
  const info = await nats.manager.streams.info(`${namespace.toUpperCase()}_EVENTS`);
  return info.state.messages;
}

describe('the DoD adapter when the coordinator is slow or away', () => {
  let coordinator: Awaited<ReturnType<typeof stubCoordinator>> | undefined;
  let adapter: NestExpressApplication | undefined;

  afterEach(async () => {
    await adapter?.close();
    adapter = undefined;
    await closeServer(coordinator?.server);
    coordinator = undefined;
  });

  it('a coordinator answering 503 for a moment is retried: the agency gets its answer', async () => {
    const id = randomUUID();
    coordinator = await stubCoordinator((req, res, nth) => {
      if (nth <= 2) res.writeHead(503, { 'retry-after': '0' }).end();
      else ok(id)(req, res);
    });
    adapter = await bootDodAdapter(
      testEnv({ COORDINATOR_URL: coordinator.url, ...NO_VERDICT_WAIT }),
    );

    const res = await request
      .agent(adapter.getHttpServer())
      .set(asAgency('dod'))
      .post(`/reviews/${id}/acknowledge`)
      .send({})
      .expect(202);
    expect((res.body as { subject: string }).subject).toBe(id);
    expect(coordinator.requests).toEqual(Array(3).fill(`GET /consultations/${id}`));
  });

  it('a coordinator that stays unavailable is a 503 with Retry-After and a clear error, never a 500', async () => {
    coordinator = await stubCoordinator((_req, res) =>
      res.writeHead(503, { 'retry-after': '30' }).end(),
    );
    adapter = await bootDodAdapter(
      testEnv({ COORDINATOR_URL: coordinator.url, ...NO_VERDICT_WAIT }),
    );
    const api = request.agent(adapter.getHttpServer()).set(asAgency('dod'));

    const signOff = await api
      .post(`/reviews/${randomUUID()}/sign-off`)
      .send({ decision: 'concur' })
      .expect(503);
    // The coordinator's own Retry-After is longer than a request may wait: passed on, not waited for.
    expect(signOff.headers['retry-after']).toBe('30');
    expect(signOff.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'COORDINATOR_UNAVAILABLE',
      message: expect.stringContaining('answered GET /consultations/') as unknown,
    });
    expect(coordinator.requests).toHaveLength(1);

    const list = await api.get('/reviews').expect(503);
    expect(list.headers['retry-after']).toBe('30');
  });

  it('a coordinator that cannot be reached is a 503 with the default Retry-After', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const downUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await closeServer(probe);

    adapter = await bootDodAdapter(testEnv({ COORDINATOR_URL: downUrl, ...NO_VERDICT_WAIT }));
    const res = await request
      .agent(adapter.getHttpServer())
      .set(asAgency('dod'))
      .post(`/reviews/${randomUUID()}/hold`)
      .send({ reason: 'Waiting for the releasability review.' })
      .expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect((res.body as { code: string; message: string }).code).toBe('COORDINATOR_UNAVAILABLE');
    expect((res.body as { message: string }).message).toContain(
      `cannot reach the coordinator at ${downUrl}`,
    );
  });

  it('an answer retried with the same Idempotency-Key is published once; without one, twice', async () => {
    const id = randomUUID();
    coordinator = await stubCoordinator(ok(id));
    const env = testEnv({ COORDINATOR_URL: coordinator.url, ...NO_VERDICT_WAIT });
    adapter = await bootDodAdapter(env);
    const api = request.agent(adapter.getHttpServer()).set(asAgency('dod'));
    const key = randomUUID();

    const first = await api
      .post(`/reviews/${id}/acknowledge`)
      .set('Idempotency-Key', key)
      .send({})
      .expect(202);
    const retry = await api
      .post(`/reviews/${id}/acknowledge`)
      .set('Idempotency-Key', key)
      .send({})
      .expect(202);
    const eventId = (first.body as { eventId: string }).eventId;
    expect(eventId).toBe(idempotentEventId('dod', key, 'review.acknowledged', id));
    expect((retry.body as { eventId: string }).eventId).toBe(eventId);
    expect(await storedEvents(adapter, env.BUS_NAMESPACE)).toBe(1);

    // The same key on another endpoint is another answer.
    await api
      .post(`/reviews/${id}/hold`)
      .set('Idempotency-Key', key)
      .send({ reason: 'Waiting for the releasability review.' })
      .expect(202);
    expect(await storedEvents(adapter, env.BUS_NAMESPACE)).toBe(2);
    // Without a key, each request is a new event.
    await api.post(`/reviews/${id}/acknowledge`).send({}).expect(202);
    await api.post(`/reviews/${id}/acknowledge`).send({}).expect(202);
    expect(await storedEvents(adapter, env.BUS_NAMESPACE)).toBe(4);

    await api
      .post(`/reviews/${id}/acknowledge`)
      .set('Idempotency-Key', 'not a visible-ASCII key')
      .send({})
      .expect(400);
  });
});

describe('the DoD adapter when the bus is away', () => {
  let dataDir: string;
  let server: OwnNats | undefined;
  let coordinator: Awaited<ReturnType<typeof stubCoordinator>> | undefined;
  let adapter: NestExpressApplication | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-adapter-bus-'));
  });

  afterEach(async () => {
    await adapter?.close();
    await server?.stop();
    await closeServer(coordinator?.server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After, and the retry with the same key once the bus is back is stored once', async () => {
    const id = randomUUID();
    coordinator = await stubCoordinator(ok(id));
    server = await startOwnNats({ dataDir });
    const { port, monitorPort } = server;
    const env = testEnv({
      NATS_URL: server.url,
      COORDINATOR_URL: coordinator.url,
      ...NO_VERDICT_WAIT,
    });
    adapter = await bootDodAdapter(env);
    const api = request.agent(adapter.getHttpServer()).set(asAgency('dod'));
    const nats = adapter.get(NatsConnectionProvider);
    const key = randomUUID();
    const signOff = { decision: 'concur' };

    await server.stop();
    await waitFor(() => !nats.status().connected, {
      description: 'the adapter to notice the outage',
    });
    const refused = await api
      .post(`/reviews/${id}/sign-off`)
      .set('Idempotency-Key', key)
      .send(signOff)
      .expect(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect((refused.body as { code: string }).code).toBe('BUS_UNAVAILABLE');

    server = await startOwnNats({ dataDir, port, monitorPort });
    await waitFor(() => nats.status().connected, {
      description: 'the adapter to reconnect',
      timeoutMs: 30_000,
    });
    const accepted = await api
      .post(`/reviews/${id}/sign-off`)
      .set('Idempotency-Key', key)
      .send(signOff)
      .expect(202);
    expect((accepted.body as { eventId: string }).eventId).toBe(
      idempotentEventId('dod', key, 'signoff.submitted', id),
    );
    // Whether or not the first attempt reached the server after all, the sign-off is there once.
    expect(await storedEvents(adapter, env.BUS_NAMESPACE)).toBe(1);
  });
});
