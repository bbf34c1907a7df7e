import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ExternalContextCreator } from '@nestjs/core/helpers/external-context-creator';
import type { ParamsFactory } from '@nestjs/core/helpers/external-context-creator';
import { MESSAGES, MessageDefinition, natsSubjectFilter, Party } from '@icb/contracts';
import { BUS_VALIDATOR, BusValidator } from './bus-validator.provider';
import { consumerFilters, policingFilters } from './consumer-filter';
import { ConsumerRunner } from './consumer-runner';
import { DeadLetterWriter } from './dead-letter.writer';
import type { HandlerArgs } from './message-context';
import {
  MESSAGE_HANDLER,
  MESSAGE_HANDLER_PARAMS,
  MessageHandlerMetadata,
  MessageParamType,
} from './message-handler.decorator';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { consumerConfig, StreamProvisioner } from './stream-provisioner';
import { SubjectSpace } from './subject-space';

class MessageParamsFactory implements ParamsFactory {
  exchangeKeyForValue(type: number, _data: unknown, args: HandlerArgs): unknown {
    switch (type as MessageParamType) {
      case MessageParamType.DATA:
        return args[0].data;
      case MessageParamType.ENVELOPE:
        return args[0];
      case MessageParamType.CONTEXT:
        return args[1];
      default:
        return undefined;
    }
  }
}

interface RegisteredHandler {
  meta: MessageHandlerMetadata;
  invoke: (...args: HandlerArgs) => Promise<unknown>;
  where: string;
}

/**
 * Connects, provisions the streams, finds every `@OnMessage` handler, and
 * runs one durable pull consumer per consumer group (by default one per
 * service). Stops pulling and finishes work in progress on shutdown, before
 * the connection drains and the database closes.
 */
@Injectable()
export class MessagingExplorer implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private readonly space: SubjectSpace;
  private readonly runners: ConsumerRunner[] = [];
  private readonly durables: { stream: string; durable: string }[] = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionProvider,
    private readonly provisioner: StreamProvisioner,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly contextCreator: ExternalContextCreator,
    @Inject(BUS_VALIDATOR) private readonly validator: BusValidator,
    private readonly metrics: MessagingMetrics,
  ) {
    this.space = new SubjectSpace(options.namespace);
  }

  async onModuleInit(): Promise<void> {
    await this.nats.connect();
    await this.provisioner.ensureStreams(this.nats.manager, this.space);
  }

  async onApplicationBootstrap(): Promise<void> {
    const groups = new Map<string, RegisteredHandler[]>();
    for (const handler of this.discoverHandlers()) {
      const group = handler.meta.consumer ?? this.options.service;
      groups.set(group, [...(groups.get(group) ?? []), handler]);
    }
    for (const [durable, handlers] of groups) {
      await this.startConsumer(durable, handlers);
    }
  }

  /** The durable consumers this service runs (for health and lag). */
  consumers(): { stream: string; durable: string }[] {
    return [...this.durables];
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
    this.runners.length = 0;
  }

  private discoverHandlers(): RegisteredHandler[] {
    const found: RegisteredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[methodName] as (...args: unknown[]) => unknown;
        const meta = this.reflector.get<MessageHandlerMetadata | undefined>(
          MESSAGE_HANDLER,
          method,
        );
        if (!meta) continue;
        const invoke = this.contextCreator.create(
          instance,
          method,
          methodName,
          MESSAGE_HANDLER_PARAMS,
          new MessageParamsFactory(),
          undefined,
          undefined,
          { guards: true, interceptors: true, filters: false },
          'icb-message',
        ) as RegisteredHandler['invoke'];
        found.push({ meta, invoke, where: `${instance.constructor.name}.${methodName}` });
      }
    }
    return found;
  }

  /**
   * The consumer's subject filters: those of its handlers; for the service's
   * own consumer when it polices publishers, their whole publish spaces
   * besides (policingFilters, ADR 12).
   */
  private filtersOf(durable: string, handlers: RegisteredHandler[]): string[] {
    const policed = this.options.policedPublishers ?? [];
    if (policed.length > 0 && durable === this.options.service) {
      return policingFilters(
        policed,
        handlers.map((h) => {
          const def = MESSAGES[h.meta.message] as MessageDefinition;
          return {
            name: def.name,
            version: def.version,
            publishers: def.publishers,
            addressed: def.addressee !== undefined,
            publisher: h.meta.publisher,
            addressee: h.meta.addressee,
          };
        }),
      ).map((f) => this.space.toWire(f));
    }
    return consumerFilters(
      handlers.map((h) => ({
        filter: this.space.toWire(
          natsSubjectFilter(
            MESSAGES[h.meta.message] as Pick<MessageDefinition, 'name' | 'version' | 'addressee'>,
            {
              publisher: h.meta.publisher as Party | undefined,
              addressee: h.meta.addressee as Party | undefined,
            },
          ),
        ),
        addressee: h.meta.addressee,
      })),
    );
  }

  private async startConsumer(durable: string, handlers: RegisteredHandler[]): Promise<void> {
    const filters = this.filtersOf(durable, handlers);
    const stream = this.space.eventsStream;
    await this.provisioner.ensureConsumer(
      this.nats.manager,
      stream,
      consumerConfig(durable, filters, this.options),
    );
    const byName = new Map<string, RegisteredHandler[]>();
    for (const h of handlers)
      byName.set(h.meta.message, [...(byName.get(h.meta.message) ?? []), h]);

    const runner = new ConsumerRunner(
      this.nats.js,
      this.space,
      this.validator,
      new DeadLetterWriter(this.nats.js, this.space),
      this.metrics,
      async (name, parsed, envelope, context) => {
        const matching = (byName.get(name) ?? []).filter(
          (h) =>
            (!h.meta.publisher || h.meta.publisher === parsed.publisher) &&
            (!h.meta.addressee || h.meta.addressee === parsed.addressee),
        );
        // Several handlers of one message in one consumer all run; the message
        // is acked only when every one of them succeeded.
        for (const h of matching) await h.invoke(envelope, context);
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
