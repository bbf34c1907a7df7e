/** Errors of the webhook engine: a `code` to map at the edge, and a `cause` when there is one. */
export class WebhookError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A subscription (or a request to create one) is invalid: the caller's mistake, never retried. */
export class InvalidWebhookSubscriptionError extends WebhookError {
  constructor(readonly problems: string[]) {
    super('WEBHOOK_SUBSCRIPTION_INVALID', `Invalid webhook subscription: ${problems.join('; ')}`);
  }
}

/** A retry policy with impossible values (a configuration mistake). */
export class InvalidRetryPolicyError extends WebhookError {
  constructor(readonly problems: string[]) {
    super('WEBHOOK_RETRY_POLICY_INVALID', `Invalid webhook retry policy: ${problems.join('; ')}`);
  }
}
