/*
 * CIA shares assessments through its adapter: the content reaches only the
 * agencies it is released to (on their own addressed subjects); the others,
 * and the coordinator, learn only that it exists. Real nats-server, real
 * FerretDB, real HTTP between the adapters and the coordinator.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AgencyAdapterModule } from '@icb/agency-adapter';
import type { Agency } from '@icb/contracts';
import { asAgency, authHeader, startHttpService, testEnv, urlOf, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { NscAdapterModule } from '../../nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../../state-pm-adapter/src/app.module';
import { CiaAdapterModule } from '../src/app.module';

interface AssessmentsView {
  agency: string;
  released: { assessmentId: string; title: string; content: string; classification: string }[];
  withheld: Record<string, unknown>[];
}

const CONTENT = 'ASSESSMENT-CONTENT-MARKER: low risk of diversion to third parties.';

describe('CIA adapter: assessments released only to permitted agencies', () => {
  const apps: NestExpressApplication[] = [];
  let coordinator: NestExpressApplication;
  let statePm: NestExpressApplication;
  let nsc: NestExpressApplication;
  let dod: NestExpressApplication;
  let cia: NestExpressApplication;
  let consultationId: string;
  let adapterEnvOf: () => Record<string, string>;

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    apps.push(coordinator);
    const adapterEnv = { ...env, COORDINATOR_URL: urlOf(coordinator) };
    adapterEnvOf = () => adapterEnv;
    statePm = await startHttpService(
      StatePmAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'State/PM adapter',
    );
    apps.push(statePm);
    nsc = await startHttpService(
      NscAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'NSC adapter',
    );
    apps.push(nsc);
    dod = await startHttpService(
      AgencyAdapterModule.forRoot({ agency: 'dod', httpPort: 0, env: adapterEnv }),
      'DoD adapter',
    );
    apps.push(dod);
    cia = await startHttpService(
      CiaAdapterModule.forRoot({ env: adapterEnv, httpPort: 0 }),
      'CIA adapter',
    );
    apps.push(cia);

    const filed = await request(statePm.getHttpServer())
      .post('/requests/fms')
      .set(asAgency('state-pm'))
      .send({
        lorNumber: 'AT-D-QAD',
        purchaser: { country: 'AUS', name: 'Commonwealth of Australia' },
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
        endUser: { name: 'Royal Australian Air Force', country: 'AUS' },
        summary: 'Radar spares for the air-defence force.',
      })
      .expect(201);
    consultationId = (filed.body as { consultationId: string }).consultationId;
    await waitFor(
      async () =>
        (
          await request
            .agent(coordinator.getHttpServer())
            .set(authHeader())
            .get(`/consultations/${consultationId}`)
        ).status === 200,
      { description: 'the consultation at the coordinator' },
    );
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  const assessmentsAt = async (
    app: NestExpressApplication,
    agency: Agency,
  ): Promise<AssessmentsView> => {
    const res = await request(app.getHttpServer())
      .get(`/reviews/${consultationId}/assessments`)
      .set(asAgency(agency))
      .expect(200);
    return res.body as AssessmentsView;
  };

  it('an ORCON assessment reaches State/PM and NSC with content; DoD and the coordinator see only that it exists', async () => {
    const shared = await request(cia.getHttpServer())
      .post('/assessments')
      .set(asAgency('cia'))
      .send({
        consultationId,
        title: 'Diversion risk assessment',
        classification: 'SECRET//ORCON/NOFORN',
        orcon: true,
        noforn: true,
        approvedRecipients: ['nsc', 'state-pm'],
        content: CONTENT,
        summaryForUnauthorized: 'An assessment exists; ask CIA for access.',
      })
      .expect(201);
    const { assessmentId, releasedTo } = shared.body as {
      assessmentId: string;
      releasedTo: string[];
    };
    expect(releasedTo).toEqual(['state-pm', 'nsc']);

    for (const [app, agency] of [
      [statePm, 'state-pm'],
      [nsc, 'nsc'],
    ] as const) {
      const view = await waitFor(
        async () => {
          const v = await assessmentsAt(app, agency);
          return v.released.length > 0 && v;
        },
        { description: `the assessment released to ${agency}` },
      );
      expect(view.agency).toBe(agency);
      expect(view.released).toEqual([
        expect.objectContaining({
          assessmentId,
          title: 'Diversion risk assessment',
          classification: 'SECRET//ORCON/NOFORN',
          content: CONTENT,
        }),
      ]);
      expect(view.withheld).toEqual([]);
    }

    const detail = await waitFor(
      async () => {
        const res = await request
          .agent(coordinator.getHttpServer())
          .set(authHeader())
          .get(`/consultations/${consultationId}`);
        const body = res.body as { assessments?: { assessmentId: string }[] };
        return (body.assessments ?? []).length > 0 && (res.body as Record<string, unknown>);
      },
      { description: "the assessment on the coordinator's detail" },
    );
    expect(detail.assessments).toEqual([
      expect.objectContaining({
        assessmentId,
        title: 'Diversion risk assessment',
        classification: 'SECRET//ORCON/NOFORN',
        originator: 'cia',
        orcon: true,
        approvedRecipients: ['state-pm', 'nsc'],
      }),
    ]);
    expect(JSON.stringify(detail)).not.toContain('ASSESSMENT-CONTENT-MARKER');

    const atDod = await assessmentsAt(dod, 'dod');
    expect(atDod.released).toEqual([]);
    // Listed as withheld with its id and marking: not its title (ORCON, not released to DoD).
    expect(atDod.withheld).toEqual([
      {
        assessmentId,
        classification: 'SECRET//ORCON/NOFORN',
        originator: 'cia',
        sharedAt: expect.any(String) as string,
        reason: 'not-released',
      },
    ]);
    expect(JSON.stringify(atDod)).not.toContain('ASSESSMENT-CONTENT-MARKER');
    expect(JSON.stringify(atDod)).not.toContain('Diversion risk assessment');

    // An NSC adapter instance accredited only to CONFIDENTIAL (same bucket, same releases):
    // the SECRET assessment released to NSC is withheld there, title and content.
    const nscLow = await startHttpService(
      AgencyAdapterModule.forRoot({
        agency: 'nsc',
        httpPort: 0,
        env: { ...adapterEnvOf(), AGENCY_CLEARANCE: 'CONFIDENTIAL' },
      }),
      'NSC adapter (CONFIDENTIAL)',
    );
    apps.push(nscLow);
    const atNscLow = await assessmentsAt(nscLow, 'nsc');
    expect(atNscLow.released).toEqual([]);
    expect(atNscLow.withheld).toEqual([
      expect.objectContaining({ assessmentId, reason: 'above-clearance' }),
    ]);
    expect(JSON.stringify(atNscLow)).not.toMatch(/ASSESSMENT-CONTENT-MARKER|Diversion risk/);
  });

  it('refuses an ORCON assessment with no approved recipient (422: a release rule, not the request’s shape)', async () => {
    const res = await request(cia.getHttpServer())
      .post('/assessments')
      .set(asAgency('cia'))
      .send({
        consultationId,
        title: 'Unreleasable assessment',
        classification: 'SECRET//ORCON',
        orcon: true,
        noforn: false,
        approvedRecipients: [],
        content: 'Nobody may read this.',
      })
      .expect(422);
    expect(JSON.stringify(res.body)).toMatch(/approvedRecipients/);
  });

  it('refuses an assessment on a consultation the coordinator does not have (404)', async () => {
    await request(cia.getHttpServer())
      .post('/assessments')
      .set(asAgency('cia'))
      .send({
        consultationId: '2b0c7a8e-1f3d-4e5a-9b6c-7d8e9f0a1b2c',
        title: 'Orphan assessment',
        classification: 'SECRET',
        orcon: false,
        noforn: false,
        approvedRecipients: [],
        content: 'x',
      })
      .expect(404);
  });
});
