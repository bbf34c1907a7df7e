import { once } from 'node:events';
import { get as httpGet, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { EventPublisher } from '@icb/messaging';
import { authHeader, startHttpService, testEnv, testOperators, urlOf, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { Clock, FakeClock } from '../src/time/clock';
import { ConsultationRepository } from '../src/write/consultations/consultation.repository';
import { COORDINATOR_API } from '../src/coordinator.api';
import { aConsultation, aReview, aStoredConsultation } from './factories';

/** A coordinator on the test servers; with DEV_CLOCK=true, on its own adjustable clock. */
async function boot(env: Record<string, string> = {}): Promise<NestExpressApplication> {
  return startHttpService(
    CoordinatorModule.forRoot({ env: testEnv({ CLOCK_TICK_MS: '0', ...env }) }),
    COORDINATOR_API.title,
    env.DEV_CLOCK === 'true' ? [] : [[Clock, new FakeClock('2026-03-10T12:00:00.000Z')]],
  );
}

describe('operators sign in (ADR 8)', () => {
  let app: NestExpressApplication;
  const ops = testOperators();
  // Due in 10 days of real time: the development clock moves a few minutes in these tests.
  const review = () => aReview('dod', { requestedAt: new Date().toISOString() });
  const secretCase = aConsultation({
    title: 'Country X - classified program',
    classification: 'SECRET//NOFORN',
    reviews: [review()],
  });
  const openCase = aConsultation({ title: 'Country Y - trucks', reviews: [review()] });

  beforeAll(async () => {
    app = await boot({ DEV_CLOCK: 'true' });
    const repository = app.get(ConsultationRepository);
    for (const c of [secretCase, openCase]) {
      expect(await repository.insert(aStoredConsultation(c))).toBe(true);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves nothing but health without sign-in', async () => {
    const http = request(app.getHttpServer());
    await http.get('/health/live').expect(200);
    for (const path of [
      '/consultations',
      '/stats',
      '/agencies/dod/queue',
      '/dead-letters',
      '/metrics',
      '/auth/me',
    ]) {
      const res = await http.get(path).expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="icb"');
      expect(res.body.message).toMatch(/sign in first/);
    }
    await http.post('/dev/clock/advance').send({ days: 1 }).expect(401);
  });

  it('signs in with a password: a token, an HttpOnly SameSite=Strict cookie, and sign-out ends it', async () => {
    const http = request(app.getHttpServer());
    await http
      .post('/auth/login')
      .send({ username: 'viewer', password: 'wrong-password' })
      .expect(401);
    await http.post('/auth/login').send({ username: 'nobody', password: 'whatever1' }).expect(401);
    await http.post('/auth/login').send({ username: 'viewer' }).expect(400);
    const res = await http.post('/auth/login').send(ops.viewer).expect(200);
    expect(res.body.user).toMatchObject({
      username: 'viewer',
      roles: ['viewer'],
      clearance: 'SECRET',
      kind: 'person',
    });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^icb_session=s1\./);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const token = res.body.token as string;

    await http.get('/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    const cookie = setCookie.split(';')[0];
    const me = await http.get('/auth/me').set('cookie', cookie).expect(200);
    expect(me.body.username).toBe('viewer');
    await http.get('/consultations').set('cookie', cookie).expect(200);

    await http.post('/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    await http.get('/auth/me').set('authorization', `Bearer ${token}`).expect(401);
    // A forged token: same payload, another signature.
    const forged = `${token.split('.').slice(0, 2).join('.')}.${Buffer.alloc(32).toString('base64url')}`;
    await http.get('/auth/me').set('authorization', `Bearer ${forged}`).expect(401);
  });

  it('lets only action officers act; a viewer reads', async () => {
    const http = request(app.getHttpServer());
    await http.get('/dev/clock').set(authHeader('viewer')).expect(200);
    const refused = await http
      .post('/dev/clock/advance')
      .set(authHeader('viewer'))
      .send({ days: 1 })
      .expect(403);
    expect(refused.body.message).toMatch(/lacks the action-officer role/);
    await http.post('/dead-letters/1/replay').set(authHeader('viewer')).expect(403);
    await http
      .post('/dev/clock/advance')
      .set(authHeader('officer'))
      .send({ minutes: 1 })
      .expect(200);
    await http.delete('/dead-letters/999999').set(authHeader('officer')).expect(404);
  });

  it('refuses a state change carried by the cookie from another origin', async () => {
    const http = request(app.getHttpServer());
    const login = await http.post('/auth/login').send(ops.officer).expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    await http
      .post('/dev/clock/advance')
      .set('cookie', cookie)
      .set('origin', 'http://evil.example')
      .send({ minutes: 1 })
      .expect(403);
    const host = new URL(urlOf(app)).host;
    await http
      .post('/dev/clock/advance')
      .set('cookie', cookie)
      .set('origin', `http://${host}`)
      .send({ minutes: 1 })
      .expect(200);
  });

  it('an adapter reads with its service account token', async () => {
    const http = request(app.getHttpServer());
    const res = await http
      .get('/agencies/dod/queue')
      .set('authorization', `Bearer ${ops.serviceToken}`)
      .expect(200);
    const items = (res.body as { items: { id: string }[] }).items;
    expect(items.map((i) => i.id).sort()).toEqual([secretCase.id, openCase.id].sort());
    await http
      .get('/agencies/dod/queue')
      .set('authorization', `Bearer ${'x'.repeat(43)}`)
      .expect(401);
  });

  it('withholds what is classified above the reader’s clearance, and says it exists', async () => {
    const http = request(app.getHttpServer());
    const low = await http.get('/consultations').set(authHeader('uncleared')).expect(200);
    const lowItems = (low.body as { items: { id: string }[] }).items;
    const byId = new Map(lowItems.map((i) => [i.id, i]));
    expect(byId.get(secretCase.id)).toMatchObject({
      title: '[withheld]',
      withheld: true,
      classification: 'SECRET//NOFORN',
      status: secretCase.status,
      pendingAgencies: ['dod'],
    });
    expect(byId.get(openCase.id)).toMatchObject({ title: 'Country Y - trucks' });
    expect(byId.get(openCase.id)).not.toHaveProperty('withheld');

    const detail = await http
      .get(`/consultations/${secretCase.id}`)
      .set(authHeader('uncleared'))
      .expect(200);
    expect(detail.body).toMatchObject({ withheld: true, title: '[withheld]' });
    expect(detail.body).not.toHaveProperty('attributes');
    expect(detail.body).not.toHaveProperty('summary');
    expect(JSON.stringify(detail.body)).not.toContain('classified program');

    const cleared = await http
      .get(`/consultations/${secretCase.id}`)
      .set(authHeader('viewer'))
      .expect(200);
    expect(cleared.body.title).toBe('Country X - classified program');
    expect(cleared.body).toHaveProperty('attributes');

    const queue = await http.get('/agencies/dod/queue').set(authHeader('uncleared')).expect(200);
    expect(JSON.stringify(queue.body)).not.toContain('classified program');
    const stats = await http.get('/stats').set(authHeader('uncleared')).expect(200);
    expect(JSON.stringify(stats.body)).not.toContain('classified program');
  });

  it('streams events above the reader’s clearance without their data', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const req = httpGet({
      host: '127.0.0.1',
      port,
      path: `/events?consultationId=${secretCase.id}`,
      headers: authHeader('uncleared'),
    });
    const [response] = (await once(req, 'response')) as [IncomingMessage];
    try {
      expect(response.statusCode).toBe(200);
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (received += chunk));
      const published = await app.get(EventPublisher).publish(
        'consultation.status-changed',
        {
          consultationId: secretCase.id,
          from: 'in-review',
          to: 'escalated',
          reason: 'Sensitive reason text.',
          revision: 1,
          pendingAgencies: [],
        },
        { classification: 'SECRET//NOFORN' },
      );
      const line = await waitFor(() => /^data: (.+)$/m.exec(received)?.[1], {
        timeoutMs: 10_000,
        description: 'the event on the stream',
      });
      const envelope = JSON.parse(line);
      expect(envelope).toMatchObject({ id: published.envelope.id, withheld: true });
      expect(envelope).not.toHaveProperty('data');
      expect(received).not.toContain('Sensitive reason text');
    } finally {
      response.destroy();
    }
  });

  it('refuses a username after 10 failed sign-ins in 15 minutes, even with the right password', async () => {
    const fresh = await boot();
    try {
      const http = request(fresh.getHttpServer());
      for (let i = 0; i < 10; i++) {
        await http
          .post('/auth/login')
          .send({ username: 'officer', password: `wrong-${i}-pw` })
          .expect(401);
      }
      const res = await http.post('/auth/login').send(ops.officer).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another account is not affected.
      await http.post('/auth/login').send(ops.viewer).expect(200);
    } finally {
      await fresh.close();
    }
  });
});
