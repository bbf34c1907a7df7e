import { generateKeyPairSync } from 'node:crypto';
import { envelopeFor, validPayload } from '../testing/message-cases';
import { canonicalize } from './canonical';
import {
  signingKeyFromJwk,
  SigningKeyError,
  verifyEnvelopeSignature,
  withSignature,
} from './envelope-signature';
import { AgencyKeyRegistry } from './key-registry';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid },
  };
}

const dod1 = keyPair('dod-1');
const dod2 = keyPair('dod-2');
const nsc1 = keyPair('nsc-1');
const registry = AgencyKeyRegistry.parse({
  keys: [
    {
      ...dod1.publicJwk,
      agency: 'dod',
      effectiveFrom: '2026-01-01T00:00:00Z',
      effectiveUntil: '2026-06-01T00:00:00Z',
    },
    { ...dod2.publicJwk, agency: 'dod', effectiveFrom: '2026-05-01T00:00:00Z' },
    { ...nsc1.publicJwk, agency: 'nsc', effectiveFrom: '2026-01-01T00:00:00Z' },
  ],
});
const MARCH = Date.parse('2026-03-02T14:00:00Z');
const JULY = Date.parse('2026-07-02T14:00:00Z');

const signOff = () =>
  envelopeFor('signoff.submitted', validPayload('signoff.submitted'), { publisher: 'dod' });

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units at every level, without whitespace', () => {
    expect(canonicalize({ b: [3, { z: 1, a: null }], a: 'x', '\u20ac': 1, '\r': 2, ö: 3 })).toBe(
      '{"\\r":2,"a":"x","b":[3,{"a":null,"z":1}],"ö":3,"€":1}',
    );
  });

  it('writes numbers as ECMAScript does (RFC 8785 appendix B samples)', () => {
    const numbers = [
      Number('333333333.33333329'),
      1e30,
      4.5,
      2e-3,
      0.000001,
      1e-7,
      -0,
      9007199254740992,
    ];
    expect(canonicalize(numbers)).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0,9007199254740992]',
    );
  });

  it('escapes strings as JSON.stringify does, and leaves out undefined members', () => {
    expect(canonicalize({ s: '\u0000\u001f"\\\u2028', u: undefined })).toBe(
      '{"s":"\\u0000\\u001f\\"\\\\\u2028"}',
    );
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalize({ n: NaN })).toThrow(/NaN/);
    expect(() => canonicalize(Infinity)).toThrow(TypeError);
    expect(() => canonicalize({ b: BigInt(1) })).toThrow(/bigint/);
  });
});

