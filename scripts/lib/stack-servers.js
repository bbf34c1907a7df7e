// @ts-check
// The servers under `npm start`: NATS (one server, or with --cluster three
// routed to each other, `npm run start:cluster`) and the database, on
// 127.0.0.1 with their data in .local/stack/. NATS_URL / MONGO_URL, when set,
// are used instead. Every service connects as its own NATS user (ADR 6):
// fresh passwords per run, written readable by the owner only.
//
// With --leaf <agency>[,<agency>...] (ADR 21) the single server is the hub
// (JetStream domain `hub`, a leafnodes listener on 7422) and each named agency
// gets a nats-server of its own joined to it as a leaf node (JetStream domain
// = the agency id, store in .local/stack/leaf-<agency>/, client port
// 4241-4245 and monitor 8241-8245 by agency).
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const infra = require('./infra.js');
const natsAuth = require('./nats-auth.js');
const leafNode = require('./leaf-node.js');
const { CLUSTER_PORTS, startNatsCluster } = require('./nats-cluster.js');

/** The single server's ports, the database's, and the cluster's (beside them, no clash). */
const PORTS = Object.freeze({ nats: 4222, natsMonitor: 8222, mongo: 27017, natsLeaf: 7422 });
const DATABASE = 'icb';

/** An agency's leaf node under --leaf: its client and monitor ports, by the agency's place in AGENCIES. @param {string} agency */
function leafPorts(agency) {
  const i = natsAuth.AGENCIES.indexOf(agency);
  if (i < 0) {
    throw new infra.InfraError(
      `--leaf: unknown agency "${agency}" (known: ${natsAuth.AGENCIES.join(', ')})`,
    );
  }
  return { port: 4241 + i, monitorPort: 8241 + i };
}

/**
 * The agencies of `--leaf dod`, `--leaf=dod,cia` (several `--leaf` add up).
 * @param {string[]} argv @returns {string[]}
 */
function leafAgenciesOf(argv) {
  /** @type {string[]} */
  const named = [];
  argv.forEach((arg, i) => {
    if (arg === '--leaf') {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) {
        throw new infra.InfraError('--leaf needs agencies: --leaf dod or --leaf=dod,cia');
      }
      named.push(...next.split(','));
    } else if (arg.startsWith('--leaf=')) named.push(...arg.slice('--leaf='.length).split(','));
  });
  const agencies = [...new Set(named.map((a) => a.trim()).filter(Boolean))];
  agencies.forEach(leafPorts); // unknown agencies fail here
  return agencies;
}

/**
 * The ports a start will listen on, with what each is, to check they are free.
 * @param {{ cluster: boolean, leafAgencies?: string[] }} p @returns {Array<[number, string]>}
 */
function serverPorts({ cluster, leafAgencies = [] }) {
  /** @type {Array<[number, string]>} */
  const ports = [];
  if (!process.env.NATS_URL) {
    if (cluster) {
      CLUSTER_PORTS.client.forEach((p, i) => ports.push([p, `NATS ${i + 1}`]));
      CLUSTER_PORTS.cluster.forEach((p, i) => ports.push([p, `NATS ${i + 1} routes`]));
      CLUSTER_PORTS.monitor.forEach((p, i) => ports.push([p, `NATS ${i + 1} monitor`]));
    } else {
      ports.push([PORTS.nats, 'NATS'], [PORTS.natsMonitor, 'NATS monitor']);
    }
    if (leafAgencies.length > 0) ports.push([PORTS.natsLeaf, 'NATS leafnodes']);
    for (const agency of leafAgencies) {
      const { port, monitorPort } = leafPorts(agency);
      ports.push([port, `${agency} leaf node`], [monitorPort, `${agency} leaf node monitor`]);
    }
  }
  if (!process.env.MONGO_URL) ports.push([PORTS.mongo, 'database']);
  return ports;
}

