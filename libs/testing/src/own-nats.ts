import { scriptsLib } from './scripts-lib';

/** A nats-server a test started for itself. */
export interface OwnNats {
  url: string;
  port: number;
  monitorPort: number;
  /** With `tls: true`: the per-deployment CA clients trust, and the server's certificate. */
  tls?: { caFile: string; certFile: string; keyFile: string };
  stop(): Promise<void>;
}

export interface OwnNatsOptions {
  dataDir: string;
  /** Fixed ports, to restart a server where it was (free ports by default). */
  port?: number;
  monitorPort?: number;
  /** More server configuration, e.g. an `authorization {}` block. */
  extraConfig?: string;
  /** Require TLS, with a certificate from a CA made for this server (scripts/lib/infra.js). */
  tls?: boolean;
}

interface InfraLib {
  startNats(opts: OwnNatsOptions): Promise<OwnNats>;
}

/**
 * Starts a nats-server of the test's own, on loopback, with the pinned
 * binary the scripts use: for tests that restart the server or need users
 * (the shared server of the Jest global set-up has none). The test stops it.
 */
export async function startOwnNats(opts: OwnNatsOptions): Promise<OwnNats> {
  // infra.startNats would reuse the shared server named by NATS_URL.
  const shared = process.env.NATS_URL;
  delete process.env.NATS_URL;
  try {
    return await scriptsLib<InfraLib>('infra').startNats(opts);
  } finally {
    if (shared !== undefined) process.env.NATS_URL = shared;
  }
}
