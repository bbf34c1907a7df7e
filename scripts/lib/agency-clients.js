// @ts-check
// The agency systems' OAuth2 clients of a deployment without an identity
// provider (ADR 18, docs/adr/0018-agency-identity-at-the-adapter-edge.md).
// Plain CommonJS with no dependency outside Node's standard library: it runs
// before `npm ci` and before any build (scripts/stack.js, compose's init).
//
// Each adapter issues the access tokens of its own agency's systems
// (`POST /oauth/token`, client credentials) with a key of its own, and trusts
// only that key: a key that leaks from one adapter cannot mint tokens for
// another. Per agency:
//
//   <agency>-adapter.token-key.json  the adapter's private issuer key (Ed25519 JWK with kid)
//   <agency>-adapter.jwks.json       its public half (ADAPTER_AUTH_JWKS_FILE; add a key here to rotate)
//   <agency>-adapter.clients.json    its clients: ids and SHA-256 of their secrets (ADAPTER_CLIENTS_FILE)
//
// and, for the people and programs that act as the agencies' systems:
//
//   agency-clients.json              every client's id and secret, by agency
//
// All 0600 in a 0700 folder. Generated when missing, kept from one start to
// the next (the secrets people may have copied into their systems).
//
//   node scripts/lib/agency-clients.js <dir>
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const AGENCIES = Object.freeze(['state-pm', 'dod', 'nsc', 'cia', 'treasury']);

/** The people's file (client ids and secrets). */
const CLIENTS_FILE = 'agency-clients.json';

/** @param {string} agency */
const FILES = Object.freeze({
  /** @param {string} agency */
  tokenKey: (agency) => `${agency}-adapter.token-key.json`,
  /** @param {string} agency */
  jwks: (agency) => `${agency}-adapter.jwks.json`,
  /** @param {string} agency */
  clients: (agency) => `${agency}-adapter.clients.json`,
});

/**
 * @typedef {{ agency: string, clientId: string, clientSecret: string }} AgencyClient
 * @typedef {{ kty: string, crv: string, x: string, d?: string, kid: string, alg: string, use: string }} Jwk
 */

/** The default client id of an agency's system. @param {string} agency */
function clientIdOf(agency) {
  return `${agency}-system`;
}

/** RFC 7638 thumbprint of an OKP public key (its `kid`). @param {{ crv: string, x: string }} jwk */
function thumbprint(jwk) {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: 'OKP', x: jwk.x });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

/** A new Ed25519 issuer key: the private JWK and its JWKS. */
function generateIssuerKey() {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const exported = /** @type {{ kty: string, crv: string, x: string, d: string }} */ (
    privateKey.export({ format: 'jwk' })
  );
  const kid = thumbprint(exported);
  /** @type {Jwk} */
  const privateJwk = { ...exported, kid, alg: 'EdDSA', use: 'sig' };
  const { d: _d, ...publicJwk } = privateJwk;
  return { privateJwk, jwks: { keys: [publicJwk] } };
}

/** SHA-256 of a client secret, hex (what an adapter keeps). @param {string} secret */
function secretHash(secret) {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** @param {string} file @param {unknown} value */
function writePrivateJson(file, value) {
  const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

/** @param {string} file */
function readJsonIfPresent(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** An adapter's clients file: its agency's clients, hashes only. @param {AgencyClient[]} clients @param {string} agency */
function adapterClients(clients, agency) {
  return {
    clients: clients
      .filter((c) => c.agency === agency)
      .map((c) => ({ clientId: c.clientId, agency, secretSha256: secretHash(c.clientSecret) })),
  };
}

/**
 * Makes what is missing under `dir` (created 0700): each agency's client and
 * its adapter's issuer key, JWKS and clients file. Existing keys and secrets
 * are kept; an adapter's clients file is rewritten from the people's file.
 * @param {string} dir
 * @returns {{ clientsFile: string, clients: AgencyClient[], created: boolean,
 *   adapterFiles: (agency: string) => { tokenKeyFile: string, jwksFile: string, clientsFile: string } }}
 */
function ensureAgencyClients(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o700);
  const clientsFile = path.join(dir, CLIENTS_FILE);
  const existing = readJsonIfPresent(clientsFile);
  /** @type {AgencyClient[]} */
  const clients = Array.isArray(existing?.clients) ? existing.clients : [];
  let created = false;
  for (const agency of AGENCIES) {
    if (!clients.some((c) => c.agency === agency)) {
      clients.push({
        agency,
        clientId: clientIdOf(agency),
        clientSecret: crypto.randomBytes(32).toString('base64url'),
      });
      created = true;
    }
    const keyFile = path.join(dir, FILES.tokenKey(agency));
    const jwksFile = path.join(dir, FILES.jwks(agency));
    if (!fs.existsSync(keyFile) || !fs.existsSync(jwksFile)) {
      const { privateJwk, jwks } = generateIssuerKey();
      writePrivateJson(keyFile, privateJwk);
      writePrivateJson(jwksFile, jwks);
      created = true;
    }
    writePrivateJson(path.join(dir, FILES.clients(agency)), adapterClients(clients, agency));
  }
  if (created || !existing) writePrivateJson(clientsFile, { clients });
  return {
    clientsFile,
    clients,
    created,
    adapterFiles: (agency) => ({
      tokenKeyFile: path.join(dir, FILES.tokenKey(agency)),
      jwksFile: path.join(dir, FILES.jwks(agency)),
      clientsFile: path.join(dir, FILES.clients(agency)),
    }),
  };
}

/**
 * The environment of an adapter (`<agency>-adapter`) for the files above, or
 * {} for any other service.
 * @param {ReturnType<typeof ensureAgencyClients>} made @param {string} service
 * @returns {Record<string, string>}
 */
function adapterAuthEnv(made, service) {
  const agency = AGENCIES.find((a) => `${a}-adapter` === service);
  if (!agency) return {};
  const files = made.adapterFiles(agency);
  return {
    ADAPTER_TOKEN_ISSUER_KEY_FILE: files.tokenKeyFile,
    ADAPTER_CLIENTS_FILE: files.clientsFile,
    ADAPTER_AUTH_JWKS_FILE: files.jwksFile,
  };
}

module.exports = {
  AGENCIES,
  CLIENTS_FILE,
  FILES,
  clientIdOf,
  thumbprint,
  generateIssuerKey,
  secretHash,
  adapterClients,
  ensureAgencyClients,
  adapterAuthEnv,
};

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/lib/agency-clients.js <dir>\n');
    process.exit(2);
  }
  const made = ensureAgencyClients(dir);
  process.stdout.write(
    `${made.created ? 'wrote' : 'kept'} ${made.clientsFile} and the adapters' keys\n`,
  );
}
