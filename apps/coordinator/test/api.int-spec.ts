import { once } from 'node:events';
import { get as httpGet, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { EventPublisher } from '@icb/messaging';
import { configureService } from '@icb/runtime';
import { authHeader, testEnv, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { EventLogRepository } from '../src/write/event-log/event-log.repository';
import { chain, GENESIS, LogEntry } from '../src/write/event-log/hash-chain';
import { Clock, FakeClock } from '../src/time/clock';
import type { Consultation } from '../src/write/consultations/consultation.model';
import { ConsultationRepository } from '../src/write/consultations/consultation.repository';
import { aConsultation, aReview, aStoredConsultation } from './factories';

const NOW = '2026-03-10T12:00:00.000Z';
const DAY = 86_400_000;
const days = (n: number): string => new Date(Date.parse(NOW) + n * DAY).toISOString();

interface Running {
  app: NestExpressApplication;
  repository: ConsultationRepository;
  eventLog: EventLogRepository;
  publisher: EventPublisher;
}

/** The coordinator on the test servers, in a database and bus namespace of its own, at NOW. */
async function boot(opts: { listen?: boolean } = {}): Promise<Running> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoordinatorModule.forRoot({ env: testEnv({ CLOCK_TICK_MS: '0' }) })],
  })
    .overrideProvider(Clock)
    .useValue(new FakeClock(NOW))
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>();
  try {
    configureService(app, { title: 'Coordinator', description: 'under test' });
    if (opts.listen) await app.listen(0, '127.0.0.1');
    else await app.init();
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    app,
    repository: app.get(ConsultationRepository),
    eventLog: app.get(EventLogRepository),
    publisher: app.get(EventPublisher),
  };
}

async function seed(
  repository: ConsultationRepository,
  ...consultations: Consultation[]
): Promise<void> {
  for (const c of consultations) expect(await repository.insert(aStoredConsultation(c))).toBe(true);
}

const ids = (body: { items: { id: string }[] }): string[] => body.items.map((i) => i.id);

