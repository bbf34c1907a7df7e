import { Controller, Inject, Logger, Type } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Agency, ReviewRequestedV1 } from '@icb/contracts';
import {
  type BusHandlerOptions,
  isTransient,
  JetStreamContext,
  TransientMessageError,
} from '@icb/messaging';
import { AppConfig } from '@icb/config';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { KvDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import type { SubscriptionStore } from './webhook-subscription';
import { envelopeForAgency } from './webhook-withholding';
import { WEBHOOK_SUBSCRIPTION_STORE } from './webhooks.tokens';

const REVIEW_REQUESTED = 'review.requested';

/**
 * Review intake: each `review.requested` addressed to the agency becomes one
 * pending webhook delivery per active subscription that wants it, written to
 * the adapter's KV bucket before the handler returns (and so before the
 * message is acked). The delivery worker makes the attempts and the retries
 * from there, across restarts. A request marked above the agency's clearance
 * is kept and pushed with its text withheld (envelopeForAgency).
 *
 * A redelivered request finds its deliveries already recorded (their ids are
 * derived from the subscription and the event ids) and adds none. If the
 * bucket cannot be written in time (NATS slow or away) the handler throws a
 * TransientMessageError: the message is retried until it can, never
 * dead-lettered for that (ADR 10).
 *
 * The addressee is known only at run time, so the `@EventPattern` metadata is
 * put on a subclass made per agency: see reviewIntakeHandlerFor. A
 * controller: Nest registers the pattern handlers of controllers with the
 * microservice (JetStreamServer).
 */
@Controller()
export class ReviewIntakeHandler {
  protected readonly logger = new Logger('Webhooks');

  constructor(
    @Inject(ADAPTER_AGENCY) protected readonly agency: Agency,
    @Inject(WEBHOOK_SUBSCRIPTION_STORE) private readonly store: SubscriptionStore,
    private readonly deliveries: KvDeliveryRepository,
    private readonly worker: WebhookDeliveryWorker,
    /** AGENCY_CLEARANCE: a request marked above it is kept and pushed with its text withheld. */
    private readonly config: AppConfig,
  ) {}

  async onReviewRequested(
    @Payload() _request: ReviewRequestedV1,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const envelope = context.getEnvelope();
    let enqueued: Awaited<ReturnType<KvDeliveryRepository['enqueue']>>[];
    try {
      const subscriptions = await this.store.findActive(this.agency, REVIEW_REQUESTED);
      const now = new Date();
      // Not even the adapter's bucket keeps what the agency may not read.
      const visible = envelopeForAgency(envelope, this.config.AGENCY_CLEARANCE);
      enqueued = await Promise.all(
        subscriptions.map((s) => this.deliveries.enqueue(s.id, visible, now)),
      );
    } catch (error) {
      if (!isTransient(error)) throw error;
      throw new TransientMessageError(
        'ADAPTER_STATE_UNAVAILABLE',
        `cannot record the webhook deliveries of review request ${envelope.id}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    for (const { pending } of enqueued) if (pending) this.worker.schedule(pending);
    const again = enqueued.filter((e) => !e.created).length;
    if (again > 0) {
      this.logger.log(
        `review request ${envelope.id} (delivery ${context.getDeliveryCount()}): ${again} webhook delivery(ies) already recorded`,
      );
    }
  }
}

/**
 * The intake handler for one agency: a fresh subclass whose own method carries
 * `@EventPattern('review.requested', { addressee: agency, publisher: 'coordinator' })`,
 * applied at run time (Nest reads the pattern from the method function, so
 * the subclass must own it; the base class's method stays undecorated, its
 * parameter decorators are inherited).
 */
export function reviewIntakeHandlerFor(agency: Agency): Type<ReviewIntakeHandler> {
  class AgencyReviewIntakeHandler extends ReviewIntakeHandler {
    override onReviewRequested(
      request: ReviewRequestedV1,
      context: JetStreamContext,
    ): Promise<void> {
      return super.onReviewRequested(request, context);
    }
  }
  Object.defineProperty(AgencyReviewIntakeHandler, 'name', {
    value: `ReviewIntakeHandler(${agency})`,
  });
  const method = 'onReviewRequested';
  const descriptor = Object.getOwnPropertyDescriptor(AgencyReviewIntakeHandler.prototype, method);
  if (!descriptor) throw new Error(`${method} is missing on the intake handler`);
  EventPattern(REVIEW_REQUESTED, {
    addressee: agency,
    publisher: 'coordinator',
  } satisfies BusHandlerOptions)(AgencyReviewIntakeHandler.prototype, method, descriptor);
  return AgencyReviewIntakeHandler;
}
