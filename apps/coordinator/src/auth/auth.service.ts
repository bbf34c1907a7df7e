import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import type { Operator } from './operator';
import {
  AccountsFileError,
  parseAccounts,
  StoredAccount,
  tokenDigest,
  verifyPassword,
} from './operator-accounts';
import {
  isSessionToken,
  issueSessionToken,
  SessionClaims,
  verifySessionToken,
} from './session-token';

/** Failed sign-ins for one username before it is refused for a while. */
export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;
/** How long a checked Basic credential is remembered (scrypt costs ~0.1 s). */
const BASIC_CACHE_MS = 5 * 60_000;
const BASIC_CACHE_MAX = 1000;

export class TooManySignInsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins: try again in ${retryAfterSeconds} s`);
  }
}

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
 */
@Injectable()
export class AuthService {
  private readonly log = new Logger(AuthService.name);
  private readonly byUsername = new Map<string, StoredAccount>();
  private readonly secret: string;
  private readonly ttlMs: number;
  private readonly revoked = new Map<string, number>();
  private readonly failures = new Map<string, number[]>();
  private readonly basicCache = new Map<string, { username: string; until: number }>();

  constructor(config: AppConfig) {
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
  }

  /** Checks a username and password; a session on success, null otherwise. */
  signIn(username: string, password: string, nowMs = Date.now()): Session | null {
    this.checkNotLockedOut(username, nowMs);
    const operator = this.checkPassword(username, password);
    if (!operator) {
      this.recordFailure(username, nowMs);
      return null;
    }
    this.failures.delete(username);
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
  fromBasic(username: string, password: string, nowMs = Date.now()): Operator | null {
    const key = createHash('sha256').update(`${username}\0${password}`).digest('base64url');
    const cached = this.basicCache.get(key);
    if (cached && cached.until > nowMs)
      return this.byUsername.get(cached.username)?.operator ?? null;
    this.checkNotLockedOut(username, nowMs);
    const operator = this.checkPassword(username, password);
    if (!operator) {
      this.recordFailure(username, nowMs);
      return null;
    }
    if (this.basicCache.size >= BASIC_CACHE_MAX) this.basicCache.clear();
    this.basicCache.set(key, { username, until: nowMs + BASIC_CACHE_MS });
    return operator;
  }

  private checkPassword(username: string, password: string): Operator | null {
    const account = this.byUsername.get(username);
    if (!account?.password) return null;
    return verifyPassword(account.password, password) ? account.operator : null;
  }

  private checkNotLockedOut(username: string, nowMs: number): void {
    const recent = (this.failures.get(username) ?? []).filter(
      (t) => t > nowMs - FAILED_SIGN_IN_WINDOW_MS,
    );
    if (recent.length >= MAX_FAILED_SIGN_INS) {
      throw new TooManySignInsError(
        Math.ceil((recent[0] + FAILED_SIGN_IN_WINDOW_MS - nowMs) / 1000),
      );
    }
  }

  private recordFailure(username: string, nowMs: number): void {
    const recent = (this.failures.get(username) ?? []).filter(
      (t) => t > nowMs - FAILED_SIGN_IN_WINDOW_MS,
    );
    recent.push(nowMs);
    this.failures.set(username, recent);
    this.log.warn(`failed sign-in for "${username}" (${recent.length} in 15 min)`);
  }
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
