/*
 * An agency's answers get the coordinator's verdict (ADR 11): a real
 * coordinator (NATS, FerretDB), the DoD adapter as apps/dod-adapter builds
 * it, and a sign-off answered 200 with the new status, 409 with the
 * refusal's code, or 202 with a status URL when the coordinator does not
 * answer in time.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { NatsConnectionProvider, SubjectSpace } from '@icb/messaging';
import { configureService } from '@icb/runtime';
import { authHeader, TestBus, testEnv, waitFor, asAgency } from '@icb/testing';
import { COORDINATOR_SERVICE, CoordinatorModule } from '../../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../../apps/coordinator/src/coordinator.api';
import { AgencyAdapterModule, idempotentEventId, VerdictListener, type VerdictDto } from '../src';

const officer = { name: 'Jane Doe', title: 'Director, DTSA' };
/** How long the adapter waits for a verdict here: long for a loaded machine, short for the 202 test. */
const VERDICT_TIMEOUT_MS = 3_000;

async function bootCoordinator(
  env: Record<string, string>,
  port = 0,
): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoordinatorModule.forRoot({ env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  try {
    configureService(app, COORDINATOR_API);
    await app.listen(port, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

async function bootAdapter(
  agency: Agency,
  env: Record<string, string>,
): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AgencyAdapterModule.forRoot({ agency, httpPort: 0, env })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  try {
    configureService(app, { title: `${agency} adapter`, description: 'under test' });
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

function portOf(app: NestExpressApplication): number {
  return (app.getHttpServer().address() as AddressInfo).port;
}

interface Answer {
  eventId: string;
  subject: string;
  verdict: VerdictDto;
}

interface Refusal {
  statusCode: number;
  code: string;
  message: string;
  verdict: VerdictDto;
}

interface Detail {
  status: string;
  revision: number;
  version: number;
  signOffs: { agency: string; eventId: string }[];
}

describe('the coordinator’s verdict on an agency’s answer, through its adapter', () => {
  let env: Record<string, string>;
  let coordinator: NestExpressApplication | undefined;
  let dod: NestExpressApplication | undefined;
  let bus: TestBus | undefined;

  const api = () => request.agent(dod!.getHttpServer()).set(asAgency('dod', { officer }));
  const detail = async (id: string): Promise<Detail | false> => {
    const res = await request(coordinator!.getHttpServer())
      .get(`/consultations/${id}`)
      .set(authHeader());
    return res.status === 200 && (res.body as Detail);
  };

  /** A consultation DoD and NSC clear, in review at the coordinator. */
  async function aConsultation(): Promise<string> {
    const consultationId = randomUUID();
    await bus!.publishAs(
      'state-pm',
      'consultation.opened',
      validPayload('consultation.opened', {
        consultationId,
        clearingParties: ['dod', 'nsc'],
        requestedAt: new Date().toISOString(),
      }),
    );
    await waitFor(async () => (await detail(consultationId)) || undefined, {
      description: 'the consultation at the coordinator',
    });
    return consultationId;
  }

  async function storedEvents(): Promise<number> {
    const nats = dod!.get(NatsConnectionProvider);
    const info = await nats.manager.streams.info(new SubjectSpace(env.BUS_NAMESPACE).eventsStream);
    return info.state.messages;
  }

  beforeAll(async () => {
    env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await bootCoordinator(env);
    dod = await bootAdapter('dod', {
      ...env,
      COORDINATOR_URL: `http://127.0.0.1:${portOf(coordinator)}`,
      VERDICT_TIMEOUT_MS: String(VERDICT_TIMEOUT_MS),
    });
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    await bus?.close();
    await dod?.close();
    await coordinator?.close();
  });

  it('a sign-off the coordinator accepts is answered 200 with the consultation’s new status and version', async () => {
    const id = await aConsultation();
    const before = (await detail(id)) as Detail;
    const heard = dod!.get(VerdictListener).delivered;

    const res = await api()
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur' })
      .expect(200);
    // The adapter heard the coordinator's announcement (it did not have to ask for the verdict).
    expect(dod!.get(VerdictListener).delivered).toBe(heard + 1);

    const body = res.body as Answer;
    expect(body.verdict).toMatchObject({
      outcome: 'accepted',
      changed: true,
      eventId: body.eventId,
      message: 'signoff.submitted',
      consultationId: id,
      statusUrl: `/messages/${body.eventId}/verdict`,
      consultation: { status: 'in-review', revision: 1, version: before.version + 1 },
    });
    // Read-your-writes: the coordinator already shows what the answer said.
    const after = (await detail(id)) as Detail;
    expect(after.version).toBe(body.verdict.consultation!.version);
    expect(after.signOffs.map((s) => s.eventId)).toEqual([body.eventId]);
    // The status URL says the same.
    const status = await api().get(body.verdict.statusUrl).expect(200);
    expect(status.body).toEqual(body.verdict);
  });

  it('a sign-off on a revision since amended is refused 409 STALE_REVISION, with the coordinator’s sentence', async () => {
    const id = await aConsultation();
    await bus!.publishAs(
      'state-pm',
      'consultation.amended',
      validPayload('consultation.amended', { consultationId: id, revision: 2 }),
    );
    await waitFor(async () => ((await detail(id)) as Detail).revision === 2, {
      description: 'revision 2',
    });

    const res = await api()
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur', revision: 1 })
      .expect(409);

    const body = res.body as Refusal;
    expect(body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'STALE_REVISION',
      message: expect.stringMatching(/revision/) as unknown,
      verdict: {
        outcome: 'refused',
        code: 'STALE_REVISION',
        changed: false,
        consultationId: id,
        consultation: { status: 'in-review', revision: 2 },
      },
    });
    expect(body.verdict.reason).toBe(body.message);
    // Refused: the consultation holds no sign-off of DoD's.
    expect(((await detail(id)) as Detail).signOffs).toEqual([]);
    const status = await api().get(body.verdict.statusUrl).expect(200);
    expect(status.body).toMatchObject({ outcome: 'refused', code: 'STALE_REVISION' });
  });

  it('a retry with the same Idempotency-Key gets the first verdict and publishes nothing', async () => {
    const id = await aConsultation();
    const key = randomUUID();
    const first = await api()
      .post(`/reviews/${id}/sign-off`)
      .set('Idempotency-Key', key)
      .send({ decision: 'concur' })
      .expect(200);
    const stored = await storedEvents();
    // The consultation moves on (NSC answers too) before the retry.
    const nsc = await bus!.publishAs('nsc', 'signoff.submitted', {
      consultationId: id,
      agency: 'nsc',
      revision: 1,
      decision: 'concur',
      officer,
      submittedAt: new Date().toISOString(),
    });
    // The coordinator records its verdict after it published what NSC's
    // sign-off caused (the detail shows the new version before that): only
    // then is the stream's count final.
    await waitFor(
      async () =>
        (
          await request(coordinator!.getHttpServer())
            .get(`/messages/${nsc.id}/verdict`)
            .set(authHeader())
        ).status === 200,
      { description: 'the coordinator’s verdict on NSC’s sign-off' },
    );
    expect(((await detail(id)) as Detail).signOffs).toHaveLength(2);
    const afterNsc = await storedEvents();

    const retry = await api()
      .post(`/reviews/${id}/sign-off`)
      .set('Idempotency-Key', key)
      .send({ decision: 'concur' })
      .expect(200);

    expect(retry.body).toEqual(first.body);
    expect((first.body as Answer).eventId).toBe(
      idempotentEventId('dod', key, 'signoff.submitted', id),
    );
    expect(afterNsc).toBeGreaterThan(stored);
    expect(await storedEvents()).toBe(afterNsc);

    // A refused answer's retry is refused the same way.
    const staleKey = randomUUID();
    const refused = await api()
      .post(`/reviews/${id}/acknowledge`)
      .set('Idempotency-Key', staleKey)
      .send({ revision: 7 })
      .expect(409);
    const again = await api()
      .post(`/reviews/${id}/acknowledge`)
      .set('Idempotency-Key', staleKey)
      .send({ revision: 7 })
      .expect(409);
    expect(again.body).toEqual(refused.body);
  });

  it('with the coordinator stopped, a sign-off is answered 202 with a status URL that shows the verdict once it is back', async () => {
    const id = await aConsultation();
    const port = portOf(coordinator!);
    const stream = new SubjectSpace(env.BUS_NAMESPACE).eventsStream;
    // The coordinator stops taking messages (its REST API still answers the adapter's reads).
    await coordinator!
      .get(NatsConnectionProvider)
      .manager.consumers.pause(stream, COORDINATOR_SERVICE, new Date(Date.now() + 3_600_000));

    const started = Date.now();
    const res = await api()
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur' })
      .expect(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(VERDICT_TIMEOUT_MS);
    const body = res.body as Answer;
    expect(body.verdict).toEqual({
      outcome: 'pending',
      eventId: body.eventId,
      message: 'signoff.submitted',
      consultationId: id,
      statusUrl: `/messages/${body.eventId}/verdict`,
    });
    expect(res.headers.location).toBe(body.verdict.statusUrl);
    await api()
      .get(body.verdict.statusUrl)
      .expect(200)
      .expect((r) => expect((r.body as VerdictDto).outcome).toBe('pending'));

    // The coordinator stops, and starts again (same address, database and bus).
    await coordinator!.close();
    coordinator = undefined;
    await dod!.get(NatsConnectionProvider).manager.consumers.resume(stream, COORDINATOR_SERVICE);
    coordinator = await bootCoordinator(env, port);

    const verdict = await waitFor(
      async () => {
        const r = await api().get(body.verdict.statusUrl).expect(200);
        const v = r.body as VerdictDto;
        return v.outcome !== 'pending' && v;
      },
      { description: 'the verdict at the status URL' },
    );
    expect(verdict).toMatchObject({
      outcome: 'accepted',
      changed: true,
      eventId: body.eventId,
      message: 'signoff.submitted',
      consultationId: id,
      consultation: { status: 'in-review', revision: 1 },
    });
    expect(((await detail(id)) as Detail).signOffs.map((s) => s.eventId)).toEqual([body.eventId]);
  });

  it('the status URL of an event this agency never published is pending, and not a UUID is a 400', async () => {
    const res = await api().get(`/messages/${randomUUID()}/verdict`).expect(200);
    expect((res.body as VerdictDto).outcome).toBe('pending');
    await api().get('/messages/not-an-id/verdict').expect(400);
  });
});
