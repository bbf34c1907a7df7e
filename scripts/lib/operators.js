// @ts-check
// Operator accounts of the coordinator (ADR 8, docs/adr/0008-operator-sign-in.md):
// the people who sign in to the dashboard, the REST API and `icb`, and the
// adapters' service accounts that read the coordinator's REST API. Plain
// CommonJS with no dependency outside Node's standard library: it runs before
// `npm ci` and before any build (scripts/stack.js, compose's init service).
//
// The coordinator reads an accounts file (OPERATORS_FILE) holding only
// hashes: scrypt for passwords, SHA-256 for API tokens (random, 256 bits).
// The plaintext goes to a separate file, readable by its owner only, for the
// people who start the stack (and `icb`, which signs in with it).
//
//   node scripts/lib/operators.js <dir>
//
// writes <dir>/operators.json (hashes) and <dir>/operator-credentials.json
// (plaintext) when they do not exist yet.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Roles: a viewer reads; an action officer also acts (dead letters, dev clock). */
const ROLES = Object.freeze(['viewer', 'action-officer']);
const CLEARANCES = Object.freeze(['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET']);
const AGENCIES = Object.freeze(['state-pm', 'dod', 'nsc', 'cia', 'treasury']);

/** scrypt parameters: N=2^15 (32 MiB of memory), r=8, p=1 (ADR 8). */
const SCRYPT = Object.freeze({ N: 32768, r: 8, p: 1, keylen: 32 });

/**
 * `scrypt$N$r$p$<salt>$<hash>` (base64url), what an accounts file holds.
 * Tests pass a smaller `N` (at least 1024) to stay fast.
 * @param {string} password @param {{ N?: number }} [options]
 */
function hashPassword(password, options = {}) {
  const N = options.N ?? SCRYPT.N;
  if (typeof password !== 'string' || password.length < 8) {
    throw new Error('a password has at least 8 characters');
  }
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, SCRYPT.keylen, {
    N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: 64 * 1024 * 1024,
  });
  return [
    'scrypt',
    N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** `sha256$<hex>` of an API token. @param {string} token */
function hashToken(token) {
  if (typeof token !== 'string' || token.length < 32) {
    throw new Error('an API token has at least 32 characters');
  }
  return `sha256$${crypto.createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

/** A fresh random secret, URL-safe. @param {number} [bytes] */
function randomSecret(bytes = 24) {
  return crypto.randomBytes(bytes).toString('base64url');
}

/**
 * @typedef {{ username: string, name: string, roles: string[], clearance: string,
 *   agency?: string, password?: string, token?: string }} Account
 * @typedef {{ username: string, name: string, roles: string[], clearance: string,
 *   agency?: string, kind: 'person' | 'service', secret: string }} Credential
 */

/**
 * The accounts of a local stack: `officer` (action officer, TOP SECRET),
 * `viewer` (viewer, SECRET) and one service account per adapter (viewer,
 * TOP SECRET, its agency), with fresh secrets.
 * @returns {{ accounts: { accounts: Account[] }, credentials: { sessionSecret: string, accounts: Credential[] } }}
 */
function generateStackAccounts() {
  /** @type {Credential[]} */
  const credentials = [
    {
      username: 'officer',
      name: 'Duty action officer',
      roles: ['viewer', 'action-officer'],
      clearance: 'TOP SECRET',
      kind: 'person',
      secret: randomSecret(12),
    },
    {
      username: 'viewer',
      name: 'Watch officer (read only)',
      roles: ['viewer'],
      clearance: 'SECRET',
      kind: 'person',
      secret: randomSecret(12),
    },
    ...AGENCIES.map(
      (agency) =>
        /** @type {Credential} */ ({
          username: `${agency}-adapter`,
          name: `${agency} adapter (service account)`,
          roles: ['viewer'],
          clearance: 'TOP SECRET',
          agency,
          kind: 'service',
          secret: randomSecret(32),
        }),
    ),
  ];
  return {
    accounts: { accounts: credentials.map(toAccount) },
    credentials: { sessionSecret: randomSecret(32), accounts: credentials },
  };
}

/**
 * The hashed form of one credential.
 * @param {Credential} c @param {{ N?: number }} [options] @returns {Account}
 */
function toAccount(c, options = {}) {
  /** @type {Account} */
  const account = { username: c.username, name: c.name, roles: c.roles, clearance: c.clearance };
  if (c.agency) account.agency = c.agency;
  if (c.kind === 'service') account.token = hashToken(c.secret);
  else account.password = hashPassword(c.secret, options);
  return account;
}

/** @param {string} file @param {unknown} value */
function writePrivateJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * Makes sure `<dir>/operators.json` (hashes, for the coordinator) and
 * `<dir>/operator-credentials.json` (plaintext, for people and `icb`) exist;
 * keeps them when they do, so passwords last from one start to the next.
 * @param {string} dir
 * @returns {{ accountsFile: string, credentialsFile: string,
 *   credentials: { sessionSecret: string, accounts: Credential[] }, created: boolean }}
 */
function ensureStackAccounts(dir) {
  const accountsFile = path.join(dir, 'operators.json');
  const credentialsFile = path.join(dir, 'operator-credentials.json');
  if (fs.existsSync(accountsFile) && fs.existsSync(credentialsFile)) {
    const credentials = JSON.parse(fs.readFileSync(credentialsFile, 'utf8'));
    return { accountsFile, credentialsFile, credentials, created: false };
  }
  const { accounts, credentials } = generateStackAccounts();
  writePrivateJson(accountsFile, accounts);
  writePrivateJson(credentialsFile, credentials);
  return { accountsFile, credentialsFile, credentials, created: true };
}

/** @param {{ accounts: Credential[] }} credentials @param {string} username */
function secretOf(credentials, username) {
  const found = credentials.accounts.find((a) => a.username === username);
  if (!found) throw new Error(`no operator account "${username}"`);
  return found.secret;
}

module.exports = {
  ROLES,
  CLEARANCES,
  SCRYPT,
  hashPassword,
  hashToken,
  randomSecret,
  generateStackAccounts,
  toAccount,
  ensureStackAccounts,
  secretOf,
  writePrivateJson,
};

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/lib/operators.js <dir>\n');
    process.exit(2);
  }
  const result = ensureStackAccounts(dir);
  process.stdout.write(
    `${result.created ? 'wrote' : 'kept'} ${result.accountsFile} and ${result.credentialsFile}\n`,
  );
}
