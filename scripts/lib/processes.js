// @ts-check
// Ports and processes of the local servers: free ports, start a server and
// wait until it is ready, stop only a process we started (by PID, checking
// its command line when the PID was read back from a file). Part of
// scripts/lib/infra.js, which re-exports what others use.
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { log, InfraError } = require('./infra-log.js');

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 100;

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

module.exports = {
  freePort,
  isPortOpen,
  sleep,
  logTail,
  isOurs,
  stopProcess,
  launch,
  withPortRetry,
};
