import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
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
import {
  DEFAULT_WEBHOOK_DELIVERY_OPTIONS,
  WEBHOOK_DELIVERY_LOG,
  WEBHOOK_DELIVERY_OPTIONS,
  WEBHOOK_SUBSCRIPTION_STORE,
  type WebhookDeliveryOptions,
} from './webhooks.tokens';

/**
 * Webhooks for one agency: the subscriptions API, review intake (each
 * `review.requested` addressed to the agency becomes a pending delivery to
 * each subscriber) and the delivery worker. Subscriptions, pending deliveries
 * and the delivery log are in the adapter's KV bucket (AdapterStateModule):
 * they survive a restart and are shared by the adapter's instances.
 */
@Module({})
export class WebhooksModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [AdapterStateModule.forAgency(agency)],
      controllers: [WebhookSubscriptionsController],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        { provide: WEBHOOK_DELIVERY_OPTIONS, useValue: DEFAULT_WEBHOOK_DELIVERY_OPTIONS },
        KvSubscriptionStore,
        { provide: WEBHOOK_SUBSCRIPTION_STORE, useExisting: KvSubscriptionStore },
        KvDeliveryRepository,
        { provide: WEBHOOK_DELIVERY_LOG, useExisting: KvDeliveryRepository },
        {
          provide: WebhookDeliverer,
          inject: [WEBHOOK_SUBSCRIPTION_STORE, WEBHOOK_DELIVERY_OPTIONS],
          // No log: the worker keeps each attempt in its delivery's record.
          useFactory: (store: SubscriptionStore, options: WebhookDeliveryOptions) =>
            new WebhookDeliverer({ store, retry: options.retry }),
        },
        WebhookDeliveryWorker,
        WebhookSubscriptionsService,
        reviewIntakeHandlerFor(agency),
      ],
      exports: [WEBHOOK_SUBSCRIPTION_STORE, WEBHOOK_DELIVERY_LOG, WebhookDeliverer],
    };
  }
}
