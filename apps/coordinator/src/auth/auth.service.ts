import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import type { Operator } from './operator';
import {
  AccountsFileError,
  DEFAULT_SCRYPT,
  dummyHashLike,
  parseAccounts,
  ScryptHash,
  StoredAccount,
  tokenDigest,
  verifyPassword,
} from './operator-accounts';
import {
  FAILED_SIGN_IN_STORE,
  FailedSignInStore,
  lockedOutForSeconds,
  MAX_FAILED_SIGN_INS,
  TooManySignInsError,
} from './failed-sign-ins';
import {
  isSessionToken,
  issueSessionToken,
  SessionClaims,
  verifySessionToken,
} from './session-token';

export {
  FAILED_SIGN_IN_WINDOW_MS,
  MAX_FAILED_SIGN_INS,
  SignInUnavailableError,
  TooManySignInsError,
} from './failed-sign-ins';

/** How long a checked Basic credential is remembered (scrypt costs ~0.1 s). */
const BASIC_CACHE_MS = 5 * 60_000;
const BASIC_CACHE_MAX = 1000;

/** Checks a password against a hash (asynchronous scrypt; a collaborator, so tests can count calls). */
export type PasswordVerifier = (stored: ScryptHash, password: string) => Promise<boolean>;
export const PASSWORD_VERIFIER = Symbol('PASSWORD_VERIFIER');

export interface Session {
  token: string;
  expiresAt: string;
  operator: Operator;
}

/**
 * Operator sign-in (ADR 8): accounts from OPERATORS / OPERATORS_FILE (the
 * coordinator refuses to start without), session tokens signed with
 * SESSION_SECRET, API tokens for service accounts, HTTP Basic for scripts.
 * Sessions run on wall-clock time, never on the (adjustable) domain clock.
 *
 * A password check runs scrypt off the event loop, and costs the same whether
 * the username exists or not (an unknown one, or a service account, is
 * checked against a dummy hash with the accounts' parameters). Failed
 * sign-ins are counted in a store every coordinator instance shares
 * (KvFailedSignIns, a NATS KV bucket).
 */
@Injectable()
export class AuthService {
  private readonly log = new Logger(AuthService.name);
  private readonly byUsername = new Map<string, StoredAccount>();
  private readonly secret: string;
  private readonly ttlMs: number;
  private readonly revoked = new Map<string, number>();
  private readonly basicCache = new Map<string, { username: string; until: number }>();
  /** What an unknown username's password is checked against (never matches). */
  readonly dummyHash: ScryptHash;
  private readonly verify: PasswordVerifier;

  constructor(
    config: AppConfig,
    @Inject(FAILED_SIGN_IN_STORE) private readonly failures: FailedSignInStore,
    @Optional() @Inject(PASSWORD_VERIFIER) verifier?: PasswordVerifier,
  ) {
    for (const account of loadAccounts(config)) {
      this.byUsername.set(account.operator.username, account);
    }
    if (config.SESSION_SECRET) this.secret = config.SESSION_SECRET;
    else {
      this.secret = randomBytes(32).toString('base64url');
      this.log.warn(
        'SESSION_SECRET is not set: sessions are signed with a random key and end when this process stops',
      );
    }
    this.ttlMs = config.SESSION_TTL_MINUTES * 60_000;
    this.verify = verifier ?? verifyPassword;
    // The parameters most accounts use, so a miss costs what a hit costs.
    const first = [...this.byUsername.values()].find((a) => a.password)?.password;
    this.dummyHash = dummyHashLike(first ?? DEFAULT_SCRYPT, first?.hash.length ?? 32);
  }

  /** Checks a username and password; a session on success, null otherwise. */
  async signIn(username: string, password: string, nowMs = Date.now()): Promise<Session | null> {
    const operator = await this.checkCredential(username, password, nowMs);
    if (!operator) return null;
    const { token, claims } = issueSessionToken(this.secret, username, nowMs + this.ttlMs);
    return { token, expiresAt: new Date(claims.exp).toISOString(), operator };
  }

