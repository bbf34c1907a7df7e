import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalize } from './canonical';
import type { AgencyKeyRegistry } from './key-registry';

/**
 * The envelope's extension attribute that carries its signature: a detached
 * compact JWS (RFC 7515 Appendix F), `<protected header>..<signature>`, over
 * the RFC 8785 canonical form of the envelope without this attribute. The
 * header is `{"alg":"EdDSA","kid":"<key id>"}` (Ed25519, RFC 8037).
 */
export const SIGNATURE_ATTRIBUTE = 'jws';

/** A detached compact JWS: base64url header, empty payload, base64url signature. */
export const DETACHED_JWS_PATTERN = /^[A-Za-z0-9_-]{1,512}\.\.[A-Za-z0-9_-]{86}$/;

/** A key id: letters, digits, `.`, `_`, `-`, `:`; at most 128 characters. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** A party's private signing key. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** An Ed25519 JWK (RFC 8037), public (`x`) or private (`x` and `d`). */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

function isEd25519Jwk(value: unknown): value is Ed25519Jwk {
  const j = value as Partial<Ed25519Jwk> | null;
  return (
    !!j &&
    typeof j === 'object' &&
    j.kty === 'OKP' &&
    j.crv === 'Ed25519' &&
    typeof j.x === 'string' &&
    /^[A-Za-z0-9_-]{43}$/.test(j.x)
  );
}

/** The signing key a private Ed25519 JWK (object or JSON text, with its `kid`) describes. */
export function signingKeyFromJwk(jwk: unknown): SigningKey {
  let value = jwk;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new SigningKeyError(`the signing key is not JSON: ${(error as Error).message}`);
    }
  }
  if (!isEd25519Jwk(value) || typeof value.d !== 'string') {
    throw new SigningKeyError(
      'the signing key must be a private Ed25519 JWK (kty OKP, crv Ed25519, x, d)',
    );
  }
  if (typeof value.kid !== 'string' || !KEY_ID_PATTERN.test(value.kid)) {
    throw new SigningKeyError('the signing key needs a kid (letters, digits, . _ - :)');
  }
  try {
    const privateKey = createPrivateKey({ key: { ...value }, format: 'jwk' });
    return { kid: value.kid, privateKey };
  } catch (error) {
    throw new SigningKeyError(`the signing key cannot be imported: ${(error as Error).message}`);
  }
}

/** The public key object of a public Ed25519 JWK (throws SigningKeyError). */
export function publicKeyFromJwk(jwk: unknown): KeyObject {
  if (!isEd25519Jwk(jwk)) {
    throw new SigningKeyError('a public key must be an Ed25519 JWK (kty OKP, crv Ed25519, x)');
  }
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  } catch (error) {
    throw new SigningKeyError(`the public key cannot be imported: ${(error as Error).message}`);
  }
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** The bytes an envelope is signed as: its canonical form without the signature attribute. */
export function signingPayload(envelope: object): string {
  const { [SIGNATURE_ATTRIBUTE]: _signature, ...unsigned } = envelope as Record<string, unknown>;
  return canonicalize(unsigned);
}

/** The detached JWS of an envelope (any `jws` it carries is not signed). */
export function signEnvelope(envelope: object, key: SigningKey): string {
  const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: key.kid }));
  const input = `${header}.${b64url(signingPayload(envelope))}`;
  const signature = sign(null, Buffer.from(input), key.privateKey);
  return `${header}..${b64url(signature)}`;
}

/** The envelope with its signature attribute set (a new object; the one given is unchanged). */
export function withSignature<E extends object>(envelope: E, key: SigningKey): E & { jws: string } {
  const { [SIGNATURE_ATTRIBUTE]: _old, ...unsigned } = envelope as Record<string, unknown>;
  return { ...(unsigned as E), jws: signEnvelope(unsigned, key) };
}

/** Why a signature does not prove that the subject's publisher said the envelope. */
export type SignatureRefusalCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'UNKNOWN_SIGNING_KEY'
  | 'SIGNING_KEY_NOT_EFFECTIVE'
  | 'SIGNER_NOT_PUBLISHER';

