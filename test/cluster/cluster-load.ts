/*
 * What the cluster fault tests share: a three-server NATS cluster of the
 * test's own, coordinators on it (in-process, sharing FerretDB), a steady
 * flow of consultations and sign-offs published as the agencies publish
 * them, and Jepsen's count of what JetStream acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import type { Agency, MessageName, Party, PayloadOf } from '@icb/contracts';
import { DeadLetterService, NatsConnectionProvider, SubjectSpace } from '@icb/messaging';
import {
  OwnClusterNode,
  OwnNatsCluster,
  scriptsLib,
  startOwnNatsCluster,
  TestBus,
  testEnv,
} from '@icb/testing';
import { signInStreamConfig } from '../../apps/coordinator/src/auth/failed-sign-ins';
import { FakeClock } from '../../apps/coordinator/src/time/clock';
import {
  anFmsCase,
  checkApplied,
  type AppliedCounts,
  type Harness,
  officer,
  PublishLedger,
  startCoordinator,
  waitUntilSettled,
} from '../../apps/coordinator/test/harness';

const ROOT = resolve(__dirname, '..', '..');
const CLEARERS: Agency[] = ['dod', 'nsc'];
/** A consultation opens every … ms; its clearers sign off SIGN_OFF_AFTER_MS after JetStream acknowledged the opening. */
const OPEN_EVERY_MS = 250;
const SIGN_OFF_AFTER_MS = 1_000;

/** Real time passing, to pace the load generator; never to wait for a result. */
export const pace = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startCluster(): Promise<OwnNatsCluster & { dataDir: string }> {
  const dataDir = join(ROOT, '.local', `cluster-${process.pid}-${randomBytes(3).toString('hex')}`);
  const cluster = await startOwnNatsCluster({ dataDir });
  return { ...cluster, dataDir };
}

export async function stopCluster(cluster?: OwnNatsCluster & { dataDir: string }): Promise<void> {
  if (!cluster) return;
  await cluster.stop();
  rmSync(cluster.dataDir, { recursive: true, force: true });
}

interface NatsAuthLib {
  coordinatorViewBucketFor(namespace: string): string;
  coordinatorSignInBucketFor(namespace: string): string;
}

/**
 * Coordinators on the cluster, in one namespace and database, with NATS_URL
 * listing the three servers and NATS_REPLICAS=3. The coordinator's KV buckets
 * are created first with three replicas (the coordinator creates them with
 * its own options when missing, which do not follow NATS_REPLICAS yet).
 */
export async function startCoordinators(
  cluster: OwnNatsCluster,
  count: number,
  opts: { ackWaitMs?: number } = {},
): Promise<Harness[]> {
  const env = testEnv({ CLOCK_TICK_MS: '0', NATS_URL: cluster.url, NATS_REPLICAS: '3' });
  const auth = scriptsLib<NatsAuthLib>('nats-auth');
  const nc = await connect({ servers: cluster.urls, name: 'cluster-test-provisioning' });
  try {
    const view = auth.coordinatorViewBucketFor(env.BUS_NAMESPACE);
    await new Kvm(jetstream(nc)).create(view, {
      replicas: 3,
      history: 1,
      storage: StorageType.File,
    });
    // The sign-in table's stream exactly as the coordinator declares it, but for the replicas.
    const signIn = signInStreamConfig(auth.coordinatorSignInBucketFor(env.BUS_NAMESPACE), 10_000);
    await (await jetstreamManager(nc)).streams.add({ ...signIn, num_replicas: 3 });
  } finally {
    await nc.close();
  }
  const bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  const clock = new FakeClock('2026-03-02T14:00:00.000Z');
  // Redeliveries of a message that failed with an unknown error (a sign-off
  // overtaking the opening of its consultation: UNKNOWN_CONSULTATION) must
  // outlast the ack wait, after which JetStream redelivers an opening whose
  // delivery was lost with a server: in production 1, 2, 5, 10, 30, 60 s
  // against 30 s. Here ~25 s against 5 s (the harness's 50-200 ms would
  // dead-letter such a sign-off in 1.5 s).
  const messaging = {
    ackWaitMs: opts.ackWaitMs ?? 5_000,
    backoffMs: [500, 1_000, 2_000, 5_000],
  };
  const instances: Harness[] = [];
  for (let i = 0; i < count; i++) {
    instances.push(await startCoordinator({ env, clock, messaging, api: true, bus }));
  }
  return instances;
}

/** Closes the coordinators, then the bus they share. */
export async function closeCoordinators(instances: Harness[]): Promise<void> {
  const bus = instances[0]?.bus;
  for (const h of instances.splice(0).reverse()) await h.close();
  await bus?.close();
}

