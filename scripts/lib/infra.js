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

const { spawn, spawnSync, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/** @typedef {{ version: string, module: string, package?: string, binary: string, minGo: string, minOnPath?: string, patches?: string[] }} ToolPin */

/** @type {{ 'nats-server': ToolPin, ferretdb: ToolPin }} */
const VERSIONS = require('./versions.json');

/** The repository root: patch paths in versions.json are relative to it. */
const ROOT = path.resolve(__dirname, '..', '..');

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 100;

/** @param {string} message */
function log(message) {
  process.stderr.write(`[infra] ${message}\n`);
}

class InfraError extends Error {
  /** @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'InfraError';
  }
}

// ---------------------------------------------------------------------------
// Binaries: resolve, install, cache
// ---------------------------------------------------------------------------

function toolsDir() {
  return process.env.ICB_TOOLS_DIR || path.join(os.homedir(), '.cache', 'icb', 'tools');
}

/**
 * The patches that versions.json lists for a tool (absolute paths), and a
 * short hash of their content. The hash is part of the cache folder's name, so
 * a changed patch builds a new binary and an unchanged one reuses the cache.
 * @param {keyof typeof VERSIONS} name
 * @returns {{ files: string[], hash: string } | undefined}
 */
function patchesOf(name) {
  const list = VERSIONS[name].patches || [];
  if (list.length === 0) return undefined;
  const hash = crypto.createHash('sha256');
  const files = list.map((rel) => path.resolve(ROOT, rel));
  for (const file of files) {
    let content;
    try {
      content = fs.readFileSync(file);
    } catch (err) {
      throw new InfraError(`${file} (listed in scripts/lib/versions.json) cannot be read`, {
        cause: err,
      });
    }
    // Length-prefixed, so that no two different lists of patches hash alike.
    hash.update(`${content.length}\n`);
    hash.update(content);
  }
  return { files, hash: hash.digest('hex').slice(0, 8) };
}

/** @param {keyof typeof VERSIONS} name */
function cachedBinaryPath(name) {
  const pin = VERSIONS[name];
  const patches = patchesOf(name);
  const dir = `${name}-${pin.version}${patches ? `-p${patches.hash}` : ''}`;
  return path.join(toolsDir(), dir, pin.binary);
}

/** @param {string} name @returns {string | undefined} */
function findOnPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** "v2.15.2" / "2.15.2" / "go1.26.8" -> [2, 15, 2] @param {string} v */
function parseVersion(v) {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] || 0)] : undefined;
}

/** @param {string} a @param {string} b @returns {number} <0 when a<b */
function compareVersions(a, b) {
  const pa = parseVersion(a) || [0, 0, 0];
  const pb = parseVersion(b) || [0, 0, 0];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** @param {string} bin @param {string[]} args */
function versionOf(bin, args = ['--version']) {
  try {
    return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    return `unknown (${/** @type {Error} */ (err).message.split('\n')[0]})`;
  }
}

function findGo() {
  return findOnPath('go') || ['/usr/local/go/bin/go'].find((p) => fs.existsSync(p));
}

/** @param {ToolPin} pin */
function missingGoMessage(pin) {
  return [
    `Cannot install ${pin.module}@${pin.version}: the Go toolchain is not installed.`,
    'Do one of:',
    `  - install Go >= ${pin.minGo} (https://go.dev/dl/, or your distribution's golang package if it is recent enough),`,
    `    then run again (binaries are cached in ${toolsDir()});`,
    '  - point at servers you already run: NATS_URL=nats://host:4222 MONGO_URL=mongodb://host:27017/',
    '    (nats-server needs JetStream enabled);',
    '  - or run the whole stack with Docker: docker compose up --build',
  ].join('\n');
}

/**
 * Runs a command, streaming its output to stderr with a prefix.
 * @param {string} cmd @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<void>}
 */
function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line) log(`  ${line}`);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new InfraError(`${cmd} ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`),
          ),
    );
  });
}

/**
 * Builds a pinned Go binary into the cache. Builds into a temporary folder and
 * renames it into place, so an interrupted install never leaves a broken
 * binary behind.
 * @param {keyof typeof VERSIONS} name
 */