describe('the operators’ API: reading consultations', () => {
  let running: Running | undefined;
  let http: ReturnType<typeof request.agent>;

  // An FMS case, overdue at DoD; NSC due later than at a5.
  const a1 = aConsultation({
    kind: 'fms-case',
    title: 'Australia - AIM-120D missiles',
    reference: 'AT-D-YAB',
    precedence: 'FLASH',
    clearers: ['dod', 'nsc'],
    dueAt: { dod: days(-2), nsc: days(4) },
    openedAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-08T09:00:00.000Z',
  });
  a1.clocks.push({
    id: 'ack:dod',
    kind: 'acknowledgement',
    agency: 'dod',
    revision: 1,
    dueAt: days(-5),
    firedAt: days(-5),
  });
  const a2 = aConsultation({
    kind: 'security-cooperation',
    title: 'Poland - joint exercise support',
    precedence: 'ROUTINE',
    clearers: ['treasury'],
    dueAt: { treasury: days(5) },
    openedAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-09T09:00:00.000Z',
  });
  const a3 = aConsultation({
    kind: 'nonproliferation',
    title: 'Centrifuge components - end-user check',
    precedence: 'IMMEDIATE',
    status: 'escalated',
    clearers: ['dod', 'cia'],
    reviews: [aReview('dod', { state: 'answered' }), aReview('cia', { state: 'answered' })],
    clocks: [{ id: 'escalation:deputies', kind: 'escalation', revision: 1, dueAt: days(1) }],
    escalation: {
      ladder: 'nsc',
      level: 'deputies',
      cause: 'non-concur',
      agency: 'dod',
      reason: 'DoD non-concurred.',
      history: [{ level: 'deputies', chair: 'Deputy NSA', raisedAt: days(-3), dueAt: days(1) }],
    },
    openedAt: '2026-03-03T09:00:00.000Z',
    updatedAt: '2026-03-07T09:00:00.000Z',
  });
  const a4 = aConsultation({
    kind: 'arms-control',
    title: 'New START data exchange',
    precedence: 'PRIORITY',
    status: 'approved',
    clearers: ['nsc'],
    reviews: [aReview('nsc', { state: 'answered' })],
    decision: {
      outcome: 'approved',
      basis: 'unanimous-concurrence',
      decidedAt: '2026-03-05T09:00:00.000Z',
    },
    openedAt: '2026-02-20T09:00:00.000Z',
    updatedAt: '2026-03-05T09:00:00.000Z',
    closedAt: '2026-03-05T09:00:00.000Z',
  });
  const a5 = aConsultation({
    kind: 'technology-transfer',
    title: 'Japan - radar technology release',
    precedence: 'PRIORITY',
    clearers: ['nsc', 'cia'],
    dueAt: { nsc: days(2), cia: days(6) },
    openedAt: '2026-03-04T09:00:00.000Z',
    updatedAt: '2026-03-06T09:00:00.000Z',
  });
  a5.clocks.push({
    id: 'reminder:nsc',
    kind: 'reminder',
    agency: 'nsc',
    revision: 1,
    dueAt: days(1),
    remindsOf: days(2),
  });

  beforeAll(async () => {
    running = await boot();
    http = request.agent(running.app.getHttpServer()).set(authHeader());
    await seed(running.repository, a1, a2, a3, a4, a5);
  });

  afterAll(async () => {
    await running?.app.close();
  });

  it('lists every consultation, most recently updated first, with paging', async () => {
    const first = await http.get('/consultations?limit=2').expect(200);
    expect(first.body).toMatchObject({ total: 5, offset: 0, limit: 2 });
    expect(ids(first.body)).toEqual([a2.id, a1.id]);
    const second = await http.get('/consultations?limit=2&offset=2').expect(200);
    expect(ids(second.body)).toEqual([a3.id, a5.id]);
    const last = await http.get('/consultations?limit=2&offset=4').expect(200);
    expect(ids(last.body)).toEqual([a4.id]);
  });

  it('a summary says how many days are left and whether a review is overdue', async () => {
    const res = await http.get('/consultations?kind=fms-case').expect(200);
    expect(res.body.items).toEqual([
      {
        id: a1.id,
        kind: 'fms-case',
        title: 'Australia - AIM-120D missiles',
        status: 'in-review',
        precedence: 'FLASH',
        classification: 'UNCLASSIFIED',
        revision: 1,
        pendingAgencies: ['dod', 'nsc'],
        nextDueAt: days(-2),
        daysLeft: -2,
        overdue: true,
        escalationLevel: null,
        congressStep: null,
        openedAt: a1.openedAt,
        updatedAt: a1.updatedAt,
      },
    ]);
    const escalated = await http.get('/consultations?status=escalated').expect(200);
    expect(escalated.body.items[0]).toMatchObject({
      id: a3.id,
      escalationLevel: 'deputies',
      nextDueAt: null,
      daysLeft: null,
      overdue: false,
    });
  });

  it('filters by status, given comma-separated or repeated', async () => {
    const inReview = await http.get('/consultations?status=in-review').expect(200);
    expect(ids(inReview.body).sort()).toEqual([a1.id, a2.id, a5.id].sort());
    const comma = await http.get('/consultations?status=escalated,approved').expect(200);
    expect(ids(comma.body).sort()).toEqual([a3.id, a4.id].sort());
    const repeated = await http.get('/consultations?status=escalated&status=approved').expect(200);
    expect(ids(repeated.body).sort()).toEqual([a3.id, a4.id].sort());
  });

  it('filters by kind, precedence, pending agency, overdue and text', async () => {
    expect(
      ids(
        (await http.get('/consultations?kind=nonproliferation,arms-control').expect(200)).body,
      ).sort(),
    ).toEqual([a3.id, a4.id].sort());
    expect(
      ids((await http.get('/consultations?precedence=PRIORITY').expect(200)).body).sort(),
    ).toEqual([a4.id, a5.id].sort());
    expect(
      ids((await http.get('/consultations?pendingAgency=nsc').expect(200)).body).sort(),
    ).toEqual([a1.id, a5.id].sort());
    expect(ids((await http.get('/consultations?overdue=true').expect(200)).body)).toEqual([a1.id]);
    expect(ids((await http.get('/consultations?q=aim-120d').expect(200)).body)).toEqual([a1.id]);
    expect(ids((await http.get('/consultations?q=AT-D-YAB').expect(200)).body)).toEqual([a1.id]);
    expect(ids((await http.get('/consultations?q=(no%20match').expect(200)).body)).toEqual([]);
    const combined = await http.get(
      '/consultations?status=in-review&precedence=PRIORITY,ROUTINE&pendingAgency=cia',
    );
    expect(ids(combined.body)).toEqual([a5.id]);
  });

  it('sorts by deadline soonest first, and by precedence most urgent first', async () => {
    const byDue = await http.get('/consultations?status=in-review&sort=nextDueAt').expect(200);
    expect(ids(byDue.body)).toEqual([a1.id, a5.id, a2.id]);
    const byDueDesc = await http
      .get('/consultations?status=in-review&sort=nextDueAt&order=desc')
      .expect(200);
    expect(ids(byDueDesc.body)).toEqual([a2.id, a5.id, a1.id]);
    const byPrecedence = await http
      .get('/consultations?status=in-review&sort=precedence')
      .expect(200);
    expect(ids(byPrecedence.body)).toEqual([a1.id, a5.id, a2.id]);
    const byOpening = await http.get('/consultations?sort=openedAt&order=asc').expect(200);
    expect(ids(byOpening.body)).toEqual([a4.id, a1.id, a2.id, a3.id, a5.id]);
  });

  it.each([
    ['an unknown status', '/consultations?status=in-review,open', /status/],
    ['a page larger than 200', '/consultations?limit=10000', /limit must not be greater than 200/],
    [
      'a parameter it does not know',
      '/consultations?colour=red',
      /property colour should not exist/,
    ],
    ['overdue other than true or false', '/consultations?overdue=yes', /overdue must be a boolean/],
    ['a negative offset', '/consultations?offset=-1', /offset must not be less than 0/],
    ['an unknown sort field', '/consultations?sort=title', /sort must be one of/],
  ])('refuses %s with 400 and says why', async (_what, url, message) => {
    const res = await http.get(url).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(res.body.message)).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('answers 404 with a JSON error for an unknown consultation and 400 for a malformed id', async () => {
    const unknown = randomUUID();
    const res = await http.get(`/consultations/${unknown}`).expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `no consultation ${unknown}`,
    });
    const malformed = await http.get('/consultations/not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('an agency’s queue lists what awaits its answer, its own deadline first', async () => {
    // a1's earliest deadline (DoD's, overdue) comes before a5's, but NSC's own is later at a1.
    const res = await http.get('/agencies/nsc/queue').expect(200);
    expect(res.body).toMatchObject({ agency: 'nsc', total: 2, offset: 0, limit: 50 });
    expect(ids(res.body)).toEqual([a5.id, a1.id]);
    const reviews = (res.body as { items: { review: unknown }[] }).items.map((i) => i.review);
    expect(reviews).toEqual([
      expect.objectContaining({ dueAt: days(2), daysLeft: 2, overdue: false }),
      expect.objectContaining({ dueAt: days(4), daysLeft: 4, overdue: false }),
    ]);
    const dod = await http.get('/agencies/dod/queue').expect(200);
    expect(ids(dod.body)).toEqual([a1.id]);
    expect(dod.body.items[0].review).toMatchObject({ daysLeft: -2, overdue: true });
    const paged = await http.get('/agencies/nsc/queue?offset=1&limit=1').expect(200);
    expect(paged.body).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(ids(paged.body)).toEqual([a1.id]);
    await http
      .get('/agencies/state-pm/queue')
      .expect(200, { agency: 'state-pm', total: 0, offset: 0, limit: 50, items: [] });
  });

  it('refuses the queue of an agency that is not on the bus', async () => {
    const res = await http.get('/agencies/fbi/queue').expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/agency must be one of/);
  });

  it('stats count by status, kind and precedence, and list the clocks closest to running out', async () => {
    const res = await http.get('/stats').expect(200);
    expect(res.body).toEqual({
      asOf: NOW,
      byStatus: {
        'in-review': 3,
        escalated: 1,
        approved: 1,
        denied: 0,
        'congressional-review': 0,
        'cleared-for-offer': 0,
        disapproved: 0,
        withdrawn: 0,
      },
      byKind: {
        'fms-case': 1,
        'security-cooperation': 1,
        nonproliferation: 1,
        'arms-control': 1,
        'regional-security': 0,
        'technology-transfer': 1,
      },
      byPrecedence: { FLASH: 1, IMMEDIATE: 1, PRIORITY: 2, ROUTINE: 1 },
      open: 4,
      overdue: 1,
      escalated: 1,
      // Fired clocks and reminders are left out.
      closestClocks: [
        {
          consultationId: a1.id,
          title: a1.title,
          classification: 'UNCLASSIFIED',
          agency: 'dod',
          kind: 'review',
          dueAt: days(-2),
        },
        {
          consultationId: a3.id,
          title: a3.title,
          classification: 'UNCLASSIFIED',
          agency: null,
          kind: 'escalation',
          dueAt: days(1),
        },
        {
          consultationId: a5.id,
          title: a5.title,
          classification: 'UNCLASSIFIED',
          agency: 'nsc',
          kind: 'review',
          dueAt: days(2),
        },
        {
          consultationId: a1.id,
          title: a1.title,
          classification: 'UNCLASSIFIED',
          agency: 'nsc',
          kind: 'review',
          dueAt: days(4),
        },
        {
          consultationId: a2.id,
          title: a2.title,
          classification: 'UNCLASSIFIED',
          agency: 'treasury',
          kind: 'review',
          dueAt: days(5),
        },
        {
          consultationId: a5.id,
          title: a5.title,
          classification: 'UNCLASSIFIED',
          agency: 'cia',
          kind: 'review',
          dueAt: days(6),
        },
      ],
    });
  });

  it('serves its OpenAPI document at /docs-json', async () => {
    const res = await http.get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/consultations',
        '/consultations/{id}',
        '/agencies/{agency}/queue',
        '/stats',
        '/events',
      ]),
    );
  });
});

