/** Handling precedence (5 FAH-2 H-420), from most to least urgent. */
export const PRECEDENCES = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'] as const;
export type Precedence = (typeof PRECEDENCES)[number];

/**
 * The envelope of every message on the bus: CloudEvents 1.0 in structured mode
 * (the whole event is the JSON body), with extension attributes for
 * correlation, causation, classification marking and precedence.
 * Extension names are lower-case letters only, as CloudEvents requires.
 */
export interface Envelope<T = unknown> {
  specversion: '1.0';
  /** Unique event id (UUID); also the JetStream `Nats-Msg-Id`, so a re-publish is de-duplicated. */
  id: string;
  /** `/icb/<party>`: who published it. */
  source: string;
  /** `gov.icb.<name>.v<version>`. */
  type: string;
  /** RFC 3339 time the event was created. */
  time: string;
  /** The id of the matter the event is about (usually a consultation id). */
  subject: string;
  datacontenttype: 'application/json';
  /** `urn:icb:schema:<name>.v<version>`. */
  dataschema: string;
  /** The id shared by every event of one conversation (the first event's id when it starts one). */
  correlationid: string;
  /** The id of the event that caused this one, when there is one. */
  causationid?: string;
  /** Banner marking of the event as a whole, e.g. `UNCLASSIFIED`, `SECRET//NOFORN`. */
  classification: string;
  precedence: Precedence;
  /** W3C trace context, when the publisher had one. */
  traceparent?: string;
  /**
   * The publisher's signature: a detached compact JWS (RFC 7515 Appendix F,
   * `alg` EdDSA, `kid`) over the RFC 8785 canonical form of the envelope
   * without this attribute (ADR 15). Every agency signs what it publishes.
   */
  jws?: string;
  data: T;
}

/** Largest message body accepted from the bus or the HTTP edge (bytes). */
export const MAX_MESSAGE_BYTES = 256 * 1024;
