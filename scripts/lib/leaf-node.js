// @ts-check
// Agencies on their own leaf nodes (ADR 21, docs/adr/0021-agencies-on-leaf-nodes.md).
//
// An agency runs a nats-server in its own enclave, with JetStream in its own
// domain (the agency id), joined to the hub as a leaf node. The hub's events
// stream SOURCES the leaf's outbox stream (`$JS.<agency>.API`), and the leaf's
// local events stream sources what the hub addresses to the agency
// (`$JS.hub.API`): JetStream's own store-and-forward. This file writes both
// sides' configuration and starts a server from it:
//
//   - hubConfigLines(): what the hub's configuration gains (a JetStream
//     domain, a `leafnodes { listen }` block) and hubLeafUser(): the user the
//     agency's leaf node authenticates as, with permissions that keep every
//     event subject (`icb.evt.>`, `icb.dlq.>`) off the link, so an event
//     crosses only through stream sourcing, never as a core message that the
//     hub's stream would capture a second time.
//   - leafServerConfig(): the agency's own server.
//   - startConfiguredNats(): runs nats-server on a written configuration.
//
// Plain CommonJS with no dependency outside Node's standard library (like
// nats-auth.js and infra.js, whose helpers it reuses and does not change).
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const infra = require('./infra');
const natsAuth = require('./nats-auth');

/** The hub's JetStream domain: leaf nodes reach its API at `$JS.hub.API`. */
const HUB_DOMAIN = 'hub';

/** @param {string} s */
const q = (s) => JSON.stringify(s);

/**
 * @typedef {{ allow?: string[], deny?: string[] }} PermissionList
 * @typedef {{ publish: PermissionList, subscribe: PermissionList }} Permissions
 * @typedef {{ user: string, password: string, permissions?: Permissions,
 *   connectionTypes?: string[] }} UserEntry
 */

/** @param {string} agency */
function assertAgency(agency) {
  if (!natsAuth.AGENCIES.includes(agency)) {
    throw new Error(`unknown agency "${agency}" (known: ${natsAuth.AGENCIES.join(', ')})`);
  }
}

/**
 * The JetStream domain of an agency's leaf node: the agency id. The hub
 * sources the leaf's outbox at `$JS.<domain>.API`.
 * @param {string} agency
 */
function leafDomainFor(agency) {
  assertAgency(agency);
  return agency;
}

/** @param {string} agency the hub user the agency's leaf node authenticates as */
function leafUserFor(agency) {
  assertAgency(agency);
  return `leaf-${agency}`;
}

/**
 * What may cross the link of an agency's leaf node, enforced by the hub (the
 * leaf is the agency's own server: its configuration is not ours to trust).
 * For a leaf connection NATS reads a user's permissions as: publish = what the
 * leaf may send into the hub, subscribe = what the hub sends to the leaf.
 * Only JetStream's sourcing traffic and the coordinator's verdicts cross:
 *
 * - leaf -> hub: the request that creates the leaf's source consumer on the
 *   hub's events stream, with the filter of what is addressed to the agency
 *   in the subject (ADR 6: the server checks the filter against it; any other
 *   filter, e.g. every event, is refused); answers to the hub's requests
 *   (`$JSC.R.*`); the messages the hub sources from the leaf, delivered on
 *   the agency's own prefix (`<ns>.leaf.<agency>.out.>`); flow control.
 * - hub -> leaf: the hub's requests to the leaf's JetStream (`$JS.<agency>.API`),
 *   answers, the messages the leaf sources from the hub on the agency's own
 *   prefix (`<ns>.leaf.<agency>.in.>`, which no other leaf may receive), flow
 *   control, and `<ns>.rpc.coordinator.verdict.<agency>`.
 *
 * No event subject crosses as a core message (`<ns>.evt.>`, `<ns>.dlq.>` are
 * not allowed): an agency's event reaches the hub only through the hub
 * stream's source (one capture, in order, resumed after a cut). Were they
 * allowed, the hub stream (subjects `<ns>.evt.>`) would also capture every
 * position the adapter publishes on its leaf while the link is up, and the
 * leaf's outbox what the hub publishes on `<ns>.evt.<agency>.>`. The local
 * JetStream API (`$JS.API.>`) never crosses a link between domains.
 * @param {string} agency
 * @param {{ namespace?: string, hubDomain?: string }} [options]
 * @returns {Permissions}
 */
