import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModule } from '@nestjs/testing';
import request from 'supertest';
import type { ConsultationOpenedV1, MessageName, Party, PayloadOf } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import {
  jetStreamMicroservice,
  NatsConnectionProvider,
  startJetStreamMicroservice,
  SubjectSpace,
} from '@icb/messaging';
import { configureService } from '@icb/runtime';
import { authHeader, TestBus, testEnv, waitFor } from '@icb/testing';
import { COORDINATOR_SERVICE, CoordinatorModule, CoordinatorOptions } from '../src/app.module';
import { AuditService } from '../src/read/audit/audit.service';
import { Clock, FakeClock } from '../src/time/clock';
import { ClockScheduler } from '../src/write/clocks/clock-scheduler';
import type { Consultation } from '../src/write/consultations/consultation.model';
import { ConsultationsService } from '../src/write/consultations/consultations.service';
import { COORDINATOR_API } from '../src/coordinator.api';

export interface Harness {
  env: Record<string, string>;
  app: TestingModule;
  clock: FakeClock;
  bus: TestBus;
  service: ConsultationsService;
  scheduler: ClockScheduler;
  /** With `api: true`: the HTTP server of the REST API (not listening; for supertest). */
  http?: NestExpressApplication;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  clock?: FakeClock;
  bus?: TestBus;
  /** Consumer settings over the harness's own (short backoffs, a 2 s ack wait). */
  messaging?: CoordinatorOptions['messaging'];
  /** Also build the REST API as `npm start` serves it (`http`). */
  api?: boolean;
}

