import { createHash } from 'node:crypto';
import type { Envelope } from '@icb/contracts';

/**
 * What a message says, as a short hash, to tell a repeat from a conflict
 * when an envelope id comes back: the envelope without `time`,
 * `traceparent` and its signature (`jws`, which signs the time too), and its data without the properties that stamp when the
 * sender did something (`submittedAt`, `screenedAt`, ... : every key ending in
 * `At`, at any depth). A publisher retrying an answer (an Idempotency-Key
 * after JetStream's two-minute duplicate window, a handler run again after a
 * redelivery) rebuilds the envelope with the same id and a new time: the same
 * message, the same fingerprint. The same id with another decision, another
 * rationale, another source or another type is another message: a conflict.
 * 128 bits of SHA-256, base64url (22 characters).
 */
export function envelopeFingerprint(envelope: Envelope): string {
  const { time: _time, traceparent: _traceparent, jws: _jws, data, ...rest } = envelope;
  const canonical = canonicalJson({ ...rest, data: withoutStamps(data) });
  return createHash('sha256').update(canonical).digest().subarray(0, 16).toString('base64url');
}

/** A copy of `value` without the keys ending in `At` (recursive: an envelope that got this far nests at most 32 levels). */
function withoutStamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStamps);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.endsWith('At')) out[k] = withoutStamps(v);
  return out;
}

/** JSON with every object's keys sorted, so the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const keys = Object.keys(value).sort();
  return `{${keys
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}
