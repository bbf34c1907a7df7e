import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import { configureService } from '@icb/runtime';
import { authHeader, TestBus, testEnv, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { StatePmAdapterModule } from '../src/app.module';

const officer = { name: 'Jane Doe', title: 'Reviewing officer' };

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function boot(
  imports: Parameters<typeof Test.createTestingModule>[0]['imports'],
  describe: { title: string; description: string },
): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>();
  try {
    configureService(app, describe);
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

interface Detail {
  status: string;
  kind: string;
  actionOffice: string;
  reference?: string;
  clearers: Agency[];
  attributes: { country: string; values: unknown[]; parties: unknown[] };
  congress?: { step: string; required: boolean };
}

describe('the State/PM adapter: native requests and congressional notification over the coordinator', () => {
  let coordinator: NestExpressApplication | undefined;
  let adapter: NestExpressApplication | undefined;
  let bus: TestBus | undefined;
  let consultationId: string;

  const api = () => request.agent(adapter!.getHttpServer()).set(asAgency('state-pm'));
  const coordinatorApi = () => request.agent(coordinator!.getHttpServer()).set(authHeader());
  const detail = async (id: string): Promise<Detail | false> => {
    const res = await coordinatorApi().get(`/consultations/${id}`);
    return res.status === 200 && (res.body as Detail);
  };

  const step = async (): Promise<string | undefined> => {
    const c = await detail(consultationId);
    return c ? c.congress?.step : undefined;
  };

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await boot([CoordinatorModule.forRoot({ env })], COORDINATOR_API);
    adapter = await boot(
      [
        StatePmAdapterModule.forRoot({
          httpPort: 0,
          env: { ...env, COORDINATOR_URL: urlOf(coordinator.getHttpServer()) },
        }),
      ],
      { title: 'State/PM adapter', description: 'under test' },
    );
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    await bus?.close();
    await adapter?.close();
    await coordinator?.close();
  });

  it('refuses a malformed Letter of Request with each problem listed', async () => {
    const res = await api()
      .post('/requests/fms')
      .send({ lorNumber: 'X', purchaser: { country: 'sa', name: '' }, articles: [], services: [] })
      .expect(400);
    const message = (res.body as { message: string[] }).message;
    expect(message.length).toBeGreaterThanOrEqual(3);
    expect(message.join('\n')).toMatch(/country/);
    expect(message.join('\n')).toMatch(/summary/);
  });

  it('opens an above-threshold FMS case for a non-NATO+5 country from a native LOR', async () => {
    const res = await api()
      .post('/requests/fms')
      .send({
        lorNumber: 'SR-D-QAB',
        purchaser: { country: 'SAU', name: 'Ministry of Defense of Saudi Arabia' },
        articles: [
          {
            description: 'PAC-3 MSE missile',
            quantity: 300,
            usmlCategory: 'IV',
            mde: true,
            valueUsd: 1_800_000_000,
          },
          { description: 'Spare parts', quantity: 1, mde: false, valueUsd: 50_000_000 },
        ],
        services: [{ description: 'Training and support', valueUsd: 300_000_000 }],
        endUser: { name: 'Royal Saudi Air Defense Forces', country: 'SAU' },
        intermediaries: [
          { name: 'Gulf Brokers', country: 'ARE', owners: [{ name: 'Holding Co', percent: 40 }] },
        ],
        summary: 'Letter of Request for 300 PAC-3 MSE missiles with training and support.',
        precedence: 'PRIORITY',
      })
      .expect(201);
    const body = res.body as {
      consultationId: string;
      eventId: string;
      verdict: { outcome: string; consultation: { status: string; revision: number } };
    };
    expect(body.eventId).toEqual(expect.any(String));
    // Opened by the time the answer comes.
    expect(body.verdict).toMatchObject({
      outcome: 'accepted',
      consultation: { status: 'in-review', revision: 1 },
    });
    consultationId = body.consultationId;

    const c = await waitFor(() => detail(consultationId), {
      description: 'the consultation at the coordinator',
    });
    expect(c).toMatchObject({
      kind: 'fms-case',
      actionOffice: 'PM/DS',
      reference: 'SR-D-QAB',
      status: 'in-review',
    });
    expect(c.attributes.country).toBe('SAU');
    expect(c.attributes.values).toEqual([
      { category: 'major-defense-equipment', amountUsd: 1_800_000_000 },
      { category: 'defense-articles-services', amountUsd: 350_000_000 },
    ]);
    expect(c.attributes.parties).toEqual([
      { name: 'Ministry of Defense of Saudi Arabia', role: 'purchaser', country: 'SAU' },
      { name: 'Royal Saudi Air Defense Forces', role: 'end-user', country: 'SAU' },
      {
        name: 'Gulf Brokers',
        role: 'intermediary',
        country: 'ARE',
        ownership: [{ ownerName: 'Holding Co', percent: 40 }],
      },
    ]);
  });

  it('runs the informal notice, then the formal notice, once every agency has cleared', async () => {
    const opened = await waitFor(() => detail(consultationId));
    for (const agency of opened.clearers) {
      await bus!.publishAs(agency, 'signoff.submitted', {
        consultationId,
        agency,
        revision: 1,
        decision: 'concur',
        officer,
        submittedAt: new Date().toISOString(),
      });
    }
    const cleared = await waitFor(
      async () => {
        const c = await detail(consultationId);
        return c && c.status === 'congressional-review' && c;
      },
      { description: 'congressional review' },
    );
    expect(cleared.congress).toMatchObject({ required: true });

    await api()
      .post(`/consultations/${consultationId}/congress/informal-notice`)
      .send({ committees: ['SFRC', 'HFAC'] })
      .expect(200);
    expect(await step()).toBe('informal-review');

    // A formal notice stating the NATO+5 period for Saudi Arabia is refused (422), with the reason.
    const wrongPeriod = await api()
      .post(`/consultations/${consultationId}/congress/formal-notice`)
      .send({ transmittalNumber: '26-16', reviewDays: 15 })
      .expect(422);
    expect(wrongPeriod.body).toMatchObject({
      code: 'REVIEW_PERIOD_MISMATCH',
      message: expect.stringContaining('AECA §36(b) gives 30 days') as unknown,
      verdict: { outcome: 'refused', message: 'congress.formal-notice-sent' },
    });
    expect(await step()).toBe('informal-review');

    await api()
      .post(`/consultations/${consultationId}/congress/formal-notice`)
      .send({ transmittalNumber: '26-17', reviewDays: 30 })
      .expect(200);
    expect(await step()).toBe('formal-review');
  });

  it('answers 404 for an action on a consultation the coordinator does not know', async () => {
    await api()
      .post('/consultations/2f9a4a52-7d1e-4c53-9a57-2f0a1c8e4d21/withdrawal')
      .send({ reason: 'Not needed.' })
      .expect(404);
  });
});
