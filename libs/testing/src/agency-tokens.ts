import {
  createPrivateKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { Agency } from '@icb/contracts';
import { adapterAudience, AGENCY_SCOPES } from '@icb/agency-adapter/auth/scopes';

/**
 * Access tokens of the agencies' systems for adapters under test (ADR 18):
 * one test issuer key per test process, whose JWKS testEnv puts in
 * ADAPTER_AUTH_JWKS (with ADAPTER_AUTH_ISSUER), and tokens minted with it,
 * synchronously (Ed25519 signed with node:crypto; the adapters verify with
 * jose). `asAgency('dod')` is the header a DoD system sends.
 */
export const TEST_ADAPTER_ISSUER = 'urn:icb:test-idp';

interface TestIssuer {
  privateKey: KeyObject;
  kid: string;
  jwks: { keys: Record<string, unknown>[] };
}

let issuer: TestIssuer | undefined;

function newIssuer(kid: string): TestIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    kid,
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }] },
  };
}

function testIssuer(): TestIssuer {
  issuer ??= newIssuer(`test-${randomUUID().slice(0, 8)}`);
  return issuer;
}

/** The JWKS the adapters under test trust (ADAPTER_AUTH_JWKS), as JSON. */
export function testAdapterJwks(): string {
  return JSON.stringify(testIssuer().jwks);
}

/** What testEnv adds for the adapters: the test issuer's JWKS and name. */
export function testAdapterAuthEnv(): Record<string, string> {
  return { ADAPTER_AUTH_JWKS: testAdapterJwks(), ADAPTER_AUTH_ISSUER: TEST_ADAPTER_ISSUER };
}

const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** A compact JWS (EdDSA) over any header and claims, signed by `key` (default: the test issuer's). */
export function signTestJwt(
  claims: Record<string, unknown>,
  options: { key?: KeyObject; kid?: string; header?: Record<string, unknown> } = {},
): string {
  const own = testIssuer();
  const header = { alg: 'EdDSA', typ: 'at+jwt', kid: options.kid ?? own.kid, ...options.header };
  const input = `${b64url(header)}.${b64url(claims)}`;
  const signature = sign(null, Buffer.from(input), options.key ?? own.privateKey);
  return `${input}.${b64url(signature)}`;
}

/** A key no adapter trusts, with the test issuer's kid (a forged token). */
export function untrustedKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

/** A private key from a JWK (e.g. the one scripts/lib/agency-clients.js writes). */
export function keyFromJwk(jwk: Record<string, unknown>): KeyObject {
  return createPrivateKey({ key: jwk as never, format: 'jwk' });
}

export interface AgencyTokenOptions {
  /** The scopes granted; all of the agency's adapter scopes when omitted. */
  scopes?: readonly string[];
  /** The officer the system acts for; a test officer when omitted, none with `null`. */
  officer?: { name: string; title: string } | null;
  /** Seconds from now until it expires (negative: already expired); default 900. */
  expiresIn?: number;
  /** Claims to set or replace (`aud`, `iss`, `agency`, ...); `undefined` removes one. */
  claims?: Record<string, unknown>;
  /** Sign with this key instead of the test issuer's. */
  key?: KeyObject;
}

/** The officer asAgency's tokens name by default. */
export function testOfficer(agency: Agency): { name: string; title: string } {
  return { name: 'Test Officer', title: `${agency} desk (tests)` };
}

/** An access token of `agency`'s systems for its adapter under test. */
export function agencyToken(agency: Agency, options: AgencyTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const clientId = `${agency}-test-system`;
  const officer = options.officer === undefined ? testOfficer(agency) : options.officer;
  const claims: Record<string, unknown> = {
    iss: TEST_ADAPTER_ISSUER,
    aud: adapterAudience(agency),
    sub: clientId,
    client_id: clientId,
    agency,
    scope: (options.scopes ?? AGENCY_SCOPES[agency]).join(' '),
    iat: now,
    nbf: now,
    exp: now + (options.expiresIn ?? 900),
    jti: randomUUID(),
    ...(officer ? { officer } : {}),
    ...options.claims,
  };
  for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
  return signTestJwt(claims, { key: options.key });
}

/** The `Authorization` header of `agency`'s systems (all its scopes, a test officer). */
export function asAgency(
  agency: Agency,
  options: AgencyTokenOptions = {},
): Record<'Authorization', string> {
  return { Authorization: `Bearer ${agencyToken(agency, options)}` };
}
