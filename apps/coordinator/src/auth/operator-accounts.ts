import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { CLEARANCES, Clearance, Operator, OPERATOR_ROLES, OperatorRole } from './operator';

/**
 * The operator accounts file (OPERATORS_FILE or OPERATORS), written by
 * scripts/lib/operators.js: hashes only, never a password.
 *
 *   { "accounts": [ { "username": "officer", "name": "…", "roles": ["viewer", "action-officer"],
 *       "clearance": "TOP SECRET", "password": "scrypt$N$r$p$<salt>$<hash>" },
 *     { "username": "dod-adapter", …, "agency": "dod", "token": "sha256$<hex>" } ] }
 */
export interface StoredAccount {
  operator: Operator;
  password?: ScryptHash;
  tokenSha256?: Buffer;
}

export interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export class AccountsFileError extends Error {
  readonly code = 'OPERATORS_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid operator accounts:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AccountsFileError';
  }
}

const USERNAME = /^[a-z][a-z0-9._-]{1,63}$/;

function parseScrypt(value: string): ScryptHash | string {
  const parts = value.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'is not scrypt$N$r$p$salt$hash';
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return 'has bad scrypt parameters';
  if (N < 1024 || (N & (N - 1)) !== 0) return 'needs N a power of two, at least 1024';
  const salt = Buffer.from(parts[4], 'base64url');
  const hash = Buffer.from(parts[5], 'base64url');
  if (salt.length < 16 || hash.length < 32) return 'has a salt or hash too short';
  return { N, r, p, salt, hash };
}

/** Parses and checks an accounts document; every problem at once. */
export function parseAccounts(json: string): StoredAccount[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new AccountsFileError([`not JSON: ${(error as Error).message}`]);
  }
  const list = (doc as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(list)) throw new AccountsFileError(['expected { "accounts": [ … ] }']);
  const problems: string[] = [];
  const accounts: StoredAccount[] = [];
  const seen = new Set<string>();
  list.forEach((raw: Record<string, unknown>, i) => {
    const where = `accounts[${i}]`;
    const before = problems.length;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${where} is not an object`);
      return;
    }
    const username = raw.username;
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      problems.push(`${where}.username must be 2-64 lower-case letters, digits, . _ -`);
    } else if (seen.has(username)) problems.push(`${where}.username "${username}" is repeated`);
    else seen.add(username);
    const roles = raw.roles;
    if (
      !Array.isArray(roles) ||
      roles.length === 0 ||
      !roles.every((r) => (OPERATOR_ROLES as readonly unknown[]).includes(r))
    ) {
      problems.push(`${where}.roles must list some of ${OPERATOR_ROLES.join(', ')}`);
    }
    if (!(CLEARANCES as readonly unknown[]).includes(raw.clearance)) {
      problems.push(`${where}.clearance must be one of ${CLEARANCES.join(', ')}`);
    }
    if (raw.agency !== undefined && typeof raw.agency !== 'string') {
      problems.push(`${where}.agency must be a string`);
    }
    let password: ScryptHash | undefined;
    let tokenSha256: Buffer | undefined;
    if (raw.password !== undefined) {
      const parsed =
        typeof raw.password === 'string' ? parseScrypt(raw.password) : 'is not a string';
      if (typeof parsed === 'string') problems.push(`${where}.password ${parsed}`);
      else password = parsed;
    }
    if (raw.token !== undefined) {
      const m = typeof raw.token === 'string' ? /^sha256\$([0-9a-f]{64})$/.exec(raw.token) : null;
      if (!m) problems.push(`${where}.token must be sha256$<64 hex digits>`);
      else tokenSha256 = Buffer.from(m[1], 'hex');
    }
    if (raw.password === undefined && raw.token === undefined) {
      problems.push(`${where} needs a password hash or a token hash`);
    }
    if (problems.length > before) return;
    const roleList = [...new Set(roles as OperatorRole[])];
    // An action officer reads too.
    if (!roleList.includes('viewer')) roleList.unshift('viewer');
    accounts.push({
      operator: {
        username: username as string,
        name: typeof raw.name === 'string' && raw.name ? raw.name : (username as string),
        roles: roleList,
        clearance: raw.clearance as Clearance,
        ...(typeof raw.agency === 'string' ? { agency: raw.agency } : {}),
        kind: password ? 'person' : 'service',
      },
      password,
      tokenSha256,
    });
  });
  if (problems.length > 0) throw new AccountsFileError(problems);
  if (accounts.length === 0) throw new AccountsFileError(['no accounts']);
  return accounts;
}

/**
 * Checks a password against its scrypt hash, asynchronously: scrypt runs on
 * libuv's thread pool, never on the event loop (at N = 2^15 one check costs
 * about 0.1 s of CPU; ten of them in a row would stall every request and
 * consumer of the coordinator for a second).
 */
export function verifyPassword(stored: ScryptHash, password: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      stored.salt,
      stored.hash.length,
      { N: stored.N, r: stored.r, p: stored.p, maxmem: 256 * stored.N * stored.r + 1024 * 1024 },
      (error, candidate) => {
        if (error) reject(error);
        else resolve(timingSafeEqual(candidate, stored.hash));
      },
    );
  });
}

/**
 * A hash no password matches (its hash is random bytes, not scrypt of
 * anything), with the parameters of `like`: checking a password against it
 * costs what checking one against `like` costs. An unknown username is
 * checked against it, so it answers no faster than a known one.
 */
export function dummyHashLike(like: Pick<ScryptHash, 'N' | 'r' | 'p'>, hashBytes = 32): ScryptHash {
  return { N: like.N, r: like.r, p: like.p, salt: randomBytes(16), hash: randomBytes(hashBytes) };
}

/** Parameters of the hashes scripts/lib/operators.js writes (ADR 8). */
export const DEFAULT_SCRYPT = Object.freeze({ N: 32768, r: 8, p: 1 });

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
