import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Agency, SignOffDecision } from '@icb/contracts';
import { configureService } from '@icb/runtime';
import { TestBus, authHeader, testEnv, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { COORDINATOR_API } from '../src/coordinator.api';
import { anFmsCase, officer } from './harness';

/**
 * The coordinator as `npm start` runs it (DEV_CLOCK=true, the REST API, real
 * NATS and FerretDB), driven the way the reports were: messages on the
 * bus and `POST /dev/clock/advance`.
 */
async function boot(env: Record<string, string>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoordinatorModule.forRoot({ env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  configureService(app, COORDINATOR_API);
  await app.init();
  await app.startAllMicroservices();
  return app;
}

interface Detail {
  status: string;
  revision: number;
  version: number;
  reviews: { agency: Agency; revision: number; state: string }[];
  earlierReviews?: { agency: Agency; revision: number }[];
  escalation?: { cause: string; supersededAt?: string } | null;
  decision?: { basis: string };
  congress?: { step: string; formalAt?: string; formalSentAt?: string; reviewEndsAt?: string };
}

describe('the coordination core holds under change (real coordinator, NATS and FerretDB)', () => {
  let app: INestApplication;
  let bus: TestBus;
  let http: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0', DEV_CLOCK: 'true' });
    app = await boot(env);
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    http = request.agent(app.getHttpServer()).set(authHeader());
  });

  afterAll(async () => {
    await bus?.close();
    await app?.close();
  });

  const detail = async (id: string) =>
    (await http.get(`/consultations/${id}`).expect(200)).body as Detail;

  /** Waits until the consultation's version reaches `version` (its change applied). */
  const atVersion = (id: string, version: number) =>
    waitFor(async () => {
      const res = await http.get(`/consultations/${id}`);
      return res.status === 200 && (res.body as Detail).version >= version && (res.body as Detail);
    });

  const signOff = async (
    id: string,
    agency: Agency,
    decision: SignOffDecision,
    revision = 1,
    extra: Record<string, unknown> = {},
  ) => {
    const before = await detail(id);
    await bus.publishAs(agency, 'signoff.submitted', {
      consultationId: id,
      agency,
      revision,
      decision,
      officer,
      submittedAt: new Date().toISOString(),
      ...(decision === 'non-concur' ? { rationale: 'Diversion risk' } : {}),
      ...extra,
    });
    return atVersion(id, before.version + 1);
  };

  const advance = (days: number) => http.post('/dev/clock/advance').send({ days }).expect(200);

  it('an amended case (after a concurrence with conditions) does not stop the clocks of the others, and holds one review per clearer of revision 2', async () => {
    const amended = anFmsCase({ clearingParties: ['dod', 'treasury'] });
    const referral = anFmsCase({
      kind: 'technology-transfer',
      actionOffice: 'PM/DDTC',
      clearingParties: ['dod'],
    });
    await bus.publishAs('state-pm', 'consultation.opened', amended);
    await bus.publishAs('state-pm', 'consultation.opened', referral);
    await atVersion(amended.consultationId, 1);
    await atVersion(referral.consultationId, 1);
    await signOff(amended.consultationId, 'dod', 'concur-with-conditions', 1, {
      conditions: [{ id: 'DOD-EUM-1', text: 'Enhanced end-use monitoring' }],
    });
    await bus.publishAs('state-pm', 'consultation.amended', {
      consultationId: amended.consultationId,
      revision: 2,
      changes: { summary: 'Quantity reduced to 200 interceptors' },
      reason: 'Partner revised its Letter of Request',
    });
    const rev2 = await waitFor(async () => {
      const d = await detail(amended.consultationId);
      return d.revision === 2 && d;
    });
    // One review per clearer, of the current revision; revision 1's are history.
    expect(rev2.reviews.map((r) => [r.agency, r.revision, r.state])).toEqual([
      ['dod', 2, 'pending'],
      ['treasury', 2, 'pending'],
    ]);
    expect(rev2.earlierReviews?.map((r) => [r.agency, r.revision])).toEqual([
      ['dod', 1],
      ['treasury', 1],
    ]);
    expect(rev2.escalation ?? undefined).toBeUndefined();

    // Past every revision-2 reminder and deadline, and past the referral's 30 days.
    await advance(31);
    await bus.next('clock.deemed-concurrence', (d) => d.consultationId === referral.consultationId);
    expect((await detail(referral.consultationId)).status).toBe('approved');
    const overdue = await bus.next(
      'clock.overdue',
      (d) => d.consultationId === amended.consultationId && d.clock === 'review',
    );
    expect(overdue.data.agency).toBe('dod');
    const escalated = await waitFor(async () => {
      const d = await detail(amended.consultationId);
      return d.status === 'escalated' && d;
    });
    expect(escalated.escalation).toMatchObject({ cause: 'missed-deadline' });
  });

  it('a formal notice dated 40 days back still waits out the whole 30-day review', async () => {
    const sale = anFmsCase({ clearingParties: ['dod'] });
    await bus.publishAs('state-pm', 'consultation.opened', sale);
    await atVersion(sale.consultationId, 1);
    await bus.publishAs('dod', 'review.acknowledged', {
      consultationId: sale.consultationId,
      agency: 'dod',
      revision: 1,
    });
    await atVersion(sale.consultationId, 2);
    const cleared = await signOff(sale.consultationId, 'dod', 'concur');
    expect(cleared.status).toBe('congressional-review');
    await bus.publishAs('state-pm', 'congress.informal-notice-sent', {
      consultationId: sale.consultationId,
      committees: ['SFRC', 'HFAC'],
      sentAt: new Date(Date.now() - 45 * 86_400_000).toISOString(),
    });
    await atVersion(sale.consultationId, cleared.version + 1);
    const backdated = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await bus.publishAs('state-pm', 'congress.formal-notice-sent', {
      consultationId: sale.consultationId,
      transmittalNumber: '26-17',
      sentAt: backdated,
      reviewDays: 30,
    });
    const noticed = await atVersion(sale.consultationId, cleared.version + 2);
    expect(noticed.status).toBe('congressional-review');
    expect(noticed.congress).toMatchObject({ step: 'formal-review', formalSentAt: backdated });
    const formalAt = Date.parse(noticed.congress?.formalAt ?? '');
    const endsAt = Date.parse(noticed.congress?.reviewEndsAt ?? '');
    expect(endsAt - formalAt).toBeGreaterThanOrEqual(29 * 86_400_000);

    await advance(1);
    expect((await detail(sale.consultationId)).status).toBe('congressional-review');
    await advance(30);
    await bus.next('congress.cleared-for-offer', (d) => d.consultationId === sale.consultationId);
  });

  it('the action office proceeds without a delaying office after its deadline escalated the case (2 FAM 1211)', async () => {
    const small = anFmsCase({
      clearingParties: ['dod', 'treasury'],
      attributes: {
        ...anFmsCase().attributes,
        values: [{ category: 'major-defense-equipment', amountUsd: 5_000_000 }],
      },
    });
    await bus.publishAs('state-pm', 'consultation.opened', small);
    await atVersion(small.consultationId, 1);
    await signOff(small.consultationId, 'dod', 'concur');
    await advance(31);
    const escalated = await waitFor(async () => {
      const d = await detail(small.consultationId);
      return d.status === 'escalated' && d;
    });
    await bus.publishAs('state-pm', 'consultation.proceeded-without-clearance', {
      consultationId: small.consultationId,
      delayingAgencies: ['treasury'],
      rule: '2 FAM 1211',
      justification: 'Treasury has not answered; the partner needs an answer',
    });
    const decided = await atVersion(small.consultationId, escalated.version + 1);
    expect(decided.status).toBe('approved');
    expect(decided.decision).toMatchObject({ basis: 'proceeded-without-clearance' });
    expect(decided.reviews.find((r) => r.agency === 'treasury')?.state).toBe('waived');
  });

  it('a FLASH request not acknowledged within 10 minutes escalates', async () => {
    const flash = anFmsCase({ clearingParties: ['nsc'], precedence: 'FLASH' });
    await bus.publishAs('state-pm', 'consultation.opened', flash);
    await atVersion(flash.consultationId, 1);
    await http.post('/dev/clock/advance').send({ minutes: 11 }).expect(200);
    const raised = await bus.next(
      'escalation.raised',
      (d) => d.consultationId === flash.consultationId,
    );
    expect(raised.data.triggeredBy).toEqual({ agency: 'nsc', cause: 'missed-acknowledgement' });
    expect((await detail(flash.consultationId)).status).toBe('escalated');
  });

  it('every read path answers 200 while consultations are being opened, amended and signed off', async () => {
    const cases = Array.from({ length: 30 }, () => anFmsCase({ clearingParties: ['dod', 'nsc'] }));
    const statuses = new Map<number, number>();
    let reads = 0;
    let writing = true;
    const paths = (n: number) => [
      '/agencies/dod/queue',
      '/agencies/nsc/queue?limit=5',
      '/consultations?status=in-review&limit=10',
      '/stats',
      `/consultations/${cases[n % cases.length].consultationId}`,
    ];
    const reader = (async () => {
      for (let n = 0; writing || n < 40; n++) {
        const res = await http.get(paths(n)[n % 5]);
        reads++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    })();
    await Promise.all(
      cases.map(async (c) => {
        await bus.publishAs('state-pm', 'consultation.opened', c);
        await bus.publishAs('dod', 'signoff.submitted', {
          consultationId: c.consultationId,
          agency: 'dod',
          revision: 1,
          decision: 'concur',
          officer,
          submittedAt: new Date().toISOString(),
        });
        await bus.publishAs('state-pm', 'consultation.amended', {
          consultationId: c.consultationId,
          revision: 2,
          changes: { summary: 'Revised' },
          reason: 'Revised request',
        });
      }),
    );
    await Promise.all(
      cases.map((c) =>
        waitFor(async () => {
          const res = await http.get(`/consultations/${c.consultationId}`);
          return res.status === 200 && (res.body as Detail).revision === 2;
        }),
      ),
    );
    writing = false;
    await reader;
    // 404 only for a consultation read before it existed; never a 5xx.
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 404)).toEqual([]);
    expect(reads).toBeGreaterThanOrEqual(40);
    // Each queue shows the agency's review of the current revision (revision 1's is history).
    for (const agency of ['dod', 'nsc']) {
      const queue = (await http.get(`/agencies/${agency}/queue?limit=100`).expect(200)).body as {
        items: { id: string; review: { revision: number } }[];
      };
      const ours = queue.items.filter((i) => cases.some((c) => c.consultationId === i.id));
      expect(ours.map((i) => i.review.revision)).toEqual(cases.map(() => 2));
    }
  });

  it("a clock's event about a SECRET consultation is marked SECRET, like every event about it", async () => {
    const secret = anFmsCase({ clearingParties: ['cia'], classification: 'SECRET' });
    await bus.publishAs('state-pm', 'consultation.opened', secret);
    await atVersion(secret.consultationId, 1);
    await http.post('/dev/clock/advance').send({ hours: 7 }).expect(200);
    const overdue = await bus.next(
      'clock.overdue',
      (d) => d.consultationId === secret.consultationId && d.clock === 'acknowledgement',
    );
    expect(overdue.classification).toBe('SECRET');
  });
});
