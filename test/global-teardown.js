// @ts-check
// Jest globalTeardown of the `int` project: stops the servers that
// test/global-setup.js started (Jest runs it whether specs passed or failed)
// and removes their data folder. A no-op when the servers were external.
'use strict';

const fs = require('node:fs');

/** @typedef {{ dataDir: string, servers: Array<{ stop: () => Promise<void> }> }} TestInfra */

const KEY = Symbol.for('icb.test-infra');

/** @param {TestInfra} state */
function remember(state) {
  /** @type {Record<symbol, TestInfra | undefined>} */ (/** @type {unknown} */ (globalThis))[KEY] =
    state;
}

async function globalTeardown() {
  const holder = /** @type {Record<symbol, TestInfra | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  const state = holder[KEY];
  if (!state) return;
  holder[KEY] = undefined;
  const results = await Promise.allSettled(state.servers.map((server) => server.stop()));
  fs.rmSync(state.dataDir, { recursive: true, force: true });
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

module.exports = globalTeardown;
module.exports.remember = remember;
