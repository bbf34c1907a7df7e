import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import {
  type Envelope,
  MESSAGES,
  MessageDefinition,
  type MessageName,
  natsSubjectFilter,
  Party,
} from '@icb/contracts';
import { BUS_VALIDATOR, BusValidator } from './bus-validator.provider';
import { consumerFilters, policingFilters } from './consumer-filter';
import { ConsumerRunner } from './consumer-runner';
import { DeadLetterWriter } from './dead-letter.writer';
import type { MessageContext } from './message-context';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { consumerConfig, StreamProvisioner } from './stream-provisioner';
import { SubjectSpace } from './subject-space';

/** Which messages a handler takes (the `extras` of `@EventPattern`). */
export interface BusHandlerOptions {
  /**
   * Durable consumer the handler belongs to; defaults to the service name.
   * One consumer per service keeps every message about one matter in order.
   */
  consumer?: string;
  /** Only messages from this publisher (e.g. an adapter reading only the coordinator's events). */
  publisher?: string;
  /** Only messages addressed to this party (e.g. `review.requested` for DoD). */
  addressee?: string;
}

/** One handler of one message, however it was declared. */
export interface BusHandler extends BusHandlerOptions {
  message: MessageName;
  /** For the log: `Class.method`. */
  where: string;
  /** Resolves when the handler's work is done; rejects to nak or dead-letter (ack-policy.ts). */
  invoke(envelope: Envelope, context: MessageContext, msg: JsMsg): Promise<void>;
}

/**
 * Runs the durable pull consumers of a service's handlers: one per consumer
 * group (by default one per service, ADR 2), its subject filters those of
 * its handlers, each message validated, checked and handed to every handler
 * of its name in that group (ConsumerRunner keeps the guarantees).
 * JetStreamServer starts them (at `app.startAllMicroservices()`). The
 * connection and the streams are ready once the module is initialized; on
 * shutdown the consumers stop (work in progress finishes) before the
 * connection drains and the database closes.
 */
@Injectable()
export class ConsumerGroups implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private readonly space: SubjectSpace;
  private readonly runners: ConsumerRunner[] = [];
  private readonly durables: { stream: string; durable: string }[] = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionProvider,
    private readonly provisioner: StreamProvisioner,
    @Inject(BUS_VALIDATOR) private readonly validator: BusValidator,
    private readonly metrics: MessagingMetrics,
  ) {
    this.space = new SubjectSpace(options.namespace);
  }

  async onModuleInit(): Promise<void> {
    await this.prepare();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Connects and provisions the streams, once (provisioning leaves operator settings alone). */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await this.nats.connect();
      await this.provisioner.ensureStreams(this.nats.manager, this.space);
    })();
    return this.prepared;
  }
  private prepared?: Promise<void>;

  /** Starts one consumer per group of `handlers`; a group already running is an error. */
  async start(handlers: readonly BusHandler[]): Promise<void> {
    const groups = new Map<string, BusHandler[]>();
    for (const handler of handlers) {
      const group = handler.consumer ?? this.options.service;
      groups.set(group, [...(groups.get(group) ?? []), handler]);
    }
    for (const [durable, members] of groups) {
      if (this.durables.some((d) => d.durable === durable)) {
        throw new Error(`consumer ${durable} is already running: declare its handlers one way`);
      }
      await this.startConsumer(durable, members);
    }
  }

  /** The durable consumers this service runs (for health and lag). */
  consumers(): { stream: string; durable: string }[] {
    return [...this.durables];
  }

  /** Stops pulling, hands back what was not started, waits for the work in progress. */
  async stop(): Promise<void> {
    const runners = this.runners.splice(0);
    await Promise.all(runners.map((r) => r.stop()));
    this.durables.length = 0;
  }

  /**
   * The consumer's subject filters: those of its handlers; for the service's
   * own consumer when it polices publishers, their whole publish spaces
   * besides (policingFilters, ADR 12).
   */
  private filtersOf(durable: string, handlers: BusHandler[]): string[] {
    const policed = this.options.policedPublishers ?? [];
    if (policed.length > 0 && durable === this.options.service) {
      return policingFilters(
        policed,
        handlers.map((h) => {
          const def = MESSAGES[h.message] as MessageDefinition;
          return {
            name: def.name,
            version: def.version,
            publishers: def.publishers,
            addressed: def.addressee !== undefined,
            publisher: h.publisher,
            addressee: h.addressee,
          };
        }),
      ).map((f) => this.space.toWire(f));
    }
    return consumerFilters(
      handlers.map((h) => ({
        filter: this.space.toWire(
          natsSubjectFilter(
            MESSAGES[h.message] as Pick<MessageDefinition, 'name' | 'version' | 'addressee'>,
            {
              publisher: h.publisher as Party | undefined,
              addressee: h.addressee as Party | undefined,
            },
          ),
        ),
        addressee: h.addressee,
      })),
    );
  }

  private async startConsumer(durable: string, handlers: BusHandler[]): Promise<void> {
    const filters = this.filtersOf(durable, handlers);
    const stream = this.space.eventsStream;
    await this.provisioner.ensureConsumer(
      this.nats.manager,
      stream,
      consumerConfig(durable, filters, this.options),
    );
    const byName = new Map<string, BusHandler[]>();
    for (const h of handlers) byName.set(h.message, [...(byName.get(h.message) ?? []), h]);

    const runner = new ConsumerRunner(
      this.nats.js,
      this.space,
      this.validator,
      new DeadLetterWriter(this.nats.js, this.space),
      this.metrics,
      async (name, parsed, envelope, context, msg) => {
        const matching = (byName.get(name) ?? []).filter(
          (h) =>
            (!h.publisher || h.publisher === parsed.publisher) &&
            (!h.addressee || h.addressee === parsed.addressee),
        );
        // Several handlers of one message in one consumer all run; the message
        // is acked only when every one of them succeeded.
        for (const h of matching) await h.invoke(envelope, context, msg);
      },
      {
        stream,
        durable,
        maxInFlight: this.options.maxInFlight,
        ackWaitMs: this.options.ackWaitMs,
        envelopeTime: this.options.envelopeTime,
        agencyKeys: this.options.agencyKeys,
        retry: {
          maxDeliver: this.options.maxDeliver,
          backoffMs: this.options.backoffMs,
          jitter: this.options.retryJitter,
        },
      },
    );
    await runner.start();
    this.runners.push(runner);
    this.durables.push({ stream, durable });
    this.logger.log(
      `consumer ${durable} on ${filters.join(', ')} -> ${handlers.map((h) => h.where).join(', ')}`,
    );
  }
}