function hubLeafPermissions(agency, options = {}) {
  assertAgency(agency);
  const ns = options.namespace ?? 'icb';
  const hubApi = `$JS.${options.hubDomain ?? HUB_DOMAIN}.API`;
  const EVENTS = `${ns.toUpperCase()}_EVENTS`;
  return {
    publish: {
      allow: [
        `${hubApi}.CONSUMER.CREATE.${EVENTS}.*.${ns}.evt.*.*.*.*.${agency}`,
        '$JSC.R.*',
        `${ns}.leaf.${agency}.out.>`,
        '$JS.FC.>',
        '$LDS.>',
      ],
    },
    subscribe: {
      allow: [
        `$JS.${leafDomainFor(agency)}.API.>`,
        '$JSC.R.*',
        `${ns}.leaf.${agency}.in.>`,
        '$JS.FC.>',
        '$LDS.>',
        `${ns}.rpc.coordinator.verdict.${agency}`,
      ],
    },
  };
}

/**
 * The adapter's permissions on its agency's leaf node: those it has on the
 * hub (ADR 6: it publishes only as itself, reads only through its own durable
 * with the filter of what is addressed to it), and besides it may create the
 * leaf's three streams (its outbox, the events sourced from the hub, its dead
 * letters), which it provisions at boot. On the hub only the coordinator
 * creates streams, because one stream's `republish` could copy every event
 * elsewhere; on the leaf there is nothing but what is the agency's or
 * addressed to it, and what the leaf may source from the hub is the hub's
 * decision (hubLeafPermissions).
 * @param {string} agency
 * @param {{ namespace?: string }} [options]
 * @returns {Permissions}
 */
function leafAdapterPermissions(agency, options = {}) {
  assertAgency(agency);
  const ns = options.namespace ?? 'icb';
  const perms = natsAuth.permissionsFor(`${agency}-adapter`, { namespace: ns });
  const NS = ns.toUpperCase();
  const own = [
    `${NS}_EVENTS`,
    `${NS}_DLQ`,
    `${NS}_OUTBOX_${agency.toUpperCase().replace(/-/g, '_')}`,
  ];
  const create = own.map((stream) => `$JS.API.STREAM.CREATE.${stream}`);
  return {
    publish: {
      allow: [...(perms.publish.allow ?? []), ...create, `$JS.API.STREAM.INFO.${own[2]}`],
      deny: (perms.publish.deny ?? []).filter((s) => !create.includes(s)),
    },
    subscribe: perms.subscribe,
  };
}

/**
 * The hub's user entry for an agency's leaf node (goes into the hub's
 * `authorization { users }`: a leaf connection authenticates against them
 * when `leafnodes {}` has no authorization block of its own).
 * @param {string} agency
 * @param {string} password
 * @param {{ namespace?: string }} [options]
 * @returns {UserEntry}
 */
function hubLeafUser(agency, password, options = {}) {
  return {
    user: leafUserFor(agency),
    password,
    permissions: hubLeafPermissions(agency, options),
    // It joins only as a leaf node, never as a client.
    connectionTypes: ['LEAFNODE'],
  };
}

/**
 * @param {string} key
 * @param {PermissionList} list
 * @param {string} indent
 */
function renderList(key, list, indent) {
  const lines = [`${indent}${key}: {`];
  if (list.allow) lines.push(`${indent}  allow: [${list.allow.map(q).join(', ')}]`);
  if (list.deny) lines.push(`${indent}  deny: [${list.deny.map(q).join(', ')}]`);
  lines.push(`${indent}}`);
  return lines;
}