describe('the operators’ API: the audit trail', () => {
  let running: Running | undefined;
  let http: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    running = await boot();
    http = request.agent(running.app.getHttpServer()).set(authHeader());
  });

  afterAll(async () => {
    await running?.app.close();
  });

  /** A consultation with `n` entries in its log, all appended. */
  async function withLog(n: number): Promise<{
    consultation: Consultation;
    entries: LogEntry[];
    head: { seq: number; hash: string };
  }> {
    const { repository, eventLog } = running!;
    const consultation = aConsultation();
    const { entries, head } = chain(
      { seq: 0, hash: GENESIS },
      Array.from({ length: n }, (_, i) => ({
        consultationId: consultation.id,
        eventId: randomUUID(),
        type: i === 0 ? 'consultation.opened' : 'signoff.submitted',
        actor: i === 0 ? 'state-pm' : 'dod',
        summary: `entry ${i + 1}`,
        at: days(-n + i),
        data: { n: i + 1 },
      })),
    );
    expect(await repository.insert(aStoredConsultation(consultation, { logHead: head }))).toBe(
      true,
    );
    for (const entry of entries) await eventLog.append(entry);
    return { consultation, entries, head };
  }

  it('a consultation comes with its timeline, in order', async () => {
    const { consultation } = await withLog(3);
    const res = await http.get(`/consultations/${consultation.id}`).expect(200);
    expect(res.body).toMatchObject({
      id: consultation.id,
      title: consultation.title,
      clearers: ['dod', 'nsc'],
      version: 1,
    });
    expect(res.body.timeline).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'consultation.opened',
        actor: 'state-pm',
        summary: 'entry 1',
        data: { n: 1 },
      }),
      expect.objectContaining({
        seq: 2,
        type: 'signoff.submitted',
        actor: 'dod',
        summary: 'entry 2',
      }),
      expect.objectContaining({
        seq: 3,
        type: 'signoff.submitted',
        actor: 'dod',
        summary: 'entry 3',
      }),
    ]);
    expect(res.body).not.toHaveProperty('outbox');
    expect(res.body).not.toHaveProperty('processed');
  });

  it('an untouched log verifies', async () => {
    const { consultation, head } = await withLog(4);
    const res = await http.get(`/consultations/${consultation.id}/audit/verify`).expect(200);
    expect(res.body).toEqual({ ok: true, entries: 4, head: head.hash });
  });

  it('an edited entry is found, with 200 all the same', async () => {
    const { consultation } = await withLog(4);
    await running!.eventLog.tamper(consultation.id, 2, { summary: 'DoD concurred.' });
    const res = await http.get(`/consultations/${consultation.id}/audit/verify`).expect(200);
    expect(res.body).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'altered', entries: 4 });
    expect(res.body.detail).toEqual(expect.any(String));
  });

  it('entries still in the outbox are relayed before the log is verified', async () => {
    const { repository } = running!;
    const consultation = aConsultation();
    const { entries, head } = chain(
      { seq: 0, hash: GENESIS },
      [1, 2].map((n) => ({
        consultationId: consultation.id,
        eventId: randomUUID(),
        type: 'review.acknowledged',
        actor: 'nsc',
        summary: `entry ${n}`,
        at: NOW,
      })),
    );
    await repository.insert(
      aStoredConsultation(consultation, {
        logHead: head,
        outbox: entries.map((log) => ({ entryId: `${consultation.id}:${log.seq}`, log })),
      }),
    );
    const res = await http.get(`/consultations/${consultation.id}/audit/verify`).expect(200);
    expect(res.body).toEqual({ ok: true, entries: 2, head: head.hash });
    expect((await running!.eventLog.entries(consultation.id)).map((e) => e.summary)).toEqual([
      'entry 1',
      'entry 2',
    ]);
  });

  it('verifying an unknown consultation answers 404, a malformed id 400', async () => {
    const unknown = randomUUID();
    await http
      .get(`/consultations/${unknown}/audit/verify`)
      .expect(404, { statusCode: 404, error: 'Not Found', message: `no consultation ${unknown}` });
    await http.get('/consultations/123/audit/verify').expect(400);
  });
});

