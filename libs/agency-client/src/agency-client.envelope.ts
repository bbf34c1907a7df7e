import {
  AGENCIES,
  buildEnvelope as buildContractEnvelope,
  cloudEventType,
  createBusValidator,
  MESSAGES,
  partyOfSource,
  subjectFor,
  type Agency,
  type BusValidator,
  type Envelope,
  type MessageName,
  type Party,
  type PayloadOf,
  type Precedence,
  type SigningKey,
} from '@icb/contracts';
import { InvalidMessageError, NotPermittedError } from './agency-client.errors';

// What an agency may publish, the envelope it publishes, and the check of
// what it receives: pure functions over the catalog, no connection.

/**
 * The messages an agency may publish, by name. This mirrors the catalog's
 * `publishers` (the catalog's types widen them to `Party[]`, so the compiler
 * cannot read them there); a spec checks the two agree. The run-time check in
 * `publish` always uses the catalog itself.
 */
export const AGENCY_PUBLISHABLE = {
  'consultation.opened': ['state-pm'],
  'consultation.amended': ['state-pm'],
  'consultation.withdrawn': ['state-pm'],
  'clearance.parties-changed': ['state-pm'],
  'review.acknowledged': AGENCIES,
  'review.hold-placed': AGENCIES,
  'review.hold-released': AGENCIES,
  'signoff.submitted': AGENCIES,
  'condition.removal-requested': ['state-pm'],
  'condition.removal-answered': AGENCIES,
  'intel.assessment-shared': ['cia'],
  'intel.assessment-released': ['cia'],
  'sanctions.screening-completed': ['treasury'],
  'sanctions.list-loaded': ['treasury'],
  'clock.extension-requested': AGENCIES,
  'consultation.proceeded-without-clearance': ['state-pm'],
  'escalation.decided': ['nsc'],
  'congress.informal-notice-sent': ['state-pm'],
  'congress.hold-placed': ['state-pm'],
  'congress.hold-lifted': ['state-pm'],
  'congress.formal-notice-sent': ['state-pm'],
  'congress.emergency-waiver-certified': ['state-pm'],
  'congress.disapproval-enacted': ['state-pm'],
} as const satisfies { readonly [N in MessageName]?: readonly Agency[] };

type AgencyPublishable = typeof AGENCY_PUBLISHABLE;

/** The names of the messages agency `A` may publish (`PublishableBy<'dod'>`). */
export type PublishableBy<A extends Agency> = {
  [N in keyof AgencyPublishable]: A extends AgencyPublishable[N][number] ? N : never;
}[keyof AgencyPublishable];

/** Whether the catalog lets `agency` publish `name` (the run-time check). */
export function mayPublish(agency: Agency, name: MessageName): boolean {
  const def = MESSAGES[name] as { publishers: readonly Party[] } | undefined;
  return def !== undefined && def.publishers.includes(agency);
}

export interface PublishOptions {
  /** Event id (UUID), also the `Nats-Msg-Id`: retry with the same id and JetStream stores it once. */
  id?: string;
  /** The conversation id; defaults to the event's own id (a new conversation). */
  correlationId?: string;
  /** The event that caused this one (e.g. the review request a sign-off answers). */
  causationId?: string;
  /**
   * Raises the payload's `classification` (the envelope carries the high-water
   * mark of both); used alone when the payload has none; default `UNCLASSIFIED`.
   */
  classification?: string;
  /** With a payload `precedence` the more urgent of both; default `ROUTINE`. */
  precedence?: Precedence;
  time?: Date;
  traceparent?: string;
}

export interface PublishResult {
  eventId: string;
  /** Stream sequence of the stored event. */
  seq: number;
  /** True when JetStream already had this event id (nothing new was stored). */
  duplicate: boolean;
  /** The subject it was published on (in the client's namespace). */
  subject: string;
}

/**
 * Builds the envelope of `name` as `agency` publishes it, validated, and
 * signed with `signer` (the agency's key) when one is given; throws before
 * anything is sent.
 */
export function buildEnvelope<N extends MessageName>(
  agency: Agency,
  name: N,
  payload: PayloadOf<N>,
  opts: PublishOptions = {},
  validator: BusValidator = sharedValidator(),
  signer?: SigningKey,
): { envelope: Envelope<PayloadOf<N>>; subject: string } {
  if (!Object.prototype.hasOwnProperty.call(MESSAGES, name)) {
    throw new InvalidMessageError(String(name), [`(root) unknown message "${String(name)}"`]);
  }
  if (!mayPublish(agency, name)) throw new NotPermittedError(name, agency);
  const envelope = buildContractEnvelope(name, payload, {
    publisher: agency,
    id: opts.id,
    time: opts.time,
    correlationId: opts.correlationId,
    causationId: opts.causationId,
    traceparent: opts.traceparent,
    classification: opts.classification,
    defaultClassification: 'UNCLASSIFIED',
    precedence: opts.precedence,
    signer,
  });
  const result = validator.validateEnvelope(name, JSON.parse(JSON.stringify(envelope)));
  if (!result.ok) throw new InvalidMessageError(name, result.errors);
  return { envelope, subject: subjectFor(name, agency, payload) };
}

export type IncomingCheck<N extends MessageName> =
  | { ok: true; envelope: Envelope<PayloadOf<N>> }
  | { ok: false; reason: string; errors: string[] };

/**
 * Checks a message received on a contract subject (`icb.evt.…`) as message
 * `name` addressed to `agency`: JSON, envelope schema, CloudEvents type,
 * publisher (source) allowed by the catalog, and the subject matching the
 * envelope's source and addressee.
 */
export function checkIncoming<N extends MessageName>(
  name: N,
  agency: Agency,
  contractSubject: string,
  body: string,
  validator: BusValidator = sharedValidator(),
): IncomingCheck<N> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not JSON', errors: ['(root) body is not JSON'] };
  }
  const result = validator.validateEnvelope(name, parsed);
  if (!result.ok) {
    return { ok: false, reason: `invalid ${name}`, errors: result.errors };
  }
  const envelope = result.envelope;
  const def = MESSAGES[name] as unknown as { name: string; version: number; publishers: Party[] };
  if (envelope.type !== cloudEventType(def)) {
    return {
      ok: false,
      reason: `unexpected type ${envelope.type}`,
      errors: [`/type must be "${cloudEventType(def)}"`],
    };
  }
  const publisher = partyOfSource(envelope.source);
  if (!publisher || !def.publishers.includes(publisher)) {
    return {
      ok: false,
      reason: `${envelope.source} may not publish ${name}`,
      errors: [`/source must name one of: ${def.publishers.join(', ')}`],
    };
  }
  const expected = subjectFor(name, publisher, envelope.data);
  if (contractSubject !== expected || !expected.endsWith(`.${agency}`)) {
    return {
      ok: false,
      reason: `subject mismatch`,
      errors: [`received on ${contractSubject}; the envelope belongs on ${expected}`],
    };
  }
  return { ok: true, envelope };
}

let validatorInstance: BusValidator | undefined;
/** One compiled validator per process (compiling takes a while, validating is fast). */
export function sharedValidator(): BusValidator {
  validatorInstance ??= createBusValidator();
  return validatorInstance;
}
