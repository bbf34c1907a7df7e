#!/usr/bin/env node
// @ts-check
// `npm start`: the whole stack on this machine, no Docker needed.
//
// Starts nats-server (4222, monitor 8222) and the database (27017) on
// 127.0.0.1 with their data in .local/stack/ (skipped for NATS_URL / MONGO_URL
// when set; scripts/lib/stack-servers.js), then the six services from dist/
// (the npm script builds first),
// prints their URLs once every /health answers 200, and on Ctrl-C or SIGTERM
// stops the services, then the servers, and exits 0. A service that exits on
// its own stops everything with a non-zero exit.
//
//   node scripts/stack.js [--cluster] [--leaf <agency>[,<agency>...]] [--watch] [--apps <file.json>]
//
// --cluster (`npm run start:cluster`): three nats-servers routed to each other
// (4231-4233, routes 6231-6233, monitors 8231-8233; scripts/lib/nats-cluster.js)
// instead of one; the services get all three in NATS_URL and create the
// streams with three replicas (NATS_REPLICAS=3).
//
// --leaf dod (`npm start -- --leaf dod`, or `--leaf=dod,cia`): each named
// agency on its own leaf node (ADR 21). The single server becomes the hub
// (JetStream domain `hub`, leafnodes on 7422) and each agency gets a
// nats-server of its own joined to it (scripts/lib/stack-servers.js); that
// agency's adapter connects to its leaf (NATS_URL, NATS_LEAF_DOMAIN=<agency>)
// and the coordinator makes the hub's streams source the leaves
// (NATS_LEAF_AGENCIES).
//
// --watch (`npm run dev`): the Nest CLI compiles in watch mode (nest-cli.json,
// `nest build --watch`: the whole monorepo, path aliases rewritten) and each
// service runs under `node --watch`, so an edit is compiled and the services
// whose code changed restart; the stack starts once the first compilation is
// done. A service that exits then waits for the next edit instead of stopping
// the stack.
//
// --apps replaces the app list of scripts/lib/apps.js with a JSON array of
// { "name", "port", "command"?: [argv...] } (used to test this script).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const pc = require('picocolors');
const infra = require('./lib/infra.js');
const { APPS, entryPointOf } = require('./lib/apps.js');
const natsAuth = require('./lib/nats-auth.js');
const {
  leafAgenciesOf,
  leafServiceEnv,
  serverPorts,
  startStackServers,
} = require('./lib/stack-servers.js');
const { bannerLines } = require('./lib/stack-banner.js');
const operators = require('./lib/operators.js');
const agencyKeys = require('./lib/agency-keys.js');
const agencyClients = require('./lib/agency-clients.js');

const ROOT = path.resolve(__dirname, '..');
const STACK_DIR = path.join(ROOT, '.local', 'stack');
const HEALTH_TIMEOUT_MS = 120_000;
const SERVICE_STOP_TIMEOUT_MS = 10_000;
const COLOURS = [pc.cyan, pc.magenta, pc.yellow, pc.green, pc.blue, pc.red];
const WATCH = process.argv.includes('--watch');
const CLUSTER = process.argv.includes('--cluster');
/** The agencies of --leaf (ADR 21); none by default. */
const LEAF_AGENCIES = (() => {
  try {
    return leafAgenciesOf(process.argv);
  } catch (err) {
    console.error(pc.bold(pc.red(`[stack] ${err instanceof Error ? err.message : err}`)));
    process.exit(1);
  }
})();
/** How long the first watch-mode compilation may take. */
const FIRST_BUILD_TIMEOUT_MS = 300_000;

/** @typedef {import('./lib/apps.js').AppSpec} AppSpec */
/** @typedef {{ spec: AppSpec, child: import('node:child_process').ChildProcess }} Running */

/** @param {string} message */
const say = (message) => console.log(`${pc.bold('[stack]')} ${message}`);
/** @param {string} message */
const shout = (message) => console.error(pc.bold(pc.red(`[stack] ${message}`)));