async function installTool(name) {
  const pin = VERSIONS[name];
  const target = cachedBinaryPath(name);
  const go = findGo();
  if (!go) throw new InfraError(missingGoMessage(pin));
  const goVersion = versionOf(go, ['env', 'GOVERSION']);
  if (compareVersions(goVersion, pin.minGo) < 0 && !/auto/.test(process.env.GOTOOLCHAIN || '')) {
    throw new InfraError(
      `${pin.module}@${pin.version} needs Go >= ${pin.minGo}, but ${go} is ${goVersion}.\n` +
        missingGoMessage(pin).split('\n').slice(1).join('\n'),
    );
  }

  const finalDir = path.dirname(target);
  const patches = patchesOf(name);
  if (patches && name !== 'ferretdb') {
    throw new InfraError(`${name}: patches are only applied to the FerretDB source build`);
  }
  fs.mkdirSync(toolsDir(), { recursive: true });
  const work = fs.mkdtempSync(path.join(toolsDir(), `.${path.basename(finalDir)}-`));
  const started = Date.now();
  log(
    `installing ${name} ${pin.version}${patches ? ` with ${patches.files.length} patch(es)` : ''} ` +
      `with ${goVersion} into ${finalDir} (the first time takes a few minutes)...`,
  );
  try {
    const env = { ...process.env, GOFLAGS: '-buildvcs=false' };
    const binDir = path.join(work, 'bin');
    fs.mkdirSync(binDir);
    if (name === 'ferretdb') {
      // `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a
      // binary that panics at start ("Invalid build/version/version.txt"):
      // FerretDB embeds its version from a file that its release tooling
      // generates and the module does not ship. So: copy the module source,
      // write that file, apply our patches (scripts/ferretdb/) and build the
      // command from the copy.
      log(`  go mod download ${pin.module}@${pin.version}`);
      const json = execFileSync(go, ['mod', 'download', '-json', `${pin.module}@${pin.version}`], {
        encoding: 'utf8',
        env,
      });
      const moduleDir = /** @type {{ Dir: string }} */ (JSON.parse(json)).Dir;
      const src = path.join(work, 'src');
      log(`  copying ${moduleDir} to ${src}`);
      fs.cpSync(moduleDir, src, { recursive: true });
      makeWritable(src); // the module cache is read-only
      fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${pin.version}\n`);
      fs.writeFileSync(
        path.join(src, 'build', 'version', 'package.txt'),
        `icb-source-build${patches ? `-p${patches.hash}` : ''}\n`,
      );
      for (const file of patches ? patches.files : []) await applyPatch(src, file);
      // As FerretDB's production build (build/ferretdb/production.Dockerfile):
      // no cgo (its SQLite is modernc.org/sqlite, pure Go), -trimpath, no tags.
      // -mod=mod: the copy is built as the main module (unlike `go install
      // m@v`), so let go fix up its go.mod/go.sum if a patch ever needs that
      // rather than fail (v1.24.2's own go.sum is complete).
      const args = ['build', '-trimpath', '-o', path.join(binDir, pin.binary), pin.package || '.'];
      log(`  (in ${src}) CGO_ENABLED=0 GOFLAGS=-mod=mod go ${args.join(' ')}`);
      await run(go, args, {
        cwd: src,
        env: { ...env, CGO_ENABLED: '0', GOFLAGS: `${env.GOFLAGS} -mod=mod` },
      });
    } else {
      await run(go, ['install', '-trimpath', `${pin.module}@${pin.version}`], {
        env: { ...env, GOBIN: binDir },
      });
    }
    fs.mkdirSync(path.dirname(finalDir), { recursive: true });
    if (!fs.existsSync(target)) fs.rmSync(finalDir, { recursive: true, force: true });
    try {
      fs.renameSync(binDir, finalDir);
    } catch (err) {
      // Another run (a second jest, a developer's `npm start`) finished the
      // same install first: its binary is as good as ours.
      if (!fs.existsSync(target)) throw err;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`installed ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return target;
}

/**
 * Applies a unified diff (paths a/... b/..., -p1) to a source tree, all or
 * nothing: with `git apply` when git is installed (kept from looking for a
 * repository above the tree, which would resolve the paths against it), else
 * with `patch` without fuzz.
 * @param {string} dir @param {string} file
 */
async function applyPatch(dir, file) {
  const rel = path.relative(ROOT, file);
  const git = findOnPath('git');
  if (git) {
    log(`  applying ${rel} (git apply)`);
    await run(git, ['apply', '--verbose', file], {
      cwd: dir,
      env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir) },
    });
    return;
  }
  const patch = findOnPath('patch');
  if (patch) {
    log(`  applying ${rel} (patch -p1)`);
    await run(patch, ['-p1', '-N', '-t', '-F', '0', '-i', file], { cwd: dir });
    return;
  }
  throw new InfraError(
    `cannot apply ${rel}: neither git nor patch is installed (e.g. apt-get install patch)`,
  );
}

/** @param {string} dir */
function makeWritable(dir) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(p);
    else fs.chmodSync(p, 0o644);
  }
}

/**
 * @param {keyof typeof VERSIONS} name
 * @returns {Promise<{ bin: string, source: 'cache' | 'installed' }>}
 */
async function cachedOrInstall(name) {
  const target = cachedBinaryPath(name);
  if (fs.existsSync(target)) return { bin: target, source: 'cache' };
  fs.mkdirSync(toolsDir(), { recursive: true });
  return { bin: await installTool(name), source: 'installed' };
}

/**
 * @typedef {{ kind: 'external', url: string }} ExternalServer
 * @typedef {{ kind: 'nats-server' | 'ferretdb' | 'mongod', bin: string, source: 'path' | 'cache' | 'installed', version: string }} LocalServer
 */

/**
 * NATS_URL if set; else nats-server from the PATH (if recent enough); else the
 * pinned, cached build (installed on first use).
 * @returns {Promise<ExternalServer | LocalServer>}
 */
async function resolveNats() {
  if (process.env.NATS_URL) return { kind: 'external', url: process.env.NATS_URL };
  const pin = VERSIONS['nats-server'];
  const onPath = findOnPath('nats-server');
  if (onPath) {
    const version = versionOf(onPath);
    if (!pin.minOnPath || compareVersions(version, pin.minOnPath) >= 0) {
      return { kind: 'nats-server', bin: onPath, source: 'path', version };
    }
    log(
      `ignoring ${onPath} (${version}): older than ${pin.minOnPath}; using the pinned ${pin.version}`,
    );
  }
  const { bin, source } = await cachedOrInstall('nats-server');
  return { kind: 'nats-server', bin, source, version: versionOf(bin) };
}

/**
 * MONGO_URL if set; else mongod from the PATH; else the pinned, cached FerretDB
 * (installed on first use).
 * @returns {Promise<ExternalServer | LocalServer>}
 */
async function resolveMongo() {
  if (process.env.MONGO_URL) return { kind: 'external', url: process.env.MONGO_URL };
  const mongod = findOnPath('mongod');
  if (mongod) {
    return {
      kind: 'mongod',
      bin: mongod,
      source: 'path',
      version: versionOf(mongod).split('\n')[0],
    };
  }
  const { bin, source } = await cachedOrInstall('ferretdb');
  return { kind: 'ferretdb', bin, source, version: versionOf(bin).split('\n')[0] };
}

// ---------------------------------------------------------------------------
// Ports and processes
// ---------------------------------------------------------------------------

/** A port that was free on 127.0.0.1 a moment ago. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. @param {number} port */
function isPortOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of a log file, for error messages. @param {string} file */
function logTail(file, lines = 30) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return text.slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** @param {number} pid @returns {string | undefined} the process's command line */
function commandLineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    try {
      return (
        execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim() ||
        undefined
      );
    } catch {
      return undefined;
    }
  }
}

/** Alive, and not a zombie waiting for its parent to reap it. @param {number} pid */
function pidExists(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..." where S is the state; Z = zombie.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) is all we have
  }
}

/**
 * Whether `pid` is alive and still the process we started: when a marker (a
 * path that appears in its command line) is given, the command line must
 * contain it, so a recycled PID is never signalled.
 * @param {number} pid @param {string} [marker]
 */
function isOurs(pid, marker) {
  if (!pidExists(pid)) return false;
  if (!marker) return true;
  const cmd = commandLineOf(pid);
  return cmd !== undefined && cmd.includes(marker);
}

/**
 * Stops one process: SIGTERM, wait up to timeoutMs, then SIGKILL.
 * With a ChildProcess handle, liveness comes from the handle; with only a PID
 * (read from a file), the marker must match the command line or nothing is
 * signalled.
 * @param {{ pid: number, child?: import('node:child_process').ChildProcess, marker?: string, timeoutMs?: number, name?: string }} p
 * @returns {Promise<'stopped' | 'killed' | 'not-running'>}
 */
async function stopProcess({
  pid,
  child,
  marker,
  timeoutMs = STOP_TIMEOUT_MS,
  name = `PID ${pid}`,
}) {
  const alive = child
    ? () => child.exitCode === null && child.signalCode === null
    : () => isOurs(pid, marker);
  if (!alive()) return 'not-running';
  /** @param {NodeJS.Signals} signal */
  const signal = (signal) => {
    try {
      process.kill(pid, signal);
    } catch {
      // exited in between
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) return 'stopped';
    await sleep(POLL_MS);
  }
  log(`${name} did not exit within ${timeoutMs} ms of SIGTERM: sending SIGKILL`);
  signal('SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (alive() && Date.now() < killDeadline) await sleep(POLL_MS);
  return 'killed';
}

/**
 * @typedef {{ url: string, pid: number, logFile: string, pidFile: string, dataDir: string, stop: () => Promise<void> }} ServerHandle
 */

/**
 * Spawns a server with its output appended to a log file, records its PID,
 * waits until `ready()` resolves true (or the deadline passes, or the process
 * exits) and returns a handle.
 * @param {{ name: string, bin: string, args: string[], dataDir: string, url: string,
 *   ready: () => Promise<boolean>, detached?: boolean, timeoutMs?: number }} p
 * @returns {Promise<ServerHandle>}
 */
async function launch({
  name,
  bin,
  args,
  dataDir,
  url,
  ready,
  detached = false,
  timeoutMs = READY_TIMEOUT_MS,
}) {
  const logFile = path.join(dataDir, `${name}.log`);
  const pidFile = path.join(dataDir, `${name}.pid`);
  fs.writeFileSync(logFile, `# ${new Date().toISOString()} ${bin} ${args.join(' ')}\n`, {
    flag: 'a',
  });
  const fd = fs.openSync(logFile, 'a');
  /** @type {import('node:child_process').ChildProcess} */
  let child;
  try {
    // detached: its own process group, so a Ctrl-C in the terminal reaches
    // only our process, which then stops everything in order.
    child = spawn(bin, args, { cwd: dataDir, stdio: ['ignore', fd, fd], detached });
  } finally {
    fs.closeSync(fd);
  }
  /** @type {Error | undefined} */
  let spawnError;
  child.on('error', (err) => (spawnError = err));
  if (detached) child.unref();

  const stop = async () => {
    if (child.pid !== undefined) await stopProcess({ pid: child.pid, child, name });
    fs.rmSync(pidFile, { force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError || child.pid === undefined) {
      throw new InfraError(`could not start ${name} (${bin}): ${spawnError?.message ?? 'no PID'}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new InfraError(
        `${name} exited during start-up (code ${child.exitCode}, signal ${child.signalCode}). ` +
          `Last lines of ${logFile}:\n${logTail(logFile)}`,
      );
    }
    if (await ready()) break;
    if (Date.now() > deadline) {
      await stop();
      throw new InfraError(
        `${name} was not ready within ${timeoutMs} ms at ${url}. Last lines of ${logFile}:\n${logTail(logFile)}`,
      );
    }
    await sleep(POLL_MS * 2);
  }
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  return { url, pid: child.pid, logFile, pidFile, dataDir, stop };
}

/**
 * Retries a start on fresh ports when the ports were picked by freePort() and
 * another process took one in between.
 * @template T @param {boolean} autoPorts @param {() => Promise<T>} start @returns {Promise<T>}
 */
async function withPortRetry(autoPorts, start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      const busy = /address already in use|bind: address/i.test(String(err));
      if (!autoPorts || !busy || attempt >= 3) throw err;
      log(`port taken while starting, retrying on new ports (attempt ${attempt + 1})`);
    }
  }
}

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
 * @param {{ dataDir: string, port?: number, monitorPort?: number, extraConfig?: string,
 *   bin?: string, detached?: boolean, timeoutMs?: number, tls?: boolean, tlsDir?: string }} options
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
};
