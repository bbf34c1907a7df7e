import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildEnvelope,
  createBusValidator,
  isAgency,
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
  signingKeyFromJwk,
  type SigningKey,
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
  /**
   * Finds the publishing agency's signing key (`signingKeysFrom`). Given, an
   * agency's message is signed, and a missing key is a usage error before
   * anything is sent; not given, the envelope is left unsigned.
   */
  signingKeys?: (party: Party) => SigningKey | undefined;
}

/**
 * Where the CLI finds an agency's private signing key (ADR 15), first found:
 * `ICB_SIGNING_KEY_FILE` (a private Ed25519 JWK with its kid, for whichever
 * agency you publish as), `AGENCY_SIGNING_KEYS` (a JSON map agency → JWK, as
 * tests give it), and the key `npm start` wrote for the agency
 * (`.local/stack/keys/<agency>.private.jwk`, found from the working directory up).
 */
export function signingKeysFrom(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): (party: Party) => SigningKey | undefined {
  const cache = new Map<Party, SigningKey | undefined>();
  const read = (party: Party): SigningKey | undefined => {
    const file = env.ICB_SIGNING_KEY_FILE;
    if (file) return signingKeyFromJwk(readKeyFile(file));
    if (env.AGENCY_SIGNING_KEYS) {
      const map = JSON.parse(env.AGENCY_SIGNING_KEYS) as Record<string, unknown>;
      if (map[party]) return signingKeyFromJwk(map[party]);
    }
    for (let dir = cwd, i = 0; i < 8; i++, dir = path.dirname(dir)) {
      const local = path.join(dir, '.local', 'stack', 'keys', `${party}.private.jwk`);
      if (fs.existsSync(local)) return signingKeyFromJwk(readKeyFile(local));
    }
    return undefined;
  };
  return (party) => {
    if (!cache.has(party)) cache.set(party, read(party));
    return cache.get(party);
  };
}

function readKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the signing key ${file}: ${(error as Error).message}`,
      'ICB_SIGNING_KEY_FILE names the agency’s private JWK',
    );
  }
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
  let signer: SigningKey | undefined;
  if (opts.signingKeys && isAgency(party)) {
    signer = opts.signingKeys(party);
    if (!signer) {
      throw new UsageError(
        `no signing key for ${party}: the coordinator refuses an agency's unsigned message`,
        `set ICB_SIGNING_KEY_FILE to ${party}'s private JWK (npm start writes .local/stack/keys/${party}.private.jwk)`,
      );
    }
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
    signer,
  });
  const result = busValidator().validateEnvelope(name, JSON.parse(JSON.stringify(envelope)));
  if (!result.ok) {
    throw new ValidationFailedError(`invalid ${name} envelope`, result.errors);
  }
  const contractSubject = subjectFor(name, party as never, payload as never);
  return { name, envelope, subject: toWireSubject(contractSubject, opts.namespace ?? 'icb') };
}