/**
 * @typedef {{ name: string, stop: () => Promise<void>, logFile: string }} StartedServer
 * @typedef {{ agency: string, url: string, monitorUrl: string }} StackLeaf
 * @typedef {{ natsUrl?: string, natsMonitorUrl?: string, mongoUrl?: string,
 *   passwords?: Record<string, string>, natsTlsCaFile?: string, replicas: number,
 *   leaves?: StackLeaf[] }} StackServers
 */

/**
 * Starts what is not given by NATS_URL / MONGO_URL. Each server is pushed on
 * `started` as soon as it is up, so a failure or a Ctrl-C half-way stops
 * those that did start. `out` is filled as the servers come up.
 * @param {{ stackDir: string, cluster: boolean, started: StartedServer[], out: StackServers,
 *   say: (message: string) => void, leafAgencies?: string[] }} p
 */
async function startStackServers({ stackDir, cluster, started, out, say, leafAgencies = [] }) {
  out.natsUrl = process.env.NATS_URL;
  out.mongoUrl = process.env.MONGO_URL;
  // Replicas of the streams the coordinator creates: 3 on the cluster.
  out.replicas = Number(process.env.NATS_REPLICAS ?? (cluster ? 3 : 1));
  if (leafAgencies.length > 0 && (out.natsUrl || cluster)) {
    throw new infra.InfraError(
      '--leaf needs the hub this script starts: not with NATS_URL, not with --cluster (not written yet)',
    );
  }
  if (out.natsUrl) say(`NATS: using ${out.natsUrl} (NATS_URL)`);
  else {
    const passwords = natsAuth.generatePasswords(leafAgencies);
    out.passwords = passwords;
    fs.mkdirSync(stackDir, { recursive: true });
    natsAuth.writePasswordsFile(path.join(stackDir, 'nats-users.json'), passwords);
    const common = {
      detached: true,
      extraConfig: natsAuth.generateAuthConfig({ passwords, leafAgencies }),
      // ICB_NATS_TLS=1: TLS on every connection, with a CA of this stack's own (ADR 17).
      tls: process.env.ICB_NATS_TLS === '1',
      tlsDir: path.join(stackDir, 'nats-tls'),
    };
    if (cluster) {
      const nats = await startNatsCluster({
        ...common,
        dataDir: path.join(stackDir, 'nats-cluster'),
        ports: {
          client: [...CLUSTER_PORTS.client],
          cluster: [...CLUSTER_PORTS.cluster],
          monitor: [...CLUSTER_PORTS.monitor],
        },
      });
      for (const node of nats.nodes) {
        started.push({
          name: `nats-server ${node.name}`,
          stop: node.stop,
          logFile: path.join(node.dataDir, 'nats-server.log'),
        });
      }
      out.natsTlsCaFile = nats.tls?.caFile;
      out.natsUrl = nats.url;
      out.natsMonitorUrl = nats.nodes.map((n) => n.monitorUrl).join(', ');
      say(
        `NATS cluster up: ${nats.urls.join(', ')} (pids ${nats.nodes.map((n) => n.pid()).join(', ')})`,
      );
    } else {
      const nats = await infra.startNats({
        ...common,
        dataDir: path.join(stackDir, 'nats'),
        port: PORTS.nats,
        monitorPort: PORTS.natsMonitor,
        // The hub of the agencies' leaf nodes (ADR 21); the single server is unchanged without --leaf.
        ...(leafAgencies.length > 0
          ? {
              jetstreamDomain: leafNode.HUB_DOMAIN,
              leafListen: `127.0.0.1:${PORTS.natsLeaf}`,
            }
          : {}),
      });
      out.natsTlsCaFile = nats.tls?.caFile;
      started.push({ name: 'nats-server', stop: nats.stop, logFile: nats.logFile });
      out.natsUrl = nats.url;
      out.natsMonitorUrl = nats.monitorUrl;
      say(`NATS up at ${out.natsUrl} (pid ${nats.pid})`);
    }
    if (leafAgencies.length > 0) {
      out.leaves = await startLeaves({ stackDir, passwords, leafAgencies, started, say });
    }
  }
  if (out.mongoUrl) say(`database: using ${out.mongoUrl} (MONGO_URL)`);
  else {
    const mongo = await infra.startMongo({
      dataDir: path.join(stackDir, 'mongo'),
      port: PORTS.mongo,
      detached: true,
    });
    started.push({ name: mongo.kind, stop: mongo.stop, logFile: mongo.logFile });
    out.mongoUrl = `${mongo.url}${DATABASE}`;
    say(`database (${mongo.kind}) up at ${mongo.url} (pid ${mongo.pid})`);
  }
}

