// @ts-check
// The services of the stack and their HTTP ports: the one list that
// scripts/stack.js (npm start) reads. docker-compose.yml publishes the same ports.
'use strict';

/**
 * @typedef {{ name: string, port: number, command?: string[] }} AppSpec
 * `command` defaults to `node dist/apps/<name>/src/main.js` (run from the repo root).
 */

/** @type {ReadonlyArray<AppSpec>} */
const APPS = Object.freeze([
  { name: 'coordinator', port: 3000 },
  { name: 'state-pm-adapter', port: 3001 },
  { name: 'dod-adapter', port: 3002 },
  { name: 'nsc-adapter', port: 3003 },
  { name: 'cia-adapter', port: 3004 },
  { name: 'treasury-adapter', port: 3005 },
]);

/** @param {string} name */
function entryPointOf(name) {
  return `dist/apps/${name}/src/main.js`;
}

module.exports = { APPS, entryPointOf };
