import type { Party } from './parties';

/** A class whose instances are a message's payload (decorated with class-validator). */
export type PayloadClass<T = object> = new () => T;

/**
 * One entry of the message catalog. The NATS subject of a message is
 * `icb.evt.<publisher>.<name>.v<version>` and, for a message addressed to one
 * party, `.<addressee>` after that. Stream subjects all start with `icb.evt.`;
 * request/reply subjects start with `icb.rpc.` and never overlap them.
 */
export interface MessageDefinition<T extends object = object> {
  /** Dotted name, e.g. `signoff.submitted`. */
  readonly name: string;
  readonly version: number;
  readonly payload: PayloadClass<T>;
  /** The parties allowed to publish it (checked against the subject and the envelope source). */
  readonly publishers: readonly Party[];
  /** For a message addressed to one party: which party, read from the payload. */
  readonly addressee?: (payload: T) => Party;
  /** The CloudEvents `subject`: the id of the matter the message is about. */
  readonly subjectOf: (payload: T) => string;
  readonly summary: string;
}

export function defineMessage<T extends object>(def: MessageDefinition<T>): MessageDefinition<T> {
  return def;
}

export const EVENT_SUBJECT_PREFIX = 'icb.evt';
export const RPC_SUBJECT_PREFIX = 'icb.rpc';
export const DLQ_SUBJECT_PREFIX = 'icb.dlq';

/** CloudEvents `type` of a message: `gov.icb.<name>.v<version>`. */
export function cloudEventType(def: Pick<MessageDefinition, 'name' | 'version'>): string {
  return `gov.icb.${def.name}.v${def.version}`;
}

/** The schema id of a message, used as the CloudEvents `dataschema`. */
export function schemaId(def: Pick<MessageDefinition, 'name' | 'version'>): string {
  return `urn:icb:schema:${def.name}.v${def.version}`;
}

/** The NATS subject a message is published on. */
export function natsSubject<T extends object>(
  def: MessageDefinition<T>,
  publisher: Party,
  payload: T,
): string {
  const base = `${EVENT_SUBJECT_PREFIX}.${publisher}.${def.name}.v${def.version}`;
  return def.addressee ? `${base}.${def.addressee(payload)}` : base;
}

/** The subject filter matching a message from any publisher (and any addressee). */
export function natsSubjectFilter<T extends object>(
  def: Pick<MessageDefinition<T>, 'name' | 'version' | 'addressee'>,
  opts: { publisher?: Party; addressee?: Party } = {},
): string {
  const base = `${EVENT_SUBJECT_PREFIX}.${opts.publisher ?? '*'}.${def.name}.v${def.version}`;
  return def.addressee ? `${base}.${opts.addressee ?? '*'}` : base;
}

/** Splits an event subject into its parts, or undefined when it is not one. */
export function parseEventSubject(
  subject: string,
): { publisher: string; name: string; version: number; addressee?: string } | undefined {
  const m = /^icb\.evt\.([a-z-]+)\.([a-z-]+(?:\.[a-z-]+)*)\.v(\d+)(?:\.([a-z-]+))?$/.exec(subject);
  if (!m) return undefined;
  return { publisher: m[1], name: m[2], version: Number(m[3]), addressee: m[4] };
}