/**
 * One leaf nats-server per agency (ADR 21), joined to the hub's leafnodes
 * port as the agency's leaf user; its adapter connects to it as its own NATS
 * user. The leaf's admin password is fresh per run too (in nats-users.json as
 * `<agency>-leaf-admin`; no service uses it).
 * @param {{ stackDir: string, passwords: Record<string, string>, leafAgencies: string[],
 *   started: StartedServer[], say: (message: string) => void }} p
 * @returns {Promise<StackLeaf[]>}
 */
async function startLeaves({ stackDir, passwords, leafAgencies, started, say }) {
  /** @type {StackLeaf[]} */
  const leaves = [];
  for (const agency of leafAgencies) {
    passwords[`${agency}-leaf-admin`] = crypto.randomBytes(24).toString('base64url');
  }
  natsAuth.writePasswordsFile(path.join(stackDir, 'nats-users.json'), passwords);
  for (const agency of leafAgencies) {
    const { port, monitorPort } = leafPorts(agency);
    const dataDir = path.join(stackDir, `leaf-${agency}`);
    const leaf = await leafNode.startConfiguredNats({
      dataDir,
      port,
      monitorPort,
      detached: true,
      config: leafNode.leafServerConfig({
        agency,
        port,
        monitorPort,
        storeDir: dataDir,
        hubLeafUrls: [`nats://127.0.0.1:${PORTS.natsLeaf}`],
        leafPassword: passwords[natsAuth.leafUserFor(agency)],
        adapterPassword: passwords[`${agency}-adapter`],
        adminPassword: passwords[`${agency}-leaf-admin`],
      }),
    });
    started.push({ name: `nats-server leaf ${agency}`, stop: leaf.stop, logFile: leaf.logFile });
    leaves.push({ agency, url: leaf.url, monitorUrl: `http://127.0.0.1:${monitorPort}` });
    say(
      `NATS leaf node of ${agency} up at ${leaf.url} (JetStream domain ${agency}, pid ${leaf.pid})`,
    );
  }
  return leaves;
}

/**
 * What a service's environment gains when agencies run their own leaf nodes
 * (ADR 21): the agency's adapter talks to its leaf (NATS_URL, plain TCP on
 * loopback: no NATS_TLS_CA_FILE; one replica) in its domain
 * (NATS_LEAF_DOMAIN); the coordinator makes the hub's streams source the
 * leaves (NATS_LEAF_AGENCIES).
 * @param {StackServers} out @param {string} name
 * @returns {Record<string, string | undefined>}
 */
function leafServiceEnv(out, name) {
  const leaves = out.leaves ?? [];
  const leaf = leaves.find((l) => name === `${l.agency}-adapter`);
  if (leaf) {
    return {
      NATS_URL: leaf.url,
      NATS_LEAF_DOMAIN: leaf.agency,
      NATS_REPLICAS: '1',
      NATS_TLS_CA_FILE: undefined,
    };
  }
  if (name === 'coordinator' && leaves.length > 0) {
    return { NATS_LEAF_AGENCIES: leaves.map((l) => l.agency).join(',') };
  }
  return {};
}

module.exports = {
  PORTS,
  DATABASE,
  leafPorts,
  leafAgenciesOf,
  leafServiceEnv,
  serverPorts,
  startStackServers,
};
