/** Errors of the adapter's review API: a `code` to map at the HTTP edge (see reviews.filter.ts). */
export class AdapterError extends Error {
  /** The HTTP status an adapter answers with; the filter maps the built-in errors itself. */
  readonly httpStatus?: number;

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown; httpStatus?: number },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.httpStatus = options?.httpStatus;
  }
}

/** The coordinator did not answer (down, refused the connection, timed out) or answered nonsense. */
export class CoordinatorUnavailableError extends AdapterError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('COORDINATOR_UNAVAILABLE', message, options);
  }
}

/** No such consultation, or none this agency clears. */
export class ReviewNotFoundError extends AdapterError {
  constructor(message: string) {
    super('REVIEW_NOT_FOUND', message);
  }
}

/** The message built from the request breaks the contract: the caller's mistake. */
export class InvalidReviewRequestError extends AdapterError {
  constructor(readonly problems: string[]) {
    super('REVIEW_REQUEST_INVALID', `Invalid request: ${problems.join('; ')}`);
  }
}

/** The agency's own rule refuses the sign-off (e.g. DoD while it holds its review): 409. */
export class SignOffRefusedError extends AdapterError {
  constructor(code: string, message: string) {
    super(code, message, { httpStatus: 409 });
  }
}
