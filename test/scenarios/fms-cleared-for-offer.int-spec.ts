/*
 * Whole-system scenario, through the agencies' own interfaces only: State/PM
 * files an above-threshold Letter of Request for a country outside NATO+5;
 * DoD concurs with a security condition, NSC concurs, CIA shares an ORCON
 * assessment released to State/PM and NSC only, Treasury screens clean by
 * itself; the case is cleared interagency, State/PM runs the congressional
 * notification, and after the 30-day review period (on a fake clock) it is
 * cleared for offer. Real nats-server, FerretDB and HTTP between the parts.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import { authHeader, startHttpService, testEnv, urlOf, waitFor, asAgency } from '@icb/testing';
import { CiaAdapterModule } from '../../apps/cia-adapter/src/app.module';
import { DodAdapterModule } from '../../apps/dod-adapter/src/app.module';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { Clock, FakeClock } from '../../apps/coordinator/src/time/clock';
import { ClockScheduler } from '../../apps/coordinator/src/write/clocks/clock-scheduler';
import { COORDINATOR_API } from '../../apps/coordinator/src/coordinator.api';
import { NscAdapterModule } from '../../apps/nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../../apps/state-pm-adapter/src/app.module';
import { TreasuryAdapterModule } from '../../apps/treasury-adapter/src/app.module';

const DAY = 86_400_000;

interface Detail {
  status: string;
  clearers: string[];
  signOffs: { agency: string; decision: string }[];
  reviews: { agency: string; hold?: { reason: string } }[];
  conditions: { id: string; agency: string; status: string }[];
  assessments: { assessmentId: string; approvedRecipients: string[]; content?: string }[];
  congress?: { required: boolean; reviewDays: number; step: string };
}

describe('scenario: an FMS case above threshold, from the LOR to cleared for offer', () => {
  const apps: NestExpressApplication[] = [];
  const clock = new FakeClock(new Date());
  let coordinator: NestExpressApplication;
  const adapter: Record<string, NestExpressApplication> = {};

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(
      CoordinatorModule.forRoot({ env }),
      COORDINATOR_API.title,
      [[Clock, clock]],
    );
    apps.push(coordinator);
    const adapterEnv = { ...env, COORDINATOR_URL: urlOf(coordinator) };
    adapter['state-pm'] = await startHttpService(
      StatePmAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'State/PM',
    );
    adapter.dod = await startHttpService(
      DodAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'DoD',
    );
    adapter.nsc = await startHttpService(
      NscAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'NSC',
    );
    adapter.cia = await startHttpService(
      CiaAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'CIA',
    );
    adapter.treasury = await startHttpService(
      TreasuryAdapterModule.forRoot({ env: adapterEnv }),
      'Treasury',
    );
    apps.push(...Object.values(adapter));
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('clears interagency review with a condition and an ORCON assessment, runs the 30-day notification and clears for offer', async () => {
    /** Each agency's system, with its access token naming the officer who acts (ADR 18). */
    const officers: Partial<Record<Agency, { name: string; title: string }>> = {
      dod: { name: 'J. Smith', title: 'DSCA Director' },
      nsc: { name: 'A. Jones', title: 'Senior Director' },
      cia: { name: 'C. Analyst', title: 'Deputy Director' },
    };
    const http = (who: Agency) =>
      request.agent(adapter[who].getHttpServer()).set(asAgency(who, { officer: officers[who] }));
    const detail = async () => {
      const res = await request
        .agent(coordinator.getHttpServer())
        .set(authHeader())
        .get(`/consultations/${id}`);
      return res.status === 200 ? (res.body as Detail) : undefined;
    };

    const filed = await http('state-pm')
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
        ],
        services: [{ description: 'Training and support', valueUsd: 300_000_000 }],
        endUser: { name: 'Royal Saudi Air Defense Forces', country: 'SAU' },
        summary: 'Letter of Request for 300 PAC-3 MSE missiles with training and support.',
        precedence: 'PRIORITY',
      })
      .expect(201);
    const id = (filed.body as { consultationId: string }).consultationId;
    const opened = await waitFor(detail, { description: 'the consultation at the coordinator' });
    expect(opened.clearers).toEqual(expect.arrayContaining(['dod', 'nsc', 'cia', 'treasury']));

    // DoD's technical and releasability review, on its own form: incomplete at
    // first (DoD holds the matter), then complete with a security condition
    // (the hold is released and DoD concurs with the condition).
    await waitFor(async () => (await http('dod').get('/reviews')).body?.items?.length > 0, {
      description: "DoD's queue",
    });
    const held = await http('dod')
      .post(`/reviews/${id}/technical-review`)
      .send({
        revision: 1,
        findings: [
          { area: 'technical', finding: 'releasable' },
          { area: 'releasability', finding: 'incomplete', reason: 'Determination pending.' },
        ],
      })
      .expect(200);
    expect(held.body).toMatchObject({ outcome: 'hold' });
    await waitFor(
      async () => (await detail())?.reviews.find((r) => r.agency === 'dod')?.hold !== undefined,
      { description: "DoD's hold at the coordinator" },
    );
    // While DoD holds, its plain concurrence is refused.
    await http('dod').post(`/reviews/${id}/sign-off`).send({ decision: 'concur' }).expect(409);
    const answered = await http('dod')
      .post(`/reviews/${id}/technical-review`)
      .send({
        revision: 1,
        findings: [
          { area: 'technical', finding: 'releasable' },
          { area: 'releasability', finding: 'releasable' },
          {
            area: 'technology-security',
            finding: 'releasable-with-conditions',
            conditions: [
              {
                id: 'DOD-AT-1',
                category: 'technology-security',
                text: 'Anti-tamper protection on all guidance sections.',
              },
            ],
          },
        ],
      })
      .expect(200);
    expect(answered.body).toMatchObject({ outcome: 'concur-with-conditions' });
    await http('nsc').post(`/reviews/${id}/sign-off`).send({ decision: 'concur' }).expect(200);

    // CIA shares an ORCON assessment released to State/PM and NSC only, then concurs.
    await http('cia')
      .post('/assessments')
      .send({
        consultationId: id,
        title: 'End-use and diversion risk',
        classification: 'SECRET//ORCON/NOFORN',
        orcon: true,
        noforn: true,
        approvedRecipients: ['state-pm', 'nsc'],
        content: 'Low diversion risk; existing end-use monitoring is adequate.',
      })
      .expect(201);
    await http('cia').post(`/reviews/${id}/sign-off`).send({ decision: 'concur' }).expect(200);

    // Treasury screened the parties clean by itself; interagency clearance is complete.
    const cleared = await waitFor(
      async () => {
        const d = await detail();
        return d?.status === 'congressional-review' && d;
      },
      { description: 'interagency clearance' },
    );
    expect(cleared.signOffs.find((s) => s.agency === 'treasury')?.decision).toBe('concur');
    expect(cleared.conditions).toEqual([
      expect.objectContaining({ id: 'DOD-AT-1', agency: 'dod', status: 'active' }),
    ]);
    expect(cleared.congress).toMatchObject({ required: true, reviewDays: 30 });
    expect(cleared.assessments[0]?.content).toBeUndefined();

    // The content reached State/PM and NSC, and not DoD.
    const released = await waitFor(
      async () => {
        const body = (await http('nsc').get(`/reviews/${id}/assessments`)).body as {
          released?: { content: string }[];
        };
        return (body.released?.length ?? 0) > 0 && body;
      },
      { description: 'the assessment at NSC' },
    );
    expect(released.released?.[0].content).toMatch(/monitoring is adequate/);
    const dodView = (await http('dod').get(`/reviews/${id}/assessments`).expect(200)).body as {
      released: unknown[];
      withheld: unknown[];
    };
    expect(dodView.released).toHaveLength(0);
    expect(dodView.withheld).toHaveLength(1);
    expect(JSON.stringify(dodView)).not.toMatch(/monitoring is adequate/);

    // The coordinator's clock runs 40 days ahead of State/PM's (as after
    // `icb clock advance`): the review period must still run in full, from
    // when the coordinator records the formal notice, not from State/PM's date.
    const scheduler = coordinator.get(ClockScheduler);
    clock.advance(40 * DAY);
    await scheduler.tick();

    // State/PM runs the congressional notification; the 30-day period runs on the coordinator's clock.
    await http('state-pm')
      .post(`/consultations/${id}/congress/informal-notice`)
      .send({ committees: ['SFRC', 'HFAC'] })
      .expect(200);
    await waitFor(async () => (await detail())?.congress?.step === 'informal-review', {
      description: 'informal review',
    });
    await http('state-pm')
      .post(`/consultations/${id}/congress/formal-notice`)
      .send({ transmittalNumber: '26-17', reviewDays: 30 })
      .expect(200);
    await waitFor(async () => (await detail())?.congress?.step === 'formal-review', {
      description: 'formal review',
    });

    clock.advance(29 * DAY);
    await scheduler.tick();
    expect((await detail())?.status).toBe('congressional-review');
    clock.advance(2 * DAY);
    await scheduler.tick();
    const offered = await waitFor(
      async () => {
        const d = await detail();
        return d?.status === 'cleared-for-offer' && d;
      },
      { description: 'cleared for offer' },
    );
    expect(offered.congress?.step).toBe('cleared-for-offer');
    const audit = await request
      .agent(coordinator.getHttpServer())
      .set(authHeader())
      .get(`/consultations/${id}/audit/verify`)
      .expect(200);
    expect((audit.body as { ok: boolean }).ok).toBe(true);
  });
});