export type SignatureCheck =
  | { ok: true; kid: string }
  | { ok: false; code: SignatureRefusalCode; reason: string; kid?: string };

/** The protected header of a detached JWS, or why it cannot be read. */
export function jwsHeader(
  jws: unknown,
): { ok: true; kid: string; header: string; signature: string } | { ok: false; reason: string } {
  if (typeof jws !== 'string' || !DETACHED_JWS_PATTERN.test(jws)) {
    return {
      ok: false,
      reason: 'the jws attribute is not a detached compact JWS (<header>..<signature>)',
    };
  }
  const [header, , signature] = jws.split('.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the JWS header is not JSON' };
  }
  const h = parsed as { alg?: unknown; kid?: unknown; b64?: unknown; crit?: unknown } | null;
  if (!h || typeof h !== 'object' || Array.isArray(h)) {
    return { ok: false, reason: 'the JWS header is not a JSON object' };
  }
  if (h.alg !== 'EdDSA')
    return { ok: false, reason: `the JWS alg must be EdDSA, not ${JSON.stringify(h.alg)}` };
  if (h.b64 !== undefined || h.crit !== undefined) {
    return { ok: false, reason: 'the JWS header may carry only alg and kid' };
  }
  if (typeof h.kid !== 'string' || !KEY_ID_PATTERN.test(h.kid)) {
    return { ok: false, reason: 'the JWS header has no usable kid' };
  }
  return { ok: true, kid: h.kid, header, signature };
}

/**
 * Whether `envelope` carries a valid signature by a key of `publisher` that
 * was effective at `atMs` (when the bus stored the message), in this order:
 * a signature (`SIGNATURE_MISSING`), a readable header with a kid
 * (`SIGNATURE_INVALID`), a registered kid (`UNKNOWN_SIGNING_KEY`), a key of
 * the publisher (`SIGNER_NOT_PUBLISHER`), effective at `atMs`
 * (`SIGNING_KEY_NOT_EFFECTIVE`), a signature that verifies
 * (`SIGNATURE_INVALID`).
 */
export function verifyEnvelopeSignature(
  envelope: object,
  publisher: string,
  atMs: number,
  registry: AgencyKeyRegistry,
): SignatureCheck {
  const jws = (envelope as Record<string, unknown>)[SIGNATURE_ATTRIBUTE];
  if (jws === undefined) {
    return {
      ok: false,
      code: 'SIGNATURE_MISSING',
      reason: `the envelope carries no ${SIGNATURE_ATTRIBUTE} signature`,
    };
  }
  const header = jwsHeader(jws);
  if (!header.ok) return { ok: false, code: 'SIGNATURE_INVALID', reason: header.reason };
  const { kid } = header;
  const key = registry.get(kid);
  if (!key) {
    return {
      ok: false,
      code: 'UNKNOWN_SIGNING_KEY',
      reason: `no registered key has the kid ${kid}`,
      kid,
    };
  }
  if (key.agency !== publisher) {
    return {
      ok: false,
      code: 'SIGNER_NOT_PUBLISHER',
      reason: `key ${kid} is ${key.agency}'s, and the message is published by ${publisher}`,
      kid,
    };
  }
  const effective = registry.effectiveAt(key, atMs);
  if (!effective.ok) {
    return { ok: false, code: 'SIGNING_KEY_NOT_EFFECTIVE', reason: effective.reason, kid };
  }
  const input = `${header.header}.${b64url(signingPayload(envelope))}`;
  const valid = verify(
    null,
    Buffer.from(input),
    key.publicKey,
    Buffer.from(header.signature, 'base64url'),
  );
  if (!valid) {
    return {
      ok: false,
      code: 'SIGNATURE_INVALID',
      reason: `the signature does not verify with key ${kid}: the envelope is not what ${publisher} signed`,
      kid,
    };
  }
  return { ok: true, kid };
}