/** @returns {ReadonlyArray<AppSpec>} */
function appList() {
  const i = process.argv.indexOf('--apps');
  if (i === -1) return APPS;
  const file = process.argv[i + 1];
  if (!file) throw new infra.InfraError('--apps needs a JSON file');
  return JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
}

/** @param {AppSpec} spec */
function commandOf(spec) {
  if (spec.command) return spec.command;
  return WATCH
    ? [process.execPath, '--watch', entryPointOf(spec.name)]
    : [process.execPath, entryPointOf(spec.name)];
}

/** @param {ReadonlyArray<AppSpec>} apps */
async function preflight(apps) {
  // In watch mode the compiler builds them before any service starts.
  const missing = WATCH
    ? []
    : apps.filter((a) => !a.command && !fs.existsSync(path.join(ROOT, entryPointOf(a.name))));
  if (missing.length > 0) {
    throw new infra.InfraError(
      `not built: ${missing.map((a) => entryPointOf(a.name)).join(', ')}\n` +
        'Run `npm run build` first (`npm start` does both).',
    );
  }
  /** @type {Array<[number, string]>} */
  const ports = [
    ...apps.map((a) => /** @type {[number, string]} */ ([a.port, a.name])),
    ...serverPorts({ cluster: CLUSTER, leafAgencies: LEAF_AGENCIES }),
  ];
  const busy = [];
  for (const [port, what] of ports)
    if (await infra.isPortOpen(port)) busy.push(`${port} (${what})`);
  if (busy.length > 0) {
    throw new infra.InfraError(
      `ports already in use on 127.0.0.1: ${busy.join(', ')}.\n` +
        'Is another `npm start` or `node scripts/infra.js up` running? To use servers that are ' +
        'already up, set NATS_URL and MONGO_URL.',
    );
  }
}

/** Pipes a child's output to ours, each line prefixed with its coloured name.
 * @param {import('node:stream').Readable | null} stream @param {string} prefix @param {NodeJS.WriteStream} out */
function prefixLines(stream, prefix, out) {
  if (!stream) return;
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    out.write(`${prefix} ${line}\n`);
  });
}

/** @param {number} port @param {number} deadline */
async function waitHealthy(port, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await infra.sleep(500);
  }
  return false;
}

