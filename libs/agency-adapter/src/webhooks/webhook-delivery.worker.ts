import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@icb/config';
import type { DeliveryLogEntry } from './webhook-delivery-log';
import { WebhookDeliverer } from './webhook-delivery';
import {
  claimNextAttempt,
  isDue,
  recordAttempt,
  skip,
  type WebhookDeliveryRecord,
} from './webhook-delivery.policy';
import { KvDeliveryRepository, type VersionedDelivery } from './webhook-delivery.repository';
import type { SubscriptionStore } from './webhook-subscription';
import { envelopeForAgency } from './webhook-withholding';
import {
  WEBHOOK_DELIVERY_OPTIONS,
  WEBHOOK_SUBSCRIPTION_STORE,
  type WebhookDeliveryOptions,
} from './webhooks.tokens';

/** Where a pending delivery is, and when it is due. */
interface Scheduled {
  subscriptionId: string;
  at: number;
}

/**
 * Makes the attempts of pending webhook deliveries, which the review intake
 * recorded in the KV bucket before it acked the review request. At start it
 * loads every pending delivery (with its attempt count and next-attempt time)
 * and carries on where the last run stopped; it rescans the bucket every
 * `rescanMs` for deliveries another instance left (a lease that ran out).
 *
 * Each attempt is claimed by compare-and-set before it is sent (so two
 * instances do not send the same attempt) and its outcome written back by
 * compare-and-set: a retry at the deliverer's backoff, or a settled delivery
 * kept `retentionMs` for the log. On shutdown it stops scheduling and waits for
 * the attempts in flight, before the NATS connection drains.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private readonly scheduled = new Map<string, Scheduled>();
  private readonly running = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  private rescanTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly deliveries: KvDeliveryRepository,
    @Inject(WEBHOOK_SUBSCRIPTION_STORE) private readonly subscriptions: SubscriptionStore,
    private readonly deliverer: WebhookDeliverer,
    @Inject(WEBHOOK_DELIVERY_OPTIONS) private readonly options: WebhookDeliveryOptions,
    /** AGENCY_CLEARANCE, applied again at each attempt (it may have been lowered since intake). */
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const resumed = await this.rescan();
    if (resumed > 0) this.logger.log(`resuming ${resumed} pending webhook delivery(ies)`);
    if (this.options.rescanMs > 0) {
      this.rescanTimer = setInterval(() => {
        this.rescan().catch((error: unknown) =>
          this.logger.warn(`rescan of pending deliveries failed: ${describe(error)}`),
        );
      }, this.options.rescanMs);
      this.rescanTimer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.rescanTimer);
    clearTimeout(this.timer);
    this.scheduled.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  /** Plans a pending delivery's next attempt (now when it is due). */
  schedule(
    d: Pick<WebhookDeliveryRecord, 'deliveryId' | 'subscriptionId' | 'nextAttemptAt'>,
  ): void {
    if (this.stopped) return;
    this.scheduled.set(d.deliveryId, {
      subscriptionId: d.subscriptionId,
      at: d.nextAttemptAt.getTime(),
    });
    this.arm();
  }

  /** Schedules every pending delivery in the bucket; how many there are. */
  private async rescan(): Promise<number> {
    const pending = await this.deliveries.pending();
    for (const { record } of pending) {
      if (!this.running.has(record.deliveryId)) this.schedule(record);
    }
    return pending.length;
  }

  /** One timer, for the earliest scheduled delivery. */
  private arm(): void {
    // At capacity: the next attempt to finish arms the timer again.
    if (this.stopped || this.running.size >= this.options.maxConcurrent) return;
    let earliest = Infinity;
    for (const s of this.scheduled.values()) earliest = Math.min(earliest, s.at);
    if (earliest === Infinity || earliest >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = earliest;
    this.timer = setTimeout(() => this.fire(), Math.max(0, earliest - Date.now()));
    this.timer.unref();
  }

  private fire(): void {
    this.timerAt = Infinity;
    const now = Date.now();
    for (const [deliveryId, s] of this.scheduled) {
      if (s.at > now) continue;
      if (this.running.size >= this.options.maxConcurrent) break;
      this.scheduled.delete(deliveryId);
      if (this.running.has(deliveryId)) continue;
      const run = this.run(s.subscriptionId, deliveryId)
        .catch((error: unknown) => {
          // The bucket could not be read or written: try again after a while.
          this.logger.warn(`webhook delivery ${deliveryId}: ${describe(error)}; retrying`);
          this.schedule({
            deliveryId,
            subscriptionId: s.subscriptionId,
            nextAttemptAt: new Date(Date.now() + this.options.storeRetryMs),
          });
        })
        .finally(() => {
          this.running.delete(deliveryId);
          this.arm();
        });
      this.running.set(deliveryId, run);
    }
    this.arm();
  }

  /** One attempt of one delivery, if it is still pending and due. */
  private async run(subscriptionId: string, deliveryId: string): Promise<void> {
    const current = await this.deliveries.get(subscriptionId, deliveryId);
    if (!current || current.record.state !== 'pending') return;
    const now = new Date();
    if (!isDue(current.record, now)) {
      // Leased by another attempt (an instance that may have died): wait for it.
      this.schedule(current.record);
      return;
    }
    const subscription = await this.subscriptions.get(subscriptionId);
    if (!subscription?.active) {
      const reason = subscription
        ? `subscription deactivated: ${subscription.deactivatedReason ?? ''}`
        : 'subscription removed';
      await this.save(current, skip(current.record, reason, now));
      return;
    }
    const claim = claimNextAttempt(current.record, now, {
      maxAttempts: this.deliverer.policy.maxAttempts,
      leaseMs: this.options.leaseMs,
    });
    if (claim.kind === 'give-up' || !claim.record.envelope) {
      await this.save(
        current,
        claim.kind === 'give-up' ? claim.record : skip(current.record, 'no envelope', now),
      );
      return;
    }
    const revision = await this.deliveries.save(claim.record, current.revision, this.options);
    if (revision === undefined) {
      // Someone else changed it: look again.
      this.schedule({ deliveryId, subscriptionId, nextAttemptAt: now });
      return;
    }
    const { entry } = await this.deliverer.attempt(
      subscription,
      envelopeForAgency(claim.record.envelope, this.config.AGENCY_CLEARANCE),
      claim.attempt,
    );
    const after = recordAttempt(claim.record, entry, new Date());
    await this.save({ record: claim.record, revision }, after);
    this.report(after, entry);
  }

  /** Writes the delivery's next state; schedules it again while it is pending. */
  private async save(current: VersionedDelivery, next: WebhookDeliveryRecord): Promise<void> {
    const revision = await this.deliveries.save(next, current.revision, this.options);
    if (revision === undefined) {
      this.logger.warn(`webhook delivery ${next.deliveryId} changed during its attempt`);
      this.schedule({ ...next, nextAttemptAt: new Date() });
      return;
    }
    if (next.state === 'pending') this.schedule(next);
  }

  private report(d: WebhookDeliveryRecord, entry: DeliveryLogEntry): void {
    if (d.state === 'failed' || d.state === 'deactivated') {
      this.logger.warn(
        `webhook ${d.subscriptionId}: ${d.state} delivering ${d.eventId} after ${d.attempts} attempt(s): ${entry.error ?? ''}`,
      );
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
