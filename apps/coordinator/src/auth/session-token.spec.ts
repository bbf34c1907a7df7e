import { isSessionToken, issueSessionToken, verifySessionToken } from './session-token';

const SECRET = 'k'.repeat(40);

describe('session tokens', () => {
  const now = 1_800_000_000_000;

  it('round-trips its claims until it expires', () => {
    const { token, claims } = issueSessionToken(SECRET, 'officer', now + 60_000);
    expect(isSessionToken(token)).toBe(true);
    expect(verifySessionToken(SECRET, token, now)).toEqual(claims);
    expect(verifySessionToken(SECRET, token, now + 60_000)).toBeNull();
  });

  it('rejects another key, an edited payload, and junk', () => {
    const { token } = issueSessionToken(SECRET, 'viewer', now + 60_000);
    expect(verifySessionToken('x'.repeat(40), token, now)).toBeNull();
    const [p, payload, mac] = token.split('.');
    const edited = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('viewer', 'officer'),
    ).toString('base64url');
    expect(verifySessionToken(SECRET, `${p}.${edited}.${mac}`, now)).toBeNull();
    for (const junk of ['', 's1', 's1..', 'a.b.c', `${token}.x`]) {
      expect(verifySessionToken(SECRET, junk, now)).toBeNull();
    }
  });

  it('gives each sign-in its own session id', () => {
    const a = issueSessionToken(SECRET, 'officer', now + 1000).claims.sid;
    const b = issueSessionToken(SECRET, 'officer', now + 1000).claims.sid;
    expect(a).not.toBe(b);
  });
});