/** The events stream's replicas as JetStream reports them: the leader's server_name and the others'. */
export async function eventsStreamPeers(
  h: Harness,
): Promise<{ leader: string; followers: string[]; replicas: number }> {
  const stream = new SubjectSpace(h.env.BUS_NAMESPACE).eventsStream;
  const info = await h.app.get(NatsConnectionProvider).manager.streams.info(stream);
  return {
    leader: info.cluster?.leader ?? '',
    followers: (info.cluster?.replicas ?? []).map((r) => r.name),
    replicas: info.config.num_replicas,
  };
}

export function nodeNamed(cluster: OwnNatsCluster, name: string): OwnClusterNode {
  const node = cluster.nodes.find((n) => n.name === name);
  if (!node)
    throw new Error(`no server named ${name} in ${cluster.nodes.map((n) => n.name).join(', ')}`);
  return node;
}

/**
 * The steady flow: a consultation opens every OPEN_EVERY_MS (as State/PM
 * publishes it); once JetStream acknowledged the opening, its two clearers
 * sign off (concur) a second later. Each publish is recorded with its
 * outcome and when it was answered.
 */
export class SteadyFlow {
  readonly ledger: PublishLedger;
  /** When each publish was answered, and whether JetStream acknowledged it. */
  readonly answers: { at: number; acked: boolean }[] = [];
  private running = false;
  private loop?: Promise<void>;
  private readonly pending: Promise<void>[] = [];

  constructor(bus: TestBus) {
    // The ledger publishes through this bus: same publishes, with their answer times.
    const timed = Object.create(bus) as TestBus;
    timed.publishAs = async <N extends MessageName>(
      party: Party,
      name: N,
      payload: PayloadOf<N>,
    ) => {
      try {
        const e = await bus.publishAs(party, name, payload);
        this.answers.push({ at: Date.now(), acked: true });
        return e;
      } catch (error) {
        this.answers.push({ at: Date.now(), acked: false });
        throw error;
      }
    };
    this.ledger = new PublishLedger(timed);
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        this.pending.push(this.consultation());
        await pace(OPEN_EVERY_MS);
      }
    })();
  }

  private async consultation(): Promise<void> {
    const opening = anFmsCase({ clearingParties: CLEARERS });
    const consultationId = opening.consultationId;
    await this.ledger.publish('state-pm', 'consultation.opened', opening);
    const opened = this.ledger.sent.find(
      (s) => s.consultationId === consultationId && s.name === 'consultation.opened',
    );
    // Only an opening the bus holds gets sign-offs (an agency signs off what it was asked).
    if (!opened?.acked) return;
    await pace(SIGN_OFF_AFTER_MS);
    await Promise.all(
      CLEARERS.map((agency) =>
        this.ledger.publish(agency, 'signoff.submitted', {
          consultationId,
          agency,
          revision: 1,
          decision: 'concur',
          officer,
          submittedAt: new Date().toISOString(),
        }),
      ),
    );
  }

  /** Stops opening consultations and waits for every publish to be answered. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all(this.pending);
  }

  /** Seconds from `since` until the first publish JetStream acknowledged after it. */
  recoveredAfter(since: number): number | undefined {
    const first = this.answers.find((a) => a.acked && a.at >= since);
    return first ? (first.at - since) / 1000 : undefined;
  }

  failedSince(since: number): number {
    return this.answers.filter((a) => !a.acked && a.at >= since).length;
  }
}

export interface Verdict {
  counts: AppliedCounts;
  deadLettered: number;
  problems: string[];
  /** Seconds from the end of the load until the coordinators had processed everything. */
  drainedIn: number;
}

/** Waits until the coordinators processed the load, then counts it (checkApplied). */
export async function verdict(
  instances: Harness[],
  flow: SteadyFlow,
  timeoutMs = 120_000,
): Promise<Verdict> {
  const start = Date.now();
  await waitUntilSettled(instances, { timeoutMs });
  const drainedIn = (Date.now() - start) / 1000;
  const { counts, problems } = await checkApplied(instances, flow.ledger);
  const deadLettered = await instances[0].app.get(DeadLetterService).count();
  return { counts, deadLettered, problems, drainedIn };
}

/** The line each test prints: `[cluster] leader-kill: N acked, N kept, 0 lost, 0 duplicated, recovered in X s`. */
export function report(
  name: string,
  v: Verdict,
  recovered: number | undefined,
  extra = '',
): string {
  const line =
    `[cluster] ${name}: ${v.counts.acknowledged} acked, ${v.counts.applied} kept, ` +
    `${v.counts.missing} lost, ${v.counts.duplicated} duplicated, ` +
    `${v.counts.chainsNotVerifying} audit chains not verifying, ${v.deadLettered} dead-lettered, ` +
    `recovered in ${recovered === undefined ? '(never)' : `${recovered.toFixed(1)} s`}, ` +
    `drained ${v.drainedIn.toFixed(1)} s after the load${extra}`;
  console.log(`${line}${v.problems.length ? `\n${v.problems.slice(0, 20).join('\n')}` : ''}`);
  return line;
}
