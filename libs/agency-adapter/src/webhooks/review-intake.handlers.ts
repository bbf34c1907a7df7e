import { Inject, Injectable, Logger, Type } from '@nestjs/common';
import type { Agency, Envelope } from '@icb/contracts';
import {
  MessageContext,
  MessageCtx,
  MessageEnvelope,
  OnMessage,
  TransientMessageError,
} from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import type { DeliveryLog } from './webhook-delivery-log';
import { deliveryIdFor, WebhookDeliverer } from './webhook-delivery';
import type { SubscriptionStore, WebhookSubscription } from './webhook-subscription';
import { WEBHOOK_DELIVERY_LOG, WEBHOOK_SUBSCRIPTION_STORE } from './webhooks.tokens';

const REVIEW_REQUESTED = 'review.requested';
/** How far back the delivery log is read to find earlier attempts of one event. */
const LOG_LOOKBACK = 1000;

/**
 * Review intake: pushes each `review.requested` addressed to the agency to
 * every active subscription of the agency that wants it.
 *
 * One HTTP attempt per subscription per delivery of the message; retries are
 * JetStream redeliveries. When an attempt is worth repeating the handler throws
 * TransientMessageError, so the message is nak'ed with the messaging library's
 * backoff (the endpoint's `Retry-After` is recorded in the delivery log but
 * the bus's backoff table decides the delay). Subscriptions whose delivery is
 * settled (delivered, failed for good, deactivated) are not tried again on a
 * redelivery. A permanent failure is in the delivery log and the message is
 * acked. The deliverer allows as many attempts as the consumer allows
 * deliveries, so the last delivery ends in a logged failure rather than a
 * dead letter.
 *
 * The addressee is known only at run time, so the `@OnMessage` metadata is put
 * on a subclass made per agency: see reviewIntakeHandlerFor.
 */
@Injectable()
export class ReviewIntakeHandler {
  protected readonly logger = new Logger('Webhooks');

  constructor(
    @Inject(ADAPTER_AGENCY) protected readonly agency: Agency,
    @Inject(WEBHOOK_SUBSCRIPTION_STORE) private readonly store: SubscriptionStore,
    @Inject(WEBHOOK_DELIVERY_LOG) private readonly log: DeliveryLog,
    private readonly deliverer: WebhookDeliverer,
  ) {}

  async onReviewRequested(
    @MessageEnvelope() envelope: Envelope,
    @MessageCtx() context: MessageContext,
  ): Promise<void> {
    const subscriptions = await this.store.findActive(this.agency, REVIEW_REQUESTED);
    const retrying = (
      await Promise.all(subscriptions.map((s) => this.attemptOnce(s, envelope, context)))
    ).filter((problem): problem is string => problem !== undefined);
    if (retrying.length > 0) {
      throw new TransientMessageError(
        'WEBHOOK_DELIVERY_RETRY',
        `webhook delivery of ${envelope.id} to be retried: ${retrying.join('; ')}`,
      );
    }
  }

  /** One attempt to one subscription unless its delivery is settled; a problem when it is to be retried. */
  private async attemptOnce(
    subscription: WebhookSubscription,
    envelope: Envelope,
    context: MessageContext,
  ): Promise<string | undefined> {
    const deliveryId = deliveryIdFor(subscription.id, envelope.id);
    const earlier = (await this.log.deliveries(subscription.id, { limit: LOG_LOOKBACK })).filter(
      (e) => e.deliveryId === deliveryId,
    );
    if (earlier.some((e) => e.outcome !== 'retry')) return undefined;
    // The log is in memory: after a restart the delivery count is the better tally.
    const attempt = Math.max(earlier.length + 1, context.deliveryCount);
    const { entry, nextDelayMs } = await this.deliverer.attempt(subscription, envelope, attempt);
    if (nextDelayMs !== undefined) return `${subscription.id}: ${entry.error ?? 'retry'}`;
    if (entry.outcome === 'failed' || entry.outcome === 'deactivated') {
      this.logger.warn(
        `webhook ${subscription.id} (${subscription.url}): ${entry.outcome} delivering ${envelope.id} after ${attempt} attempt(s): ${entry.error ?? ''}`,
      );
    }
    return undefined;
  }
}

/**
 * The intake handler for one agency: a fresh subclass whose own method carries
 * `@OnMessage('review.requested', { addressee: agency })`, applied at run time
 * (the messaging explorer reads the metadata from the method function, so the
 * subclass must own it; the base class's method stays undecorated).
 */
export function reviewIntakeHandlerFor(agency: Agency): Type<ReviewIntakeHandler> {
  class AgencyReviewIntakeHandler extends ReviewIntakeHandler {
    override onReviewRequested(envelope: Envelope, context: MessageContext): Promise<void> {
      return super.onReviewRequested(envelope, context);
    }
  }
  Object.defineProperty(AgencyReviewIntakeHandler, 'name', {
    value: `ReviewIntakeHandler(${agency})`,
  });
  const method = 'onReviewRequested';
  const descriptor = Object.getOwnPropertyDescriptor(AgencyReviewIntakeHandler.prototype, method);
  if (!descriptor) throw new Error(`${method} is missing on the intake handler`);
  OnMessage(REVIEW_REQUESTED, { addressee: agency, publisher: 'coordinator' })(
    AgencyReviewIntakeHandler.prototype,
    method,
    descriptor,
  );
  return AgencyReviewIntakeHandler;
}
