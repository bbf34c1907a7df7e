/*
 * Removing a condition over REST: State/PM asks the agency that imposed it
 * (`condition.removal-requested`), and only that agency answers
 * (`condition.removal-answered`), each answered with the coordinator's
 * verdict (ADR 11). Real nats-server, FerretDB, coordinator and adapters.
 */
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { validPayload } from '@icb/contracts/testing/message-cases';
import {
  authHeader,
  startHttpService,
  TestBus,
  testEnv,
  urlOf,
  waitFor,
  asAgency,
} from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { DodAdapterModule } from '../../dod-adapter/src/app.module';
import { NscAdapterModule } from '../../nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../src/app.module';

const AT = {
  id: 'DOD-AT-1',
  text: 'Anti-tamper protection on all guidance sections.',
  category: 'technology-security',
};

interface Condition {
  id: string;
  agency: string;
  status: string;
  removal?: { justification: string; agreed?: boolean; comment?: string };
}

interface Verdict {
  outcome: string;
  changed?: boolean;
  code?: string;
  consultation?: { status: string; version: number };
}

describe('removing a condition: State/PM asks, the imposing agency answers', () => {
  let coordinator: NestExpressApplication | undefined;
  let statePm: NestExpressApplication | undefined;
  let dod: NestExpressApplication | undefined;
  let nsc: NestExpressApplication | undefined;
  let bus: TestBus | undefined;

  const condition = async (id: string, conditionId: string): Promise<Condition | undefined> => {
    const res = await request(coordinator!.getHttpServer())
      .get(`/consultations/${id}`)
      .set(authHeader())
      .expect(200);
    return (res.body as { conditions: Condition[] }).conditions.find((k) => k.id === conditionId);
  };
  const requestRemoval = (id: string, conditionId: string, justification: string) =>
    request
      .agent(statePm!.getHttpServer())
      .set(asAgency('state-pm'))
      .post(`/consultations/${id}/conditions/${conditionId}/removal-request`)
      .send({ justification });
  const answerRemoval = (
    app: NestExpressApplication,
    id: string,
    conditionId: string,
    body: { agreed: boolean; comment: string },
  ) =>
    request(app.getHttpServer())
      .post(`/reviews/${id}/conditions/${conditionId}/removal-answer`)
      .set(asAgency(app === nsc ? 'nsc' : 'dod'))
      .send(body);

  /** A consultation on which DoD concurred with its anti-tamper condition. */
  async function withDodCondition(): Promise<string> {
    const id = randomUUID();
    await bus!.publishAs(
      'state-pm',
      'consultation.opened',
      validPayload('consultation.opened', {
        consultationId: id,
        clearingParties: ['dod', 'nsc'],
        requestedAt: new Date().toISOString(),
      }),
    );
    await waitFor(
      async () =>
        (await request.agent(dod!.getHttpServer()).set(asAgency('dod')).get(`/reviews/${id}`))
          .status === 200,
      { description: 'DoD’s review' },
    );
    await request
      .agent(dod!.getHttpServer())
      .set(asAgency('dod'))
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur-with-conditions', conditions: [AT] })
      .expect(200);
    return id;
  }

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    const adapterEnv = { ...env, COORDINATOR_URL: urlOf(coordinator) };
    statePm = await startHttpService(
      StatePmAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'State/PM',
    );
    dod = await startHttpService(DodAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }), 'DoD');
    nsc = await startHttpService(NscAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }), 'NSC');
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    await bus?.close();
    for (const app of [nsc, dod, statePm, coordinator]) await app?.close();
  });

  it('State/PM’s request waits for DoD; DoD refuses and the condition stays, then agrees and it is removed', async () => {
    const id = await withDodCondition();

    const asked = await requestRemoval(id, AT.id, 'The purchaser already has anti-tamper.').expect(
      200,
    );
    expect((asked.body as { verdict: Verdict }).verdict).toMatchObject({
      outcome: 'accepted',
      changed: true,
    });
    expect(await condition(id, AT.id)).toMatchObject({
      agency: 'dod',
      status: 'removal-requested',
      removal: { justification: 'The purchaser already has anti-tamper.' },
    });
    // DoD sees the request, and why, in its own view of the consultation.
    const view = await request
      .agent(dod!.getHttpServer())
      .set(asAgency('dod'))
      .get(`/reviews/${id}`)
      .expect(200);
    expect((view.body as { conditions: Condition[] }).conditions).toEqual([
      expect.objectContaining({
        id: AT.id,
        status: 'removal-requested',
        removal: expect.objectContaining({
          justification: 'The purchaser already has anti-tamper.',
        }) as unknown,
      }),
    ]);

    // The same request again changes nothing; another one while DoD has not answered is refused.
    const repeated = await requestRemoval(
      id,
      AT.id,
      'The purchaser already has anti-tamper.',
    ).expect(200);
    expect((repeated.body as { verdict: Verdict }).verdict).toMatchObject({
      outcome: 'accepted',
      changed: false,
      code: 'REMOVAL_ALREADY_REQUESTED',
    });
    const other = await requestRemoval(id, AT.id, 'Another reason.').expect(409);
    expect(other.body).toMatchObject({ code: 'REMOVAL_ALREADY_REQUESTED' });

    const refused = await answerRemoval(dod!, id, AT.id, {
      agreed: false,
      comment: 'Anti-tamper stays: the seeker is new.',
    }).expect(200);
    expect((refused.body as { verdict: Verdict }).verdict).toMatchObject({
      outcome: 'accepted',
      changed: true,
    });
    expect(await condition(id, AT.id)).toMatchObject({
      status: 'retained',
      removal: { agreed: false, comment: 'Anti-tamper stays: the seeker is new.' },
    });

    await requestRemoval(id, AT.id, 'The seeker has been fielded for a year.').expect(200);
    await answerRemoval(dod!, id, AT.id, {
      agreed: true,
      comment: 'Agreed: fielded and assessed.',
    }).expect(200);
    expect(await condition(id, AT.id)).toMatchObject({
      status: 'removed',
      removal: { agreed: true, comment: 'Agreed: fielded and assessed.' },
    });
  });

  it('only the imposing agency answers, and only a request that was made', async () => {
    const id = await withDodCondition();

    // NSC imposed no such condition: its adapter has nothing to answer.
    await answerRemoval(nsc!, id, AT.id, { agreed: true, comment: 'Fine by NSC.' }).expect(404);
    // DoD answering before anyone asked: the coordinator refuses.
    const early = await answerRemoval(dod!, id, AT.id, {
      agreed: true,
      comment: 'Drop it.',
    }).expect(409);
    expect(early.body).toMatchObject({
      code: 'NO_REMOVAL_REQUESTED',
      verdict: { outcome: 'refused', message: 'condition.removal-answered' },
    });
    expect(await condition(id, AT.id)).toMatchObject({ status: 'active' });

    // No such condition, or not a condition id at all.
    await requestRemoval(id, 'DOD-NONE-9', 'Why not.').expect(404);
    await requestRemoval(id, 'not a condition id', 'Why not.').expect(400);
    await answerRemoval(dod!, id, 'DOD-NONE-9', { agreed: true, comment: 'x' }).expect(404);
    // An answer without a comment is refused before anything is published.
    await request
      .agent(dod!.getHttpServer())
      .set(asAgency('dod'))
      .post(`/reviews/${id}/conditions/${AT.id}/removal-answer`)
      .send({ agreed: true })
      .expect(400);
    expect(bus!.of('condition.removal-answered', id)).toHaveLength(1);
  });
});
