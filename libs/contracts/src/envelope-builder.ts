import { randomUUID } from 'node:crypto';
import {
  isConsultationScoped,
  isMessageName,
  MESSAGES,
  type MessageName,
  type PayloadOf,
} from './catalog';
import { formatMarking, highWaterMark, tryParseMarking, type Marking } from './classification';
import { cloudEventType, schemaId } from './define';
import { PRECEDENCES, type Envelope, type Precedence } from './envelope';
import { sourceOf, type Party } from './parties';
import { signEnvelope, type SigningKey } from './signing/envelope-signature';

export interface BuildEnvelopeOptions {
  /** The party publishing it: the envelope's `source`. */
  publisher: Party;
  /** Event id (and `Nats-Msg-Id`); a new UUID by default. */
  id?: string;
  /** Creation time; now by default. */
  time?: Date;
  /** The conversation id; the event's own id by default (a new conversation). */
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  /**
   * The marking the publisher gives the event. With a payload `classification`
   * the envelope carries the high-water mark of both: a given marking may raise
   * the payload's, never lower it.
   */
  classification?: string;
  /**
   * The publisher's fallback when neither the payload nor `classification` marks
   * the event. Without one, a consultation-scoped message is refused
   * (`MARKING_REQUIRED`): a matter's events are never marked UNCLASSIFIED by accident.
   */
  defaultClassification?: string;
  /** With a payload `precedence` the more urgent of the two is used. */
  precedence?: Precedence;
  /** Used when neither the payload nor `precedence` gives one; ROUTINE by default. */
  defaultPrecedence?: Precedence;
  /**
   * The publisher's signing key: the envelope gets its `jws` (a detached JWS
   * over its canonical form, ADR 15). Every agency publisher gives one.
   */
  signer?: SigningKey;
}

export type EnvelopeBuildErrorCode = 'UNKNOWN_MESSAGE' | 'NOT_A_PUBLISHER' | 'MARKING_REQUIRED';

export class EnvelopeBuildError extends Error {
  constructor(
    readonly code: EnvelopeBuildErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeBuildError';
  }
}

/** The `classification` a payload carries, when it carries one. */
export function payloadMarking(payload: unknown): string | undefined {
  const value = (payload as { classification?: unknown } | null | undefined)?.classification;
  return typeof value === 'string' ? value : undefined;
}

function payloadPrecedence(payload: unknown): Precedence | undefined {
  const value = (payload as { precedence?: unknown } | null | undefined)?.precedence;
  return (PRECEDENCES as readonly unknown[]).includes(value) ? (value as Precedence) : undefined;
}

/** The high-water mark of the given banners; an unreadable one is kept as is for the validator to report. */
function combineMarkings(banners: string[]): string | undefined {
  if (banners.length <= 1) return banners[0];
  const markings: Marking[] = [];
  for (const banner of banners) {
    const parsed = tryParseMarking(banner);
    if (!parsed.ok) return banner;
    markings.push(parsed.marking);
  }
  return formatMarking(highWaterMark(markings));
}

/** The more urgent (FLASH first) of the given precedences. */
function mostUrgent(precedences: Precedence[]): Precedence | undefined {
  return PRECEDENCES.find((p) => precedences.includes(p));
}

/**
 * The CloudEvents envelope of message `name` as `opts.publisher` publishes it:
 * the one place every publisher (the services' EventPublisher, the agency
 * client, the CLI) builds envelopes. It does not validate: each publisher
 * validates the result with the bus validator and reports in its own terms.
 * With `opts.signer` the envelope is signed (`jws`), the last step.
 * Throws `EnvelopeBuildError` for an unknown message, a party that may not
 * publish it, or a consultation-scoped message nobody marked.
 */
export function buildEnvelope<N extends MessageName>(
  name: N,
  payload: PayloadOf<N>,
  opts: BuildEnvelopeOptions,
): Envelope<PayloadOf<N>> {
  if (!isMessageName(name)) {
    throw new EnvelopeBuildError('UNKNOWN_MESSAGE', `unknown message "${String(name)}"`);
  }
  const def = MESSAGES[name] as unknown as {
    name: string;
    version: number;
    publishers: readonly Party[];
    subjectOf: (p: PayloadOf<N>) => string;
  };
  if (!def.publishers.includes(opts.publisher)) {
    throw new EnvelopeBuildError(
      'NOT_A_PUBLISHER',
      `${opts.publisher} may not publish ${name} (publishers: ${def.publishers.join(', ')})`,
    );
  }
  const given = [payloadMarking(payload), opts.classification].filter(
    (m): m is string => m !== undefined,
  );
  const classification =
    combineMarkings(given) ??
    opts.defaultClassification ??
    (isConsultationScoped(name) ? undefined : 'UNCLASSIFIED');
  if (classification === undefined) {
    throw new EnvelopeBuildError(
      'MARKING_REQUIRED',
      `${name} is about a consultation and needs a classification marking: the payload has none and none was given`,
    );
  }
  const precedences = [payloadPrecedence(payload), opts.precedence].filter(
    (p): p is Precedence => p !== undefined,
  );
  const id = opts.id ?? randomUUID();
  const envelope: Envelope<PayloadOf<N>> = {
    specversion: '1.0',
    id,
    source: sourceOf(opts.publisher),
    type: cloudEventType(def),
    time: (opts.time ?? new Date()).toISOString(),
    subject: subjectOrEmpty(def.subjectOf, payload),
    datacontenttype: 'application/json',
    dataschema: schemaId(def),
    correlationid: opts.correlationId ?? id,
    classification,
    precedence: mostUrgent(precedences) ?? opts.defaultPrecedence ?? 'ROUTINE',
    data: payload,
  };
  if (opts.causationId) envelope.causationid = opts.causationId;
  if (opts.traceparent) envelope.traceparent = opts.traceparent;
  // Signed last, over everything above: nothing may change the envelope after this.
  if (opts.signer) envelope.jws = signEnvelope(envelope, opts.signer);
  return envelope;
}

/** A payload too broken to name its matter gets an empty subject; the validator reports the payload. */
function subjectOrEmpty<T>(subjectOf: (p: T) => string, payload: T): string {
  try {
    const subject = subjectOf(payload);
    return typeof subject === 'string' ? subject : '';
  } catch {
    return '';
  }
}
