import { loadConfig } from '@icb/config';
import { testOperators } from '@icb/testing';
import {
  AuthService,
  MAX_FAILED_SIGN_INS,
  PasswordVerifier,
  SignInUnavailableError,
  TooManySignInsError,
} from './auth.service';
import { FailedSignInStore, recentFailures, withFailure } from './failed-sign-ins';
import { AccountsFileError, ScryptHash, verifyPassword } from './operator-accounts';

/** The shared table's rule over a Map: a collaborator of the service's logic, for unit tests. */
class MemoryFailures implements FailedSignInStore {
  readonly table = new Map<string, number[]>();
  down = false;
  failuresOf(username: string, nowMs: number): Promise<number[]> {
    if (this.down) return Promise.reject(new SignInUnavailableError('test: store down'));
    return Promise.resolve(recentFailures(this.table.get(username) ?? [], nowMs));
  }
  recordFailure(username: string, nowMs: number): Promise<number[]> {
    const next = withFailure(this.table.get(username) ?? [], nowMs);
    this.table.set(username, next);
    return Promise.resolve(next);
  }
  clear(username: string): Promise<void> {
    this.table.delete(username);
    return Promise.resolve();
  }
}

/** Counts every password check and what it was checked against. */
function countingVerifier(): PasswordVerifier & { calls: ScryptHash[] } {
  const calls: ScryptHash[] = [];
  const verify = (stored: ScryptHash, password: string) => {
    calls.push(stored);
    return verifyPassword(stored, password);
  };
  return Object.assign(verify, { calls });
}

function service(
  env: Record<string, string> = {},
  failures: FailedSignInStore = new MemoryFailures(),
  verifier?: PasswordVerifier,
): AuthService {
  const ops = testOperators();
  return new AuthService(
    loadConfig({ OPERATORS: ops.accountsJson, SESSION_SECRET: ops.sessionSecret, ...env }),
    failures,
    verifier,
  );
}

describe('AuthService', () => {
  const ops = testOperators();

  it('does not start without operator accounts, and says how to give them', () => {
    const none = new MemoryFailures();
    expect(() => new AuthService(loadConfig({}), none)).toThrow(AccountsFileError);
    expect(() => new AuthService(loadConfig({}), none)).toThrow(/set OPERATORS_FILE/);
    expect(
      () => new AuthService(loadConfig({ OPERATORS_FILE: '/nonexistent/ops.json' }), none),
    ).toThrow(/OPERATORS_FILE=\/nonexistent\/ops.json: ENOENT/);
  });

  it('signs in, recognises the session, and forgets it at sign-out', async () => {
    const auth = service();
    const now = Date.now();
    const session = (await auth.signIn(ops.officer.username, ops.officer.password, now))!;
    expect(session.operator.roles).toEqual(['viewer', 'action-officer']);
    expect(auth.fromToken(session.token, now + 1000)?.username).toBe('officer');
    auth.signOut(session.token, now + 2000);
    expect(auth.fromToken(session.token, now + 3000)).toBeNull();
  });

  it('ends a session when its time is up (SESSION_TTL_MINUTES)', async () => {
    const auth = service({ SESSION_TTL_MINUTES: '1' });
    const now = Date.now();
    const session = (await auth.signIn(ops.viewer.username, ops.viewer.password, now))!;
    expect(auth.fromToken(session.token, now + 59_000)).not.toBeNull();
    expect(auth.fromToken(session.token, now + 60_000)).toBeNull();
  });

  it('accepts a session from another instance with the same SESSION_SECRET, not from one without', async () => {
    const session = (await service().signIn(ops.viewer.username, ops.viewer.password))!;
    expect(service().fromToken(session.token)?.username).toBe('viewer');
    expect(service({ SESSION_SECRET: 'z'.repeat(40) }).fromToken(session.token)).toBeNull();
  });

  it('locks a username out after repeated failures, for the rest of the window, on every instance sharing the table', async () => {
    const table = new MemoryFailures();
    const auth = service({}, table);
    const other = service({}, table);
    const now = Date.now();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await (i % 2 ? auth : other).signIn('viewer', `wrong-${i}`, now + i)).toBeNull();
    }
    await expect(auth.signIn('viewer', ops.viewer.password, now + 100)).rejects.toBeInstanceOf(
      TooManySignInsError,
    );
    await expect(other.fromBasic('viewer', ops.viewer.password, now + 100)).rejects.toMatchObject({
      retryAfterSeconds: 15 * 60,
    });
    // Another username is not affected.
    expect(await auth.signIn('officer', ops.officer.password, now + 100)).not.toBeNull();
    expect(
      await auth.signIn('viewer', ops.viewer.password, now + 15 * 60_000 + 100),
    ).not.toBeNull();
    // A success clears the count.
    expect(table.table.has('viewer')).toBe(false);
  });

  it('checks one scrypt hash per attempt whether the username exists or not (no timing oracle)', async () => {
    const verifier = countingVerifier();
    const auth = service({}, new MemoryFailures(), verifier);
    // Unknown username: checked against the dummy hash, with the accounts' own parameters.
    expect(await auth.signIn('nobody-here', 'whatever1')).toBeNull();
    expect(verifier.calls).toEqual([auth.dummyHash]);
    expect(auth.dummyHash).toMatchObject({ N: 1024, r: 8, p: 1 });
    // A service account has no password: the same dummy check.
    expect(await auth.signIn('test-adapter', ops.serviceToken)).toBeNull();
    expect(verifier.calls).toHaveLength(2);
    expect(verifier.calls[1]).toBe(auth.dummyHash);
    // A known username: its own hash, once, right or wrong.
    expect(await auth.signIn('viewer', 'wrong-password')).toBeNull();
    expect(await auth.signIn('viewer', ops.viewer.password)).not.toBeNull();
    expect(verifier.calls).toHaveLength(4);
    expect(verifier.calls[2]).not.toBe(auth.dummyHash);
    expect(verifier.calls[3]).toBe(verifier.calls[2]);
    // Basic, unknown username: also one dummy check.
    expect(await auth.fromBasic('nobody-else', 'whatever1')).toBeNull();
    expect(verifier.calls).toHaveLength(5);
    expect(verifier.calls[4]).toBe(auth.dummyHash);
  });

  it('never matches the dummy hash, whatever the password', async () => {
    const auth = service();
    for (const guess of ['', 'password', 'a'.repeat(64)]) {
      expect(await verifyPassword(auth.dummyHash, guess)).toBe(false);
    }
  });

  it('fails closed when the shared table cannot be read: no password is checked', async () => {
    const table = new MemoryFailures();
    const verifier = countingVerifier();
    const auth = service({}, table, verifier);
    table.down = true;
    await expect(auth.signIn('viewer', ops.viewer.password)).rejects.toBeInstanceOf(
      SignInUnavailableError,
    );
    expect(verifier.calls).toHaveLength(0);
  });

  it('knows service accounts by their API token only', async () => {
    const auth = service();
    expect(auth.fromToken(ops.serviceToken)).toMatchObject({ kind: 'service' });
    expect(auth.fromToken(`${ops.serviceToken}x`)).toBeNull();
    expect(await auth.signIn('test-adapter', ops.serviceToken)).toBeNull();
  });
});
