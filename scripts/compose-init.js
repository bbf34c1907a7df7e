#!/usr/bin/env node
// @ts-check
// The `init` service of docker-compose.yml: every secret the stack needs,
// generated once and kept from one `docker compose up` to the next (ADR 6,
// ADR 8). Plain CommonJS with no dependency outside Node's standard library:
// it runs in a stock node image, before any build.
//
//   node scripts/compose-init.js <dir> [--service-owner <uid>:<gid>]
//
// <dir> holds the originals, readable by the user running this (root in
// compose) and nobody else:
//
//   nats-passwords.json         every NATS user's password
//   operators.json              operator accounts, hashes only (scripts/lib/operators.js)
//   operator-credentials.json   the people's usernames and passwords, for people and `icb`
//   session-key                 the key that signs the coordinator's sessions
//   service-accounts.json       the adapters' API tokens for the coordinator
//   operator.nats-password      the `operator` NATS user's password, for `icb`
//   agency-clients.json         the agency systems' OAuth2 client ids and secrets (ADR 18),
//                               with each adapter's issuer key and clients (agency-clients.js)
//   keys/                       each agency's signing key and the public registry (ADR 15,
//                               scripts/lib/agency-keys.js)
//
// and one sub-folder per consumer, each a volume of its own in compose so that
// a container sees only its own secrets:
//
//   nats/nats-auth.conf                      the server's `authorization {}` block
//   coordinator/coordinator.nats-password    + operators.json, session-secret, agency-keys.json
//   <agency>-adapter/<agency>-adapter.nats-password  + coordinator-token, signing-key.jwk, and its
//                                    issuer key, JWKS and clients (adapter-*.json, ADR 18)
//
// The originals are generated only when missing. The per-consumer files are
// derived from them: written when missing or different (so they always agree
// with the originals), otherwise left as they are; their mode and owner are
// set at every run. The services' files are mode 0400 and owned by
// --service-owner (default, when run as root: 1000:1000, the `node` user the
// Dockerfile's image runs as); nats-server (root in the nats image) and
// people's files stay with the user running this, mode 0600.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const natsAuth = require('./lib/nats-auth.js');
const operators = require('./lib/operators.js');
const agencyClients = require('./lib/agency-clients.js');
const agencyKeys = require('./lib/agency-keys.js');

/** The `node` user of node:24-bookworm-slim, which runs every service (Dockerfile: USER node). */
const DEFAULT_SERVICE_OWNER = Object.freeze({ uid: 1000, gid: 1000 });

/** What the services' containers get (their folder is mounted at /secrets). */
const FILES = Object.freeze({
  natsAuth: 'nats-auth.conf',
  /** @param {string} user */
  natsPassword: (user) => `${user}.nats-password`,
  operators: 'operators.json',
  sessionSecret: 'session-secret',
  coordinatorToken: 'coordinator-token',
  /** An adapter's issuer key, its JWKS and its clients (ADR 18, scripts/lib/agency-clients.js). */
  adapterTokenKey: 'adapter-token-key.json',
  adapterJwks: 'adapter-jwks.json',
  adapterClients: 'adapter-clients.json',
  /** An adapter's private signing key (SIGNING_KEY_FILE), the coordinator's registry (AGENCY_KEYS_FILE): ADR 15. */
  signingKey: 'signing-key.jwk',
  agencyKeys: 'agency-keys.json',
});

/** The services that get a folder of their own: the coordinator and the adapters. */
const SERVICES = Object.freeze(natsAuth.USERS.filter((u) => u !== 'operator'));

/**
 * @typedef {{ uid: number, gid: number }} Owner
 * @typedef {{ serviceOwner?: Owner | null }} Options
 * @typedef {{ file: string, action: 'created' | 'rewritten' | 'kept' }} FileResult
 */

/**
 * Writes `content` to `file` unless it already holds exactly that, then sets
 * mode and owner. A new content goes to a temporary file first and is renamed
 * over the old one, so a reader never sees half a file.
 * @param {string} file @param {string} content @param {number} mode @param {Owner | null} owner
 * @returns {FileResult}
 */
function writeDerived(file, content, mode, owner) {
  /** @type {FileResult['action']} */
  let action = 'kept';
  let current;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== content) {
    const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, content, { mode: 0o600 });
    fs.renameSync(tmp, file);
    action = current === undefined ? 'created' : 'rewritten';
  }
  if (owner) fs.chownSync(file, owner.uid, owner.gid);
  fs.chmodSync(file, mode);
  return { file, action };
}

/** @param {string} dir @param {Owner | null} owner */
function privateDir(dir, owner) {
  fs.mkdirSync(dir, { recursive: true });
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  fs.chmodSync(dir, 0o700);
}

/**
 * Generates what is missing under `dir` and (re)derives every consumer's files.
 * @param {string} dir @param {Options} [options]
 * @returns {{ files: FileResult[], credentialsFile: string }}
 */