/**
 * An `authorization { users = [...] }` block.
 * @param {UserEntry[]} users
 */
function authorizationBlock(users) {
  const lines = ['authorization {', '  users = ['];
  for (const { user, password, permissions, connectionTypes } of users) {
    lines.push('    {', `      user: ${q(user)}`, `      password: ${q(password)}`);
    if (connectionTypes) {
      lines.push(`      allowed_connection_types: [${connectionTypes.map(q).join(', ')}]`);
    }
    if (permissions) {
      lines.push(
        '      permissions: {',
        ...renderList('publish', permissions.publish, '        '),
        ...renderList('subscribe', permissions.subscribe, '        '),
        '      }',
      );
    }
    lines.push('    }');
  }
  lines.push('  ]', '}');
  return lines.join('\n');
}

/**
 * What a hub's configuration needs for leaf nodes: JetStream in the domain
 * `hub` and a leafnodes listener. (The full stack's hub is written by
 * infra.js; ADR 21 names the two lines it gains.)
 * @param {{ storeDir: string, leafListen: string, domain?: string }} o
 */
function hubConfigLines(o) {
  return [
    'jetstream {',
    `  store_dir: ${q(o.storeDir)}`,
    `  domain: ${o.domain ?? HUB_DOMAIN}`,
    '  sync_interval: always',
    '}',
    'leafnodes {',
    `  listen: ${q(o.leafListen)}`,
    '}',
  ].join('\n');
}

/**
 * A hub configuration of its own (tests): client port, monitor, JetStream
 * domain `hub`, a leafnodes listener, and the given users (the services' and
 * the leaf nodes').
 * @param {{ port: number, monitorPort: number, leafPort: number, storeDir: string,
 *   users: UserEntry[], name?: string, extra?: string }} o
 */
function hubServerConfig(o) {
  return [
    '# Written by scripts/lib/leaf-node.js (ADR 21).',
    `server_name: ${o.name ?? `icb_hub_${o.port}`}`,
    `listen: 127.0.0.1:${o.port}`,
    `http: 127.0.0.1:${o.monitorPort}`,
    hubConfigLines({ storeDir: o.storeDir, leafListen: `127.0.0.1:${o.leafPort}` }),
    authorizationBlock(o.users),
    o.extra ?? '',
    '',
  ].join('\n');
}

/**
 * An agency's leaf nats-server: JetStream in the agency's own domain with its
 * store under `storeDir`, local users (the adapter with its ADR 6 permissions,
 * and `leaf-admin`, which provisions the local streams), and one remote: the
 * hub's leafnode port, as the agency's leaf user. The remote refuses to carry
 * event subjects either way (deny_exports/deny_imports), as the hub's user
 * does (hubLeafPermissions): events cross only as sourced stream messages.
 * @param {{ agency: string, port: number, monitorPort: number, storeDir: string,
 *   hubLeafUrls: string[], leafPassword: string, adapterPassword: string,
 *   adminPassword: string, namespace?: string, reconnectSeconds?: number,
 *   host?: string }} o host: where the agency's services reach it (default 127.0.0.1)
 */
