import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens: `s1.<payload>.<mac>`, the payload base64url JSON
 * `{ sub, sid, exp }` (exp in ms since the epoch), the MAC HMAC-SHA256 over
 * `s1.<payload>` with SESSION_SECRET. Stateless, so any coordinator instance
 * with the same secret accepts them; sign-out revokes the `sid` (ADR 8).
 */
export interface SessionClaims {
  sub: string;
  sid: string;
  exp: number;
}

const PREFIX = 's1';

function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data, 'utf8').digest();
}

export function isSessionToken(token: string): boolean {
  return token.startsWith(`${PREFIX}.`);
}

export function issueSessionToken(
  secret: string,
  username: string,
  expiresAtMs: number,
): { token: string; claims: SessionClaims } {
  const claims: SessionClaims = {
    sub: username,
    sid: randomBytes(12).toString('base64url'),
    exp: expiresAtMs,
  };
  const data = `${PREFIX}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return { token: `${data}.${mac(secret, data).toString('base64url')}`, claims };
}

/** The claims of a genuine, unexpired token; null otherwise. */
export function verifySessionToken(
  secret: string,
  token: string,
  nowMs: number,
): SessionClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const data = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = mac(secret, data);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: SessionClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as SessionClaims;
  } catch {
    return null;
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
  if (typeof claims.exp !== 'number' || claims.exp <= nowMs) return null;
  return claims;
}
