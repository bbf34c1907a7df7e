// @ts-check
// Jest globalSetup of the `int` project: one nats-server and one MongoDB-wire
// server for the whole run (specs use unique stream, consumer and database
// names), on free loopback ports, with their data in .local/test-<pid>-<rand>/.
// When both NATS_URL and MONGO_URL are set, those servers are used instead and
// nothing is started. Test workers inherit the process.env set here.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const infra = require('../scripts/lib/infra.js');
const globalTeardown = require('./global-teardown.js');

const ROOT = path.resolve(__dirname, '..');

module.exports = async function globalSetup() {
  if (process.env.NATS_URL && process.env.MONGO_URL) return;

  const suffix = `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const dataDir = path.join(ROOT, '.local', `test-${suffix}`);
  fs.mkdirSync(dataDir, { recursive: true });
  /** @type {import('./global-teardown.js').TestInfra} */
  const state = { dataDir, servers: [] };
  // Recorded before anything can fail, so the teardown cleans up what started.
  globalTeardown.remember(state);

  const started = Date.now();
  const [nats, mongo] = await Promise.allSettled([
    process.env.NATS_URL ? undefined : infra.startNats({ dataDir: path.join(dataDir, 'nats') }),
    process.env.MONGO_URL ? undefined : infra.startMongo({ dataDir: path.join(dataDir, 'mongo') }),
  ]);
  if (nats.status === 'fulfilled' && nats.value) state.servers.push(nats.value);
  if (mongo.status === 'fulfilled' && mongo.value) state.servers.push(mongo.value);
  const failure = [nats, mongo].find((r) => r.status === 'rejected');
  if (failure) {
    // Jest does not run globalTeardown when globalSetup throws.
    await globalTeardown();
    throw failure.reason;
  }

  if (nats.status === 'fulfilled' && nats.value) {
    process.env.NATS_URL = nats.value.url;
  }
  if (mongo.status === 'fulfilled' && mongo.value) process.env.MONGO_URL = mongo.value.url;
  process.stderr.write(
    `\n[int] NATS ${process.env.NATS_URL}, database ${process.env.MONGO_URL} ` +
      `(ready in ${Date.now() - started} ms, data in ${path.relative(ROOT, dataDir)}/)\n`,
  );
};
