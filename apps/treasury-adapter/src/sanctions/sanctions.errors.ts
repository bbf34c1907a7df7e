/** Base of the sanctions domain errors: a stable `code` for the edges to map. */
export abstract class SanctionsError extends Error {
  protected constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A list cannot be used as given (bad name or version date). */
export class InvalidSanctionsListError extends SanctionsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_SANCTIONS_LIST', message, options);
  }
}

/**
 * The ownership graph is deeper than the rule walks. Cannot happen for a
 * contract-valid party list (chains are bounded by the number of parties); if it
 * does, the matter needs a person, not a guess.
 */
export class OwnershipGraphTooDeepError extends SanctionsError {
  constructor(maxDepth: number) {
    super(
      'OWNERSHIP_GRAPH_TOO_DEEP',
      `the ownership chain is deeper than ${maxDepth} levels; screen this matter by hand`,
    );
  }
}
