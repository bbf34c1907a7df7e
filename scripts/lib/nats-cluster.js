// @ts-check
// A three-server NATS JetStream cluster on loopback, for `npm run
// start:cluster` and the fault tests (test/cluster/). Each server is a
// nats-server started by startNats (scripts/lib/infra.js) with a `cluster {}`
// block routing to the others, its own server_name and its own JetStream
// store under its own folder; the same extra configuration (the users and
// permissions of scripts/lib/nats-auth.js) goes to every server.
//
// A node can be killed (SIGKILL, the PID we started and no other) and started
// again on the same ports and store, as a crashed server would be restarted.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { InfraError, log } = require('./infra-log.js');
const { freePort, sleep } = require('./processes.js');

const CLUSTER_NAME = 'icb_local';
const SIZE = 3;
/** Ports of `npm run start:cluster`: beside the single server's 4222 / 6222 / 8222. */
const CLUSTER_PORTS = Object.freeze({
  client: [4231, 4232, 4233],
  cluster: [6231, 6232, 6233],
  monitor: [8231, 8232, 8233],
});
const FORMED_TIMEOUT_MS = 60_000;

/**
 * The `cluster {}` block of one server: where it listens for routes, and the
 * routes to every server (its own is ignored by nats-server).
 * @param {{ name?: string, port: number, routes: number[] }} p
 */
function clusterBlock({ name = CLUSTER_NAME, port, routes }) {
  return [
    'cluster {',
    `  name: ${name}`,
    `  listen: 127.0.0.1:${port}`,
    '  routes: [',
    ...routes.map((r) => `    nats-route://127.0.0.1:${r}`),
    '  ]',
    '}',
  ].join('\n');
}

/** What `/healthz` says: 200 once JetStream is current (a meta leader, streams caught up). @param {string} monitorUrl */
async function healthy(monitorUrl) {
  try {
    const res = await fetch(`${monitorUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * @typedef {object} ClusterNode
 * @property {string} name  the server_name (`icb_local_<port>`)
 * @property {string} url
 * @property {number} port
 * @property {number} clusterPort
 * @property {number} monitorPort
 * @property {string} monitorUrl
 * @property {string} dataDir
 * @property {() => number | undefined} pid  the running process's PID, undefined when down
 * @property {() => boolean} running
 * @property {() => Promise<void>} start  on the same ports and store; waits until JetStream answers
 * @property {() => Promise<void>} stop  SIGTERM (then SIGKILL after a while)
 * @property {() => Promise<void>} kill  SIGKILL, as a crash; resolves once the process is gone
 */

/**
 * Starts three JetStream servers routed to each other and waits until they
 * form a cluster (every `/healthz` 200).
 * @param {{ dataDir: string, ports?: { client: number[], cluster: number[], monitor: number[] },
 *   extraConfig?: string, tls?: boolean, tlsDir?: string, detached?: boolean, bin?: string,
 *   timeoutMs?: number }} options
 * @returns {Promise<{ url: string, urls: string[], nodes: ClusterNode[], monitorUrl: string,
 *   tls?: { caFile: string }, stop: () => Promise<void> }>}
 */
async function startNatsCluster(options) {
  // Required here, not at the top: infra.js requires nothing of this file,
  // and the leaf of the require graph stays the same for its importers.
  const infra = require('./infra.js');
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // Resolved once: a node restarted later must not look at NATS_URL again.
  let bin = options.bin;
  if (!bin) {
    const found = await infra.resolveNats();
    if (found.kind === 'external') {
      throw new InfraError('NATS_URL is set: there is no local nats-server to start');
    }
    bin = found.bin;
  }
  const pick = async (/** @type {number[] | undefined} */ given) =>
    given ?? Promise.all(Array.from({ length: SIZE }, () => freePort()));
  const ports = {
    client: await pick(options.ports?.client),
    cluster: await pick(options.ports?.cluster),
    monitor: await pick(options.ports?.monitor),
  };
  const tlsDir = options.tlsDir ?? path.join(dataDir, 'tls');
  /** @type {{ caFile: string } | undefined} */
  let tls;

  /** @type {ClusterNode[]} */
  const nodes = ports.client.map((port, i) => {
    const nodeDir = path.join(dataDir, `n${i + 1}`);
    const monitorPort = ports.monitor[i];
    /** @type {Awaited<ReturnType<typeof infra.startNats>> | undefined} */
    let handle;
    const alive = () => handle !== undefined && infra.isOurs(handle.pid, nodeDir);
    /** @type {ClusterNode} */
    const node = {
      name: `icb_local_${port}`,
      url: `${options.tls ? 'tls' : 'nats'}://127.0.0.1:${port}`,
      port,
      clusterPort: ports.cluster[i],
      monitorPort,
      monitorUrl: `http://127.0.0.1:${monitorPort}`,
      dataDir: nodeDir,
      pid: () => (alive() ? handle?.pid : undefined),
      running: alive,
      async start() {
        if (alive()) return;
        handle = await infra.startNats({
          dataDir: nodeDir,
          port,
          monitorPort,
          bin,
          detached: options.detached,
          timeoutMs: options.timeoutMs,
          tls: options.tls,
          tlsDir,
          extraConfig: [
            clusterBlock({ port: ports.cluster[i], routes: ports.cluster }),
            options.extraConfig ?? '',
          ].join('\n'),
        });
        if (handle.tls) tls = { caFile: handle.tls.caFile };
      },
      async stop() {
        await handle?.stop();
      },
      async kill() {
        if (!handle || !alive()) return;
        const pid = handle.pid;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // exited in between
        }
        const deadline = Date.now() + 10_000;
        while (infra.isOurs(pid, nodeDir)) {
          if (Date.now() > deadline)
            throw new InfraError(`${node.name} (PID ${pid}) outlived SIGKILL`);
          await sleep(50);
        }
        // The PID file goes too: nothing may signal that PID again.
        await handle.stop();
      },
    };
    return node;
  });

  const stop = async () => {
    for (const node of [...nodes].reverse()) await node.stop();
  };
  try {
    await Promise.all(nodes.map((n) => n.start()));
    await waitFormed(nodes, options.timeoutMs ?? FORMED_TIMEOUT_MS);
  } catch (err) {
    await stop();
    throw err;
  }
  const urls = nodes.map((n) => n.url);
  log(`NATS cluster ${CLUSTER_NAME} up: ${urls.join(', ')}`);
  return { url: urls.join(','), urls, nodes, monitorUrl: nodes[0].monitorUrl, tls, stop };
}

/**
 * Waits until every running server of the cluster reports healthy (JetStream
 * current, a meta leader elected).
 * @param {ClusterNode[]} nodes @param {number} [timeoutMs]
 */
async function waitFormed(nodes, timeoutMs = FORMED_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = nodes.filter((n) => n.running());
    const states = await Promise.all(up.map((n) => healthy(n.monitorUrl)));
    if (up.length > 0 && states.every(Boolean)) return;
    if (Date.now() > deadline) {
      throw new InfraError(
        `the NATS cluster did not form within ${timeoutMs} ms: ` +
          up.map((n, i) => `${n.name} ${states[i] ? 'healthy' : 'not healthy'}`).join(', '),
      );
    }
    await sleep(200);
  }
}

module.exports = { CLUSTER_NAME, CLUSTER_PORTS, clusterBlock, startNatsCluster, waitFormed };
