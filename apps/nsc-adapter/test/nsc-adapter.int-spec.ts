import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { configureService } from '@icb/runtime';
import { authHeader, TestBus, testEnv, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { NscAdapterModule } from '../src/app.module';

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
  clearers: Agency[];
  escalation?: { ladder: string; level: string; history: { level: string }[] };
}

describe('the NSC adapter: escalations it chairs, over the coordinator', () => {
  let coordinator: NestExpressApplication | undefined;
  let adapter: NestExpressApplication | undefined;
  let bus: TestBus | undefined;
  const consultationId = randomUUID();

  const api = () => request.agent(adapter!.getHttpServer()).set(asAgency('nsc'));
  const detail = async (): Promise<Detail | false> => {
    const res = await request
      .agent(coordinator!.getHttpServer())
      .set(authHeader())
      .get(`/consultations/${consultationId}`);
    return res.status === 200 && (res.body as Detail);
  };
  const decide = (outcome: string, chair: string) =>
    api()
      .post(`/escalations/${consultationId}/decision`)
      .send({ outcome, rationale: 'Recorded by the chair.', chair });

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await boot([CoordinatorModule.forRoot({ env })], COORDINATOR_API);
    adapter = await boot(
      [
        NscAdapterModule.forRoot({
          httpPort: 0,
          env: { ...env, COORDINATOR_URL: urlOf(coordinator.getHttpServer()) },
        }),
      ],
      { title: 'NSC adapter', description: 'under test' },
    );
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    await bus.publishAs(
      'state-pm',
      'consultation.opened',
      validPayload('consultation.opened', {
        consultationId,
        clearingParties: ['dod', 'nsc', 'treasury'],
        requestedAt: new Date().toISOString(),
      }),
    );
  });

  afterAll(async () => {
    await bus?.close();
    await adapter?.close();
    await coordinator?.close();
  });

  it('refuses a decision while the consultation is not escalated (409)', async () => {
    await waitFor(async () => (await detail()) !== false, { description: 'the consultation' });
    await decide('approve', 'NSC Senior Director').expect(409);
  });

  it('lists the escalation a non-concurrence raises, then refer-up and deny end in denied', async () => {
    const opened = await waitFor(() => detail());
    for (const agency of opened.clearers) {
      await bus!.publishAs(agency, 'signoff.submitted', {
        consultationId,
        agency,
        revision: 1,
        ...(agency === 'treasury'
          ? {
              decision: 'non-concur',
              rationale: 'An intermediary is 50% owned by a listed entity.',
            }
          : { decision: 'concur' }),
        officer,
        submittedAt: new Date().toISOString(),
      });
    }
    const escalated = await waitFor(
      async () => {
        const c = await detail();
        return c && c.status === 'escalated' && c;
      },
      { description: 'the escalation' },
    );
    expect(escalated.escalation).toMatchObject({ ladder: 'nsc', level: 'pcc' });

    const list = await api().get('/escalations').expect(200);
    expect((list.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ id: consultationId, ladder: 'nsc', level: 'pcc' }),
    );

    await decide('bogus', '').expect(400);

    const first = await decide('refer-up', 'NSC Senior Director').expect(200);
    expect(first.body).toMatchObject({
      consultationId,
      ladder: 'nsc',
      level: 'pcc',
      verdict: { outcome: 'accepted', consultation: { status: 'escalated' } },
    });
    // Accepted: the coordinator already shows the next level.
    const referred = await detail();
    expect(referred && referred.escalation?.level).toBe('deputies');

    const second = await decide('deny', 'Deputy National Security Advisor').expect(200);
    expect(second.body).toMatchObject({
      ladder: 'nsc',
      level: 'deputies',
      verdict: { outcome: 'accepted', consultation: { status: 'denied' } },
    });
    const denied = await detail();
    expect(denied && denied.status).toBe('denied');
  });
});
