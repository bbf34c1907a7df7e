/** Where the adapter keeps webhook subscriptions (a SubscriptionStore). */
export const WEBHOOK_SUBSCRIPTION_STORE = Symbol('WEBHOOK_SUBSCRIPTION_STORE');
/** Where the adapter records delivery attempts (a DeliveryLog). */
export const WEBHOOK_DELIVERY_LOG = Symbol('WEBHOOK_DELIVERY_LOG');
