import { isParty } from './parties';
import { cloudEventType, natsSubject, parseEventSubject, type MessageDefinition } from './define';
import { CLEARANCE_MESSAGES } from './catalog/clearance-messages';
import { DECISION_MESSAGES } from './catalog/decision-messages';
import { byConsultation } from './catalog/subject-of';

/**
 * Every message on the bus, keyed by name. The key must equal the entry's
 * `name` (a test checks it). Add a version by adding a new entry with a new
 * payload class (`...V2`) under a new key only when both versions must live
 * side by side; otherwise bump the entry.
 */
export const MESSAGES = {
  ...CLEARANCE_MESSAGES,
  ...DECISION_MESSAGES,
} as const;

export type MessageCatalog = typeof MESSAGES;
export type MessageName = keyof MessageCatalog;
/** The payload type of a message: `publish<N extends MessageName>(name: N, payload: PayloadOf<N>)`. */
export type PayloadOf<N extends MessageName> =
  MessageCatalog[N] extends MessageDefinition<infer T> ? T : never;
/** The catalog as a map from name to payload, for typed event maps. */
export type MessageMap = { [N in MessageName]: PayloadOf<N> };

export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

export function isMessageName(value: unknown): value is MessageName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, value);
}

/** Whether a message is about one consultation (its subject is the consultation id): its envelope must carry a marking. */
export function isConsultationScoped(name: MessageName): boolean {
  return (MESSAGES[name] as { subjectOf: unknown }).subjectOf === byConsultation;
}

/** The definition of a message, typed by its name. */
export function messageDefinition<N extends MessageName>(name: N): MessageDefinition<PayloadOf<N>> {
  return MESSAGES[name] as unknown as MessageDefinition<PayloadOf<N>>;
}

/** A catalog entry, whichever message it is. */
export type AnyMessageDefinition = MessageCatalog[MessageName];

const BY_TYPE: ReadonlyMap<string, AnyMessageDefinition> = new Map(
  MESSAGE_NAMES.map((n) => [cloudEventType(MESSAGES[n]), MESSAGES[n]]),
);

/** The catalog entry whose CloudEvents `type` this is (`gov.icb.signoff.submitted.v1`). */
export function messageByType(ceType: string): AnyMessageDefinition | undefined {
  return BY_TYPE.get(ceType);
}

/**
 * The catalog entry published on this NATS subject, when the subject names a
 * catalog message, its version, one of its publishers, and an addressee exactly
 * when the message is addressed (to a party).
 */
export function messageBySubject(subject: string): AnyMessageDefinition | undefined {
  const parts = parseEventSubject(subject);
  if (!parts || !isMessageName(parts.name)) return undefined;
  const def = MESSAGES[parts.name];
  if (def.version !== parts.version) return undefined;
  if (!(def.publishers as readonly string[]).includes(parts.publisher)) return undefined;
  const addressed = 'addressee' in def && def.addressee !== undefined;
  if (addressed !== (parts.addressee !== undefined)) return undefined;
  if (parts.addressee !== undefined && !isParty(parts.addressee)) return undefined;
  return def;
}

/** Typed `natsSubject` for a catalog message. */
export function subjectFor<N extends MessageName>(
  name: N,
  publisher: MessageDefinition['publishers'][number],
  payload: PayloadOf<N>,
): string {
  return natsSubject(messageDefinition(name), publisher, payload);
}
