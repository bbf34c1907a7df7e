import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AgencyKeyRegistry, signingKeyFromJwk, type Party, type SigningKey } from '@icb/contracts';
import { AppConfig, LeafConfig } from '@icb/config';
import { DEFAULT_BACKOFF_MS, DEFAULT_JITTER } from './ack-policy';
import { busValidatorProvider } from './bus-validator.provider';
import { ConsumerGroups } from './consumer-groups';
import { DeadLetterService } from './dead-letter.service';
import { EventPublisher } from './event-publisher';
import { leafMessagingOptions } from './leaf-sources';
import { JetStreamClient } from './jetstream.client';
import { JetStreamServer } from './jetstream.server';
import { MessagingHealthIndicator } from './messaging.health';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { NatsConnectionProvider } from './nats-connection';
import { StreamProvisioner } from './stream-provisioner';

export interface MessagingModuleOptions {
  party: Party;
  service: string;
  /** See MessagingOptions.policedPublishers (the coordinator: every agency). */
  policedPublishers?: readonly Party[];
  /**
   * Verify every agency message against AGENCY_KEYS, an empty registry when
   * it is unset (the coordinator). Otherwise messages are verified only when
   * AGENCY_KEYS is given.
   */
  requireSignatures?: boolean;
  /** Overrides of what the configuration gives (tests use short backoffs). */
  overrides?: Partial<Omit<MessagingOptions, 'party' | 'service'>>;
}

export function messagingOptionsFrom(
  config: AppConfig,
  options: MessagingModuleOptions,
): MessagingOptions {
  return {
    party: options.party,
    service: options.service,
    servers: config.NATS_URL.split(',').map((s) => s.trim()),
    replicas: config.NATS_REPLICAS,
    user: config.NATS_USER,
    password: config.NATS_PASSWORD,
    inboxPrefix: config.NATS_INBOX_PREFIX,
    tlsCaFile: config.NATS_TLS_CA_FILE,
    namespace: config.BUS_NAMESPACE,
    maxInFlight: config.MESSAGING_MAX_IN_FLIGHT,
    ackWaitMs: config.MESSAGING_ACK_WAIT_MS,
    maxDeliver: config.MESSAGING_MAX_DELIVER,
    backoffMs: DEFAULT_BACKOFF_MS,
    retryJitter: DEFAULT_JITTER,
    eventsMaxAgeMs: 0,
    duplicateWindowMs: 2 * 60_000,
    envelopeTime: {
      maxFutureMs: config.MESSAGING_ENVELOPE_MAX_FUTURE_MS,
      maxAgeMs: config.MESSAGING_ENVELOPE_MAX_AGE_MS,
    },
    policedPublishers: options.policedPublishers,
    signingKey: signingKeyOf(config, options.party),
    agencyKeys: config.AGENCY_KEYS
      ? AgencyKeyRegistry.parse(config.AGENCY_KEYS)
      : options.requireSignatures
        ? AgencyKeyRegistry.empty()
        : undefined,
    ...options.overrides,
  };
}

/** SIGNING_KEY, else the party's entry of AGENCY_SIGNING_KEYS (tests), else none. */
function signingKeyOf(config: AppConfig, party: Party): SigningKey | undefined {
  if (config.SIGNING_KEY) return signingKeyFromJwk(config.SIGNING_KEY);
  if (!config.AGENCY_SIGNING_KEYS) return undefined;
  const map = JSON.parse(config.AGENCY_SIGNING_KEYS) as Record<string, unknown>;
  return map[party] === undefined ? undefined : signingKeyFromJwk(map[party]);
}

/**
 * JetStream for Nest: one connection, provisioned streams, a typed
 * publisher (EventPublisher, and JetStreamClient as a ClientProxy), the
 * JetStreamServer transport strategy that runs `@EventPattern` handlers on
 * durable pull consumers and `@MessagePattern` handlers on `icb.rpc.>`
 * (connectJetStream), a dead-letter stream, health and metrics.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [TerminusModule],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: [AppConfig, LeafConfig],
          useFactory: (config: AppConfig, leaf: LeafConfig) => ({
            ...leafMessagingOptions(leaf, options.party),
            ...messagingOptionsFrom(config, options),
          }),
        },
        busValidatorProvider,
        NatsConnectionProvider,
        StreamProvisioner,
        MessagingMetrics,
        EventPublisher,
        DeadLetterService,
        ConsumerGroups,
        JetStreamServer,
        JetStreamClient,
        MessagingHealthIndicator,
      ],
      exports: [
        EventPublisher,
        JetStreamClient,
        JetStreamServer,
        DeadLetterService,
        NatsConnectionProvider,
        MESSAGING_OPTIONS,
      ],
    };
  }
}