/** Boots a coordinator on the test servers with a fake clock and no timer (tests tick by hand). */
export async function startCoordinator(opts: StartOptions = {}): Promise<Harness> {
  const env = opts.env ?? testEnv({ CLOCK_TICK_MS: '0' });
  const clock = opts.clock ?? new FakeClock('2026-03-02T14:00:00.000Z');
  const app = await Test.createTestingModule({
    imports: [
      CoordinatorModule.forRoot({
        env,
        messaging: { backoffMs: [50, 100, 200], ackWaitMs: 2_000, ...opts.messaging },
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  let http: NestExpressApplication | undefined;
  let bare: INestMicroservice | undefined;
  // The bus as the service runs it: a Nest microservice (JetStreamServer, ADR 22).
  if (opts.api) {
    http = app.createNestApplication<NestExpressApplication>({ logger: ['error'] });
    try {
      configureService(http, COORDINATOR_API);
      await http.init();
      await http.startAllMicroservices();
    } catch (error) {
      await http.close();
      throw error;
    }
  } else {
    bare = await startJetStreamMicroservice(app.createNestMicroservice(jetStreamMicroservice()));
  }
  const bus = opts.bus ?? (await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE));
  return {
    env,
    app,
    clock,
    bus,
    service: app.get(ConsultationsService),
    scheduler: app.get(ClockScheduler),
    http,
    async close() {
      if (!opts.bus) await bus.close();
      await (http ?? bare ?? app).close();
    },
  };
}

/** Where the coordinators' shared durable consumer stands, from JetStream's consumer info. */
export interface ConsumerState {
  /** Matching messages not yet delivered. */
  pending: number;
  /** Delivered and neither acked nor terminated yet. */
  ackPending: number;
  /** Of those, redelivered at least once. */
  redelivered: number;
  /** Deliveries made, first deliveries and redeliveries alike (the consumer sequence). */
  deliveries: number;
}

export async function consumerState(h: Harness): Promise<ConsumerState> {
  const stream = new SubjectSpace(h.env.BUS_NAMESPACE).eventsStream;
  const info = await h.app
    .get(NatsConnectionProvider)
    .manager.consumers.info(stream, COORDINATOR_SERVICE);
  return {
    pending: info.num_pending,
    ackPending: info.num_ack_pending,
    redelivered: info.num_redelivered,
    deliveries: info.delivered.consumer_seq,
  };
}

/** One publish of a test's load, as the publisher saw it. */
export interface Sent {
  consultationId: string;
  name: MessageName;
  party: Party;
  /** The envelope id (empty when the publish failed). */
  id: string;
  /** JetStream acknowledged the publish: the bus holds it, so the coordinator owes it an effect. */
  acked: boolean;
}

/**
 * Every publish of a test's load, counted as Jepsen counts operations: a
 * publish JetStream acknowledged must have its effect; one that failed or
 * timed out may or may not, and is not asserted on.
 */
export class PublishLedger {
  readonly sent: Sent[] = [];
  private readonly answers: Promise<void>[] = [];

  constructor(private readonly bus: TestBus) {}

  /** Publishes without waiting for the answer (see `settled`); never throws. */
  publish<N extends MessageName>(
    party: Party,
    name: N,
    payload: PayloadOf<N> & { consultationId: string },
  ): Promise<void> {
    const { consultationId } = payload;
    const answer = this.bus.publishAs(party, name, payload).then(
      (e) => void this.sent.push({ consultationId, name, party, id: e.id, acked: true }),
      () => void this.sent.push({ consultationId, name, party, id: '', acked: false }),
    );
    this.answers.push(answer);
    return answer;
  }

  /** Once every publish so far has been answered. */
  async settled(): Promise<void> {
    await Promise.all(this.answers);
  }

  acked(): Sent[] {
    return this.sent.filter((s) => s.acked);
  }
}

/** What an instance's consumer did with its deliveries, from its `/metrics` (Prometheus counters). */
export interface DeliveryCounts {
  /** Deliveries received, first deliveries and redeliveries alike. */
  consumed: number;
  acked: number;
  /** Negatively acknowledged, to be redelivered later. */
  nakd: number;
  deadLettered: number;
}

export async function deliveryCounts(h: Harness): Promise<DeliveryCounts> {
  const res = await request(h.http!.getHttpServer()).get('/metrics').set(authHeader()).expect(200);
  const text = res.text;
  const total = (metric: string) =>
    text
      .split('\n')
      .filter(
        (line) =>
          line.startsWith(`${metric}{`) && line.includes(`consumer="${COORDINATOR_SERVICE}"`),
      )
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return {
    consumed: total('icb_messages_consumed_total'),
    acked: total('icb_messages_acked_total'),
    nakd: total('icb_messages_nakd_total'),
    deadLettered: total('icb_messages_dead_lettered_total'),
  };
}

/**
 * Waits until the load is processed: JetStream has nothing left to deliver
 * and nothing delivered unsettled, and no instance still works on a delivery
 * (every delivery it received was acked, nak'd or dead-lettered; a message
 * JetStream stopped redelivering after its last allowed delivery may still be
 * in an instance's hands). The instances need `api: true`.
 */
export async function waitUntilSettled(
  instances: Harness[],
  opts: { timeoutMs: number; intervalMs?: number },
): Promise<{ consumer: ConsumerState; deliveries: DeliveryCounts }> {
  let last: { consumer: ConsumerState; deliveries: DeliveryCounts } | undefined;
  return waitFor(
    async () => {
      const consumer = await consumerState(instances[0]);
      const each = await Promise.all(instances.map(deliveryCounts));
      const deliveries = each.reduce((sum, d) => ({
        consumed: sum.consumed + d.consumed,
        acked: sum.acked + d.acked,
        nakd: sum.nakd + d.nakd,
        deadLettered: sum.deadLettered + d.deadLettered,
      }));
      last = { consumer, deliveries };
      const working =
        deliveries.consumed - deliveries.acked - deliveries.nakd - deliveries.deadLettered;
      return consumer.pending === 0 && consumer.ackPending === 0 && working === 0 && last;
    },
    {
      timeoutMs: opts.timeoutMs,
      intervalMs: opts.intervalMs ?? 250,
      description: 'the load to be processed',
    },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; ${JSON.stringify(last)}`);
  });
}

/** What a load left in the consultations, read back through the coordinators' REST API and audit. */
export interface AppliedCounts {
  acknowledged: number;
  /** Acknowledged messages found exactly once (on the timeline; a sign-off also among the sign-offs). */
  applied: number;
  missing: number;
  duplicated: number;
  signOffsAcknowledged: number;
  signOffsMissing: number;
  signOffsDuplicated: number;
  /** Every clearer's sign-off was acknowledged, and the consultation still waits in review. */
  stuckInReview: number;
  /** The audit chain does not verify, or does not end where the consultation says it does. */
  chainsNotVerifying: number;
}

interface DetailView extends Consultation {
  timeline: { seq: number; eventId: string; type: string }[];
}

/**
 * Reads every consultation the ledger touched, the detail through one
 * instance's REST API and the audit through the next, and checks each
 * acknowledged publish against it. The instances need `api: true`.
 */
/**
 * Jepsen's verdict: every message JetStream acknowledged is applied exactly
 * once, no consultation is stuck, every audit chain verifies, nothing was
 * dead-lettered.
 */
export function expectNothingLost(counts: AppliedCounts, deadLettered: number): void {
  expect({ ...counts, deadLettered }).toEqual({
    ...counts,
    applied: counts.acknowledged,
    missing: 0,
    duplicated: 0,
    signOffsMissing: 0,
    signOffsDuplicated: 0,
    stuckInReview: 0,
    chainsNotVerifying: 0,
    deadLettered: 0,
  });
}

export async function checkApplied(
  instances: Harness[],
  ledger: PublishLedger,
): Promise<{ counts: AppliedCounts; problems: string[] }> {
  const acked = ledger.acked();
  const counts: AppliedCounts = {
    acknowledged: acked.length,
    applied: 0,
    missing: 0,
    duplicated: 0,
    signOffsAcknowledged: acked.filter((s) => s.name === 'signoff.submitted').length,
    signOffsMissing: 0,
    signOffsDuplicated: 0,
    stuckInReview: 0,
    chainsNotVerifying: 0,
  };
  const problems: string[] = [];
  const byConsultation = new Map<string, Sent[]>();
  for (const s of acked) {
    byConsultation.set(s.consultationId, [...(byConsultation.get(s.consultationId) ?? []), s]);
  }
  const check = async (id: string, sent: Sent[], n: number) => {
    const reader = instances[n % instances.length];
    const auditor = instances[(n + 1) % instances.length];
    const res = await request(reader.http!.getHttpServer())
      .get(`/consultations/${id}`)
      .set(authHeader());
    const detail = res.status === 200 ? (res.body as DetailView) : undefined;
    if (!detail) problems.push(`${id}: GET /consultations/${id} answered ${res.status}`);
    for (const s of sent) {
      const logged =
        detail?.timeline.filter((e) => e.eventId === s.id && e.type === s.name).length ?? 0;
      const signOff = s.name === 'signoff.submitted';
      const recorded = signOff
        ? (detail?.signOffs.filter((r) => r.eventId === s.id).length ?? 0)
        : 1;
      const what = `${id}: ${s.name} from ${s.party} (${s.id})`;
      const where = `timeline ${logged}${signOff ? `, sign-offs ${recorded}` : ''}`;
      if (logged === 0 || recorded === 0) {
        counts.missing++;
        problems.push(`${what} is not applied (${where})`);
      } else if (logged > 1 || recorded > 1) {
        counts.duplicated++;
        problems.push(`${what} is applied more than once (${where})`);
      } else {
        counts.applied++;
      }
      if (signOff && recorded === 0) counts.signOffsMissing++;
      if (signOff && recorded > 1) counts.signOffsDuplicated++;
    }
    const signed = new Set(sent.filter((s) => s.name === 'signoff.submitted').map((s) => s.party));
    if (detail?.status === 'in-review' && detail.clearers.every((a) => signed.has(a))) {
      counts.stuckInReview++;
      problems.push(
        `${id}: still in review at version ${detail.version}, waiting for ${detail.pendingAgencies.join(', ')}`,
      );
    }
    const verified = await auditOf(auditor).verify(id);
    if (!verified?.ok) {
      counts.chainsNotVerifying++;
      problems.push(`${id}: audit ${JSON.stringify(verified)}`);
    }
  };
  // A few at a time: on FerretDB each read of a log scans the whole collection.
  const queue = [...byConsultation.entries()].map(([id, sent], n) => ({ id, sent, n }));
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await check(next.id, next.sent, next.n);
      }
    }),
  );
  return { counts, problems };
}

export function auditOf(h: Harness): AuditService {
  return h.app.get(AuditService);
}

/** An FMS case: by default $120M of major defense equipment for a country outside NATO+5. */
export function anFmsCase(
  overrides: Partial<ConsultationOpenedV1> = {},
): PayloadOf<'consultation.opened'> {
  const base = validPayload('consultation.opened');
  return {
    ...base,
    consultationId: randomUUID(),
    title: 'Saudi Arabia - PAC-3 MSE interceptors',
    attributes: {
      ...base.attributes,
      country: 'SAU',
      values: [
        { category: 'major-defense-equipment', amountUsd: 120_000_000 },
        { category: 'defense-articles-services', amountUsd: 20_000_000 },
      ],
      parties: [{ name: 'Ministry of Defense of Saudi Arabia', role: 'purchaser', country: 'SAU' }],
    },
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    clearingParties: undefined,
    requestedAt: undefined,
    ...overrides,
  };
}

export const officer = { name: 'A. Reviewer', title: 'Director' };
