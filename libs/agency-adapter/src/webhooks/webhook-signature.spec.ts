import { createHmac } from 'node:crypto';
import {
  computeSignature,
  generateWebhookSecret,
  signPayload,
  verifySignature,
  webhookHeaders,
  type SignatureRejection,
} from './webhook-signature';

const NOW_MS = Date.UTC(2025, 2, 3, 14, 0, 0);
const NOW_S = NOW_MS / 1000;
const now = () => NOW_MS;
const body = '{"specversion":"1.0","id":"e-1","data":{"x":"é"}}';

describe('webhook signatures', () => {
  const secret = generateWebhookSecret();

  it('secrets are 32 random bytes, base64url, prefixed whsec_', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('a body signed with the secret verifies with it (string or raw bytes)', () => {
    const header = signPayload(body, secret, NOW_S);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(body, header, secret, { now })).toEqual({ ok: true, timestamp: NOW_S });
    expect(verifySignature(Buffer.from(body), header, secret, { now })).toEqual({
      ok: true,
      timestamp: NOW_S,
    });
  });

  it('signs "<t>.<raw body>" with HMAC-SHA256 keyed by the whole secret (a receiver can recompute it)', () => {
    expect(computeSignature('{}', 'whsec_test', 1700000000)).toBe(
      createHmac('sha256', 'whsec_test').update('1700000000.{}').digest('hex'),
    );
  });

  it('accepts a timestamp anywhere inside the tolerance, either side of now', () => {
    for (const t of [NOW_S - 300, NOW_S + 300]) {
      expect(verifySignature(body, signPayload(body, secret, t), secret, { now }).ok).toBe(true);
    }
  });

  it('accepts any one matching v1 among several (secret rotation) and ignores unknown schemes', () => {
    const old = generateWebhookSecret();
    const header = `${signPayload(body, old, NOW_S)},v1=${computeSignature(body, secret, NOW_S)},v2=abc`;
    expect(verifySignature(body, header, secret, { now }).ok).toBe(true);
    expect(verifySignature(body, header, old, { now }).ok).toBe(true);
  });

  const signed = signPayload(body, secret, NOW_S);
  const cases: Array<[string, () => ReturnType<typeof verifySignature>, SignatureRejection]> = [
    [
      'a tampered body',
      () => verifySignature(body.replace('e-1', 'e-2'), signed, secret, { now }),
      'signature-mismatch',
    ],
    [
      'a wrong secret',
      () => verifySignature(body, signed, generateWebhookSecret(), { now }),
      'signature-mismatch',
    ],
    [
      'a flipped MAC digit',
      () =>
        verifySignature(
          body,
          signed.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
          secret,
          { now },
        ),
      'signature-mismatch',
    ],
    [
      'a re-dated header (old MAC, new t)',
      () => verifySignature(body, signed.replace(`t=${NOW_S}`, `t=${NOW_S + 1}`), secret, { now }),
      'signature-mismatch',
    ],
    [
      'a timestamp older than the tolerance (replay)',
      () => verifySignature(body, signPayload(body, secret, NOW_S - 301), secret, { now }),
      'stale-timestamp',
    ],
    [
      'a stale timestamp under a tighter tolerance',
      () =>
        verifySignature(body, signPayload(body, secret, NOW_S - 61), secret, {
          now,
          toleranceSeconds: 60,
        }),
      'stale-timestamp',
    ],
    [
      'a timestamp beyond the tolerance in the future',
      () => verifySignature(body, signPayload(body, secret, NOW_S + 301), secret, { now }),
      'future-timestamp',
    ],
    ['no header', () => verifySignature(body, undefined, secret, { now }), 'missing-header'],
    ['an empty header', () => verifySignature(body, '  ', secret, { now }), 'missing-header'],
    [
      'no timestamp',
      () => verifySignature(body, signed.replace(/^t=\d+,/, ''), secret, { now }),
      'malformed-header',
    ],
    ['no v1', () => verifySignature(body, `t=${NOW_S}`, secret, { now }), 'malformed-header'],
    [
      'a non-numeric timestamp',
      () => verifySignature(body, signed.replace(`t=${NOW_S}`, 't=soon'), secret, { now }),
      'malformed-header',
    ],
    [
      'two timestamps',
      () => verifySignature(body, `t=${NOW_S},${signed}`, secret, { now }),
      'malformed-header',
    ],
    [
      'a short MAC',
      () => verifySignature(body, `t=${NOW_S},v1=abcd`, secret, { now }),
      'malformed-header',
    ],
    [
      'a MAC that is not hex',
      () => verifySignature(body, `t=${NOW_S},v1=${'z'.repeat(64)}`, secret, { now }),
      'malformed-header',
    ],
    [
      'garbage',
      () => verifySignature(body, 'sha256=deadbeef', secret, { now }),
      'malformed-header',
    ],
  ];

  it.each(cases)('refuses %s', (_name, verify, reason) => {
    expect(verify()).toEqual({ ok: false, reason });
  });

  it('headers carry the signature, delivery id, event type, event id and attempt', () => {
    const headers = webhookHeaders({
      deliveryId: 'd-1',
      eventId: 'e-1',
      eventType: 'gov.icb.review.requested.v1',
      attempt: 2,
      rawBody: body,
      secret,
      timestampSeconds: NOW_S,
    });
    expect(headers).toEqual({
      'Icb-Signature': signPayload(body, secret, NOW_S),
      'Icb-Delivery-Id': 'd-1',
      'Icb-Event-Type': 'gov.icb.review.requested.v1',
      'Icb-Event-Id': 'e-1',
      'Icb-Delivery-Attempt': '2',
    });
  });
});
