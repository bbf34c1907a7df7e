import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureService } from '@icb/runtime';
import { TestBus, authHeader, testEnv, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { COORDINATOR_API } from '../src/coordinator.api';
import { anFmsCase } from './harness';

async function boot(env: Record<string, string>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoordinatorModule.forRoot({ env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureService(app, COORDINATOR_API);
  await app.init();
  await app.startAllMicroservices();
  return app;
}

describe('operations endpoints: dead letters and the development clock', () => {
  let app: INestApplication | undefined;
  let bus: TestBus | undefined;

  afterEach(async () => {
    await bus?.close();
    await app?.close();
    app = undefined;
    bus = undefined;
  });

  it('lists a dead-lettered message with its reason, replays it, and 404s an unknown entry', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    app = await boot(env);
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    const http = request.agent(app.getHttpServer()).set(authHeader());
    // A sign-off for a consultation that does not exist, and an invalid one.
    await bus.publishEnvelope('icb.evt.dod.signoff.submitted.v1', {
      specversion: '1.0',
      id: 'not-a-uuid',
    });

    const list = await waitFor(async () => {
      const res = await http.get('/dead-letters').expect(200);
      return (
        (res.body as { total: number }).total === 1 &&
        (res.body as { items: { seq: number; record: { code: string; reason: string } }[] })
      );
    });
    expect(list.items[0].record).toMatchObject({
      code: 'INVALID_MESSAGE',
      consumer: 'coordinator',
    });
    expect(list.items[0].record.reason).toMatch(/signoff\.submitted/);

    await http.post(`/dead-letters/${list.items[0].seq}/replay`).expect(200);
    // Still invalid: it comes back as a new entry, and the old one is gone.
    const again = await waitFor(async () => {
      const res = await http.get('/dead-letters').expect(200);
      const items = (res.body as { items: { seq: number }[] }).items;
      return items.length === 1 && items[0].seq !== list.items[0].seq && items;
    });
    await http.delete(`/dead-letters/${again[0].seq}`).expect(204);
    await http.post(`/dead-letters/${again[0].seq}/replay`).expect(404);
    // Stream sequences start at 1: entry 0 is no entry (not a 500 from JetStream's "bad request").
    await http.post('/dead-letters/0/replay').expect(404);
    await http.delete('/dead-letters/0').expect(404);
    await http.get('/dead-letters?limit=0').expect(400);
  });

  it('the development clock is refused unless DEV_CLOCK=true', async () => {
    app = await boot(testEnv({ CLOCK_TICK_MS: '0' }));
    const res = await request(app.getHttpServer())
      .post('/dev/clock/advance')
      .set(authHeader())
      .send({ days: 1 })
      .expect(404);
    expect((res.body as { message: string }).message).toMatch(/DEV_CLOCK=true/);
  });

  it('advancing the development clock past a referral deadline records a deemed concurrence', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0', DEV_CLOCK: 'true' });
    app = await boot(env);
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    const http = request.agent(app.getHttpServer()).set(authHeader());
    const tt = anFmsCase({
      kind: 'technology-transfer',
      actionOffice: 'PM/DDTC',
      clearingParties: ['dod'],
    });
    await bus.publishAs('state-pm', 'consultation.opened', tt);
    await waitFor(
      async () => (await http.get(`/consultations/${tt.consultationId}`)).status === 200,
    );

    await http.post('/dev/clock/advance').send({ days: 0 }).expect(400);
    const moved = await http.post('/dev/clock/advance').send({ days: 31 }).expect(200);
    expect((moved.body as { offsetMs: number }).offsetMs).toBe(31 * 86_400_000);
    const deemed = await bus.next(
      'clock.deemed-concurrence',
      (d) => d.consultationId === tt.consultationId,
    );
    expect(deemed.data.agency).toBe('dod');
    const detail = await http.get(`/consultations/${tt.consultationId}`).expect(200);
    expect((detail.body as { status: string }).status).toBe('approved');
  });
});
