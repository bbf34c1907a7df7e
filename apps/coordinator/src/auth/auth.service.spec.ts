import { loadConfig } from '@icb/config';
import { testOperators } from '@icb/testing';
import { AuthService, MAX_FAILED_SIGN_INS, TooManySignInsError } from './auth.service';
import { AccountsFileError } from './operator-accounts';

function service(env: Record<string, string> = {}): AuthService {
  const ops = testOperators();
  return new AuthService(
    loadConfig({ OPERATORS: ops.accountsJson, SESSION_SECRET: ops.sessionSecret, ...env }),
  );
}

describe('AuthService', () => {
  const ops = testOperators();

  it('does not start without operator accounts, and says how to give them', () => {
    expect(() => new AuthService(loadConfig({}))).toThrow(AccountsFileError);
    expect(() => new AuthService(loadConfig({}))).toThrow(/set OPERATORS_FILE/);
    expect(() => new AuthService(loadConfig({ OPERATORS_FILE: '/nonexistent/ops.json' }))).toThrow(
      /OPERATORS_FILE=\/nonexistent\/ops.json: ENOENT/,
    );
  });

  it('signs in, recognises the session, and forgets it at sign-out', () => {
    const auth = service();
    const now = Date.now();
    const session = auth.signIn(ops.officer.username, ops.officer.password, now)!;
    expect(session.operator.roles).toEqual(['viewer', 'action-officer']);
    expect(auth.fromToken(session.token, now + 1000)?.username).toBe('officer');
    auth.signOut(session.token, now + 2000);
    expect(auth.fromToken(session.token, now + 3000)).toBeNull();
  });

  it('ends a session when its time is up (SESSION_TTL_MINUTES)', () => {
    const auth = service({ SESSION_TTL_MINUTES: '1' });
    const now = Date.now();
    const session = auth.signIn(ops.viewer.username, ops.viewer.password, now)!;
    expect(auth.fromToken(session.token, now + 59_000)).not.toBeNull();
    expect(auth.fromToken(session.token, now + 60_000)).toBeNull();
  });

  it('accepts a session from another instance with the same SESSION_SECRET, not from one without', () => {
    const session = service().signIn(ops.viewer.username, ops.viewer.password)!;
    expect(service().fromToken(session.token)?.username).toBe('viewer');
    expect(service({ SESSION_SECRET: 'z'.repeat(40) }).fromToken(session.token)).toBeNull();
  });

  it('locks a username out after repeated failures, for the rest of the window', () => {
    const auth = service();
    const now = Date.now();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(auth.signIn('viewer', `wrong-${i}`, now + i)).toBeNull();
    }
    expect(() => auth.signIn('viewer', ops.viewer.password, now + 100)).toThrow(
      TooManySignInsError,
    );
    expect(() => auth.fromBasic('viewer', ops.viewer.password, now + 100)).toThrow(
      TooManySignInsError,
    );
    expect(auth.signIn('viewer', ops.viewer.password, now + 15 * 60_000 + 100)).not.toBeNull();
  });

  it('knows service accounts by their API token only', () => {
    const auth = service();
    expect(auth.fromToken(ops.serviceToken)).toMatchObject({ kind: 'service' });
    expect(auth.fromToken(`${ops.serviceToken}x`)).toBeNull();
    expect(auth.signIn('test-adapter', ops.serviceToken)).toBeNull();
  });
});
