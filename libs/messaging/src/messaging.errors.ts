/**
 * Errors a handler throws to say what should happen to the message
 * (`classifyError` in ack-policy.ts, ADR 10). A transient error is retried with
 * a capped, growing delay for as long as it takes; a permanent one is
 * dead-lettered at once. Anything else a handler throws (a bug, most likely)
 * is retried until MESSAGING_MAX_DELIVER deliveries are used, then
 * dead-lettered with `MAX_DELIVERIES`; network, database and NATS timeouts are
 * recognised as transient without being wrapped.
 */
export class MessagingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The message can never succeed (invalid, refers to nothing, forbidden): dead-letter it now. */
export class PermanentMessageError extends MessagingError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/**
 * Worth another try later, however long it takes (a dependency is down or
 * slow, an optimistic update lost a race): never dead-lettered for running out
 * of deliveries. Not for a reference that may never exist: throw a plain error
 * (counted) or a PermanentMessageError for that.
 */
export class TransientMessageError extends MessagingError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** A payload failed validation before it was published: the caller's bug, never sent. */
export class PublishValidationError extends MessagingError {
  constructor(
    readonly messageName: string,
    readonly problems: string[],
  ) {
    super(
      'PUBLISH_INVALID',
      `Refusing to publish an invalid ${messageName}: ${problems.join('; ')}`,
    );
  }
}

/** The publisher's party may not publish this message (its catalog entry names others). */
export class PublishForbiddenError extends MessagingError {
  constructor(messageName: string, party: string) {
    super('PUBLISH_FORBIDDEN', `${party} may not publish ${messageName}`);
  }
}
