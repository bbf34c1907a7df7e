import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { AppConfig } from '@icb/config';
import { AGENCIES, type Agency } from '@icb/contracts';
import { adapterAudience, AGENCY_SCOPES, defaultAdapterIssuer } from './scopes';

/** Algorithms an access token may be signed with. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'ES256'] as const;

/** One OAuth2 client of the adapter's token endpoint (an agency system). */
export interface RegisteredClient {
  clientId: string;
  agency: Agency;
  /** SHA-256 of the client secret, hex (the secret is 256 random bits: no slow hash needed). */
  secretSha256: string;
  /** What the client may ask for; all of its agency's scopes when omitted. */
  scopes: readonly string[];
}

/** This deployment's own issuer: its signing key and its clients. */
export interface TokenIssuer {
  key: KeyLike | Uint8Array;
  kid: string;
  alg: (typeof TOKEN_ALGORITHMS)[number];
  clients: ReadonlyMap<string, RegisteredClient>;
  ttlSeconds: number;
}

/** How the adapter checks access tokens, from its configuration. */
export interface AdapterAuthSettings {
  agency: Agency;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  keys: JWTVerifyGetKey;
  /** Set when the deployment issues its own tokens (`POST /oauth/token`). */
  tokenIssuer?: TokenIssuer;
}

export class AdapterAuthConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(`Invalid configuration: ${message}`);
    this.name = 'AdapterAuthConfigError';
  }
}

function readJson(what: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AdapterAuthConfigError(
      `${what}=${JSON.stringify(file)}: ${(error as Error).message}`,
    );
  }
}

function asJwks(what: string, value: unknown): JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new AdapterAuthConfigError(`${what} must be a JWKS: { "keys": [ ...at least one... ] }`);
  }
  for (const key of keys as JWK[]) {
    if (typeof key !== 'object' || key === null || 'd' in key) {
      throw new AdapterAuthConfigError(`${what} must hold public keys only`);
    }
  }
  return { keys: keys as JWK[] };
}

/**
 * A JWKS read from a file, read again (at most every 30 s) when a token names
 * a key id it does not hold: a key added to the file (rotation) is trusted
 * without a restart.
 */
function fileKeySet(file: string): JWTVerifyGetKey {
  let set = createLocalJWKSet(
    asJwks('ADAPTER_AUTH_JWKS_FILE', readJson('ADAPTER_AUTH_JWKS_FILE', file)),
  );
  let readAt = Date.now();
  return async (header, token) => {
    try {
      return await set(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey) || Date.now() - readAt < 30_000) {
        throw error;
      }
      readAt = Date.now();
      try {
        set = createLocalJWKSet(
          asJwks('ADAPTER_AUTH_JWKS_FILE', JSON.parse(readFileSync(file, 'utf8'))),
        );
      } catch {
        throw error; // a file being rewritten: keep the keys we have
      }
      return set(header, token);
    }
  };
}

