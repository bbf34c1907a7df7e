#!/usr/bin/env node
// @ts-check
// NATS + database for developers who run the services from their IDE.
//
//   node scripts/infra.js ensure   install (first time: minutes) and locate both binaries, and
//                                  schemathesis (the OpenAPI fuzz test's tool)
//   node scripts/infra.js up       start nats-server (4222, monitor 8222) and the database (27017)
//   node scripts/infra.js status   what `up` started, and whether it answers
//   node scripts/infra.js down     stop exactly the PIDs that `up` recorded
//
// Data, logs and the record of what was started live in .local/infra/.
// NATS_URL / MONGO_URL set: that server is external and is not started.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const infra = require('./lib/infra.js');
const { ensureSchemathesis } = require('./lib/schemathesis.js');

const ROOT = path.resolve(__dirname, '..');
const INFRA_DIR = path.join(ROOT, '.local', 'infra');
const STATE_FILE = path.join(INFRA_DIR, 'state.json');
const PORTS = { nats: 4222, natsMonitor: 8222, mongo: 27017 };

/**
 * @typedef {{ name: string, pid: number, url: string, dataDir: string, logFile: string, monitorUrl?: string }} Recorded
 * @typedef {{ startedAt: string, servers: Recorded[] }} State
 */

/** @returns {State | undefined} */
function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {State} state */
function writeState(state) {
  fs.mkdirSync(INFRA_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** @param {number} port @param {string} what */
async function assertPortFree(port, what) {
  if (await infra.isPortOpen(port)) {
    throw new infra.InfraError(
      `port ${port} (${what}) is already in use on 127.0.0.1. Stop whatever holds it ` +
        '(`node scripts/infra.js status`), or use that server with NATS_URL / MONGO_URL.',
    );
  }
}

async function ensure() {
  const found = await infra.ensure();
  for (const s of found) console.log(`${s.kind.padEnd(12)} ${s.bin}  [${s.source}]  ${s.version}`);
  // The OpenAPI fuzz test's tool (test/fuzz/openapi-fuzz.int-spec.ts).
  const st = await ensureSchemathesis();
  console.log(
    `${'schemathesis'.padEnd(12)} ${st.command.join(' ')}  [${st.source}]  ${st.version}`,
  );
}

async function up() {
  const state = readState();
  if (state && state.servers.some((s) => infra.isOurs(s.pid, s.dataDir))) {
    console.log('already up:');
    return status();
  }
  /** @type {Recorded[]} */
  const servers = [];
  /** @type {Array<() => Promise<void>>} */
  const started = [];
  try {
    if (process.env.NATS_URL) {
      console.log(`NATS: external ${process.env.NATS_URL} (NATS_URL is set)`);
    } else {
      await assertPortFree(PORTS.nats, 'NATS');
      await assertPortFree(PORTS.natsMonitor, 'NATS monitor');
      const nats = await infra.startNats({
        dataDir: path.join(INFRA_DIR, 'nats'),
        port: PORTS.nats,
        monitorPort: PORTS.natsMonitor,
        detached: true,
      });
      started.push(nats.stop);
      servers.push({
        name: 'nats-server',
        pid: nats.pid,
        url: nats.url,
        dataDir: nats.dataDir,
        logFile: nats.logFile,
        monitorUrl: nats.monitorUrl,
      });
    }
    if (process.env.MONGO_URL) {
      console.log(`database: external ${process.env.MONGO_URL} (MONGO_URL is set)`);
    } else {
      await assertPortFree(PORTS.mongo, 'database');
      const mongo = await infra.startMongo({
        dataDir: path.join(INFRA_DIR, 'mongo'),
        port: PORTS.mongo,
        detached: true,
      });
      started.push(mongo.stop);
      servers.push({
        name: mongo.kind,
        pid: mongo.pid,
        url: mongo.url,
        dataDir: mongo.dataDir,
        logFile: mongo.logFile,
      });
    }
  } catch (err) {
    for (const stop of started.reverse()) await stop();
    throw err;
  }
  writeState({ startedAt: new Date().toISOString(), servers });
  await status();
  console.log('\nFor services run from an IDE:');
  console.log(`  NATS_URL=${process.env.NATS_URL || `nats://127.0.0.1:${PORTS.nats}`}`);
  console.log(`  MONGO_URL=${process.env.MONGO_URL || `mongodb://127.0.0.1:${PORTS.mongo}/icb`}`);
}

async function status() {
  const state = readState();
  if (!state || state.servers.length === 0) {
    console.log('nothing recorded in .local/infra/ (run `node scripts/infra.js up`)');
    return;
  }
  let allUp = true;
  for (const s of state.servers) {
    const alive = infra.isOurs(s.pid, s.dataDir);
    allUp &&= alive;
    console.log(
      `${s.name.padEnd(12)} pid ${String(s.pid).padEnd(8)} ${alive ? 'running' : 'NOT RUNNING'}  ${s.url}${s.monitorUrl ? `  (monitor ${s.monitorUrl})` : ''}`,
    );
    if (!alive) console.log(`${''.padEnd(12)} log: ${s.logFile}`);
  }
  if (!allUp) process.exitCode = 1;
}

async function down() {
  const state = readState();
  if (!state) {
    console.log('nothing recorded in .local/infra/: nothing to stop');
    return;
  }
  for (const s of [...state.servers].reverse()) {
    // The data folder is in the command line of what we started: a PID that
    // was recycled by another process does not match and is left alone.
    const result = await infra.stopProcess({ pid: s.pid, marker: s.dataDir, name: s.name });
    console.log(`${s.name.padEnd(12)} pid ${s.pid}: ${result}`);
    fs.rmSync(path.join(s.dataDir, `${s.name}.pid`), { force: true });
  }
  fs.rmSync(STATE_FILE, { force: true });
}

/** @type {Record<string, () => Promise<void>>} */
const COMMANDS = { ensure, up, status, down };

const command = process.argv[2];
const handler = command ? COMMANDS[command] : undefined;
if (!handler) {
  console.error(`usage: node scripts/infra.js <${Object.keys(COMMANDS).join('|')}>`);
  process.exit(2);
} else {
  handler().catch((err) => {
    console.error(`\ninfra ${command} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
