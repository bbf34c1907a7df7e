import {
  AgencyKeyRegistry,
  cloudEventType,
  Envelope,
  isAgency,
  findUnsafeText,
  isMessageName,
  MAX_JSON_DEPTH,
  MAX_MESSAGE_BYTES,
  MESSAGES,
  parseEventSubject,
  partyOfSource,
  scanJsonText,
  verifyEnvelopeSignature,
} from '@icb/contracts';
import type { BusValidator } from './bus-validator.provider';
import type { DeadLetterReason } from './dead-letter.writer';

/**
 * How far an agency's envelope `time` may lie from the moment the bus stored
 * the message. Outside it the time is absurd (a clock in 1970 or in 2099), and
 * the message is refused rather than applied (`IMPLAUSIBLE_TIME`).
 */
export interface EnvelopeTimeWindow {
  /** Most an envelope may be dated after it was stored (ms). */
  maxFutureMs: number;
  /** Most an envelope may be dated before it was stored (ms). */
  maxAgeMs: number;
}

export const DEFAULT_ENVELOPE_TIME_WINDOW: EnvelopeTimeWindow = {
  maxFutureMs: 24 * 3_600_000,
  maxAgeMs: 366 * 24 * 3_600_000,
};

/** One delivery as the consumer received it. */
export interface Delivery {
  /** The contract subject (`icb.evt.…`). */
  subject: string;
  data: Uint8Array;
  /** When the stream stored the message (ms since the epoch): the bus's clock, not the sender's. */
  storedAtMs: number;
}

export type DeliveryVerdict =
  | {
      ok: true;
      name: string;
      parsed: { publisher: string; addressee?: string };
      envelope: Envelope;
      /** When the signature was checked: the key that signed it, and when the bus stored the message. */
      signature?: VerifiedSignature;
    }
  | { ok: false; reason: DeadLetterReason; eventId?: string };

/** An agency's signature the consumer verified (ADR 15). */
export interface VerifiedSignature {
  kid: string;
  /** When the bus stored the message (RFC 3339): the time the key had to be effective at. */
  receivedAt: string;
}

const refuse = (code: string, reason: string, extra: Partial<DeadLetterReason> = {}) => ({
  ok: false as const,
  reason: { code, reason, ...extra },
});

/**
 * Whether a delivery is a message its publisher may send, in the order the
 * checks are cheapest: size; a subject naming a catalog message, its version,
 * and an addressee exactly when the message is addressed (`UNKNOWN_SUBJECT`);
 * a subject publisher the catalog lets send that message, whatever the body
 * says (`PUBLISHER_NOT_ALLOWED`); bytes that are UTF-8 (`INVALID_UTF8`) and
 * nest no deeper than the contracts need (`TOO_DEEP`); JSON
 * (`MALFORMED_JSON`); the envelope against the message's schema
 * (`INVALID_MESSAGE`); no control character other than tab, line feed and
 * carriage return, and no unpaired surrogate, in any string
 * (`CONTROL_CHARACTER`); a `source` naming the subject's publisher
 * (`SOURCE_MISMATCH`); the `type` of the subject's message
 * (`TYPE_MISMATCH`); the addressee of the payload (`ADDRESSEE_MISMATCH`);
 * and, for an agency's message, a `time` within `window` of when the bus
 * stored it (`IMPLAUSIBLE_TIME`). The coordinator's own events carry the
 * coordinator's clock, which is the bus's reference for statutory time and
 * which the development clock moves forward (DEV_CLOCK): their time is not
 * checked. Last, with `agencyKeys`, an agency's signature (ADR 15): a
 * detached JWS by a registered key of the subject's publisher effective when
 * the bus stored the message (`SIGNATURE_MISSING`, `SIGNATURE_INVALID`,
 * `UNKNOWN_SIGNING_KEY`, `SIGNER_NOT_PUBLISHER`, `SIGNING_KEY_NOT_EFFECTIVE`).
 * Last, because it is the costliest check and every earlier reason is more
 * telling: a forged envelope is refused for what is wrong with it before
 * anyone asks who signed it. Pure: the same delivery always gets the same verdict.
 */
