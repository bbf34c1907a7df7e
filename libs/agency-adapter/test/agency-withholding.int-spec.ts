/*
 * An adapter applies what its agency may read (issue 11, part 4): an adapter
 * accredited to SECRET (AGENCY_CLEARANCE) lists a TOP SECRET consultation
 * with its clock and marking but withholds its title, summary and every other
 * text on each read path: `GET /reviews`, `GET /reviews/{id}` and the webhook
 * that pushes the review request. A SECRET consultation is shown whole. Real
 * coordinator, nats-server, FerretDB and HTTP.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { validPayload } from '@icb/contracts/testing/message-cases';
import {
  asAgency,
  authHeader,
  startHttpService,
  TestBus,
  testEnv,
  urlOf,
  waitFor,
} from '@icb/testing';
import { CoordinatorModule } from '../../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../../apps/coordinator/src/coordinator.api';
import { AgencyAdapterModule } from '../src';

const SECRET_WORDS = /GLASS/i;

describe('an adapter accredited to SECRET withholds a TOP SECRET consultation on every read path', () => {
  const apps: NestExpressApplication[] = [];
  let receiver: Server;
  const received: { headers: Record<string, string>; body: string }[] = [];
  let adapter: NestExpressApplication;
  let coordinator: NestExpressApplication;
  let bus: TestBus;
  let secret: string;
  const topSecret = randomUUID();
  const secretOne = randomUUID();

  const api = () => ({
    get: (path: string) => request(adapter.getHttpServer()).get(path).set(asAgency('dod')),
  });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(204).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');

    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    apps.push(coordinator);
    adapter = await startHttpService(
      AgencyAdapterModule.forRoot({
        agency: 'dod',
        httpPort: 0,
        env: {
          ...env,
          COORDINATOR_URL: urlOf(coordinator),
          AGENCY_CLEARANCE: 'SECRET',
          WEBHOOK_ALLOWED_TARGETS: 'loopback',
        },
      }),
      'DoD adapter (SECRET)',
    );
    apps.push(adapter);
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);

    const created = await request(adapter.getHttpServer())
      .post('/webhooks')
      .set(asAgency('dod'))
      .send({
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/icb`,
        events: ['review.requested'],
      })
      .expect(201);
    secret = (created.body as { secret: string }).secret;

    for (const [consultationId, classification, title] of [
      [topSecret, 'TOP SECRET//NOFORN', 'Operation GLASS - radar transfer'],
      [secretOne, 'SECRET//NOFORN', 'Australia - radar spares'],
    ] as const) {
      await bus.publishAs(
        'state-pm',
        'consultation.opened',
        validPayload('consultation.opened', {
          consultationId,
          title,
          summary: consultationId === topSecret ? 'GLASS summary: the radar goes to GLASS.' : 'LOR',
          reference: consultationId === topSecret ? 'GLASS-REF-1' : 'AT-D-QAD',
          classification,
          clearingParties: ['dod', 'nsc'],
          requestedAt: new Date().toISOString(),
        }),
      );
    }
    // The coordinator has the content: the adapter is what withholds it.
    await waitFor(
      async () => {
        const res = await request(coordinator.getHttpServer())
          .get(`/consultations/${topSecret}`)
          .set(authHeader('officer'));
        return res.status === 200 && SECRET_WORDS.test(JSON.stringify(res.body));
      },
      { description: 'the TOP SECRET consultation at the coordinator' },
    );
  });

  afterAll(async () => {
    await bus?.close();
    for (const app of apps.reverse()) await app.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('GET /reviews lists it with its clock and marking, its title withheld', async () => {
    const list = await waitFor(
      async () => {
        const body = (await api().get('/reviews').expect(200)).body as {
          items: { id: string; title: string; withheld?: boolean; classification: string }[];
        };
        return (
          body.items.filter((i) => i.id === topSecret || i.id === secretOne).length === 2 && body
        );
      },
      { description: 'both consultations in GET /reviews' },
    );
    const ts = list.items.find((i) => i.id === topSecret);
    expect(ts).toMatchObject({
      title: '[withheld]',
      withheld: true,
      classification: 'TOP SECRET//NOFORN',
      dueAt: expect.any(String),
    });
    expect(list.items.find((i) => i.id === secretOne)).toMatchObject({
      title: 'Australia - radar spares',
    });
    expect(list.items.find((i) => i.id === secretOne)).not.toHaveProperty('withheld');
    expect(JSON.stringify(list)).not.toMatch(SECRET_WORDS);
  });

  it('GET /reviews/{id} withholds its title, summary, reference and timeline texts', async () => {
    const view = (await api().get(`/reviews/${topSecret}`).expect(200)).body as Record<
      string,
      unknown
    > & { timeline: { summary: string }[] };
    expect(view).toMatchObject({
      id: topSecret,
      classification: 'TOP SECRET//NOFORN',
      title: '[withheld]',
      summary: '[withheld]',
      withheld: true,
      review: { state: 'pending' },
    });
    expect(view).not.toHaveProperty('reference');
    expect(view.timeline.length).toBeGreaterThan(0);
    expect(view.timeline.every((e) => e.summary === '[withheld]')).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(SECRET_WORDS);

    const cleared = (await api().get(`/reviews/${secretOne}`).expect(200)).body as Record<
      string,
      unknown
    >;
    expect(cleared).toMatchObject({ title: 'Australia - radar spares', summary: 'LOR' });
  });

  it('the webhook pushes the review request with its text withheld, still verifiably signed', async () => {
    const pushed = await waitFor(
      () => {
        const of = (id: string) => received.find((r) => r.body.includes(id));
        return of(topSecret) && of(secretOne) && { ts: of(topSecret)!, s: of(secretOne)! };
      },
      { description: 'both review requests pushed' },
    );
    const ts = new Webhook(secret).verify(pushed.ts.body, pushed.ts.headers) as {
      withheld?: boolean;
      classification: string;
      data: { title: string; summary: string; consultationId: string; dueAt: string };
    };
    expect(ts).toMatchObject({
      withheld: true,
      classification: 'TOP SECRET//NOFORN',
      data: {
        consultationId: topSecret,
        title: '[withheld]',
        summary: '[withheld]',
        dueAt: expect.any(String),
      },
    });
    expect(pushed.ts.body).not.toMatch(SECRET_WORDS);
    const s = new Webhook(secret).verify(pushed.s.body, pushed.s.headers) as {
      data: { title: string };
    };
    expect(s.data.title).toBe('Australia - radar spares');
  });
});
