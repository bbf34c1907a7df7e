/** Base class of the errors the agency client throws. */
export class AgencyClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The envelope built from a payload failed the contract: nothing was sent. */
export class InvalidMessageError extends AgencyClientError {
  constructor(
    readonly messageName: string,
    readonly problems: readonly string[],
  ) {
    super('INVALID_MESSAGE', `Invalid ${messageName}: ${problems.join('; ')}`);
  }
}

/** The agency may not publish this message (the catalog names other publishers). */
export class NotPermittedError extends AgencyClientError {
  constructor(
    readonly messageName: string,
    readonly agency: string,
  ) {
    super('NOT_PERMITTED', `${agency} may not publish ${messageName}`);
  }
}
