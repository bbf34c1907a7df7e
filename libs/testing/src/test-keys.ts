import { generateKeyPairSync } from 'node:crypto';
import {
  AGENCIES,
  signingKeyFromJwk,
  type Agency,
  type AgencyKeySet,
  type SigningKey,
} from '@icb/contracts';

export interface TestAgencyKeys {
  /** The public registry the coordinator verifies with (AGENCY_KEYS). */
  registry: AgencyKeySet;
  /** Each agency's private JWK (with kid), by agency (AGENCY_SIGNING_KEYS). */
  privateJwks: Record<Agency, Record<string, unknown>>;
  /** Each agency's imported signing key. */
  signers: Record<Agency, SigningKey>;
}

let keys: TestAgencyKeys | undefined;

/** A fresh Ed25519 key pair as JWKs, the private one with `kid`. */
export function newAgencyKeyPair(kid: string): {
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' },
  };
}

/**
 * Every agency's signing key for tests, made once per process (so every
 * service a test starts, and the test bus, agree), effective since 2000.
 */
export function testAgencyKeys(): TestAgencyKeys {
  if (keys) return keys;
  const registry: AgencyKeySet = { keys: [] };
  const privateJwks = {} as Record<Agency, Record<string, unknown>>;
  const signers = {} as Record<Agency, SigningKey>;
  for (const agency of AGENCIES) {
    const { privateJwk, publicJwk } = newAgencyKeyPair(`${agency}-test-1`);
    registry.keys.push({
      ...(publicJwk as unknown as AgencyKeySet['keys'][number]),
      agency,
      effectiveFrom: '2000-01-01T00:00:00.000Z',
    });
    privateJwks[agency] = privateJwk;
    signers[agency] = signingKeyFromJwk(privateJwk);
  }
  keys = { registry, privateJwks, signers };
  return keys;
}
