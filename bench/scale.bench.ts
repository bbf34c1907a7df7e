import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { Agency } from '@icb/contracts';
import { configureService } from '@icb/runtime';
import { TestBus, testAgencyKeys, testOperators, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../apps/coordinator/src/app.module';
import { AuditService } from '../apps/coordinator/src/read/audit/audit.service';
import { ConsultationsService } from '../apps/coordinator/src/write/consultations/consultations.service';
import { CLEARERS, opening, seedConsultations, signOff } from './seed';
import { LatencySummary, pipelined, summarize } from './stats';

export interface ScaleResult {
  stored: number;
  seedSeconds: number;
  bootSeconds: number;
  signOffs: number;
  perSecond: number;
  latency: LatencySummary;
  reads: { name: string; latency: LatencySummary }[];
  overload?: OverloadResult;
}

export interface OverloadResult {
  seconds: number;
  offeredPerSecond: number;
  published: number;
  acknowledged: number;
  publishFailures: number;
  applied: number;
  lost: number;
  deadLettered: number;
  redelivered: number;
  chainsVerified: number;
  chainsBroken: number;
  drainSeconds: number;
}

export interface ScaleOptions {
  /** Consultations whose four sign-offs are the throughput measurement. */
  signOffConsultations: number;
  latencySamples: number;
  readSamples: number;
  /** Overload after the measurements: seconds at twice the measured rate (0: none). */
  overloadSeconds: number;
  log: (line: string) => void;
}

function coordinatorEnv(natsUrl: string, mongoUrl: string, namespace: string) {
  const db = new URL(mongoUrl);
  db.pathname = `/bench_${namespace}`;
  return {
    NATS_URL: natsUrl,
    MONGO_URL: db.toString(),
    BUS_NAMESPACE: namespace,
    CLOCK_TICK_MS: '0',
    LOG_LEVEL: 'error',
    HTTP_HOST: '127.0.0.1',
    OPERATORS: testOperators().accountsJson,
    SESSION_SECRET: testOperators().sessionSecret,
    // The agencies' public keys: every sign-off is verified (ADR 15).
    AGENCY_KEYS: JSON.stringify(testAgencyKeys().registry),
  };
}

async function startCoordinator(env: Record<string, string>): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(CoordinatorModule.forRoot({ env }), {
    logger: ['error'],
    bufferLogs: true,
  });
  configureService(app, { title: 'Coordinator', description: 'benchmark' });
  await app.listen(0, '127.0.0.1');
  await app.startAllMicroservices();
  return app;
}

/** The operators' reads a desk makes all day, every documented filter, sort and page. */
function readQueries(ids: string[], stored: number): { name: string; path: () => string }[] {
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  return [
    { name: 'GET /consultations', path: () => '/consultations' },
    { name: '  ?status=in-review', path: () => '/consultations?status=in-review' },
    {
      name: '  ?status=withdrawn&sort=openedAt',
      path: () => '/consultations?status=withdrawn&sort=openedAt',
    },
    { name: '  ?kind=fms-case&order=asc', path: () => '/consultations?kind=fms-case&order=asc' },
    {
      name: '  ?precedence=ROUTINE&sort=precedence',
      path: () => '/consultations?precedence=ROUTINE&sort=precedence',
    },
    {
      name: '  ?pendingAgency=dod&sort=nextDueAt',
      path: () => '/consultations?pendingAgency=dod&sort=nextDueAt',
    },
    { name: '  ?overdue=true', path: () => '/consultations?overdue=true' },
    { name: '  ?q=<text>', path: () => '/consultations?q=interceptor' },
    {
      name: '  ?offset=<last page>',
      path: () => `/consultations?offset=${Math.min(100_000, Math.max(0, stored - 50))}&limit=50`,
    },
    { name: 'GET /agencies/dod/queue', path: () => '/agencies/dod/queue' },
    { name: 'GET /consultations/{id}', path: () => `/consultations/${pick()}` },
    { name: 'GET /stats', path: () => '/stats' },
  ];
}

