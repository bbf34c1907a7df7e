/**
 * Errors a handler throws to say what should happen to the message. Anything
 * else a handler throws counts as transient: the message is redelivered with
 * a growing delay until it succeeds or runs out of deliveries.
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

/** Worth another try later (a dependency is down, an optimistic update lost a race). */
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
