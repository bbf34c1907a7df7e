/*
 * Webhooks at the adapter's trust boundary (issue 11, ADR 16): targets only
 * on the adapter's allow-list (WEBHOOK_ALLOWED_TARGETS), at registration and
 * at every attempt; redirects never followed; deliveries signed the Standard
 * Webhooks way and verified here by a real HTTP receiver with the
 * `standardwebhooks` library. Real nats-server, real HTTP; the adapter runs as
 * apps/dod-adapter builds it.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { asAgency, startHttpService, TestBus, testEnv, waitFor } from '@icb/testing';
import { AgencyAdapterModule } from '../src';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP endpoint on 127.0.0.1 answering every POST with `reply`. */
async function endpoint(
  reply: (res: import('node:http').ServerResponse) => void = (res) => res.writeHead(204).end(),
): Promise<{ server: Server; received: Received[]; port: number }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      reply(res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, received, port: (server.address() as AddressInfo).port };
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

interface Attempt {
  eventId: string;
  outcome: string;
  httpStatus?: number;
  error?: string;
}

describe('DoD adapter webhooks: allow-list and Standard Webhooks signatures', () => {
  const servers: Server[] = [];
  const apps: NestExpressApplication[] = [];
  let receiver: Awaited<ReturnType<typeof endpoint>>;
  let elsewhere: Awaited<ReturnType<typeof endpoint>>;
  let redirector: Awaited<ReturnType<typeof endpoint>>;
  let env: Record<string, string>;
  let allowList: string;
  let adapter: NestExpressApplication;
  let bus: TestBus;
  /** Tried and refused request-forgery attempts, for the note. */
  const counts = { tried: 0, refused: 0 };

  const boot = async (vars: Record<string, string>) => {
    const app = await startHttpService(
      AgencyAdapterModule.forRoot({ agency: 'dod', httpPort: 0, env: vars }),
      'DoD adapter',
    );
    apps.push(app);
    return app;
  };
  const api = (app = adapter) => ({
    get: (path: string) => request(app.getHttpServer()).get(path).set(asAgency('dod')),
    post: (path: string) => request(app.getHttpServer()).post(path).set(asAgency('dod')),
  });
  const subscribe = (url: string, app = adapter) =>
    api(app)
      .post('/webhooks')
      .send({ url, events: ['review.requested'] });
  const requestReview = async () =>
    (
      await bus.publishAs(
        'coordinator',
        'review.requested',
        validPayload('review.requested', { consultationId: randomUUID(), agency: 'dod' }),
      )
    ).id;
  const settledAttempt = (subscriptionId: string, eventId: string, app = adapter) =>
    waitFor(
      async () => {
        const res = await api(app).get(`/webhooks/${subscriptionId}/deliveries`).expect(200);
        return (res.body as Attempt[]).find((a) => a.eventId === eventId && a.outcome !== 'retry');
      },
      { description: `the delivery of ${eventId}` },
    );

  beforeAll(async () => {
    receiver = await endpoint();
    elsewhere = await endpoint();
    // Sends every delivery on to another host (localhost, not 127.0.0.1) with a 307.
    redirector = await endpoint((res) =>
      res.writeHead(307, { location: `http://localhost:${elsewhere.port}/stolen` }).end(),
    );
    servers.push(receiver.server, elsewhere.server, redirector.server);
    // The agency's systems: a path prefix on the receiver, and the redirector's origin.
    allowList = `http://127.0.0.1:${receiver.port}/icb/, http://127.0.0.1:${redirector.port}`;
    env = testEnv({ WEBHOOK_ALLOWED_TARGETS: allowList, COORDINATOR_URL: 'http://127.0.0.1:9' });
    adapter = await boot(env);
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    process.stderr.write(
      `[abuse] webhook request forgery: ${counts.tried} tried, ${counts.refused} refused\n`,
    );
    await bus?.close();
    for (const app of apps.reverse()) await app.close();
    await Promise.all(servers.map(closeServer));
  });

  it('with no allow-list configured, refuses every registration and says how to configure one', async () => {
    const bare = testEnv({ COORDINATOR_URL: 'http://127.0.0.1:9' });
    const unconfigured = await boot(bare);
    for (const url of [
      `http://127.0.0.1:${receiver.port}/icb/`,
      'https://hooks.dod.example.mil/',
    ]) {
      counts.tried++;
      const res = await subscribe(url, unconfigured).expect(422);
      counts.refused++;
      expect(res.body).toMatchObject({
        statusCode: 422,
        code: 'WEBHOOK_TARGETS_NOT_CONFIGURED',
        message: expect.stringMatching(/WEBHOOK_ALLOWED_TARGETS=/),
      });
    }
    expect((await api(unconfigured).get('/webhooks').expect(200)).body).toEqual([]);
  });

  it('refuses targets outside the allow-list with 422 and stores none of them', async () => {
    const outside = [
      `http://127.0.0.1:${receiver.port}/other`, // outside the path prefix
      `http://127.0.0.1:${receiver.port}/icbx/`, // not on a segment boundary
      `http://127.0.0.1:${receiver.port}/icb/../admin`, // normalised to /admin
      `http://127.0.0.1:${elsewhere.port}/icb/`, // another port
      `http://localhost:${receiver.port}/icb/`, // another host name for the same socket
      `https://127.0.0.1:${receiver.port}/icb/`, // another scheme
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/', // cloud metadata
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://10.0.0.1/icb/', // the agency's internal network
    ];
    for (const url of outside) {
      counts.tried++;
      const res = await subscribe(url).expect(422);
      counts.refused++;
      expect([url, res.body]).toEqual([
        url,
        expect.objectContaining({
          code: 'WEBHOOK_TARGET_NOT_ALLOWED',
          message: expect.stringContaining('allow-list'),
        }),
      ]);
    }
    expect((await api().get('/webhooks').expect(200)).body).toEqual([]);
  });

  it('signs each delivery so the receiver verifies it with the standardwebhooks library', async () => {
    const created = await subscribe(`http://127.0.0.1:${receiver.port}/icb/reviews`).expect(201);
    const { id, secret } = created.body as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Shown once: never in the list.
    expect(JSON.stringify((await api().get('/webhooks').expect(200)).body)).not.toContain(secret);

    const eventId = await requestReview();
    expect(await settledAttempt(id, eventId)).toMatchObject({
      outcome: 'delivered',
      httpStatus: 204,
    });
    const delivery = receiver.received.find((r) => r.body.includes(eventId));
    expect(delivery?.path).toBe('/icb/reviews');
    const headers = delivery!.headers as Record<string, string>;
    expect(headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Webhook(secret).verify(delivery!.body, headers)).toMatchObject({
      id: eventId,
      type: 'gov.icb.review.requested.v1',
    });
    // A tampered body, or another secret, fails verification.
    const tampered = delivery!.body.replace('"dod"', '"nsc"');
    expect(tampered).not.toBe(delivery!.body);
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow(/No matching signature/);
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => new Webhook(otherSecret).verify(delivery!.body, headers)).toThrow(
      /No matching signature/,
    );
  });

  it('does not follow a redirect to another host: the delivery fails and the other host gets nothing', async () => {
    counts.tried++;
    const created = await subscribe(`http://127.0.0.1:${redirector.port}/hooks`).expect(201);
    const { id } = created.body as { id: string };
    const eventId = await requestReview();
    const attempt = await settledAttempt(id, eventId);
    expect(attempt).toMatchObject({ outcome: 'failed', httpStatus: 307 });
    expect(attempt.error).toMatch(/redirect to http:\/\/localhost:\d+\/stolen not followed/);
    expect(redirector.received.some((r) => r.body.includes(eventId))).toBe(true);
    expect(elsewhere.received).toHaveLength(0);
    counts.refused++;
  });

  it('re-checks at delivery: after the allow-list shrinks, a stored subscription gets nothing', async () => {
    const created = await subscribe(`http://127.0.0.1:${receiver.port}/icb/late`).expect(201);
    const { id } = created.body as { id: string };
    // The operator removes the receiver from the list and restarts the adapter (same bucket).
    await adapter.close();
    apps.splice(apps.indexOf(adapter), 1);
    adapter = await boot({
      ...env,
      WEBHOOK_ALLOWED_TARGETS: `http://127.0.0.1:${redirector.port}`,
    });
    counts.tried++;
    const eventId = await requestReview();
    const attempt = await settledAttempt(id, eventId);
    expect(attempt).toMatchObject({ outcome: 'failed' });
    expect(attempt.error).toMatch(/WEBHOOK_TARGET_NOT_ALLOWED/);
    expect(attempt.httpStatus).toBeUndefined();
    expect(receiver.received.some((r) => r.body.includes(eventId))).toBe(false);
    counts.refused++;
  });
});
