import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { MESSAGING_OPTIONS, MessagingOptions } from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { reviewIntakeHandlerFor } from './review-intake.handlers';
import { DeliveryLog, InMemoryDeliveryLog } from './webhook-delivery-log';
import { WebhookDeliverer } from './webhook-delivery';
import { InMemorySubscriptionStore, SubscriptionStore } from './webhook-subscription';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { WEBHOOK_DELIVERY_LOG, WEBHOOK_SUBSCRIPTION_STORE } from './webhooks.tokens';

/**
 * Webhooks for one agency: the subscriptions API and review intake (each
 * `review.requested` addressed to the agency is pushed to its subscribers).
 * Subscriptions and the delivery log are in memory (InMemorySubscriptionStore,
 * InMemoryDeliveryLog) until the adapters get a store: lost on restart, not
 * shared between instances. Override the two tokens to persist them.
 */
@Module({})
export class WebhooksModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: WebhooksModule,
      controllers: [WebhookSubscriptionsController],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        { provide: WEBHOOK_SUBSCRIPTION_STORE, useFactory: () => new InMemorySubscriptionStore() },
        { provide: WEBHOOK_DELIVERY_LOG, useFactory: () => new InMemoryDeliveryLog() },
        {
          provide: WebhookDeliverer,
          inject: [WEBHOOK_SUBSCRIPTION_STORE, WEBHOOK_DELIVERY_LOG, MESSAGING_OPTIONS],
          // As many attempts as the consumer allows deliveries: one attempt per delivery.
          useFactory: (store: SubscriptionStore, log: DeliveryLog, messaging: MessagingOptions) =>
            new WebhookDeliverer({ store, log, retry: { maxAttempts: messaging.maxDeliver } }),
        },
        WebhookSubscriptionsService,
        reviewIntakeHandlerFor(agency),
      ],
      exports: [WEBHOOK_SUBSCRIPTION_STORE, WEBHOOK_DELIVERY_LOG, WebhookDeliverer],
    };
  }
}
