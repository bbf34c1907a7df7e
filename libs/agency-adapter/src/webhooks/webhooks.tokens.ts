import type { RetryPolicy } from './webhook-delivery';

/** Where the adapter keeps webhook subscriptions (a SubscriptionStore). */
export const WEBHOOK_SUBSCRIPTION_STORE = Symbol('WEBHOOK_SUBSCRIPTION_STORE');
/** Where the delivery log is read (a DeliveryLogReader). */
export const WEBHOOK_DELIVERY_LOG = Symbol('WEBHOOK_DELIVERY_LOG');
/** The adapter's webhook allow-list (a WebhookTargetGuard, from WEBHOOK_ALLOWED_TARGETS). */
export const WEBHOOK_TARGET_GUARD = Symbol('WEBHOOK_TARGET_GUARD');
/** How webhook deliveries are retried and kept (WebhookDeliveryOptions); tests override it. */
export const WEBHOOK_DELIVERY_OPTIONS = Symbol('WEBHOOK_DELIVERY_OPTIONS');

export interface WebhookDeliveryOptions {
  /** Attempts and backoff (DEFAULT_RETRY_POLICY where not given). */
  retry: Partial<RetryPolicy>;
  /** How long a settled delivery stays in the log (a TTL on its key). */
  retentionMs: number;
  /** How long an attempt holds its delivery before another instance may take it over. */
  leaseMs: number;
  /** How often the bucket is rescanned for pending deliveries left by others; 0: never. */
  rescanMs: number;
  /** Most attempts in flight at once (per-subscription limits apply as well). */
  maxConcurrent: number;
  /** Wait before trying again when the bucket could not be read or written. */
  storeRetryMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERY_OPTIONS: Readonly<WebhookDeliveryOptions> = Object.freeze({
  retry: {},
  retentionMs: 7 * 24 * 60 * 60_000,
  leaseMs: 60_000,
  rescanMs: 60_000,
  maxConcurrent: 32,
  storeRetryMs: 5_000,
});
