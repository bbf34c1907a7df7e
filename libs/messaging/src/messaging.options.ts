import type { Party } from '@icb/contracts';

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
  maxDeliver: number;
  /** Delays before redeliveries of a failing message. */
  backoffMs: readonly number[];
  /** Maximum age of an event in the events stream (ms); 0 keeps them forever. */
  eventsMaxAgeMs: number;
  /** Window in which a re-published event id is stored once (ms). */
  duplicateWindowMs: number;
}
