import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { AppConfig, ConfigError } from '@icb/config';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { AdapterStateModule } from '../state/adapter-state.module';
import { reviewIntakeHandlerFor } from './review-intake.handlers';
import { WebhookDeliverer } from './webhook-delivery';
import { KvDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import type { SubscriptionStore } from './webhook-subscription';
import { KvSubscriptionStore } from './webhook-subscription.repository';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { parseAllowedTargets, WebhookTargetGuard } from './webhook-targets';
import {
  DEFAULT_WEBHOOK_DELIVERY_OPTIONS,
  WEBHOOK_DELIVERY_LOG,
  WEBHOOK_DELIVERY_OPTIONS,
  WEBHOOK_SUBSCRIPTION_STORE,
  WEBHOOK_TARGET_GUARD,
  type WebhookDeliveryOptions,
} from './webhooks.tokens';

/** The allow-list from WEBHOOK_ALLOWED_TARGETS; a list that does not parse stops the adapter at boot. */
function targetGuard(config: AppConfig): WebhookTargetGuard {
  try {
    return new WebhookTargetGuard(parseAllowedTargets(config.WEBHOOK_ALLOWED_TARGETS));
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}

/**
 * Webhooks for one agency: the subscriptions API, review intake (each
 * `review.requested` addressed to the agency becomes a pending delivery to
 * each subscriber) and the delivery worker. Subscriptions, pending deliveries
 * and the delivery log are in the adapter's KV bucket (AdapterStateModule):
 * they survive a restart and are shared by the adapter's instances. Targets
 * are restricted to the allow-list WEBHOOK_ALLOWED_TARGETS (none configured:
 * no subscription is accepted), at registration and at every attempt; each
 * POST is signed the Standard Webhooks way (ADR 16).
 */
@Module({})
export class WebhooksModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [AdapterStateModule.forAgency(agency)],
      controllers: [WebhookSubscriptionsController, reviewIntakeHandlerFor(agency)],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        { provide: WEBHOOK_DELIVERY_OPTIONS, useValue: DEFAULT_WEBHOOK_DELIVERY_OPTIONS },
        { provide: WEBHOOK_TARGET_GUARD, inject: [AppConfig], useFactory: targetGuard },
        KvSubscriptionStore,
        { provide: WEBHOOK_SUBSCRIPTION_STORE, useExisting: KvSubscriptionStore },
        KvDeliveryRepository,
        { provide: WEBHOOK_DELIVERY_LOG, useExisting: KvDeliveryRepository },
        {
          provide: WebhookDeliverer,
          inject: [WEBHOOK_SUBSCRIPTION_STORE, WEBHOOK_DELIVERY_OPTIONS, WEBHOOK_TARGET_GUARD],
          // No log: the worker keeps each attempt in its delivery's record.
          useFactory: (
            store: SubscriptionStore,
            options: WebhookDeliveryOptions,
            targets: WebhookTargetGuard,
          ) => new WebhookDeliverer({ store, targets, retry: options.retry }),
        },
        WebhookDeliveryWorker,
        WebhookSubscriptionsService,
      ],
      exports: [WEBHOOK_SUBSCRIPTION_STORE, WEBHOOK_DELIVERY_LOG, WebhookDeliverer],
    };
  }
}
