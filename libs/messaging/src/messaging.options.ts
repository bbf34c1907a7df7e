import type { AgencyKeyRegistry, Party, SigningKey } from '@icb/contracts';
import type { EnvelopeTimeWindow } from './delivery-check';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** The party this service publishes as (CloudEvents source `/icb/<party>`, subject token). */
  party: Party;
  /** The service name: the durable consumer's name and the NATS connection name. */
  service: string;
  servers: string[];
  /**
   * Replicas of the streams and KV buckets created when missing (NATS_REPLICAS:
   * 1 on one server, 3 on a cluster); an existing one keeps its own. Default 1.
   */
  replicas?: number;
  user?: string;
  password?: string;
  /** Reply-subject prefix (a per-service user may only read its own). */
  inboxPrefix?: string;
  /** CA certificate file: connect with TLS, verifying the server against it. */
  tlsCaFile?: string;
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
  /** This service's signing key: every event it publishes carries its signature (`jws`, ADR 15). */
  signingKey?: SigningKey;
  /**
   * The agencies' registered public keys. Given, every agency message this
   * service's consumer receives must carry a valid signature by a key of its
   * publisher effective when the bus stored it, or it is dead-lettered with
   * the reason (SIGNATURE_MISSING, SIGNATURE_INVALID, UNKNOWN_SIGNING_KEY,
   * SIGNER_NOT_PUBLISHER, SIGNING_KEY_NOT_EFFECTIVE). The coordinator always
   * has one (empty when none is configured: then every agency message is refused).
   */
  agencyKeys?: AgencyKeyRegistry;
  /**
   * This service runs on its agency's own leaf node (NATS_LEAF_DOMAIN, ADR 21):
   * it provisions the leaf's streams (leaf-sources.ts) instead of the hub's.
   */
  leaf?: { agency: Party; hubDomain: string };
  /** The hub's events and dead-letter streams source these agencies' leaf nodes (NATS_LEAF_AGENCIES, ADR 21). */
  leafAgencies?: readonly Party[];
}
