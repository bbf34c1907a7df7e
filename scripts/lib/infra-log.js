// @ts-check
// The log line and the error type shared by scripts/lib/infra.js and the
// modules it is made of (tools.js, processes.js, nats-cluster.js).
'use strict';

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

module.exports = { log, InfraError };