function ensureComposeSecrets(dir, options = {}) {
  const root = path.resolve(dir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const serviceOwner =
    options.serviceOwner === undefined
      ? isRoot
        ? DEFAULT_SERVICE_OWNER
        : null
      : options.serviceOwner;
  privateDir(root, null);

  // --- the originals, generated only when missing
  /** @type {FileResult[]} */
  const files = [];
  const passwordsFile = path.join(root, 'nats-passwords.json');
  const hadPasswords = fs.existsSync(passwordsFile);
  const { passwords, created } = natsAuth.ensurePasswordsFile(passwordsFile);
  files.push({
    file: passwordsFile,
    action: !hadPasswords ? 'created' : created.length > 0 ? 'rewritten' : 'kept',
  });
  // The machines' secrets beside the people's passwords, in files of their
  // own (an old single operator-credentials.json is split); each service
  // gets its own copy below.
  const accounts = operators.ensureStackAccounts(root, { secretsDir: root, tokenFiles: false });
  for (const file of [
    accounts.accountsFile,
    accounts.credentialsFile,
    accounts.sessionKeyFile,
    accounts.serviceAccountsFile,
  ]) {
    const split = accounts.migrated && file !== accounts.accountsFile;
    files.push({ file, action: accounts.created ? 'created' : split ? 'rewritten' : 'kept' });
  }
  const { credentials } = accounts;
  files.push(
    writeDerived(path.join(root, FILES.natsPassword('operator')), passwords.operator, 0o600, null),
  );

  // --- nats-server: the authorization block (read by root in the nats image)
  const natsDir = path.join(root, 'nats');
  privateDir(natsDir, null);
  files.push(
    writeDerived(
      path.join(natsDir, FILES.natsAuth),
      natsAuth.generateAuthConfig({ passwords }),
      0o600,
      null,
    ),
  );

  // --- the agencies' systems: their OAuth2 clients and each adapter's issuer key (ADR 18)
  const agencyAuth = agencyClients.ensureAgencyClients(root);
  files.push({ file: agencyAuth.clientsFile, action: agencyAuth.created ? 'created' : 'kept' });

  // --- the agencies' signing keys and their public registry (ADR 15)
  const signing = agencyKeys.ensureAgencyKeys(path.join(root, 'keys'));
  files.push({ file: signing.registryFile, action: signing.made.length > 0 ? 'created' : 'kept' });

  // --- the services: each its NATS password, plus what its role needs
  const operatorsJson = fs.readFileSync(accounts.accountsFile, 'utf8');
  for (const service of SERVICES) {
    const serviceDir = path.join(root, service);
    privateDir(serviceDir, serviceOwner);
    /** @param {string} name @param {string} content */
    const put = (name, content) =>
      files.push(writeDerived(path.join(serviceDir, name), content, 0o400, serviceOwner));
    put(FILES.natsPassword(service), passwords[service]);
    if (service === 'coordinator') {
      put(FILES.operators, operatorsJson);
      put(FILES.sessionSecret, credentials.sessionSecret);
      put(FILES.agencyKeys, fs.readFileSync(signing.registryFile, 'utf8'));
    } else {
      put(
        FILES.signingKey,
        fs.readFileSync(signing.signingKeyFile(service.replace(/-adapter$/, '')), 'utf8'),
      );
      put(FILES.coordinatorToken, operators.secretOf(credentials, service));
      const auth = agencyAuth.adapterFiles(service.replace(/-adapter$/, ''));
      put(FILES.adapterTokenKey, fs.readFileSync(auth.tokenKeyFile, 'utf8'));
      put(FILES.adapterJwks, fs.readFileSync(auth.jwksFile, 'utf8'));
      put(FILES.adapterClients, fs.readFileSync(auth.clientsFile, 'utf8'));
    }
  }
  return { files, credentialsFile: accounts.credentialsFile };
}

/** @param {string} value @returns {Owner} */
function parseOwner(value) {
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match) throw new Error(`--service-owner must be <uid>:<gid>, got "${value}"`);
  return { uid: Number(match[1]), gid: Number(match[2]) };
}

module.exports = { FILES, SERVICES, DEFAULT_SERVICE_OWNER, ensureComposeSecrets, parseOwner };

if (require.main === module) {
  const args = process.argv.slice(2);
  const ownerAt = args.indexOf('--service-owner');
  const ownerArg = ownerAt === -1 ? undefined : args.splice(ownerAt, 2)[1];
  if (args.length !== 1 || (ownerAt !== -1 && ownerArg === undefined)) {
    process.stderr.write(
      'usage: node scripts/compose-init.js <dir> [--service-owner <uid>:<gid>]\n',
    );
    process.exit(2);
  }
  try {
    /** @type {Options} */
    const options = ownerArg === undefined ? {} : { serviceOwner: parseOwner(ownerArg) };
    const { files, credentialsFile } = ensureComposeSecrets(args[0], options);
    // Names only: compose keeps the logs, the secrets stay in their files.
    for (const { file, action } of files) process.stdout.write(`${action.padEnd(9)} ${file}\n`);
    process.stdout.write(
      `operators' sign-in: ${credentialsFile}; the operator's NATS password: ` +
        `${path.join(path.dirname(credentialsFile), FILES.natsPassword('operator'))}\n`,
    );
  } catch (error) {
    process.stderr.write(
      `compose-init: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