/**
 * The coordinator with `stored` consultations in its database: seeded, then
 * restarted (the read model loads), then sign-off throughput on consultations
 * it has never touched (none in its memory), one sign-off's latency with no
 * other load, and the operators' reads over HTTP.
 */
export async function benchAtScale(
  natsUrl: string,
  mongoUrl: string,
  stored: number,
  opts: ScaleOptions,
): Promise<ScaleResult> {
  const namespace = `s${randomUUID().slice(0, 8)}`;
  const env = coordinatorEnv(natsUrl, mongoUrl, namespace);
  const open = Math.min(stored, opts.signOffConsultations);

  const seedStart = process.hrtime.bigint();
  let app = await startCoordinator(env);
  let openIds: string[];
  try {
    let next = 10_000;
    openIds = await seedConsultations(app, stored, open, (done) => {
      if (done >= next) {
        opts.log(`    seeded ${done}`);
        next += 10_000;
      }
    });
  } finally {
    await app.close();
  }
  const seedSeconds = Number(process.hrtime.bigint() - seedStart) / 1e9;

  const bootStart = process.hrtime.bigint();
  app = await startCoordinator(env);
  const bootSeconds = Number(process.hrtime.bigint() - bootStart) / 1e9;
  const bus = await TestBus.connect(natsUrl, namespace);
  try {
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const cleared = (id: string) =>
      bus
        .of('consultation.status-changed', id)
        .some((e) => (e.data as { to: string }).to !== 'in-review');

    // Throughput: every clearer signs every open consultation (never read by this process).
    const total = open * CLEARERS.length;
    const start = process.hrtime.bigint();
    await pipelined(total, 64, (i) =>
      bus.publishAs(
        CLEARERS[i % CLEARERS.length],
        'signoff.submitted',
        signOff(openIds[Math.floor(i / CLEARERS.length)], CLEARERS[i % CLEARERS.length]),
      ),
    );
    // Only those not seen cleared yet are looked at again (the bench shares the coordinator's CPU).
    const waiting = new Set(openIds);
    await waitFor(
      () => {
        for (const id of waiting) if (cleared(id)) waiting.delete(id);
        return waiting.size === 0;
      },
      {
        timeoutMs: 600_000,
        intervalMs: 10,
        description: 'every consultation to clear',
      },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    // Latency: one consultation with one clearer, one sign-off at a time.
    const samples: number[] = [];
    for (let i = 0; i < opts.latencySamples; i++) {
      const o = opening(['dod']);
      await bus.publishAs('state-pm', 'consultation.opened', o);
      await waitFor(() => bus.of('review.requested', o.consultationId).length === 1, {
        intervalMs: 1,
      });
      const t0 = process.hrtime.bigint();
      await bus.publishAs('dod', 'signoff.submitted', signOff(o.consultationId, 'dod'));
      await waitFor(() => cleared(o.consultationId), { intervalMs: 1 });
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }

    // Reads, signed in as an officer (a session token: no password hash per request).
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(testOperators().officer),
    });
    const { token } = (await login.json()) as { token: string };
    const reads: { name: string; latency: LatencySummary }[] = [];
    for (const q of readQueries(openIds, stored + opts.latencySamples)) {
      const times: number[] = [];
      for (let i = 0; i < opts.readSamples + 2; i++) {
        const t0 = process.hrtime.bigint();
        const res = await fetch(base + q.path(), { headers: { authorization: `Bearer ${token}` } });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${q.path()} answered ${res.status}: ${body}`);
        // The first two are warm-up.
        if (i >= 2) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      reads.push({ name: q.name, latency: summarize(times) });
    }

    const result: ScaleResult = {
      stored,
      seedSeconds,
      bootSeconds,
      signOffs: total,
      perSecond: total / seconds,
      latency: summarize(samples),
      reads,
    };
    if (opts.overloadSeconds > 0) {
      result.overload = await overload(app, bus, natsUrl, namespace, {
        perSecond: 2 * result.perSecond,
        seconds: opts.overloadSeconds,
        log: opts.log,
      });
    }
    return result;
  } finally {
    await bus.close();
    await app.close();
  }
}

/**
 * Twice the sustained rate for a bounded time: openings, each followed by
 * its four sign-offs, published at a steady pace whatever the coordinator
 * keeps up with. Then wait for the backlog to drain and count, Jepsen's way:
 * every sign-off JetStream acknowledged must be in its consultation.
 */
async function overload(
  app: NestExpressApplication,
  bus: TestBus,
  natsUrl: string,
  namespace: string,
  opts: { perSecond: number; seconds: number; log: (line: string) => void },
): Promise<OverloadResult> {
  const acked = new Map<string, Set<Agency>>();
  let published = 0;
  let acknowledged = 0;
  let publishFailures = 0;
  let outstanding = 0;
  const plan = (i: number): { id: string; agency?: Agency } => {
    const unit = Math.floor(i / 5);
    const step = i % 5;
    return step === 0 ? { id: `unit-${unit}` } : { id: `unit-${unit}`, agency: CLEARERS[step - 1] };
  };
  const ids = new Map<string, string>();
  const send = async (i: number) => {
    const p = plan(i);
    published++;
    outstanding++;
    try {
      if (!p.agency) {
        const o = opening();
        ids.set(p.id, o.consultationId);
        await bus.publishAs('state-pm', 'consultation.opened', o);
        acked.set(o.consultationId, new Set());
      } else {
        const id = ids.get(p.id)!;
        await bus.publishAs(p.agency, 'signoff.submitted', signOff(id, p.agency));
        acked.get(id)?.add(p.agency);
      }
      acknowledged++;
    } catch {
      publishFailures++;
    } finally {
      outstanding--;
    }
  };

  const start = Date.now();
  let sent = 0;
  while (Date.now() - start < opts.seconds * 1000) {
    const due = Math.floor(((Date.now() - start) / 1000) * opts.perSecond);
    while (sent < due && outstanding < 512) void send(sent++);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await waitFor(() => outstanding === 0, { timeoutMs: 60_000, description: 'publish acks' });
  const offeredPerSecond = sent / opts.seconds;
  opts.log(`    offered ${sent} messages in ${opts.seconds} s; draining`);

  const nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  const stream = `${namespace.toUpperCase()}_EVENTS`;
  const drainStart = Date.now();
  try {
    const info = await waitFor(
      async () => {
        const i = await jsm.consumers.info(stream, 'coordinator');
        return i.num_pending + i.num_ack_pending === 0 ? i : undefined;
      },
      { timeoutMs: 1_800_000, intervalMs: 200, description: 'the backlog to drain' },
    );
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const dlq = await jsm.streams.info(`${namespace.toUpperCase()}_DLQ`);
    const service = app.get(ConsultationsService);
    const audit = app.get(AuditService);
    let applied = 0;
    let lost = 0;
    let chainsVerified = 0;
    let chainsBroken = 0;
    for (const [id, agencies] of acked) {
      const c = await service.get(id);
      const signed = new Set((c?.signOffs ?? []).map((s) => s.agency));
      if (!c) lost += 1 + agencies.size;
      else
        for (const a of agencies) {
          if (signed.has(a)) applied++;
          else lost++;
        }
      if (c) {
        const verdict = await audit.verify(id);
        if (verdict?.ok) chainsVerified++;
        else chainsBroken++;
      }
    }
    return {
      seconds: opts.seconds,
      offeredPerSecond,
      published,
      acknowledged,
      publishFailures,
      applied,
      lost,
      deadLettered: dlq.state.messages,
      redelivered: info.num_redelivered,
      chainsVerified,
      chainsBroken,
      drainSeconds,
    };
  } finally {
    await nc.close();
  }
}