function leafServerConfig(o) {
  const domain = leafDomainFor(o.agency);
  const ns = o.namespace ?? 'icb';
  const adapter = `${o.agency}-adapter`;
  const user = encodeURIComponent(leafUserFor(o.agency));
  const pass = encodeURIComponent(o.leafPassword);
  const urls = o.hubLeafUrls.map((u) => {
    const url = new URL(u);
    return `nats-leaf://${user}:${pass}@${url.host}`;
  });
  const onTheBus = [`${ns}.evt.>`, `${ns}.dlq.>`];
  return [
    '# Written by scripts/lib/leaf-node.js (ADR 21).',
    `server_name: icb_leaf_${o.agency.replace(/-/g, '_')}_${o.port}`,
    `listen: ${o.host ?? '127.0.0.1'}:${o.port}`,
    `http: 127.0.0.1:${o.monitorPort}`,
    'jetstream {',
    `  store_dir: ${q(o.storeDir)}`,
    `  domain: ${domain}`,
    '  sync_interval: always',
    '}',
    authorizationBlock([
      {
        user: adapter,
        password: o.adapterPassword,
        permissions: leafAdapterPermissions(o.agency, { namespace: ns }),
      },
      { user: 'leaf-admin', password: o.adminPassword },
    ]),
    'leafnodes {',
    `  reconnect: ${o.reconnectSeconds ?? 1}`,
    '  remotes = [',
    '    {',
    `      urls: [${urls.map(q).join(', ')}]`,
    // Only the hub addresses the enclave's firewall lets through: not those
    // the hub advertises (which would also bypass a link a test cuts).
    '      ignore_discovered_servers: true',
    `      deny_exports: [${onTheBus.map(q).join(', ')}]`,
    `      deny_imports: [${onTheBus.map(q).join(', ')}]`,
    '    }',
    '  ]',
    '}',
    '',
  ].join('\n');
}

/** The nats-server binary the scripts use (even when NATS_URL names a shared server). */
async function natsBinary() {
  const shared = process.env.NATS_URL;
  delete process.env.NATS_URL;
  try {
    const r = await infra.resolveNats();
    if (!('bin' in r) || !r.bin)
      throw new Error('no nats-server binary (run `node scripts/infra.js ensure`)');
    return r.bin;
  } finally {
    if (shared !== undefined) process.env.NATS_URL = shared;
  }
}

/**
 * @typedef {{ url: string, pid: number, logFile: string, configFile: string,
 *   stop: () => Promise<void>, kill: () => Promise<void> }} ConfiguredNats
 */

/**
 * Writes `config` to `<dataDir>/nats-server.conf`, starts nats-server on it,
 * and resolves once its monitor answers `/healthz?js-enabled-only=true`.
 * `detached`: in a process group of its own, so that a Ctrl-C in the terminal
 * reaches only the script that started it (`npm start`, which stops it last).
 * @param {{ dataDir: string, config: string, port: number, monitorPort: number,
 *   timeoutMs?: number, detached?: boolean }} o
 * @returns {Promise<ConfiguredNats>}
 */
async function startConfiguredNats(o) {
  fs.mkdirSync(o.dataDir, { recursive: true });
  const configFile = path.join(o.dataDir, 'nats-server.conf');
  fs.writeFileSync(configFile, o.config, { mode: 0o600 });
  const logFile = path.join(o.dataDir, 'nats-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = childProcess.spawn(await natsBinary(), ['-c', configFile], {
    stdio: ['ignore', out, out],
    detached: o.detached ?? false,
  });
  fs.closeSync(out);
  const pid = child.pid ?? 0;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const deadline = Date.now() + (o.timeoutMs ?? 20_000);
  for (;;) {
    if (exited()) {
      throw new Error(`nats-server exited (${child.exitCode}); see ${logFile}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${o.monitorPort}/healthz?js-enabled-only=true`, {
        signal: AbortSignal.timeout(1000),
      });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nats-server not ready in time; see ${logFile}`);
    }
    await infra.sleep(50);
  }
  return {
    url: `nats://127.0.0.1:${o.port}`,
    pid,
    logFile,
    configFile,
    stop: async () => {
      await infra.stopProcess({ pid, child, name: `nats-server ${o.port}` });
    },
    kill: async () => {
      if (exited()) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

module.exports = {
  HUB_DOMAIN,
  leafDomainFor,
  leafUserFor,
  hubLeafPermissions,
  hubLeafUser,
  leafAdapterPermissions,
  authorizationBlock,
  hubConfigLines,
  hubServerConfig,
  leafServerConfig,
  natsBinary,
  startConfiguredNats,
};
