import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AckPolicy,
  ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  JetStreamManager,
  RetentionPolicy,
  StorageType,
  StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { ensureHubLeafSources, ensureLeafStreams } from './leaf-sources';
import { SubjectSpace } from './subject-space';

/** JetStream's "not found" API error codes (stream, consumer). */
const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

function isNotFound(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/** What we declare for a stream; only these fields are set when it is created. */
type NamedStreamConfig = Partial<StreamConfig> & { name: string };

export function eventsStreamConfig(
  space: SubjectSpace,
  options: MessagingOptions,
): NamedStreamConfig {
  return {
    name: space.eventsStream,
    description: 'Interagency coordination events (every state change travels here)',
    subjects: [space.eventsFilter],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(options.eventsMaxAgeMs),
    duplicate_window: nanos(options.duplicateWindowMs),
    num_replicas: options.replicas ?? 1,
    allow_direct: true,
  };
}

export function deadLetterStreamConfig(
  space: SubjectSpace,
  options: MessagingOptions,
): NamedStreamConfig {
  return {
    name: space.deadLetterStream,
    description: 'Messages a consumer could not process, with the reason; list and replay them',
    subjects: [space.deadLetterFilter],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: 0,
    duplicate_window: nanos(options.duplicateWindowMs),
    num_replicas: options.replicas ?? 1,
    allow_direct: true,
  };
}

/**
 * The consumer's `max_deliver`: unlimited. The ack policy counts deliveries
 * itself (unknown errors: MESSAGING_MAX_DELIVER) and retries transient
 * failures for as long as they last; a server-side limit would instead leave a
 * message that reached it undelivered and unacknowledged, neither processed
 * nor dead-lettered (ADR 10).
 */
export const UNLIMITED_DELIVERIES = -1;

export function consumerConfig(
  durable: string,
  filterSubjects: string[],
  options: MessagingOptions,
): Partial<ConsumerConfig> {
  return {
    durable_name: durable,
    description: `Durable pull consumer of ${options.service}`,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(options.ackWaitMs),
    max_deliver: UNLIMITED_DELIVERIES,
    max_ack_pending: Math.max(options.maxInFlight * 4, 256),
    // One filter goes in `filter_subject`: the client then creates the
    // consumer on `$JS.API.CONSUMER.CREATE.<stream>.<durable>.<filter>`, a
    // subject NATS permissions can restrict (ADR 6).
    ...(filterSubjects.length === 1
      ? { filter_subject: filterSubjects[0] }
      : { filter_subjects: filterSubjects }),
  };
}

/**
 * Creates the streams and durable consumers this service needs when they are
 * missing. An existing stream or consumer is left as an operator configured
 * it: differences are logged, never overwritten. Two exceptions on a
 * consumer, which the code relies on: its subject filter follows the handlers
 * the code declares, and its `max_deliver` is unlimited (the ack policy
 * counts, ADR 10).
 */
@Injectable()
export class StreamProvisioner {
  private readonly logger = new Logger('JetStreamProvisioner');

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async ensureStreams(jsm: JetStreamManager, space: SubjectSpace): Promise<void> {
    // On an agency's leaf node: the leaf's own streams (ADR 21).
    if (this.options.leaf) {
      const created = await ensureLeafStreams(jsm, space, this.options.leaf.agency, {
        duplicateWindowMs: this.options.duplicateWindowMs,
        hubDomain: this.options.leaf.hubDomain,
      });
      if (created.length > 0) this.logger.log(`created leaf streams ${created.join(', ')}`);
      return;
    }
    await this.ensureStream(jsm, eventsStreamConfig(space, this.options));
    await this.ensureStream(jsm, deadLetterStreamConfig(space, this.options));
    if (this.options.leafAgencies?.length) {
      const added = await ensureHubLeafSources(jsm, space, this.options.leafAgencies);
      for (const source of added) this.logger.log(`added source ${source}`);
    }
  }

  async ensureStream(jsm: JetStreamManager, wanted: NamedStreamConfig): Promise<void> {
    const name = wanted.name;
    try {
      const info = await jsm.streams.info(name);
      this.reportDrift(`stream ${name}`, wanted, info.config);
    } catch (error) {
      if (!isNotFound(error, STREAM_NOT_FOUND)) throw error;
      try {
        await jsm.streams.add(wanted);
        this.logger.log(`created stream ${name} on ${wanted.subjects?.join(', ')}`);
      } catch (addError) {
        // Another instance created it between our info and add: fine.
        const info = await jsm.streams.info(name).catch(() => undefined);
        if (!info) throw addError;
      }
    }
  }

  async ensureConsumer(
    jsm: JetStreamManager,
    stream: string,
    wanted: Partial<ConsumerConfig>,
  ): Promise<void> {
    const durable = wanted.durable_name!;
    try {
      const info = await jsm.consumers.info(stream, durable);
      this.reportDrift(`consumer ${stream}/${durable}`, wanted, info.config);
      const filtersOf = (c: Partial<ConsumerConfig>): string[] =>
        [
          ...(c.filter_subjects?.length
            ? c.filter_subjects
            : c.filter_subject
              ? [c.filter_subject]
              : []),
        ].sort();
      const current = filtersOf(info.config);
      const declared = filtersOf(wanted);
      const changes: Partial<ConsumerConfig> = {};
      const done: string[] = [];
      if (JSON.stringify(current) !== JSON.stringify(declared)) {
        // One filter: `filter_subjects` must not be an array at all (not even
        // empty), or the client falls back to DURABLE.CREATE, whose subject
        // does not carry the filter and which NATS permissions cannot check.
        Object.assign(
          changes,
          declared.length === 1
            ? { filter_subject: declared[0], filter_subjects: undefined }
            : { filter_subjects: declared, filter_subject: '' },
        );
        done.push(`subject filter now ${declared.join(', ')}`);
      }
      if (
        wanted.max_deliver !== undefined &&
        (info.config.max_deliver ?? UNLIMITED_DELIVERIES) !== wanted.max_deliver
      ) {
        changes.max_deliver = wanted.max_deliver;
        done.push(
          `max_deliver ${info.config.max_deliver} -> unlimited (transient failures are retried without limit; the ack policy counts the rest)`,
        );
      }
      if (done.length > 0) {
        await jsm.consumers.update(stream, durable, changes);
        this.logger.log(`consumer ${durable}: ${done.join('; ')}`);
      }
    } catch (error) {
      if (!isNotFound(error, CONSUMER_NOT_FOUND)) throw error;
      try {
        await jsm.consumers.add(stream, wanted);
        this.logger.log(`created consumer ${stream}/${durable}`);
      } catch (addError) {
        const info = await jsm.consumers.info(stream, durable).catch(() => undefined);
        if (!info) throw addError;
      }
    }
  }

  private reportDrift(what: string, wanted: object, actual: object): void {
    const drift = Object.entries(wanted)
      .filter(
        ([key]) =>
          key !== 'filter_subjects' &&
          key !== 'filter_subject' &&
          key !== 'description' &&
          key !== 'max_deliver',
      )
      .filter(
        ([key, value]) =>
          JSON.stringify((actual as Record<string, unknown>)[key]) !== JSON.stringify(value),
      )
      .map(
        ([key, value]) =>
          `${key}: ${JSON.stringify((actual as Record<string, unknown>)[key])} (default ${JSON.stringify(value)})`,
      );
    if (drift.length > 0) {
      this.logger.log(`${what} exists with operator settings kept: ${drift.join('; ')}`);
    }
  }
}