describe('signed envelopes', () => {
  const signer = signingKeyFromJwk(dod1.privateJwk);

  it('signs with a detached EdDSA JWS that names its key, and it verifies', () => {
    const signed = withSignature(signOff(), signer);
    const [header, payload, signature] = signed.jws.split('.');
    expect(payload).toBe('');
    expect(signature).toHaveLength(86);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      kid: 'dod-1',
    });
    expect(verifyEnvelopeSignature(signed, 'dod', MARCH, registry)).toEqual({
      ok: true,
      kid: 'dod-1',
    });
  });

  it('verifies whatever the member order, and after a JSON round trip', () => {
    const signed = withSignature(signOff(), signer);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(
      verifyEnvelopeSignature(JSON.parse(JSON.stringify(reordered)), 'dod', MARCH, registry),
    ).toMatchObject({ ok: true });
  });

  it.each([
    [
      'no signature',
      (e: Record<string, unknown>) => ({ ...e, jws: undefined }),
      'SIGNATURE_MISSING',
    ],
    [
      'a changed decision',
      (e: Record<string, unknown>) => ({
        ...e,
        data: { ...(e.data as object), decision: 'non-concur' },
      }),
      'SIGNATURE_INVALID',
    ],
    [
      'a changed marking',
      (e: Record<string, unknown>) => ({ ...e, classification: 'UNCLASSIFIED' }),
      'SIGNATURE_INVALID',
    ],
    [
      'a JWS that is not detached',
      (e: Record<string, unknown>) => ({ ...e, jws: String(e.jws).replace('..', '.eyJ9.') }),
      'SIGNATURE_INVALID',
    ],
    [
      'alg none',
      (e: Record<string, unknown>) => ({
        ...e,
        jws: `${Buffer.from('{"alg":"none","kid":"dod-1"}').toString('base64url')}..${String(e.jws).split('..')[1]}`,
      }),
      'SIGNATURE_INVALID',
    ],
    [
      'an unknown kid',
      (e: Record<string, unknown>) => ({
        ...e,
        jws: `${Buffer.from('{"alg":"EdDSA","kid":"dod-9"}').toString('base64url')}..${String(e.jws).split('..')[1]}`,
      }),
      'UNKNOWN_SIGNING_KEY',
    ],
  ])('refuses %s', (_what, change, code) => {
    const signed = withSignature(signOff(), signer) as unknown as Record<string, unknown>;
    expect(verifyEnvelopeSignature(change(signed), 'dod', MARCH, registry)).toMatchObject({
      ok: false,
      code,
    });
  });

  it('refuses a message signed with another agency’s key (NSC signing as DoD)', () => {
    const signed = withSignature(signOff(), signingKeyFromJwk(nsc1.privateJwk));
    expect(verifyEnvelopeSignature(signed, 'dod', MARCH, registry)).toMatchObject({
      ok: false,
      code: 'SIGNER_NOT_PUBLISHER',
      kid: 'nsc-1',
    });
  });

  it('refuses a key used before its effective date or after it was retired; the new key takes over', () => {
    const old = withSignature(signOff(), signer);
    expect(
      verifyEnvelopeSignature(old, 'dod', Date.parse('2025-12-31T23:59:59Z'), registry),
    ).toMatchObject({ ok: false, code: 'SIGNING_KEY_NOT_EFFECTIVE' });
    expect(verifyEnvelopeSignature(old, 'dod', JULY, registry)).toMatchObject({
      ok: false,
      code: 'SIGNING_KEY_NOT_EFFECTIVE',
      reason: expect.stringContaining('effective until 2026-06-01T00:00:00.000Z'),
    });
    const rotated = withSignature(signOff(), signingKeyFromJwk(dod2.privateJwk));
    expect(verifyEnvelopeSignature(rotated, 'dod', JULY, registry)).toMatchObject({ ok: true });
    expect(verifyEnvelopeSignature(rotated, 'dod', MARCH, registry)).toMatchObject({
      code: 'SIGNING_KEY_NOT_EFFECTIVE',
    });
  });
});

describe('keys and the key registry', () => {
  it('refuses a signing key without kid, or a public one', () => {
    const { kid: _kid, ...noKid } = dod1.privateJwk;
    expect(() => signingKeyFromJwk(noKid)).toThrow(/kid/);
    expect(() => signingKeyFromJwk(dod1.publicJwk)).toThrow(SigningKeyError);
    expect(() => signingKeyFromJwk('{not json')).toThrow(/not JSON/);
  });

  it('lists every problem of a registry at once', () => {
    expect(() =>
      AgencyKeyRegistry.parse({
        keys: [
          { ...dod1.privateJwk, agency: 'dod', effectiveFrom: '2026-01-01T00:00:00Z' },
          { ...nsc1.publicJwk, agency: 'mi6', effectiveFrom: 'soon' },
          {
            ...dod2.publicJwk,
            kid: 'dod-1',
            agency: 'dod',
            effectiveFrom: '2026-01-01T00:00:00Z',
            effectiveUntil: '2025-01-01T00:00:00Z',
          },
        ],
      }),
    ).toThrow(
      /private key.*agency must be.*effectiveFrom must be.*registered twice.*effectiveUntil must be/,
    );
    expect(() => AgencyKeyRegistry.parse('[]')).toThrow(/JWK Set/);
  });
});
