import { scriptsLib } from './scripts-lib';

/** One server of a test's own NATS cluster (scripts/lib/nats-cluster.js). */
export interface OwnClusterNode {
  /** Its server_name: what JetStream's stream info names as the leader or a replica. */
  name: string;
  url: string;
  port: number;
  monitorUrl: string;
  dataDir: string;
  pid(): number | undefined;
  running(): boolean;
  /** Starts it again on the same ports and JetStream store; resolves when JetStream answers. */
  start(): Promise<void>;
  /** SIGTERM (a clean shutdown). */
  stop(): Promise<void>;
  /** SIGKILL, as a crash; resolves once the process is gone. */
  kill(): Promise<void>;
}

/** A three-server NATS JetStream cluster a test started for itself. */
export interface OwnNatsCluster {
  /** Every server's URL, comma-separated: NATS_URL for the services. */
  url: string;
  urls: string[];
  nodes: OwnClusterNode[];
  stop(): Promise<void>;
}

interface NatsClusterLib {
  startNatsCluster(opts: { dataDir: string; extraConfig?: string }): Promise<OwnNatsCluster>;
  waitFormed(nodes: OwnClusterNode[], timeoutMs?: number): Promise<void>;
}

/**
 * Starts three nats-servers routed to each other on loopback (free ports,
 * JetStream stores under dataDir) and waits until they form a cluster. The
 * test stops it.
 */
export async function startOwnNatsCluster(opts: { dataDir: string }): Promise<OwnNatsCluster> {
  // infra.startNats would reuse the shared server named by NATS_URL.
  const shared = process.env.NATS_URL;
  delete process.env.NATS_URL;
  try {
    return await scriptsLib<NatsClusterLib>('nats-cluster').startNatsCluster(opts);
  } finally {
    if (shared !== undefined) process.env.NATS_URL = shared;
  }
}

/** Waits until every running server of the cluster reports JetStream healthy (`/healthz`). */
export async function waitClusterFormed(
  cluster: OwnNatsCluster,
  timeoutMs = 60_000,
): Promise<void> {
  await scriptsLib<NatsClusterLib>('nats-cluster').waitFormed(cluster.nodes, timeoutMs);
}
