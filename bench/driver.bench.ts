import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { MongoClient } from 'mongodb';
import type { Agency, PayloadOf } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { TestBus, testOperators, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../apps/coordinator/src/app.module';
import { LatencySummary, pipelined, summarize } from './stats';

export interface CoordinatorResult {
  signOffs: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
}

export interface DriverResult {
  writes: number;
  perSecond: number;
  latency: LatencySummary;
}

const CLEARERS: Agency[] = ['dod', 'nsc', 'cia', 'treasury'];

function opening(clearers: Agency[]): PayloadOf<'consultation.opened'> {
  return {
    ...validPayload('consultation.opened'),
    consultationId: randomUUID(),
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    clearingParties: clearers,
    requestedAt: undefined,
  };
}

function signOff(consultationId: string, agency: Agency): PayloadOf<'signoff.submitted'> {
  return {
    consultationId,
    agency,
    revision: 1,
    decision: 'concur',
    officer: { name: 'Bench Officer', title: 'Reviewer' },
    submittedAt: new Date().toISOString(),
  };
}

/**
 * The coordinator end to end: sign-offs published on JetStream as the
 * agencies would, consumed, validated, applied (version committed in the
 * database, log appended) and the resulting status event published. The
 * clock stops when every consultation's last sign-off has produced its
 * status-changed event.
 */
export async function benchCoordinator(
  natsUrl: string,
  mongoUrl: string,
  consultations: number,
  latencySamples: number,
): Promise<CoordinatorResult> {
  const namespace = `c${randomUUID().slice(0, 8).replace(/-/g, '')}`;
  const db = new URL(mongoUrl);
  db.pathname = `/bench_${namespace}`;
  const env = {
    NATS_URL: natsUrl,
    MONGO_URL: db.toString(),
    BUS_NAMESPACE: namespace,
    CLOCK_TICK_MS: '0',
    LOG_LEVEL: 'error',
    MESSAGING_MAX_IN_FLIGHT: '64',
    // The coordinator needs operator accounts to start (ADR 8); nobody signs in here.
    OPERATORS: testOperators().accountsJson,
  };
  const app = await NestFactory.createApplicationContext(CoordinatorModule.forRoot({ env }), {
    logger: ['error'],
  });
  await app.init();
  const bus = await TestBus.connect(natsUrl, namespace);
  try {
    const cleared = (id: string) =>
      bus
        .of('consultation.status-changed', id)
        .some((e) => (e.data as { to: string }).to !== 'in-review');

    // Set-up (not measured): open the consultations.
    const ids: string[] = [];
    await pipelined(consultations, 32, async () => {
      const o = opening(CLEARERS);
      ids.push(o.consultationId);
      await bus.publishAs('state-pm', 'consultation.opened', o);
    });
    await waitFor(
      () => ids.every((id) => bus.of('review.requested', id).length === CLEARERS.length),
      {
        timeoutMs: 300_000,
        description: 'every consultation to be opened',
      },
    );

    // Throughput: every clearer signs every consultation.
    const total = consultations * CLEARERS.length;
    const start = process.hrtime.bigint();
    await pipelined(total, 64, (i) =>
      bus.publishAs(
        CLEARERS[i % CLEARERS.length],
        'signoff.submitted',
        signOff(ids[Math.floor(i / CLEARERS.length)], CLEARERS[i % CLEARERS.length]),
      ),
    );
    await waitFor(() => ids.every(cleared), {
      timeoutMs: 600_000,
      intervalMs: 5,
      description: 'every consultation to clear',
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    // Latency: one consultation with one clearer, one sign-off at a time.
    const samples: number[] = [];
    for (let i = 0; i < latencySamples; i++) {
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
    return { signOffs: total, seconds, perSecond: total / seconds, latency: summarize(samples) };
  } finally {
    await bus.close();
    await app.close();
  }
}

/** The baseline: the MongoDB driver inserting documents of the same size into the same server. */
export async function benchDriverWrites(
  mongoUrl: string,
  writes: number,
  latencySamples: number,
): Promise<DriverResult> {
  const client = await MongoClient.connect(mongoUrl, { maxPoolSize: 64 });
  try {
    const col = client.db(`bench_raw_${randomUUID().slice(0, 8)}`).collection('writes');
    const doc = () => ({ _id: randomUUID() as never, body: 'x'.repeat(900), at: new Date() });
    const start = process.hrtime.bigint();
    await pipelined(writes, 64, () => col.insertOne(doc()));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const samples: number[] = [];
    for (let i = 0; i < latencySamples; i++) {
      const t0 = process.hrtime.bigint();
      await col.insertOne(doc());
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    await col.drop();
    return { writes, perSecond: writes / seconds, latency: summarize(samples) };
  } finally {
    await client.close();
  }
}