interface SseEvent {
  event?: string;
  id?: string;
  data?: string;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .slice(0, -1)
    .map((block) => {
      const event: SseEvent = {};
      for (const line of block.split('\n')) {
        const m = /^(event|id|data): ?(.*)$/.exec(line);
        if (m) event[m[1] as keyof SseEvent] = m[2];
      }
      return event;
    })
    .filter((e) => e.event !== undefined || e.data !== undefined);
}

describe('the operators’ API: live events', () => {
  it('GET /events streams what is published on the bus, filtered by consultation', async () => {
    const running = await boot({ listen: true });
    let response: IncomingMessage | undefined;
    try {
      const { port } = running.app.getHttpServer().address() as AddressInfo;
      const watched = randomUUID();
      const req = httpGet({
        host: '127.0.0.1',
        port,
        path: `/events?consultationId=${watched}&type=consultation.`,
        headers: authHeader(),
      });
      [response] = (await once(req, 'response')) as [IncomingMessage];
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (received += chunk));

      const payload = (consultationId: string) => ({
        consultationId,
        from: 'in-review' as const,
        to: 'escalated' as const,
        reason: 'DoD non-concurred.',
        revision: 1,
        pendingAgencies: [],
      });
      await running.publisher.publish('consultation.status-changed', payload(randomUUID()));
      const published = await running.publisher.publish(
        'consultation.status-changed',
        payload(watched),
      );

      const events = await waitFor(
        () => {
          const parsed = parseSse(received);
          return parsed.length > 0 && parsed;
        },
        { timeoutMs: 10_000, description: 'an event on the SSE stream' },
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        event: 'consultation.status-changed',
        id: published.envelope.id,
      });
      expect(JSON.parse(events[0].data!)).toMatchObject({
        id: published.envelope.id,
        type: 'gov.icb.consultation.status-changed.v1',
        subject: watched,
        data: { consultationId: watched, to: 'escalated' },
      });
    } finally {
      response?.destroy();
      await running.app.close();
    }
  });

  it('GET /events refuses a malformed filter', async () => {
    const running = await boot();
    try {
      const res = await request(running.app.getHttpServer())
        .get('/events?consultationId=42')
        .set(authHeader())
        .expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/consultationId must be a UUID/);
    } finally {
      await running.app.close();
    }
  });
});
