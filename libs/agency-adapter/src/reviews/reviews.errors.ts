/** Errors of the adapter's review API: a `code` to map at the HTTP edge (see reviews.filter.ts). */
export class AdapterError extends Error {
  /** The HTTP status an adapter answers with; the filter maps the built-in errors itself. */
  readonly httpStatus?: number;
  /** More fields of the error body (e.g. a refusal's `verdict`). */
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown; httpStatus?: number; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.httpStatus = options?.httpStatus;
    this.details = options?.details;
  }
}

/** What an adapter's 503 tells the caller to wait (`Retry-After`) when nothing better is known. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The coordinator did not answer (down, refused the connection, timed out) or
 * answered nonsense. Answered 503 with `Retry-After`: the coordinator's own
 * when it gave one, else DEFAULT_RETRY_AFTER_SECONDS.
 */
export class CoordinatorUnavailableError extends AdapterError {
  readonly retryAfterSeconds: number;

  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super('COORDINATOR_UNAVAILABLE', message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  }
}

/**
 * The bus (NATS JetStream) did not confirm a publish or a write in time: a
 * timeout, no responders, the connection away or closing. Answered 503 with
 * `Retry-After`; nothing was confirmed, but the event may still have been
 * stored: a retry with the same `Idempotency-Key` is stored once.
 */
export class BusUnavailableError extends AdapterError {
  readonly retryAfterSeconds: number;

  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super('BUS_UNAVAILABLE', message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  }
}

/** A NATS or network failure while publishing or writing state, as the adapter reports it. */
export function busUnavailable(error: unknown): BusUnavailableError {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new BusUnavailableError(
    `the bus did not confirm in time (${what}); try again: with the same Idempotency-Key a retry is stored once`,
    { cause: error },
  );
}

/** No such consultation, or none this agency clears. */
export class ReviewNotFoundError extends AdapterError {
  constructor(message: string) {
    super('REVIEW_NOT_FOUND', message);
  }
}

/**
 * The message built from the request breaks the contract: the caller's
 * mistake. 400 by default; 422 (`UNPROCESSABLE`) when the request matches the
 * OpenAPI document and breaks a rule the document can state only in words
 * (ids unique across items, a banner marking in canonical order).
 */
export class InvalidReviewRequestError extends AdapterError {
  constructor(
    readonly problems: string[],
    options?: { httpStatus?: 400 | 422 },
  ) {
    super('REVIEW_REQUEST_INVALID', `Invalid request: ${problems.join('; ')}`, options);
  }
}

/** The status of a request that matches the OpenAPI document but breaks a rule it states in words. */
export const UNPROCESSABLE = { httpStatus: 422 } as const;

/** The agency's own rule refuses the sign-off (e.g. DoD while it holds its review): 409. */
export class SignOffRefusedError extends AdapterError {
  constructor(code: string, message: string) {
    super(code, message, { httpStatus: 409 });
  }
}