export function checkDelivery(
  delivery: Delivery,
  validator: BusValidator,
  window: EnvelopeTimeWindow = DEFAULT_ENVELOPE_TIME_WINDOW,
  agencyKeys?: AgencyKeyRegistry,
): DeliveryVerdict {
  const { subject, data } = delivery;
  if (data.length > MAX_MESSAGE_BYTES) {
    return refuse('TOO_LARGE', `message of ${data.length} bytes exceeds ${MAX_MESSAGE_BYTES}`);
  }
  const parsed = parseEventSubject(subject);
  const def = parsed && isMessageName(parsed.name) ? MESSAGES[parsed.name] : undefined;
  const addressed = def !== undefined && 'addressee' in def && def.addressee !== undefined;
  if (
    !parsed ||
    !def ||
    def.version !== parsed.version ||
    addressed !== (parsed.addressee !== undefined)
  ) {
    return refuse('UNKNOWN_SUBJECT', `no message in the catalog is published on ${subject}`);
  }
  const publishers = def.publishers as readonly string[];
  if (!publishers.includes(parsed.publisher)) {
    return refuse(
      'PUBLISHER_NOT_ALLOWED',
      `${parsed.publisher} may not publish ${def.name}: the catalog lets only ${publishers.join(', ')} publish it`,
    );
  }
  const text = scanJsonText(data, MAX_JSON_DEPTH);
  if (!text.ok) return refuse(text.code, `the message ${text.message}`);
  let body: unknown;
  try {
    body = JSON.parse(text.text);
  } catch (error) {
    return refuse('MALFORMED_JSON', `body is not JSON: ${(error as Error).message}`);
  }
  // The envelope id, when the body has a plausible one, for the dead-letter record.
  const id: unknown = body && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
  const eventId = typeof id === 'string' && id.length <= 128 ? id : undefined;
  const withId = (verdict: { ok: false; reason: DeadLetterReason }) => ({ ...verdict, eventId });
  const result = validator.validateEnvelope(def.name as never, body);
  if (!result.ok) {
    return withId(
      refuse('INVALID_MESSAGE', `does not match ${def.name} v${def.version}`, {
        errors: result.errors,
      }),
    );
  }
  const unsafe = findUnsafeText(body);
  if (unsafe) return withId(refuse('CONTROL_CHARACTER', `the envelope's ${unsafe.message}`));
  const envelope = result.envelope as Envelope;
  if (partyOfSource(envelope.source) !== parsed.publisher) {
    return withId(
      refuse(
        'SOURCE_MISMATCH',
        `source ${envelope.source} does not name the subject's publisher ${parsed.publisher}`,
      ),
    );
  }
  if (envelope.type !== cloudEventType(def)) {
    return withId(refuse('TYPE_MISMATCH', `type ${envelope.type} is not ${cloudEventType(def)}`));
  }
  if (addressed && parsed.addressee !== (def.addressee as (p: unknown) => string)(envelope.data)) {
    return withId(
      refuse(
        'ADDRESSEE_MISMATCH',
        `subject addressee ${parsed.addressee} does not match the payload`,
      ),
    );
  }
  if (parsed.publisher !== 'coordinator') {
    const problem = timeProblem(envelope.time, delivery.storedAtMs, window);
    if (problem) return withId(refuse('IMPLAUSIBLE_TIME', problem));
  }
  let signature: VerifiedSignature | undefined;
  if (agencyKeys && isAgency(parsed.publisher)) {
    const checked = verifyEnvelopeSignature(
      envelope,
      parsed.publisher,
      delivery.storedAtMs,
      agencyKeys,
    );
    if (!checked.ok) return withId(refuse(checked.code, checked.reason));
    signature = { kid: checked.kid, receivedAt: new Date(delivery.storedAtMs).toISOString() };
  }
  return {
    ok: true,
    name: def.name,
    parsed: { publisher: parsed.publisher, addressee: parsed.addressee },
    envelope,
    ...(signature ? { signature } : {}),
  };
}

/** Why an envelope `time` is not plausible for a message stored at `storedAtMs`, or undefined. */
export function timeProblem(
  time: string,
  storedAtMs: number,
  window: EnvelopeTimeWindow,
): string | undefined {
  const at = Date.parse(time);
  const stored = new Date(storedAtMs).toISOString();
  if (Number.isNaN(at)) return `time ${time} is not a date`;
  if (at - storedAtMs > window.maxFutureMs) {
    return `time ${time} lies more than ${hours(window.maxFutureMs)} after the bus stored the message (${stored}): the sender's clock is wrong`;
  }
  if (storedAtMs - at > window.maxAgeMs) {
    return `time ${time} lies more than ${hours(window.maxAgeMs)} before the bus stored the message (${stored}): the sender's clock is wrong`;
  }
  return undefined;
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 48 && h % 24 === 0 ? `${h / 24} days` : `${h} hours`;
}