/** The first key set that knows the token's key, in order. */
function anyOf(sets: JWTVerifyGetKey[]): JWTVerifyGetKey {
  if (sets.length === 1) return sets[0];
  return async (header, token) => {
    let last: unknown;
    for (const set of sets) {
      try {
        return await set(header, token);
      } catch (error) {
        last = error;
      }
    }
    throw last;
  };
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Whether `secret` is the client's (constant time). */
export function clientSecretMatches(client: RegisteredClient, secret: string): boolean {
  const given = Buffer.from(sha256Hex(secret), 'hex');
  const expected = Buffer.from(client.secretSha256, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readClients(file: string, agency: Agency): Map<string, RegisteredClient> {
  const doc = readJson('ADAPTER_CLIENTS_FILE', file) as { clients?: unknown };
  if (!Array.isArray(doc?.clients)) {
    throw new AdapterAuthConfigError('ADAPTER_CLIENTS_FILE must be { "clients": [...] }');
  }
  const known = new Set<string>(AGENCY_SCOPES[agency]);
  const clients = new Map<string, RegisteredClient>();
  for (const raw of doc.clients as Record<string, unknown>[]) {
    const { clientId, secretSha256, scopes } = raw ?? {};
    const clientAgency = raw?.agency;
    if (
      typeof clientId !== 'string' ||
      !/^[A-Za-z0-9._~-]{1,128}$/.test(clientId) ||
      typeof secretSha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(secretSha256) ||
      !AGENCIES.includes(clientAgency as Agency) ||
      (scopes !== undefined &&
        (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')))
    ) {
      throw new AdapterAuthConfigError(
        'ADAPTER_CLIENTS_FILE: each client needs clientId, agency, secretSha256 (64 hex digits) and optional scopes',
      );
    }
    if (clientAgency !== agency) continue; // another adapter's client
    const asked = (scopes as string[] | undefined) ?? [...known];
    const unknown = asked.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      throw new AdapterAuthConfigError(
        `ADAPTER_CLIENTS_FILE: client ${clientId} has scopes the ${agency} adapter does not know: ${unknown.join(', ')}`,
      );
    }
    clients.set(clientId, { clientId, agency, secretSha256, scopes: asked });
  }
  return clients;
}

async function readIssuer(
  config: AppConfig,
  agency: Agency,
): Promise<{ issuer: TokenIssuer; publicJwk: JWK }> {
  const jwk = readJson(
    'ADAPTER_TOKEN_ISSUER_KEY_FILE',
    config.ADAPTER_TOKEN_ISSUER_KEY_FILE!,
  ) as JWK;
  const alg = jwk?.alg ?? (jwk?.crv === 'Ed25519' ? 'EdDSA' : jwk?.crv === 'P-256' ? 'ES256' : '');
  if (!TOKEN_ALGORITHMS.includes(alg as never) || typeof jwk.d !== 'string' || !jwk.kid) {
    throw new AdapterAuthConfigError(
      'ADAPTER_TOKEN_ISSUER_KEY_FILE must hold a private JWK (Ed25519 or P-256) with a kid',
    );
  }
  const key = await importJWK(jwk, alg);
  const { d: _private, ...rest } = jwk;
  void _private;
  const publicJwk: JWK = { ...rest, alg, use: 'sig' };
  return {
    issuer: {
      key,
      kid: jwk.kid,
      alg: alg as TokenIssuer['alg'],
      clients: readClients(config.ADAPTER_CLIENTS_FILE!, agency),
      ttlSeconds: config.ADAPTER_TOKEN_TTL_SECONDS,
    },
    publicJwk,
  };
}

/**
 * Reads the adapter's authentication settings (ADR 18). Fails at boot when
 * nothing says which keys to trust: an adapter never serves its agency's
 * reviews to whoever asks.
 */
export async function loadAdapterAuth(
  config: AppConfig,
  agency: Agency,
): Promise<AdapterAuthSettings> {
  const sets: JWTVerifyGetKey[] = [];
  let tokenIssuer: TokenIssuer | undefined;
  if (config.ADAPTER_TOKEN_ISSUER_KEY_FILE || config.ADAPTER_CLIENTS_FILE) {
    if (!config.ADAPTER_TOKEN_ISSUER_KEY_FILE || !config.ADAPTER_CLIENTS_FILE) {
      throw new AdapterAuthConfigError(
        'ADAPTER_TOKEN_ISSUER_KEY_FILE and ADAPTER_CLIENTS_FILE go together (the token endpoint needs both)',
      );
    }
    const own = await readIssuer(config, agency);
    tokenIssuer = own.issuer;
    // The adapter trusts the tokens it issues itself.
    sets.push(createLocalJWKSet({ keys: [own.publicJwk] }));
  }
  if (config.ADAPTER_AUTH_JWKS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(config.ADAPTER_AUTH_JWKS);
    } catch (error) {
      throw new AdapterAuthConfigError(`ADAPTER_AUTH_JWKS: ${(error as Error).message}`);
    }
    sets.push(createLocalJWKSet(asJwks('ADAPTER_AUTH_JWKS', parsed)));
  }
  if (config.ADAPTER_AUTH_JWKS_FILE) sets.push(fileKeySet(config.ADAPTER_AUTH_JWKS_FILE));
  if (config.ADAPTER_AUTH_JWKS_URL) {
    sets.push(
      createRemoteJWKSet(new URL(config.ADAPTER_AUTH_JWKS_URL), { cooldownDuration: 30_000 }),
    );
  }
  if (sets.length === 0) {
    throw new AdapterAuthConfigError(
      `the ${agency} adapter authenticates its agency's systems and has no key to check their ` +
        'tokens with: set ADAPTER_AUTH_JWKS_URL (the agency IdP), ADAPTER_AUTH_JWKS_FILE, or ' +
        'ADAPTER_TOKEN_ISSUER_KEY_FILE with ADAPTER_CLIENTS_FILE (npm start sets these)',
    );
  }
  return {
    agency,
    issuer: config.ADAPTER_AUTH_ISSUER ?? defaultAdapterIssuer(agency),
    audience: config.ADAPTER_AUTH_AUDIENCE ?? adapterAudience(agency),
    clockToleranceSeconds: config.ADAPTER_AUTH_CLOCK_TOLERANCE_SECONDS,
    keys: anyOf(sets),
    tokenIssuer,
  };
}
