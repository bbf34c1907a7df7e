// @ts-check
// Local infrastructure for development and tests: a JetStream-enabled
// nats-server and a MongoDB-wire server (FerretDB on SQLite, or mongod when one
// is on the PATH). Plain CommonJS with no dependency outside Node's standard
// library at load time, because it runs before `npm ci` and before any build
// (`mongodb` is required lazily, only to check that a database answers).
//
// Used by scripts/infra.js (up/down/status/ensure: the command line),
// scripts/stack.js (npm start), test/global-setup.js and libs/testing. A
// library only: it requires nothing of the scripts that use it.
//
// Rules: loopback only; every server keeps its data, log and PID file under
// the folder it is given; we only ever signal a PID we started, and before
// signalling a PID read back from a file we check that its command line still
// names that folder.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { InfraError } = require('./infra-log.js');
const { VERSIONS, toolsDir, cachedBinaryPath, resolveNats, resolveMongo } = require('./tools.js');
const {
  freePort,
  isPortOpen,
  sleep,
  logTail,
  isOurs,
  stopProcess,
  launch,
  withPortRetry,
} = require('./processes.js');

/** @typedef {import('./tools.js').ExternalServer} ExternalServer */
/** @typedef {import('./tools.js').LocalServer} LocalServer */
/** @typedef {import('./processes.js').ServerHandle} ServerHandle */

// ---------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------

/**
 * A per-deployment certificate authority and a server certificate for
 * 127.0.0.1 and localhost, made with the `openssl` CLI under `dir` (kept when
 * present, so clients keep trusting the same CA across restarts). The keys are
 * 0600. Returns the files; clients trust `caFile` (NATS_TLS_CA_FILE).
 * @param {string} dir
 * @returns {{ caFile: string, certFile: string, keyFile: string }}
 */
function ensureNatsTls(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const f = (name) => path.join(dir, name);
  const files = { caFile: f('ca.pem'), certFile: f('server.pem'), keyFile: f('server-key.pem') };
  if (Object.values(files).every((file) => fs.existsSync(file))) return files;
  const openssl = (/** @type {string[]} */ args) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      throw new Error(
        `openssl ${args[0]} failed (is the openssl CLI installed?): ${r.error?.message ?? r.stderr}`,
      );
    }
  };
  // prettier-ignore
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '825', '-subj', '/CN=ICB local NATS CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  // prettier-ignore
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=nats']);
  fs.writeFileSync(
    f('server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:nats\nextendedKeyUsage=serverAuth\n',
  );
  // prettier-ignore
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem',
    '-CAcreateserial', '-out', 'server.pem', '-days', '825', '-extfile', 'server.ext']);
  for (const key of ['ca-key.pem', 'server-key.pem']) fs.chmodSync(f(key), 0o600);
  return files;
}

/**
 * Starts a JetStream-enabled nats-server on 127.0.0.1 with data, config, log
 * and PID file under dataDir. With `tls: true` it requires TLS of every
 * client, with a certificate from a per-deployment CA (ensureNatsTls, under
 * `<dataDir>/tls` unless `tlsDir` says where): the handle's `tls.caFile` is
 * what clients trust (NATS_TLS_CA_FILE).
 *
 * Leaf nodes (ADR 21), only when asked: `jetstreamDomain` puts JetStream in
 * that domain (`hub`: leaf nodes reach its API at `$JS.hub.API`) and
 * `leafListen` (`127.0.0.1:<port>`) opens a `leafnodes {}` listener. Without
 * them the configuration is the single server's, as before.
 * @param {{ dataDir: string, port?: number, monitorPort?: number, extraConfig?: string,
 *   bin?: string, detached?: boolean, timeoutMs?: number, tls?: boolean, tlsDir?: string,
 *   jetstreamDomain?: string, leafListen?: string }} options
 * @returns {Promise<ServerHandle & { port: number, monitorPort: number, monitorUrl: string,
 *   tls?: { caFile: string, certFile: string, keyFile: string } }>}
 */
