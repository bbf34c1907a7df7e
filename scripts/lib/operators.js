// @ts-check
// Operator accounts of the coordinator (ADR 8, docs/adr/0008-operator-sign-in.md):
// the people who sign in to the dashboard, the REST API and `icb`, and the
// adapters' service accounts that read the coordinator's REST API. Plain
// CommonJS with no dependency outside Node's standard library: it runs before
// `npm ci` and before any build (scripts/stack.js, compose's init service).
//
// The coordinator reads an accounts file (OPERATORS_FILE) holding only
// hashes: scrypt for passwords, SHA-256 for API tokens (random, 256 bits).
// The people's passwords go to a separate file, readable by its owner only,
// for the people who start the stack (and `icb`, which signs in with it).
// The machines' secrets are kept apart from them, in <dir>/secrets/ (0700):
// the key that signs sessions, and the service accounts' API tokens (with one
// file per adapter holding only its own, for COORDINATOR_TOKEN_FILE).
//
//   node scripts/lib/operators.js <dir>
//
// writes, when they do not exist yet:
//   <dir>/operators.json                   hashes only (the coordinator's OPERATORS_FILE)
//   <dir>/operator-credentials.json        the people's usernames and passwords
//   <dir>/secrets/session-key              the coordinator's SESSION_SECRET_FILE
//   <dir>/secrets/service-accounts.json    the adapters' API tokens
//   <dir>/secrets/<name>.coordinator-token one adapter's token (COORDINATOR_TOKEN_FILE)
// and splits an operator-credentials.json of the old format (which held all
// of it) into them.
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
    maxmem: 256 * N * SCRYPT.r + 1024 * 1024,
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

/**
 * Writes a file readable by its owner only (0600), through a temporary file
 * renamed over the old one, so a reader never sees half of it.
 * @param {string} file @param {string} content
 */
function writePrivateFile(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** @param {string} file @param {unknown} value */
function writePrivateJson(file, value) {
  writePrivateFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A folder only its owner may enter (0700). @param {string} dir */
function privateDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o700);
}

/** @param {string} file */
function readJsonIfPresent(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/**
 * Where a stack's sign-in files live.
 * @param {string} dir @param {{ secretsDir?: string }} [options]
 */
function stackFiles(dir, options = {}) {
  const secretsDir = options.secretsDir ?? path.join(dir, 'secrets');
  return {
    accountsFile: path.join(dir, 'operators.json'),
    credentialsFile: path.join(dir, 'operator-credentials.json'),
    secretsDir,
    sessionKeyFile: path.join(secretsDir, 'session-key'),
    serviceAccountsFile: path.join(secretsDir, 'service-accounts.json'),
    /** @param {string} username */
    serviceTokenFile: (username) => path.join(secretsDir, `${username}.coordinator-token`),
  };
}

/**
 * Splits an operator-credentials.json of the old format (the people's
 * passwords, the session key and the service accounts' tokens in one file)
 * into the files of the new one. Nothing changes for the accounts: the same
 * passwords, tokens and key. Answers whether there was anything to split.
 * @param {ReturnType<typeof stackFiles>} files
 */
function migrateOldCredentials(files) {
  const old = readJsonIfPresent(files.credentialsFile);
  if (!old || (old.sessionSecret === undefined && !hasServiceAccounts(old))) return false;
  privateDir(files.secretsDir);
  if (typeof old.sessionSecret === 'string' && !fs.existsSync(files.sessionKeyFile)) {
    writePrivateFile(files.sessionKeyFile, old.sessionSecret);
  }
  /** @type {Credential[]} */
  const all = Array.isArray(old.accounts) ? old.accounts : [];
  const services = all.filter((a) => a.kind === 'service');
  if (services.length > 0 && !fs.existsSync(files.serviceAccountsFile)) {
    writePrivateJson(files.serviceAccountsFile, { accounts: services });
  }
  // The people's file last: until it is rewritten, a run that stopped midway splits again.
  writePrivateJson(files.credentialsFile, { accounts: all.filter((a) => a.kind !== 'service') });
  return true;
}

/** @param {{ accounts?: Credential[] }} doc */
function hasServiceAccounts(doc) {
  return Array.isArray(doc.accounts) && doc.accounts.some((a) => a.kind === 'service');
}

/**
 * Makes sure the sign-in files of a stack exist (see the top of this file);
 * keeps them when they do, so passwords last from one start to the next, and
 * splits an old-format operator-credentials.json first. A lost session key
 * is replaced (sessions end); any other file lost means a new set of
 * accounts. `secretsDir` puts the machines' secrets elsewhere (compose keeps
 * them beside the rest, in its own private volume, and hands each adapter its
 * token itself: `tokenFiles: false`).
 * `credentials` gathers all of them in memory (sessionSecret, every account).
 * @param {string} dir @param {{ secretsDir?: string, tokenFiles?: boolean }} [options]
 * @returns {ReturnType<typeof stackFiles> & {
 *   credentials: { sessionSecret: string, accounts: Credential[] },
 *   created: boolean, migrated: boolean }}
 */
function ensureStackAccounts(dir, options = {}) {
  const files = stackFiles(dir, options);
  const migrated = migrateOldCredentials(files);
  privateDir(files.secretsDir);
  const people = readJsonIfPresent(files.credentialsFile);
  const services = readJsonIfPresent(files.serviceAccountsFile);
  let created = false;
  /** @type {{ sessionSecret: string, accounts: Credential[] }} */
  let credentials;
  if (fs.existsSync(files.accountsFile) && people && services) {
    let sessionSecret;
    if (fs.existsSync(files.sessionKeyFile)) {
      sessionSecret = fs.readFileSync(files.sessionKeyFile, 'utf8').replace(/\r?\n$/, '');
    } else {
      sessionSecret = randomSecret(32);
      writePrivateFile(files.sessionKeyFile, sessionSecret);
    }
    credentials = { sessionSecret, accounts: [...people.accounts, ...services.accounts] };
  } else {
    const generated = generateStackAccounts();
    credentials = generated.credentials;
    writePrivateJson(files.accountsFile, generated.accounts);
    writePrivateFile(files.sessionKeyFile, credentials.sessionSecret);
    writePrivateJson(files.serviceAccountsFile, {
      accounts: credentials.accounts.filter((a) => a.kind === 'service'),
    });
    writePrivateJson(files.credentialsFile, {
      accounts: credentials.accounts.filter((a) => a.kind !== 'service'),
    });
    created = true;
  }
  // Each adapter's own token, for COORDINATOR_TOKEN_FILE (derived: rewritten when it differs).
  const tokenOwners = options.tokenFiles === false ? [] : credentials.accounts;
  for (const account of tokenOwners.filter((a) => a.kind === 'service')) {
    const file = files.serviceTokenFile(account.username);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current !== account.secret) writePrivateFile(file, account.secret);
  }
  return { ...files, credentials, created, migrated };
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
  migrateOldCredentials,
  stackFiles,
  secretOf,
  writePrivateFile,
  writePrivateJson,
};

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/lib/operators.js <dir>\n');
    process.exit(2);
  }
  const result = ensureStackAccounts(dir);
  if (result.migrated) {
    process.stdout.write(
      `split ${result.credentialsFile}: the session key and service tokens are now in ${result.secretsDir}\n`,
    );
  }
  process.stdout.write(
    `${result.created ? 'wrote' : 'kept'} ${result.accountsFile}, ${result.credentialsFile} ` +
      `and ${result.secretsDir}\n`,
  );
}