  signOut(token: string, nowMs = Date.now()): void {
    const claims = verifySessionToken(this.secret, token, nowMs);
    if (!claims) return;
    this.revoked.set(claims.sid, claims.exp);
    for (const [sid, exp] of this.revoked) if (exp <= nowMs) this.revoked.delete(sid);
  }

  /** The operator behind a session token or an API token; null when neither is valid. */
  fromToken(token: string, nowMs = Date.now()): Operator | null {
    if (isSessionToken(token)) {
      const claims: SessionClaims | null = verifySessionToken(this.secret, token, nowMs);
      if (!claims || this.revoked.has(claims.sid)) return null;
      // An account removed from the file loses its sessions at once.
      return this.byUsername.get(claims.sub)?.operator ?? null;
    }
    const digest = tokenDigest(token);
    for (const account of this.byUsername.values()) {
      if (account.tokenSha256 && timingSafeEqual(account.tokenSha256, digest)) {
        return account.operator;
      }
    }
    return null;
  }

  /** HTTP Basic (scripts, Prometheus): checked once, then remembered for a few minutes. */
  async fromBasic(
    username: string,
    password: string,
    nowMs = Date.now(),
  ): Promise<Operator | null> {
    const key = createHash('sha256').update(`${username}\0${password}`).digest('base64url');
    const cached = this.basicCache.get(key);
    if (cached && cached.until > nowMs)
      return this.byUsername.get(cached.username)?.operator ?? null;
    const operator = await this.checkCredential(username, password, nowMs);
    if (!operator) return null;
    if (this.basicCache.size >= BASIC_CACHE_MAX) this.basicCache.clear();
    this.basicCache.set(key, { username, until: nowMs + BASIC_CACHE_MS });
    return operator;
  }

  /**
   * The lock-out first (TooManySignInsError; SignInUnavailableError when the
   * shared table cannot be read), then the password, then the count.
   */
  private async checkCredential(
    username: string,
    password: string,
    nowMs: number,
  ): Promise<Operator | null> {
    const retryAfter = lockedOutForSeconds(await this.failures.failuresOf(username, nowMs), nowMs);
    if (retryAfter > 0) throw new TooManySignInsError(retryAfter);
    const operator = await this.checkPassword(username, password);
    if (operator) {
      await this.failures.clear(username);
      return operator;
    }
    const recent = await this.failures.recordFailure(username, nowMs);
    this.log.warn(
      `failed sign-in for "${printable(username)}" (${recent.length} of ${MAX_FAILED_SIGN_INS} in 15 min)`,
    );
    return null;
  }

  /** Always one scrypt computation, whether the account exists, has a password, or not. */
  private async checkPassword(username: string, password: string): Promise<Operator | null> {
    const account = this.byUsername.get(username);
    if (!account?.password) {
      await this.verify(this.dummyHash, password);
      return null;
    }
    return (await this.verify(account.password, password)) ? account.operator : null;
  }
}

/** A username for a log line: short, without control characters. */
function printable(username: string): string {
  const clean = username.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}

function loadAccounts(config: AppConfig): StoredAccount[] {
  let json = config.OPERATORS;
  if (json === undefined && config.OPERATORS_FILE) {
    try {
      json = readFileSync(config.OPERATORS_FILE, 'utf8');
    } catch (error) {
      throw new AccountsFileError([
        `OPERATORS_FILE=${config.OPERATORS_FILE}: ${(error as Error).message}`,
      ]);
    }
  }
  if (json === undefined) {
    throw new AccountsFileError([
      'no operator accounts: set OPERATORS_FILE (npm start writes .local/stack/operators.json; ' +
        'see scripts/lib/operators.js and README "The dashboard, and signing in")',
    ]);
  }
  return parseAccounts(json);
}
