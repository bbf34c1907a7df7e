import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing of webhook deliveries, modelled on Stripe and GitHub.
 *
 * Every POST carries:
 *
 * | header               | value                                                             |
 * | -------------------- | ----------------------------------------------------------------- |
 * | `Icb-Signature`      | `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`       |
 * | `Icb-Delivery-Id`    | one id per (subscription, event), the same on every attempt       |
 * | `Icb-Event-Type`     | the CloudEvents `type`, e.g. `gov.icb.review.requested.v1`        |
 * | `Icb-Event-Id`       | the CloudEvents `id`                                              |
 * | `Icb-Delivery-Attempt` | 1, 2, 3, ... (informational; not signed)                        |
 *
 * The HMAC key is the subscription secret exactly as issued, prefix included
 * (`whsec_...`, as UTF-8 bytes). The signed string is the decimal timestamp, a
 * dot, then the raw request body bytes, before any JSON parsing. A receiver
 * recomputes the HMAC, compares in constant time, and rejects timestamps more
 * than the tolerance (default 300 s) away from its clock, which bounds replays;
 * de-duplicating on `Icb-Delivery-Id` closes the rest. The header may hold
 * several `v1=` entries (secret rotation: one per secret); any match passes.
 * Unknown schemes (`v2=`...) are ignored so that a new scheme can be added
 * alongside.
 */
export const SIGNATURE_HEADER = 'Icb-Signature';
export const DELIVERY_ID_HEADER = 'Icb-Delivery-Id';
export const EVENT_TYPE_HEADER = 'Icb-Event-Type';
export const EVENT_ID_HEADER = 'Icb-Event-Id';
export const DELIVERY_ATTEMPT_HEADER = 'Icb-Delivery-Attempt';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/** A new subscription secret: 32 random bytes, base64url, prefixed `whsec_`. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>` under the secret. */
export function computeSignature(
  rawBody: string | Buffer,
  secret: string,
  timestampSeconds: number,
): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
}

/** The `Icb-Signature` header value for a body signed at `timestampSeconds`. */
export function signPayload(
  rawBody: string | Buffer,
  secret: string,
  timestampSeconds: number,
): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(
      `timestampSeconds must be a non-negative integer, got ${timestampSeconds}`,
    );
  }
  return `t=${timestampSeconds},v1=${computeSignature(rawBody, secret, timestampSeconds)}`;
}

/** Why a signature was refused. `signature-mismatch` covers a tampered body and a wrong secret alike. */
export type SignatureRejection =
  | 'missing-header'
  | 'malformed-header'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'signature-mismatch';

export type SignatureVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: SignatureRejection };

export interface VerifySignatureOptions {
  /** How far the timestamp may be from `now`, either way (seconds). Default 300. */
  toleranceSeconds?: number;
  /** The receiver's clock, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

interface ParsedSignatureHeader {
  timestamp: number;
  v1: string[];
}

/** Parses `t=...,v1=...[,v1=...]`; undefined when it is not that shape. */
export function parseSignatureHeader(header: string): ParsedSignatureHeader | undefined {
  let timestamp: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return undefined;
      v1.push(value);
    }
  }
  if (timestamp === undefined || v1.length === 0) return undefined;
  return { timestamp, v1 };
}

/**
 * Checks an `Icb-Signature` header against the raw body and the secret.
 * Never throws on bad input: every refusal comes back with its reason.
 */
export function verifySignature(
  rawBody: string | Buffer,
  header: string | undefined | null,
  secret: string,
  options: VerifySignatureOptions = {},
): SignatureVerification {
  const { toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS, now = Date.now } = options;
  if (header === undefined || header === null || header.trim() === '') {
    return { ok: false, reason: 'missing-header' };
  }
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed-header' };

  const nowSeconds = Math.floor(now() / 1000);
  if (parsed.timestamp < nowSeconds - toleranceSeconds) {
    return { ok: false, reason: 'stale-timestamp' };
  }
  if (parsed.timestamp > nowSeconds + toleranceSeconds) {
    return { ok: false, reason: 'future-timestamp' };
  }

  const expected = Buffer.from(computeSignature(rawBody, secret, parsed.timestamp), 'hex');
  // Both sides are 32 bytes (the header was checked for 64 hex digits), as timingSafeEqual needs.
  const matches = parsed.v1.some((candidate) =>
    timingSafeEqual(expected, Buffer.from(candidate, 'hex')),
  );
  return matches
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: 'signature-mismatch' };
}

export interface WebhookHeaderInput {
  deliveryId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  rawBody: string | Buffer;
  secret: string;
  timestampSeconds: number;
}

/** The Icb-* headers of one delivery attempt (signed afresh each attempt, so a late retry is not stale). */
export function webhookHeaders(input: WebhookHeaderInput): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: signPayload(input.rawBody, input.secret, input.timestampSeconds),
    [DELIVERY_ID_HEADER]: input.deliveryId,
    [EVENT_TYPE_HEADER]: input.eventType,
    [EVENT_ID_HEADER]: input.eventId,
    [DELIVERY_ATTEMPT_HEADER]: String(input.attempt),
  };
}
