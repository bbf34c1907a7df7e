// @ts-check
// What `npm start` prints once every service answers: where each one is, the
// servers and their logs, who may sign in, where the agencies' clients are.
'use strict';

const path = require('node:path');
const pc = require('picocolors');

/**
 * @param {{ root: string, apps: ReadonlyArray<import('./apps.js').AppSpec>,
 *   servers: ReadonlyArray<{ name: string, logFile: string }>, natsUrl?: string,
 *   natsMonitorUrl?: string, mongoUrl?: string, clientsFile: string,
 *   signIn?: { credentialsFile: string, credentials: { accounts: Array<{ kind: string,
 *     username: string, secret: string, roles: string[], clearance: string }> } } }} p
 * @returns {string[]}
 */
function bannerLines({
  root,
  apps,
  servers,
  natsUrl,
  natsMonitorUrl,
  mongoUrl,
  signIn,
  clientsFile,
}) {
  const labels = [...apps.map((a) => a.name), ...servers.map((s) => `${s.name} log`)];
  const col = Math.max(...labels.map((l) => l.length));
  return [
    '',
    pc.bold(pc.green('Interagency Coordination Bus is up')),
    ...apps.map((a) => `  ${a.name.padEnd(col)}  http://127.0.0.1:${a.port}  (health: /health)`),
    `  ${'NATS'.padEnd(col)}  ${natsUrl}${natsMonitorUrl ? `  (monitor: ${natsMonitorUrl})` : ''}`,
    `  ${'MongoDB'.padEnd(col)}  ${mongoUrl}`,
    ...servers.map((s) => `  ${`${s.name} log`.padEnd(col)}  ${path.relative(root, s.logFile)}`),
    '',
    ...(signIn
      ? [
          `  ${pc.bold('Dashboard')}  http://127.0.0.1:${apps.find((a) => a.name === 'coordinator')?.port ?? 3000}/  sign in as:`,
          ...signIn.credentials.accounts
            .filter((a) => a.kind === 'person')
            .map(
              (a) =>
                `    ${a.username.padEnd(8)} ${a.secret}   (${a.roles.join(', ')}; ${a.clearance})`,
            ),
          `  (kept in ${path.relative(root, signIn.credentialsFile)}; bin/icb signs in with it by itself)`,
          '',
        ]
      : []),
    `  ${pc.bold('Agency systems')}  access tokens at each adapter's POST /oauth/token (client credentials;`,
    `  client ids and secrets in ${path.relative(root, clientsFile)}, see the README)`,
    '',
    'Ctrl-C stops everything.',
    '',
  ];
}

module.exports = { bannerLines };
