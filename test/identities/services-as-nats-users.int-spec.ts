/*
 * Every service boots on a FRESH nats-server with authorization on, as its
 * own NATS user (ADR 6), exactly as `npm start` and compose run them: the
 * coordinator creates the streams, each adapter creates its durable consumer
 * and its KV bucket within its permissions, and a consultation then travels
 * through all of them. (A stack that reused consumers created before users
 * were switched on once hid an adapter that could not create its own.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { AckPolicy, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import {
  authHeader,
  mongoUrl,
  OwnNats,
  startHttpService,
  startOwnNats,
  testEnv,
  urlOf,
  waitFor,
} from '@icb/testing';
import { VerdictListener } from '@icb/agency-adapter';
import { CiaAdapterModule } from '../../apps/cia-adapter/src/app.module';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../apps/coordinator/src/coordinator.api';
import { DodAdapterModule } from '../../apps/dod-adapter/src/app.module';
import { NscAdapterModule } from '../../apps/nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../../apps/state-pm-adapter/src/app.module';
import { TreasuryAdapterModule } from '../../apps/treasury-adapter/src/app.module';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const auth = require('../../scripts/lib/nats-auth.js') as {
  generateAuthConfig(opts: { passwords: Record<string, string> }): string;
  generatePasswords(): Record<string, string>;
  credentialsFor(user: string, passwords: Record<string, string>): Record<string, string>;
};

describe('every service as its own NATS user, on a fresh server', () => {
  let dataDir: string;
  let server: OwnNats | undefined;
  const apps: NestExpressApplication[] = [];
  let coordinator: NestExpressApplication;
  const adapter: Record<string, NestExpressApplication> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-identities-'));
    const passwords = auth.generatePasswords();
    // A server of this test's own: the global one has no users.
    const own = await startOwnNats({
      dataDir,
      extraConfig: auth.generateAuthConfig({ passwords }),
    });
    server = own;
    // The generated permissions are for the `icb` namespace; the server is ours alone.
    const env = testEnv({
      NATS_URL: own.url,
      MONGO_URL: mongoUrl(),
      BUS_NAMESPACE: 'icb',
      CLOCK_TICK_MS: '0',
    });
    const as = (user: string) => ({ ...env, ...auth.credentialsFor(user, passwords) });
    coordinator = await startHttpService(
      CoordinatorModule.forRoot({ env: as('coordinator') }),
      COORDINATOR_API.title,
    );
    apps.push(coordinator);
    const forAdapter = (user: string) => ({ ...as(user), COORDINATOR_URL: urlOf(coordinator) });
    adapter['state-pm'] = await startHttpService(
      StatePmAdapterModule.forRoot({ env: forAdapter('state-pm-adapter'), httpPort: 0 }),
      'State/PM',
    );
    adapter.dod = await startHttpService(
      DodAdapterModule.forRoot({ env: forAdapter('dod-adapter'), httpPort: 0 }),
      'DoD',
    );
    adapter.nsc = await startHttpService(
      NscAdapterModule.forRoot({ env: forAdapter('nsc-adapter'), httpPort: 0 }),
      'NSC',
    );
    adapter.cia = await startHttpService(
      CiaAdapterModule.forRoot({ env: forAdapter('cia-adapter'), httpPort: 0 }),
      'CIA',
    );
    adapter.treasury = await startHttpService(
      TreasuryAdapterModule.forRoot({ env: forAdapter('treasury-adapter') }),
      'Treasury',
    );
    apps.push(...Object.values(adapter));
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots every service, and a consultation reaches each agency through its own consumer', async () => {
    for (const app of apps) {
      const health = await request(app.getHttpServer()).get('/health');
      expect({ status: health.status, body: health.body as unknown }).toMatchObject({
        status: 200,
      });
    }

    const filed = await request(adapter['state-pm'].getHttpServer())
      .post('/requests/fms')
      .send({
        lorNumber: 'SR-D-QAD',
        purchaser: { country: 'SAU', name: 'Ministry of Defense of Saudi Arabia' },
        articles: [
          {
            description: 'PAC-3 MSE interceptors',
            quantity: 20,
            usmlCategory: 'IV',
            mde: true,
            valueUsd: 120_000_000,
          },
        ],
        services: [{ description: 'Training and support', valueUsd: 20_000_000 }],
        endUser: { name: 'Royal Saudi Air Defense Forces', country: 'SAU' },
        summary: 'Letter of Request for 20 PAC-3 MSE interceptors with training.',
      })
      // 201: the coordinator's verdict reached State/PM on its own verdict subject.
      .expect(201);
    const id = (filed.body as { consultationId: string }).consultationId;

    // Review requests, addressed to each agency, reach its adapter's consumer.
    for (const agency of ['dod', 'nsc', 'cia'] as const) {
      await waitFor(
        async () =>
          (await request(adapter[agency].getHttpServer()).get(`/reviews/${id}`)).status === 200,
        { description: `the review in ${agency}'s adapter` },
      );
    }
    // Treasury screens by itself and answers on the bus as Treasury.
    await waitFor(
      async () => {
        const res = await request(coordinator.getHttpServer())
          .get(`/consultations/${id}`)
          .set(authHeader());
        const signOffs = (res.body as { signOffs?: { agency: string }[] }).signOffs ?? [];
        return signOffs.some((s) => s.agency === 'treasury');
      },
      { description: "Treasury's screening answer at the coordinator" },
    );
    // CIA releases an assessment to NSC alone: it lands in NSC's KV bucket.
    await request(adapter.cia.getHttpServer())
      .post('/assessments')
      .send({
        consultationId: id,
        title: 'End-use risk',
        classification: 'SECRET//ORCON/NOFORN',
        orcon: true,
        noforn: true,
        approvedRecipients: ['nsc'],
        content: 'Low diversion risk.',
      })
      .expect(201);
    const nscView = await waitFor(
      async () => {
        const res = await request(adapter.nsc.getHttpServer()).get(`/reviews/${id}/assessments`);
        const body = res.body as { released?: { content: string }[] };
        return (body.released?.length ?? 0) > 0 && body;
      },
      { description: 'the assessment released to NSC' },
    );
    expect(nscView.released?.[0].content).toBe('Low diversion risk.');
    // A DoD sign-off through its adapter is accepted (published as DoD, within its permissions),
    // and the coordinator's verdict comes back on DoD's own verdict subject (ADR 11).
    const signedOff = await request(adapter.dod.getHttpServer())
      .post(`/reviews/${id}/sign-off`)
      .send({ decision: 'concur', officer: { name: 'J. Smith', title: 'DSCA' } })
      .expect(200);
    expect((signedOff.body as { verdict: { outcome: string } }).verdict.outcome).toBe('accepted');
    // Heard on the bus, not read back over HTTP: DoD may subscribe to its own verdicts.
    expect(adapter.dod.get(VerdictListener).delivered).toBeGreaterThan(0);
    await waitFor(
      async () => {
        const res = await request(coordinator.getHttpServer())
          .get(`/consultations/${id}`)
          .set(authHeader());
        return ((res.body as { signOffs?: { agency: string }[] }).signOffs ?? []).some(
          (s) => s.agency === 'dod',
        );
      },
      { description: "DoD's sign-off at the coordinator" },
    );
  });
});

describe('an adapter consumer created before NATS users were switched on', () => {
  it('is moved to its one covering filter by the adapter itself, within its permissions', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-identities-upgrade-'));
    const apps: NestExpressApplication[] = [];
    let server: OwnNats | undefined;
    try {
      // Before: no users; DoD's durable has one filter per handled message.
      server = await startOwnNats({ dataDir });
      const port = Number(new URL(server.url).port);
      const nc = await connect({ servers: server.url });
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({
        name: 'ICB_EVENTS',
        subjects: ['icb.evt.>'],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
      });
      await jsm.consumers.add('ICB_EVENTS', {
        durable_name: 'dod-adapter',
        filter_subjects: [
          'icb.evt.coordinator.review.requested.v1.dod',
          'icb.evt.cia.intel.assessment-released.v1.dod',
        ],
        ack_policy: AckPolicy.Explicit,
      });
      await nc.close();
      await server.stop();

      // After: the same data, users on.
      const passwords = auth.generatePasswords();
      server = await startOwnNats({
        dataDir,
        port,
        extraConfig: auth.generateAuthConfig({ passwords }),
      });
      const env = testEnv({
        NATS_URL: server.url,
        MONGO_URL: mongoUrl(),
        BUS_NAMESPACE: 'icb',
        CLOCK_TICK_MS: '0',
      });
      const as = (user: string) => ({ ...env, ...auth.credentialsFor(user, passwords) });
      const coordinator = await startHttpService(
        CoordinatorModule.forRoot({ env: as('coordinator') }),
        COORDINATOR_API.title,
      );
      apps.push(coordinator);
      apps.push(
        await startHttpService(
          DodAdapterModule.forRoot({
            env: { ...as('dod-adapter'), COORDINATOR_URL: urlOf(coordinator) },
            httpPort: 0,
          }),
          'DoD',
        ),
      );
      const creds = auth.credentialsFor('operator', passwords);
      const operator = await connect({
        servers: server.url,
        user: creds.NATS_USER,
        pass: creds.NATS_PASSWORD,
        inboxPrefix: creds.NATS_INBOX_PREFIX,
      });
      try {
        const info = await (
          await jetstreamManager(operator)
        ).consumers.info('ICB_EVENTS', 'dod-adapter');
        expect(info.config.filter_subject).toBe('icb.evt.*.*.*.v1.dod');
        expect(info.config.filter_subjects ?? []).toEqual([]);
      } finally {
        await operator.close();
      }
    } finally {
      for (const app of apps.reverse()) await app.close();
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
