/*
 * Whole-system scenario, through the agencies' own interfaces only: State/PM
 * files a Letter of Request whose intermediary is half-owned by a (fictitious)
 * listed entity; Treasury's adapter screens it by itself and non-concurs; the
 * matter climbs the NSC ladder; the NSC records the PCC's referral and the
 * Deputies Committee's denial through its adapter. Real nats-server, real
 * FerretDB, real HTTP between the adapters and the coordinator.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { authHeader, startHttpService, testEnv, urlOf, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../apps/coordinator/src/coordinator.api';
import { DodAdapterModule } from '../../apps/dod-adapter/src/app.module';
import { NscAdapterModule } from '../../apps/nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../../apps/state-pm-adapter/src/app.module';
import { TreasuryAdapterModule } from '../../apps/treasury-adapter/src/app.module';

interface Detail {
  status: string;
  clearers: string[];
  signOffs: { agency: string; decision: string; rationale?: string }[];
  screenings: { result: string; matches: { basis: string; listEntryUid: string }[] }[];
  escalation?: { ladder: string; level: string; history: { level: string; outcome?: string }[] };
  decision?: { outcome: string; basis: string };
}

describe('scenario: a party half-owned by a listed entity is screened, escalated and denied', () => {
  const apps: NestExpressApplication[] = [];
  let coordinator: NestExpressApplication;
  let statePm: NestExpressApplication;
  let nsc: NestExpressApplication;
  let dod: NestExpressApplication;

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    apps.push(coordinator);
    const adapterEnv = { ...env, COORDINATOR_URL: urlOf(coordinator) };
    statePm = await startHttpService(
      StatePmAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'State/PM adapter',
    );
    apps.push(statePm);
    apps.push(
      await startHttpService(
        TreasuryAdapterModule.forRoot({ env: adapterEnv }),
        'Treasury adapter',
      ),
    );
    nsc = await startHttpService(
      NscAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'NSC adapter',
    );
    apps.push(nsc);
    dod = await startHttpService(
      DodAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'DoD adapter',
    );
    apps.push(dod);
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('State/PM files the LOR, Treasury non-concurs on the 50% rule, the Deputies deny', async () => {
    const filed = await request
      .agent(statePm.getHttpServer())
      .set(asAgency('state-pm'))
      .post('/requests/fms')
      .send({
        lorNumber: 'SR-D-QAC',
        purchaser: { country: 'SAU', name: 'Ministry of Defense of Saudi Arabia' },
        articles: [
          {
            description: 'AN/MPQ-65 radar spares',
            quantity: 40,
            usmlCategory: 'XI',
            mde: true,
            valueUsd: 60_000_000,
          },
        ],
        services: [{ description: 'Depot repair', valueUsd: 10_000_000 }],
        endUser: { name: 'Royal Saudi Air Defense Forces', country: 'SAU' },
        intermediaries: [
          {
            name: 'Gulf Radar Logistics FZE',
            country: 'ARE',
            owners: [{ name: 'Placeholder Holdings Ltd.', percent: 50 }],
          },
        ],
        summary: 'Radar spares shipped through a commercial intermediary.',
      })
      .expect(201);
    const id = (filed.body as { consultationId: string }).consultationId;
    const coordinatorApi = () => request.agent(coordinator.getHttpServer()).set(authHeader());
    const detail = async () => {
      const res = await coordinatorApi().get(`/consultations/${id}`);
      return res.status === 200 ? (res.body as Detail) : undefined;
    };

    // DoD answers through its own interface; Treasury answers by itself.
    // (Treasury may answer first: its non-concurrence escalates the case and
    // empties every agency's queue, so DoD waits for the review itself.)
    await waitFor(
      async () =>
        (await request.agent(dod.getHttpServer()).set(asAgency('dod')).get(`/reviews/${id}`))
          .status === 200,
      { description: 'the review at DoD' },
    );
    // DoD now learns at once what the coordinator made of its answer: accepted,
    // or refused because Treasury's non-concurrence escalated the case first.
    const dodAnswer = await request
      .agent(dod.getHttpServer())
      .set(asAgency('dod'))
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur' });
    expect(
      dodAnswer.status === 200
        ? {
            status: 200,
            outcome: (dodAnswer.body as { verdict: { outcome: string } }).verdict.outcome,
          }
        : { status: dodAnswer.status, code: (dodAnswer.body as { code: string }).code },
    ).toEqual(
      dodAnswer.status === 200
        ? { status: 200, outcome: 'accepted' }
        : { status: 409, code: 'NOT_IN_REVIEW' },
    );

    const escalated = await waitFor(
      async () => {
        const d = await detail();
        return d?.status === 'escalated' && d;
      },
      { description: 'the escalation after Treasury non-concurred' },
    );
    const treasury = escalated.signOffs.find((s) => s.agency === 'treasury');
    expect(treasury?.decision).toBe('non-concur');
    expect(treasury?.rationale).toMatch(/90005/);
    expect(escalated.screenings[0]).toMatchObject({ result: 'hit' });
    expect(escalated.screenings[0].matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ basis: 'ownership-50', listEntryUid: '90005' }),
      ]),
    );
    expect(escalated.escalation).toMatchObject({ ladder: 'nsc', level: 'pcc' });

    // The NSC chairs: the PCC refers up, the Deputies Committee denies.
    // The list is the read model, a moment behind the consultation just read.
    const listed = await waitFor(
      async () => {
        const res = await request
          .agent(nsc.getHttpServer())
          .set(asAgency('nsc'))
          .get('/escalations')
          .expect(200);
        const ids = (res.body as { items: { id: string }[] }).items.map((i) => i.id);
        return ids.includes(id) && ids;
      },
      { description: "the escalation in NSC's list" },
    );
    expect(listed).toContain(id);
    await request
      .agent(nsc.getHttpServer())
      .set(asAgency('nsc'))
      .post(`/escalations/${id}/decision`)
      .send({
        outcome: 'refer-up',
        rationale: 'Agencies remain divided.',
        chair: 'NSC Senior Director',
      })
      .expect(200);
    await waitFor(async () => (await detail())?.escalation?.level === 'deputies', {
      description: 'the Deputies level',
    });
    await request
      .agent(nsc.getHttpServer())
      .set(asAgency('nsc'))
      .post(`/escalations/${id}/decision`)
      .send({
        outcome: 'deny',
        rationale: 'An intermediary is half-owned by a blocked entity.',
        chair: 'Deputy National Security Advisor',
      })
      .expect(200);

    const denied = await waitFor(
      async () => {
        const d = await detail();
        return d?.status === 'denied' && d;
      },
      { description: 'the denial' },
    );
    expect(denied.decision).toMatchObject({ outcome: 'denied', basis: 'escalation' });
    expect(denied.escalation?.history.map((h) => h.level)).toEqual(['pcc', 'deputies']);
    const audit = await coordinatorApi().get(`/consultations/${id}/audit/verify`).expect(200);
    expect((audit.body as { ok: boolean }).ok).toBe(true);
  });
});
