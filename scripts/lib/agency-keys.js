// @ts-check
// The agencies' signing keys of a deployment (ADR 15,
// docs/adr/0015-signed-positions.md): every message an agency publishes is
// signed with its Ed25519 key (a detached JWS over the canonical envelope),
// and the coordinator verifies it against the public key registry. Plain
// CommonJS with no dependency outside Node's standard library: it runs before
// `npm ci` and before any build (scripts/stack.js, compose's init service).
//
//   node scripts/lib/agency-keys.js <dir>
//
// writes, when they do not exist yet:
//   <dir>/<agency>.private.jwk   the agency's private key (0600): its adapter's SIGNING_KEY_FILE
//   <dir>/agency-keys.json       the public registry (a JWK Set with agency and
//                                effective dates): the coordinator's AGENCY_KEYS_FILE
// A key already there is kept; an agency missing from the registry is added
// (its key made or read back), so a deployment keeps its keys from one start
// to the next. Rotation is an edit of the registry: add the new key with its
// effectiveFrom, give the old one an effectiveUntil, keep both.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const AGENCIES = Object.freeze(['state-pm', 'dod', 'nsc', 'cia', 'treasury']);
const REGISTRY = 'agency-keys.json';

/** @param {string} agency */
const privateKeyFile = (agency) => `${agency}.private.jwk`;

/**
 * A new Ed25519 key pair as JWKs with a key id.
 * @param {string} kid
 */
function newKeyPair(kid) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const meta = { kid, alg: 'EdDSA', use: 'sig' };
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), ...meta },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), ...meta },
  };
}

/** @param {string} file @param {unknown} value */
function writeSecret(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

/**
 * The public half of a private JWK file.
 * @param {string} file
 */
function publicOf(file) {
  const jwk = JSON.parse(fs.readFileSync(file, 'utf8'));
  const key = crypto.createPublicKey({
    key: crypto.createPrivateKey({ key: jwk, format: 'jwk' }),
    format: 'jwk',
  });
  return { ...key.export({ format: 'jwk' }), kid: jwk.kid, alg: 'EdDSA', use: 'sig' };
}

/**
 * Makes what is missing of the deployment's keys in `dir` and returns where
 * they are.
 * @param {string} dir
 * @param {{ now?: Date }} [options]
 */
function ensureAgencyKeys(dir, options = {}) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const registryFile = path.join(dir, REGISTRY);
  /** @type {{ keys: Record<string, unknown>[] }} */
  const registry = fs.existsSync(registryFile)
    ? JSON.parse(fs.readFileSync(registryFile, 'utf8'))
    : { keys: [] };
  // A few minutes back: a clock of the bus a little behind this machine's
  // must not find the first keys not yet effective.
  const since = new Date((options.now ?? new Date()).getTime() - 5 * 60_000).toISOString();
  const made = [];
  let changed = false;
  for (const agency of AGENCIES) {
    const file = path.join(dir, privateKeyFile(agency));
    if (!fs.existsSync(file)) {
      const kid = `${agency}-${since.slice(0, 10)}-${crypto.randomBytes(3).toString('hex')}`;
      const { privateJwk } = newKeyPair(kid);
      writeSecret(file, privateJwk);
      made.push(agency);
    }
    const publicJwk = publicOf(file);
    if (!registry.keys.some((k) => k.kid === publicJwk.kid)) {
      registry.keys.push({ ...publicJwk, agency, effectiveFrom: since });
      changed = true;
    }
  }
  if (changed) {
    const tmp = `${registryFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(registry, null, 2)}\n`, { mode: 0o644 });
    fs.renameSync(tmp, registryFile);
  }
  return {
    dir,
    registryFile,
    made,
    /** @param {string} agency */
    signingKeyFile: (agency) => path.join(dir, privateKeyFile(agency)),
  };
}

/**
 * The environment a service gets: an adapter its agency's SIGNING_KEY_FILE,
 * the coordinator the registry (AGENCY_KEYS_FILE); nothing when the
 * environment already gives one.
 * @param {ReturnType<typeof ensureAgencyKeys>} keys
 * @param {string} service e.g. `dod-adapter`, `coordinator`
 * @param {Record<string, string | undefined>} [env]
 */
function signingEnv(keys, service, env = process.env) {
  if (service === 'coordinator') {
    return env.AGENCY_KEYS || env.AGENCY_KEYS_FILE ? {} : { AGENCY_KEYS_FILE: keys.registryFile };
  }
  const agency = service.replace(/-adapter$/, '');
  if (!AGENCIES.includes(agency) || env.SIGNING_KEY || env.SIGNING_KEY_FILE) return {};
  return { SIGNING_KEY_FILE: keys.signingKeyFile(agency) };
}

module.exports = { AGENCIES, REGISTRY, ensureAgencyKeys, signingEnv, newKeyPair };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/lib/agency-keys.js <dir>\n');
    process.exit(2);
  }
  const keys = ensureAgencyKeys(path.resolve(dir));
  process.stdout.write(
    `agency signing keys in ${keys.dir}${keys.made.length ? ` (new: ${keys.made.join(', ')})` : ''}\n`,
  );
}