async function main() {
  const apps = appList();
  await preflight(apps);

  /** @type {Array<{ name: string, stop: () => Promise<void>, logFile: string }>} */
  const servers = [];
  /** @type {Running[]} */
  const services = [];
  let stopping = false;
  /** @type {Promise<void>} */
  let serversStarting = Promise.resolve();

  /** @param {number} code */
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    say(`stopping ${services.length} service(s)...`);
    await Promise.all(
      services.map(async ({ spec, child }) => {
        if (child.pid === undefined) return;
        const how = await infra.stopProcess({
          pid: child.pid,
          child,
          name: spec.name,
          timeoutMs: SERVICE_STOP_TIMEOUT_MS,
        });
        if (how === 'killed') shout(`${spec.name} had to be killed (SIGKILL)`);
      }),
    );
    await serversStarting.catch(() => undefined);
    for (const server of [...servers].reverse()) {
      say(`stopping ${server.name}...`);
      await server.stop();
    }
    say(code === 0 ? 'stopped.' : `stopped (exit ${code}).`);
    process.exit(code);
  };

  /** @param {unknown} err */
  const fail = (err) => {
    shout(err instanceof Error ? err.message : String(err));
    void shutdown(1);
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      if (stopping) say(`${signal} received: already stopping`);
      else {
        console.log('');
        say(`${signal} received`);
        void shutdown(0);
      }
    });
  }
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // Last resort if we die in an unexpected way: no child outlives us.
  process.on('exit', () => {
    for (const { child } of services) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });

  // --- NATS and the database -------------------------------------------
  /** @type {import('./lib/stack-servers.js').StackServers} */
  const infraOut = { replicas: 1 };
  const startServers = () =>
    startStackServers({
      stackDir: STACK_DIR,
      cluster: CLUSTER,
      leafAgencies: LEAF_AGENCIES,
      started: servers,
      out: infraOut,
      say,
    });
  // A Ctrl-C during start-up waits for this, so a server that was coming up
  // is recorded and stopped too.
  serversStarting = startServers();
  try {
    await serversStarting;
  } catch (err) {
    return fail(err);
  }
  if (stopping) return;
  const { natsUrl, natsMonitorUrl, mongoUrl, passwords, natsTlsCaFile } = infraOut;

  // --- operators' sign-in (ADR 8) -----------------------------------------
  // Kept from one start to the next (passwords people may have noted); a new
  // set after `rm -r .local/stack/operator*.json .local/stack/secrets`.
  // OPERATORS_FILE wins. The people's passwords are in
  // operator-credentials.json; the session key and the adapters' tokens in
  // .local/stack/secrets/, handed over as files (an old single file is split).
  const signIn = process.env.OPERATORS_FILE ? undefined : operators.ensureStackAccounts(STACK_DIR);
  if (signIn?.migrated) {
    const moved = path.relative(ROOT, signIn.secretsDir);
    say(`split ${path.relative(ROOT, signIn.credentialsFile)}: machine secrets moved to ${moved}/`);
  }
  /** @param {string} name */
  const signInEnv = (name) => {
    if (!signIn) return {};
    if (name === 'coordinator') {
      return {
        OPERATORS_FILE: signIn.accountsFile,
        ...(process.env.SESSION_SECRET ? {} : { SESSION_SECRET_FILE: signIn.sessionKeyFile }),
      };
    }
    const account = signIn.credentials.accounts.find((a) => a.username === name);
    if (!account || process.env.COORDINATOR_TOKEN) return {};
    return { COORDINATOR_TOKEN_FILE: signIn.serviceTokenFile(name) };
  };

  // --- the agencies' systems at the adapters (ADR 18) ----------------------
  // Each adapter issues its agency's access tokens (POST /oauth/token, client
  // credentials) with a key of its own; the clients' ids and secrets are in
  // .local/stack/secrets/agency-clients.json. Kept from one start to the next.
  const agencyAuth = agencyClients.ensureAgencyClients(path.join(STACK_DIR, 'secrets'));

  // --- signed positions (ADR 15) -------------------------------------------
  // Each agency's Ed25519 key in .local/stack/keys/<agency>.private.jwk (0600),
  // the public registry the coordinator verifies with in agency-keys.json.
  // Kept from one start to the next.
  const signingKeys = agencyKeys.ensureAgencyKeys(path.join(STACK_DIR, 'keys'));

  // --- services -----------------------------------------------------------
  const width = Math.max(...apps.map((a) => a.name.length));
  /** @param {import('./lib/apps.js').AppSpec} spec @param {number} i */
  const spawnService = (spec, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const prefix = colour(`${spec.name.padEnd(width)} |`);
    const [cmd, ...args] = commandOf(spec);
    const child = spawn(cmd, args, {
      cwd: ROOT,
      // Own process group: Ctrl-C reaches only this script, which stops the
      // services first and the servers after them.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NATS_URL: natsUrl,
        NATS_REPLICAS: String(infraOut.replicas),
        MONGO_URL: mongoUrl,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(spec.port),
        // A local stack may move the coordinator's clock forward
        // (POST /dev/clock/advance, `icb clock advance`) to watch 30-day periods run out.
        DEV_CLOCK: process.env.DEV_CLOCK ?? 'true',
        // Quiet by default: warnings and errors only (LOG_LEVEL=info shows every request).
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        // Adapters: webhooks may go to this machine only (ADR 16); without a list none are accepted.
        ...(spec.name.endsWith('-adapter')
          ? { WEBHOOK_ALLOWED_TARGETS: process.env.WEBHOOK_ALLOWED_TARGETS ?? 'loopback' }
          : {}),
        ...(passwords && natsAuth.USERS.includes(spec.name)
          ? natsAuth.credentialsFor(spec.name, passwords)
          : {}),
        ...(natsTlsCaFile ? { NATS_TLS_CA_FILE: natsTlsCaFile } : {}),
        // An agency on its own leaf node (ADR 21): NATS_URL is its leaf.
        ...leafServiceEnv(infraOut, spec.name),
        ...signInEnv(spec.name),
        ...agencyClients.adapterAuthEnv(agencyAuth, spec.name),
        ...agencyKeys.signingEnv(signingKeys, spec.name),
      },
    });
    services.push({ spec, child });
    prefixLines(child.stdout, prefix, process.stdout);
    prefixLines(child.stderr, prefix, process.stderr);
    child.on('error', (err) => fail(new Error(`${spec.name} could not start: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (stopping) return;
      shout('');
      shout(
        `${spec.name} EXITED UNEXPECTEDLY (code ${code}, signal ${signal}): stopping the stack`,
      );
      shout('');
      void shutdown(1);
    });
  };

  // --- watch mode: the Nest CLI compiles on every edit ----------------------
  if (WATCH) {
    const compiler = spawn(
      process.execPath,
      [
        require.resolve('@nestjs/cli/bin/nest.js'),
        'build',
        'coordinator',
        '--watch',
        '--preserveWatchOutput',
      ],
      { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const spec = { name: 'nest build --watch', port: 0 };
    services.push({ spec, child: compiler });
    prefixLines(compiler.stderr, pc.dim('build |'), process.stderr);
    compiler.on('exit', (code, signal) => {
      if (!stopping) fail(new Error(`the compiler exited (code ${code}, signal ${signal})`));
    });
    say('compiling (nest build --watch)...');
    const firstBuild = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), FIRST_BUILD_TIMEOUT_MS);
      const lines = readline.createInterface({ input: compiler.stdout });
      let done = false;
      lines.on('line', (line) => {
        // tsc's watch summary: "Found 0 errors. Watching for file changes."
        if (done) process.stdout.write(`${pc.dim('build |')} ${line}\n`);
        else if (/Found \d+ errors?\./.test(line)) {
          done = true;
          clearTimeout(timer);
          process.stdout.write(`${pc.dim('build |')} ${line}\n`);
          resolve(true);
        } else if (line.trim() !== '') process.stdout.write(`${pc.dim('build |')} ${line}\n`);
      });
    });
    if (stopping) return;
    if (!firstBuild) {
      return fail(
        new Error(`the first compilation did not finish in ${FIRST_BUILD_TIMEOUT_MS / 1000} s`),
      );
    }
  }

  // The coordinator creates the streams; the adapters may only use them.
  const first = apps.findIndex((a) => a.name === 'coordinator');
  if (first >= 0) {
    spawnService(apps[first], first);
    await waitHealthy(apps[first].port, Date.now() + HEALTH_TIMEOUT_MS);
    if (stopping) return;
  }
  apps.forEach((spec, i) => {
    if (i !== first) spawnService(spec, i);
  });

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  const healthy = await Promise.all(apps.map((a) => waitHealthy(a.port, deadline)));
  if (stopping) return;
  const unhealthy = apps.filter((_, i) => !healthy[i]).map((a) => a.name);
  if (unhealthy.length > 0) {
    return fail(
      new Error(
        `no 200 from GET /health within ${HEALTH_TIMEOUT_MS / 1000} s: ${unhealthy.join(', ')}`,
      ),
    );
  }

  console.log(
    bannerLines({
      root: ROOT,
      apps,
      servers,
      natsUrl,
      natsMonitorUrl,
      mongoUrl,
      signIn,
      clientsFile: agencyAuth.clientsFile,
    }).join('\n'),
  );
}

main().catch((err) => {
  shout(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
