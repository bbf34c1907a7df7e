import {
  buildEnvelope,
  createBusValidator,
  isMessageName,
  isParty,
  MESSAGE_NAMES,
  MESSAGES,
  subjectFor,
  validatePayloadWithClassValidator,
  type BusValidator,
  type Envelope,
  type MessageName,
  type Party,
  type Precedence,
} from '@icb/contracts';
import { UsageError, ValidationFailedError } from './cli.errors';

/** A message ready to publish: the envelope and its wire subject. */
export interface ComposedMessage {
  name: MessageName;
  envelope: Envelope;
  /** The subject in the bus namespace (`icb.evt.…`, or `<ns>.evt.…`). */
  subject: string;
}

export interface ComposeOptions {
  /** Event id (and `Nats-Msg-Id`); a new UUID by default. */
  id?: string;
  correlationId?: string;
  causationId?: string;
  /** Raises the payload's `classification` (the high-water mark of both); else the payload's, else UNCLASSIFIED. */
  classification?: string;
  /** With a payload `precedence` the more urgent of both; else the payload's, else ROUTINE. */
  precedence?: Precedence;
  time?: Date;
  namespace?: string;
}

/** The contract subject (`icb.evt.…`) in a bus namespace. */
export function toWireSubject(subject: string, namespace: string): string {
  return namespace === 'icb' ? subject : subject.replace(/^icb\./, `${namespace}.`);
}

let sharedValidator: BusValidator | undefined;
/** Compiling the envelope schemas takes a moment: once per process, and only when publishing. */
function busValidator(): BusValidator {
  sharedValidator ??= createBusValidator();
  return sharedValidator;
}

/** Checks a message name given on the command line. */
export function messageNameOf(value: string): MessageName {
  if (!isMessageName(value)) {
    throw new UsageError(`unknown message "${value}"`, `one of: ${MESSAGE_NAMES.join(', ')}`);
  }
  return value;
}

/**
 * Builds the CloudEvents envelope an agency's system would publish, and
 * validates payload (class-validator, as at every edge) and envelope (the
 * bus's ajv schemas, as the consumers will) before anything is sent.
 * Throws a ValidationFailedError listing every problem.
 */
export function composeMessage(
  name: MessageName,
  party: string,
  payload: unknown,
  opts: ComposeOptions = {},
): ComposedMessage {
  if (!isParty(party)) {
    throw new UsageError(
      `unknown party "${party}"`,
      `one of: state-pm, dod, nsc, cia, treasury, coordinator`,
    );
  }
  const def = MESSAGES[name] as unknown as { version: number; publishers: readonly Party[] };
  if (!def.publishers.includes(party)) {
    throw new UsageError(
      `${party} may not publish ${name}`,
      `publishers of ${name}: ${def.publishers.join(', ')}`,
    );
  }
  const checked = validatePayloadWithClassValidator(name, payload);
  if (!checked.ok) {
    throw new ValidationFailedError(
      `invalid ${name} payload`,
      checked.errors,
      `nothing was sent; its schema is docs/schemas/${name}.v${def.version}.json`,
    );
  }
  const envelope: Envelope = buildEnvelope(name, payload as never, {
    publisher: party,
    id: opts.id,
    time: opts.time,
    correlationId: opts.correlationId,
    causationId: opts.causationId,
    classification: opts.classification,
    defaultClassification: 'UNCLASSIFIED',
    precedence: opts.precedence,
  });
  const result = busValidator().validateEnvelope(name, JSON.parse(JSON.stringify(envelope)));
  if (!result.ok) {
    throw new ValidationFailedError(`invalid ${name} envelope`, result.errors);
  }
  const contractSubject = subjectFor(name, party as never, payload as never);
  return { name, envelope, subject: toWireSubject(contractSubject, opts.namespace ?? 'icb') };
}
