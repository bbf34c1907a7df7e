import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Signing of webhook deliveries, the Standard Webhooks way
 * (https://www.standardwebhooks.com/), so a receiver verifies with an
 * off-the-shelf library (`standardwebhooks` for JavaScript, Python, Go, Java,
 * Ruby, PHP, Rust, C#...):
 *
 * | header                 | value                                                                 |
 * | ---------------------- | --------------------------------------------------------------------- |
 * | `webhook-id`           | one id per (subscription, event), the same on every attempt: de-dupe  |
 * | `webhook-timestamp`    | unix seconds of this attempt                                          |
 * | `webhook-signature`    | `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`            |
 * | `Icb-Event-Type`       | the CloudEvents `type` (informational, not signed; it is in the body) |
 * | `Icb-Event-Id`         | the CloudEvents `id` (informational, not signed; it is in the body)   |
 * | `Icb-Delivery-Attempt` | 1, 2, 3, ... (informational, not signed)                              |
 *
 * The secret is `whsec_<base64 of 32 random bytes>`; the HMAC key is the
 * decoded bytes. Receivers refuse a timestamp more than 5 minutes from their
 * clock (the libraries do) and de-duplicate on `webhook-id`.
 */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
export const EVENT_TYPE_HEADER = 'Icb-Event-Type';
export const EVENT_ID_HEADER = 'Icb-Event-Id';
export const DELIVERY_ATTEMPT_HEADER = 'Icb-Delivery-Attempt';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new subscription secret: 32 random bytes, standard base64, prefixed `whsec_`. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');
}

/**
 * The HMAC key of a secret: the base64 after `whsec_`. Secrets issued before
 * the adapters signed the Standard Webhooks way were base64url (`-`, `_`, no
 * padding); Node decodes both alphabets, so those subscriptions keep working
 * (their receivers convert the secret once: `-` → `+`, `_` → `/`, pad with `=`).
 */
export function webhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16) throw new RangeError('a webhook secret holds at least 16 bytes of key');
  return key;
}

/** `v1,<base64 signature>` of one delivery attempt. */
export function signWebhook(
  secret: string,
  webhookId: string,
  timestampSeconds: number,
  rawBody: string,
): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(
      `timestampSeconds must be a non-negative integer, got ${timestampSeconds}`,
    );
  }
  // A Uint8Array of this realm: the library checks `instanceof Uint8Array` (Buffer may be another realm's under Jest).
  return new Webhook(new Uint8Array(webhookKey(secret)), { format: 'raw' }).sign(
    webhookId,
    new Date(timestampSeconds * 1000),
    rawBody,
  );
}

export interface WebhookHeaderInput {
  deliveryId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  rawBody: string;
  secret: string;
  timestampSeconds: number;
}

/** The headers of one delivery attempt (signed afresh each attempt, so a late retry is not stale). */
export function webhookHeaders(input: WebhookHeaderInput): Record<string, string> {
  return {
    [WEBHOOK_ID_HEADER]: input.deliveryId,
    [WEBHOOK_TIMESTAMP_HEADER]: String(input.timestampSeconds),
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(
      input.secret,
      input.deliveryId,
      input.timestampSeconds,
      input.rawBody,
    ),
    [EVENT_TYPE_HEADER]: input.eventType,
    [EVENT_ID_HEADER]: input.eventId,
    [DELIVERY_ATTEMPT_HEADER]: String(input.attempt),
  };
}
