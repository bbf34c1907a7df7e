import type { Party } from '@icb/contracts';
import type { EnvelopeTimeWindow } from './delivery-check';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** The party this service publishes as (CloudEvents source `/icb/<party>`, subject token). */
  party: Party;
  /** The service name: the durable consumer's name and the NATS connection name. */
  service: string;
  servers: string[];
  user?: string;
  password?: string;
  /** Reply-subject prefix (a per-service user may only read its own). */
  inboxPrefix?: string;
  /** Bus namespace (`icb` in production). */
  namespace: string;
  /** Most messages a consumer works on at once (and JetStream's max_ack_pending). */
  maxInFlight: number;
  ackWaitMs: number;
  /**
   * Deliveries after which a message whose handler keeps failing with an
   * unknown error (a bug) is dead-lettered with MAX_DELIVERIES. Transient
   * failures are retried without limit; the JetStream consumer's own
   * `max_deliver` is unlimited and this policy counts (ADR 10).
   */
  maxDeliver: number;
  /** Delays before redeliveries of a failing message (the last one repeats: the cap). */
  backoffMs: readonly number[];
  /** Up to this fraction is added to each retry delay at random (default 0.25). */
  retryJitter?: number;
  /** Maximum age of an event in the events stream (ms); 0 keeps them forever. */
  eventsMaxAgeMs: number;
  /** Window in which a re-published event id is stored once (ms). */
  duplicateWindowMs: number;
  /** How far an agency's envelope `time` may lie from when the bus stored the message (default: DEFAULT_ENVELOPE_TIME_WINDOW). */
  envelopeTime?: EnvelopeTimeWindow;
  /**
   * Parties whose whole publish space this service's consumer takes, except
   * the addressed shape (`icb.evt.<p>.<a>.<b>.<v>.<addressee>`, which the
   * addressee's consumer takes): whatever they publish there that the catalog
   * does not let them (an unknown message, one only another party may
   * publish) is dead-lettered here, once, instead of being stored and never
   * read. The coordinator's consumer does it for every agency (ADR 12).
   */
  policedPublishers?: readonly Party[];
}
