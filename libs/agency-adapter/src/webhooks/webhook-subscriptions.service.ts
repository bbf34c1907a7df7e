import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import type { DeliveryLogReader } from './webhook-delivery-log';
import { createWebhookSubscription, SubscriptionStore } from './webhook-subscription';
import {
  CreatedWebhookDto,
  DeliveryAttemptDto,
  toDeliveryAttemptDto,
  toSubscriptionDto,
  WebhookSubscriptionDto,
} from './webhook-subscription.dto';
import { assertTargetAllowed, type WebhookTargetGuard } from './webhook-targets';
import {
  WEBHOOK_DELIVERY_LOG,
  WEBHOOK_SUBSCRIPTION_STORE,
  WEBHOOK_TARGET_GUARD,
} from './webhooks.tokens';

/** The agency's webhook subscriptions and their delivery log (another agency's are not found). */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    @Inject(WEBHOOK_SUBSCRIPTION_STORE) private readonly store: SubscriptionStore,
    @Inject(WEBHOOK_DELIVERY_LOG) private readonly log: DeliveryLogReader,
    @Inject(WEBHOOK_TARGET_GUARD) private readonly targets: WebhookTargetGuard,
  ) {}

  /**
   * Throws InvalidWebhookSubscriptionError with every problem, then
   * WebhookTargetRefusedError (422) when the URL is not on the allow-list or
   * its host resolves to a link-local or metadata address.
   */
  async create(input: { url: string; events: string[] }): Promise<CreatedWebhookDto> {
    const subscription = createWebhookSubscription({ agency: this.agency, ...input });
    await assertTargetAllowed(this.targets, subscription.url);
    await this.store.save(subscription);
    return { ...toSubscriptionDto(subscription), secret: subscription.secret };
  }

  async list(): Promise<WebhookSubscriptionDto[]> {
    return (await this.store.list({ agency: this.agency })).map(toSubscriptionDto);
  }

  async remove(id: string): Promise<void> {
    await this.own(id);
    await this.store.delete(id);
  }

  async deliveries(id: string, limit?: number): Promise<DeliveryAttemptDto[]> {
    await this.own(id);
    return (await this.log.deliveries(id, limit === undefined ? {} : { limit })).map(
      toDeliveryAttemptDto,
    );
  }

  private async own(id: string): Promise<void> {
    const found = await this.store.get(id);
    if (!found || found.agency !== this.agency) {
      throw new NotFoundException(`no webhook subscription ${id}`);
    }
  }
}
