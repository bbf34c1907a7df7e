import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A nats-server a test started for itself. */
export interface OwnNats {
  url: string;
  port: number;
  monitorPort: number;
  stop(): Promise<void>;
}

export interface OwnNatsOptions {
  dataDir: string;
  /** Fixed ports, to restart a server where it was (free ports by default). */
  port?: number;
  monitorPort?: number;
  /** More server configuration, e.g. an `authorization {}` block. */
  extraConfig?: string;
}

interface InfraLib {
  startNats(opts: OwnNatsOptions): Promise<OwnNats>;
}

/** scripts/lib/infra.js, found by walking up (from src under Jest, from dist too). */
function infraLib(): InfraLib {
  for (let dir = __dirname, i = 0; i < 8; i++, dir = dirname(dir)) {
    const file = join(dir, 'scripts', 'lib', 'infra.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (existsSync(file)) return require(file) as InfraLib;
  }
  throw new Error(`scripts/lib/infra.js not found above ${__dirname}`);
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
    return await infraLib().startNats(opts);
  } finally {
    if (shared !== undefined) process.env.NATS_URL = shared;
  }
}
