import type { ListProblem } from '../sanctions/sanctions-list';

/** The sanctions list cannot be used: missing files, bad name or date, too many problems. */
export class SanctionsListUnusableError extends Error {
  readonly code = 'SANCTIONS_LIST_UNUSABLE';
  readonly problems: ListProblem[];

  constructor(message: string, options: { cause?: unknown; problems?: ListProblem[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SanctionsListUnusableError';
    this.problems = options.problems ?? [];
  }
}
