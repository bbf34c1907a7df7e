import { createHmac, randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  generateWebhookSecret,
  signWebhook,
  webhookHeaders,
  webhookKey,
  WEBHOOK_SECRET_PREFIX,
} from './webhook-signature';

const body = JSON.stringify({ id: 'e1', type: 'gov.icb.review.requested.v1', data: { x: 'ü' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

function headersFor(secret: string, timestampSeconds = nowSeconds(), rawBody = body) {
  return webhookHeaders({
    deliveryId: 'b7a6e0f2-3c1d-8e4f-9a0b-1c2d3e4f5a6b',
    eventId: 'e1',
    eventType: 'gov.icb.review.requested.v1',
    attempt: 2,
    rawBody,
    secret,
    timestampSeconds,
  });
}

describe('Standard Webhooks signatures', () => {
  it('issues secrets as whsec_ + standard base64 of 32 random bytes, each different', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(WEBHOOK_SECRET_PREFIX.length), 'base64')).toHaveLength(32);
  });

  it('signs so that the standardwebhooks library verifies the body with the secret as issued', () => {
    const secret = generateWebhookSecret();
    const headers = headersFor(secret);
    expect(headers).toMatchObject({
      'webhook-id': 'b7a6e0f2-3c1d-8e4f-9a0b-1c2d3e4f5a6b',
      'webhook-timestamp': String(nowSeconds()),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
      'Icb-Event-Type': 'gov.icb.review.requested.v1',
      'Icb-Event-Id': 'e1',
      'Icb-Delivery-Attempt': '2',
    });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('is the HMAC-SHA256 of "id.timestamp.body" under the decoded key, as the specification states', () => {
    const secret = generateWebhookSecret();
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`msg_1.1700000000.${body}`)
      .digest('base64');
    expect(signWebhook(secret, 'msg_1', 1_700_000_000, body)).toBe(`v1,${expected}`);
  });

  it('fails verification for a tampered body, a wrong secret, another id or a stale timestamp', () => {
    const secret = generateWebhookSecret();
    const headers = headersFor(secret);
    const verify = (s: string, b: string, h: Record<string, string>) => () =>
      new Webhook(s).verify(b, h);
    expect(verify(secret, body.replace('ü', 'u'), headers)).toThrow(WebhookVerificationError);
    expect(verify(generateWebhookSecret(), body, headers)).toThrow(WebhookVerificationError);
    expect(verify(secret, body, { ...headers, 'webhook-id': 'other' })).toThrow(
      WebhookVerificationError,
    );
    expect(verify(secret, body, headersFor(secret, nowSeconds() - 600))).toThrow(/too old/);
  });

  it('keeps signing with a secret issued before (base64url): the receiver converts it to base64 once', () => {
    const legacy = `whsec_${randomBytes(32).toString('base64url')}`;
    const headers = headersFor(legacy);
    const converted = `whsec_${Buffer.from(legacy.slice(6), 'base64url').toString('base64')}`;
    expect(new Webhook(converted).verify(body, headers)).toEqual(JSON.parse(body));
    expect(webhookKey(legacy)).toEqual(Buffer.from(legacy.slice(6), 'base64url'));
  });

  it('refuses a secret with too short a key, and a timestamp that is not a unix time', () => {
    expect(() => webhookKey('whsec_AAAA')).toThrow(RangeError);
    expect(() => signWebhook(generateWebhookSecret(), 'm', -1, body)).toThrow(RangeError);
    expect(() => signWebhook(generateWebhookSecret(), 'm', 1.5, body)).toThrow(RangeError);
  });
});