async function startNats(options) {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const tls = options.tls ? ensureNatsTls(options.tlsDir ?? path.join(dataDir, 'tls')) : undefined;
  const bin = options.bin || (await binaryOf(resolveNatsBinary));
  const autoPorts = options.port === undefined || options.monitorPort === undefined;
  return withPortRetry(autoPorts, async () => {
    const port = options.port ?? (await freePort());
    const monitorPort = options.monitorPort ?? (await freePort());
    const configFile = path.join(dataDir, 'nats-server.conf');
    fs.writeFileSync(
      configFile,
      [
        '# Written by scripts/lib/infra.js at every start.',
        `server_name: icb_local_${port}`,
        `listen: 127.0.0.1:${port}`,
        `http: 127.0.0.1:${monitorPort}`,
        'jetstream {',
        // nats-server adds a jetstream/ folder under store_dir itself.
        `  store_dir: ${JSON.stringify(dataDir)}`,
        ...(options.jetstreamDomain ? [`  domain: ${options.jetstreamDomain}`] : []),
        // fsync every write before the ack (Jepsen 2025: acked writes are
        // otherwise lost on power failure).
        '  sync_interval: always',
        '}',
        ...(tls
          ? [
              'tls {',
              `  cert_file: ${JSON.stringify(tls.certFile)}`,
              `  key_file: ${JSON.stringify(tls.keyFile)}`,
              `  ca_file: ${JSON.stringify(tls.caFile)}`,
              '  timeout: 2',
              '}',
            ]
          : []),
        ...(options.leafListen
          ? ['leafnodes {', `  listen: ${JSON.stringify(options.leafListen)}`, '}']
          : []),
        options.extraConfig || '',
        '',
      ].join('\n'),
    );
    const monitorUrl = `http://127.0.0.1:${monitorPort}`;
    const handle = await launch({
      name: 'nats-server',
      bin,
      args: ['-c', configFile],
      dataDir,
      url: `nats://127.0.0.1:${port}`,
      detached: options.detached,
      timeoutMs: options.timeoutMs,
      ready: async () => {
        try {
          const res = await fetch(`${monitorUrl}/healthz?js-enabled-only=true`, {
            signal: AbortSignal.timeout(1000),
          });
          return res.status === 200;
        } catch {
          return false;
        }
      },
    });
    return { ...handle, port, monitorPort, monitorUrl, ...(tls ? { tls } : {}) };
  });
}

/**
 * Starts FerretDB (SQLite backend) — or mongod if that is what resolveMongo()
 * found — on 127.0.0.1 with data, log and PID file under dataDir.
 * @param {{ dataDir: string, port?: number, bin?: string, kind?: 'ferretdb' | 'mongod',
 *   detached?: boolean, timeoutMs?: number }} options
 * @returns {Promise<ServerHandle & { port: number, kind: 'ferretdb' | 'mongod' }>}
 */
async function startMongo(options) {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  let bin = options.bin;
  let kind = options.kind;
  if (!bin) {
    const resolved = await resolveMongoBinary();
    bin = resolved.bin;
    kind = resolved.kind === 'mongod' ? 'mongod' : 'ferretdb';
  }
  const serverKind = kind ?? (path.basename(bin).startsWith('mongod') ? 'mongod' : 'ferretdb');
  const binary = bin;
  return withPortRetry(options.port === undefined, async () => {
    const port = options.port ?? (await freePort());
    let args;
    if (serverKind === 'mongod') {
      const dbPath = path.join(dataDir, 'db');
      fs.mkdirSync(dbPath, { recursive: true });
      args = ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port)];
    } else {
      const sqliteDir = path.join(dataDir, 'sqlite');
      const stateDir = path.join(dataDir, 'state');
      fs.mkdirSync(sqliteDir, { recursive: true });
      fs.mkdirSync(stateDir, { recursive: true });
      args = [
        '--handler=sqlite',
        `--sqlite-url=file:${sqliteDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable', // would try to reach the internet
        '--debug-addr=-', // defaults to a fixed port 8088
        `--state-dir=${stateDir}`,
      ];
    }
    const url = `mongodb://127.0.0.1:${port}/`;
    const handle = await launch({
      name: serverKind,
      bin: binary,
      args,
      dataDir,
      url,
      detached: options.detached,
      timeoutMs: options.timeoutMs,
      ready: async () => (await isPortOpen(port)) && (await pingMongo(url)),
    });
    return { ...handle, port, kind: serverKind };
  });
}

/** @param {string} url */
async function pingMongo(url) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: 1000,
    connectTimeoutMS: 1000,
    directConnection: true,
  });
  try {
    await client.connect();
    const res = await client.db('admin').command({ ping: 1 });
    return res.ok === 1;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function resolveNatsBinary() {
  const r = await resolveNats();
  if (r.kind === 'external')
    throw new InfraError('NATS_URL is set: there is no local nats-server to start');
  return r;
}

async function resolveMongoBinary() {
  const r = await resolveMongo();
  if (r.kind === 'external')
    throw new InfraError('MONGO_URL is set: there is no local database to start');
  return r;
}

/** @param {() => Promise<{ bin: string }>} resolver */
async function binaryOf(resolver) {
  return (await resolver()).bin;
}

/**
 * Installs (if needed) and locates both binaries, ignoring NATS_URL/MONGO_URL.
 * @returns {Promise<LocalServer[]>}
 */
async function ensure() {
  const saved = { nats: process.env.NATS_URL, mongo: process.env.MONGO_URL };
  delete process.env.NATS_URL;
  delete process.env.MONGO_URL;
  try {
    return [await resolveNatsBinary(), await resolveMongoBinary()];
  } finally {
    if (saved.nats !== undefined) process.env.NATS_URL = saved.nats;
    if (saved.mongo !== undefined) process.env.MONGO_URL = saved.mongo;
  }
}

module.exports = {
  VERSIONS,
  InfraError,
  toolsDir,
  cachedBinaryPath,
  resolveNats,
  resolveMongo,
  ensure,
  freePort,
  isPortOpen,
  startNats,
  ensureNatsTls,
  startMongo,
  pingMongo,
  stopProcess,
  isOurs,
  logTail,
  sleep,
  launch,
  withPortRetry,
};
