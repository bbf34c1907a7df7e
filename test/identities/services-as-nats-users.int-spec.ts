/*
 * Every service boots on a FRESH nats-server with authorization on, as its
 * own NATS user (ADR 6), exactly as `npm start` and compose run them: the
 * coordinator creates the streams, each adapter creates its durable consumer
 * and its KV bucket within its permissions, and a consultation then travels
 * through all of them. (A stack that reused consumers created before users
 * were switched on once hid an adapter that could not create its own.)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import {
  AckPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import {
  asAgency,
  authHeader,
  mongoUrl,
  OwnNats,
  startHttpService,
  startOwnNats,
  testEnv,
  testOfficer,
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

  let passwords: Record<string, string>;
  let consultationId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-identities-'));
    passwords = auth.generatePasswords();
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
      .set(asAgency('state-pm'))
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
    consultationId = id;

    // Review requests, addressed to each agency, reach its adapter's consumer.
    for (const agency of ['dod', 'nsc', 'cia'] as const) {
      await waitFor(
        async () =>
          (
            await request(adapter[agency].getHttpServer())
              .get(`/reviews/${id}`)
              .set(asAgency(agency))
          ).status === 200,
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
      .set(asAgency('cia'))
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
        const res = await request(adapter.nsc.getHttpServer())
          .get(`/reviews/${id}/assessments`)
          .set(asAgency('nsc'));
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
      .set(asAgency('dod'))
      .send({ decision: 'concur' })
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

  it("each agency is told of the others' messages only what the need-to-know policy says, addressed to it (ADR 17)", async () => {
    expect(consultationId).toBeDefined();
    // The operator reads the stream by sequence (it may read, not consume).
    const creds = auth.credentialsFor('operator', passwords);
    const operator = await connect({
      servers: server!.url,
      user: creds.NATS_USER,
      pass: creds.NATS_PASSWORD,
      inboxPrefix: creds.NATS_INBOX_PREFIX,
    });
    try {
      const jsm = await jetstreamManager(operator);
      type Notice = { subject: string; data: Record<string, unknown>; classification: string };
      const notices = async (): Promise<Notice[]> => {
        const found: Notice[] = [];
        let seq = 1;
        for (;;) {
          const m = await jsm.streams
            .getMessage('ICB_EVENTS', {
              seq,
              next_by_subj: 'icb.evt.coordinator.notice.forwarded.v1.*',
            } as never)
            .catch(() => null);
          if (!m) return found;
          const e = m.json<{ data: Record<string, unknown>; classification: string }>();
          if (e.data.consultationId === consultationId) {
            found.push({ subject: m.subject, data: e.data, classification: e.classification });
          }
          seq = m.seq + 1;
        }
      };
      // DoD's sign-off: State/PM and the other clearers are told who and which
      // position; DoD is not told of its own; nothing of the officer.
      const ofDod = await waitFor(
        async () => {
          const all = (await notices()).filter(
            (n) => n.data.message === 'signoff.submitted' && n.data.agency === 'dod',
          );
          return all.length >= 4 && all;
        },
        { description: "the notices of DoD's sign-off" },
      );
      // The clearers here: DoD, NSC, CIA and Treasury.
      expect(ofDod.map((n) => n.subject).sort()).toEqual([
        'icb.evt.coordinator.notice.forwarded.v1.cia',
        'icb.evt.coordinator.notice.forwarded.v1.nsc',
        'icb.evt.coordinator.notice.forwarded.v1.state-pm',
        'icb.evt.coordinator.notice.forwarded.v1.treasury',
      ]);
      for (const n of ofDod) {
        expect(n.data).toMatchObject({ publisher: 'dod', decision: 'concur' });
        expect(JSON.stringify(n.data)).not.toContain(testOfficer('dod').name);
      }
      const all = await notices();
      // Treasury's screening is forwarded to nobody (not escalated).
      expect(all.filter((n) => n.data.message === 'sanctions.screening-completed')).toEqual([]);
      // Every notice is marked like the consultation.
      const consultation = await request(coordinator.getHttpServer())
        .get(`/consultations/${consultationId}`)
        .set(authHeader())
        .expect(200);
      const marking = (consultation.body as { classification: string }).classification;
      expect(new Set(all.map((n) => n.classification))).toEqual(new Set([marking]));

      // Each adapter's consumer took its notices (acked without a handler), and
      // nothing was dead-lettered.
      for (const agency of ['state-pm', 'dod', 'nsc', 'cia', 'treasury']) {
        await waitFor(
          async () => {
            const info = await jsm.consumers.info('ICB_EVENTS', `${agency}-adapter`);
            return info.num_pending === 0 && info.num_ack_pending === 0;
          },
          { description: `${agency}'s consumer to be drained` },
        );
      }
      expect((await jsm.streams.info('ICB_DLQ')).state.messages).toBe(0);
    } finally {
      await operator.close();
    }
  });

  it('replays a dead letter under the coordinator’s own identity, from the original the events stream holds', async () => {
    // DoD's identity publishes a body that is not JSON on its own subject: the
    // coordinator dead-letters it (MALFORMED_JSON).
    const dod = auth.credentialsFor('dod-adapter', passwords);
    const dodConnection = await connect({
      servers: server!.url,
      user: dod.NATS_USER,
      pass: dod.NATS_PASSWORD,
      inboxPrefix: dod.NATS_INBOX_PREFIX,
    });
    try {
      const js = jetstream(dodConnection);
      await js.publish('icb.evt.dod.signoff.submitted.v1', 'not json', { msgID: randomUUID() });
    } finally {
      await dodConnection.close();
    }
    const listed = async () =>
      (
        (
          await request(coordinator.getHttpServer())
            .get('/dead-letters')
            .set(authHeader())
            .expect(200)
        ).body as { items: { seq: number; record: { code: string; consumer: string } }[] }
      ).items;
    const first = await waitFor(
      async () =>
        (await listed()).find(
          (e) => e.record.code === 'MALFORMED_JSON' && e.record.consumer === 'coordinator',
        ),
      { description: 'the malformed message dead-lettered by the coordinator' },
    );

    // The replay reads the original from ICB_EVENTS by sequence (a permission
    // the coordinator's NATS user needs) and publishes it again; the
    // coordinator refuses it again, so a new entry takes the old one's place.
    const replayed = await request(coordinator.getHttpServer())
      .post(`/dead-letters/${first.seq}/replay`)
      .set(authHeader())
      .expect(200);
    expect((replayed.body as { subject: string }).subject).toBe('icb.evt.dod.signoff.submitted.v1');
    const again = await waitFor(
      async () =>
        (await listed()).find((e) => e.record.code === 'MALFORMED_JSON' && e.seq > first.seq),
      { description: 'the replayed message dead-lettered again' },
    );
    expect((await listed()).some((e) => e.seq === first.seq)).toBe(false);
    expect(again.record.consumer).toBe('coordinator');
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
