import type { KeyObject } from 'node:crypto';
import { isAgency, type Agency } from '../parties';
import {
  KEY_ID_PATTERN,
  publicKeyFromJwk,
  SigningKeyError,
  type Ed25519Jwk,
} from './envelope-signature';

/**
 * One registered public key: a JWK (RFC 7517) of an Ed25519 key with the
 * members the registry adds: the agency it speaks for and when it is
 * effective (`effectiveFrom` inclusive, `effectiveUntil` exclusive; RFC 3339).
 */
export interface RegisteredKeyJwk extends Ed25519Jwk {
  kid: string;
  agency: Agency;
  effectiveFrom: string;
  effectiveUntil?: string;
}

/** The registry file: a JWK Set of registered keys (`{ "keys": [...] }`). */
export interface AgencyKeySet {
  keys: RegisteredKeyJwk[];
}

export interface RegisteredKey {
  kid: string;
  agency: Agency;
  fromMs: number;
  untilMs?: number;
  /** Imported once: verifying never parses a JWK. */
  publicKey: KeyObject;
  jwk: RegisteredKeyJwk;
}

/**
 * The agencies' public signing keys by key id, with the dates each is
 * effective. Rotation: a new key is registered with its `effectiveFrom`, the
 * old one gets an `effectiveUntil`, and both stay in the registry, so what
 * was signed with the old key while it was effective can still be verified
 * (the audit trail); a message the bus stores outside a key's dates is refused.
 */
export class AgencyKeyRegistry {
  private readonly byKid: Map<string, RegisteredKey>;

  private constructor(keys: RegisteredKey[]) {
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  static empty(): AgencyKeyRegistry {
    return new AgencyKeyRegistry([]);
  }

  /** Parses the registry (object or JSON text); throws SigningKeyError listing every problem. */
  static parse(source: unknown): AgencyKeyRegistry {
    let value = source;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch (error) {
        throw new SigningKeyError(`the key registry is not JSON: ${(error as Error).message}`);
      }
    }
    const list = (value as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(list))
      throw new SigningKeyError('the key registry must be a JWK Set: { "keys": [...] }');
    const problems: string[] = [];
    const keys: RegisteredKey[] = [];
    const seen = new Set<string>();
    list.forEach((raw: unknown, i) => {
      const k = (raw ?? {}) as Partial<RegisteredKeyJwk>;
      const where = `keys[${i}]${typeof k.kid === 'string' ? ` (${k.kid})` : ''}`;
      if (typeof k.kid !== 'string' || !KEY_ID_PATTERN.test(k.kid)) {
        problems.push(`${where}: kid must be letters, digits, . _ - : (at most 128)`);
        return;
      }
      if (seen.has(k.kid)) problems.push(`${where}: kid registered twice`);
      seen.add(k.kid);
      if ((k as { d?: unknown }).d !== undefined)
        problems.push(`${where}: holds a private key (d): register the public key only`);
      if (!isAgency(k.agency)) problems.push(`${where}: agency must be one of the agencies`);
      const fromMs = Date.parse(k.effectiveFrom ?? '');
      if (typeof k.effectiveFrom !== 'string' || Number.isNaN(fromMs)) {
        problems.push(`${where}: effectiveFrom must be an RFC 3339 time`);
      }
      const untilMs = k.effectiveUntil === undefined ? undefined : Date.parse(k.effectiveUntil);
      if (untilMs !== undefined && (Number.isNaN(untilMs) || untilMs <= fromMs)) {
        problems.push(`${where}: effectiveUntil must be an RFC 3339 time after effectiveFrom`);
      }
      let publicKey: KeyObject | undefined;
      try {
        publicKey = publicKeyFromJwk(k);
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
      if (publicKey && isAgency(k.agency)) {
        keys.push({
          kid: k.kid,
          agency: k.agency,
          fromMs,
          untilMs,
          publicKey,
          jwk: k as RegisteredKeyJwk,
        });
      }
    });
    if (problems.length > 0)
      throw new SigningKeyError(`the key registry is invalid: ${problems.join('; ')}`);
    return new AgencyKeyRegistry(keys);
  }

  get(kid: string): RegisteredKey | undefined {
    return this.byKid.get(kid);
  }

  get size(): number {
    return this.byKid.size;
  }

  /** Whether `key` was effective at `atMs`, or why not. */
  effectiveAt(key: RegisteredKey, atMs: number): { ok: true } | { ok: false; reason: string } {
    const at = new Date(atMs).toISOString();
    if (atMs < key.fromMs) {
      return {
        ok: false,
        reason: `key ${key.kid} is effective from ${new Date(key.fromMs).toISOString()}, the message was received at ${at}`,
      };
    }
    if (key.untilMs !== undefined && atMs >= key.untilMs) {
      return {
        ok: false,
        reason: `key ${key.kid} was effective until ${new Date(key.untilMs).toISOString()}, the message was received at ${at}`,
      };
    }
    return { ok: true };
  }
}
