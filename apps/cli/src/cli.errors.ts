import { CommanderError } from 'commander';

/**
 * The CLI's exit codes. `main` maps every error to one of them, once
 * (`exitCodeOf`); commands only throw.
 */
export const EXIT = {
  ok: 0,
  /** A bug, or an answer the CLI did not expect. */
  unexpected: 1,
  /** Bad arguments, or a payload the contract rejects. */
  usage: 2,
  notFound: 3,
  /** The request was understood and refused (a broken audit chain, a sign-off the coordinator refused or would refuse, a conflict). */
  refused: 4,
  /** The coordinator or NATS cannot be reached (or the coordinator reports a part of its own down). */
  unreachable: 5,
  /** Not signed in (no or wrong credentials), or the account lacks the role. */
  auth: 6,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes, as `--help` shows them. */
export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  unexpected error
  2  usage or validation error (bad option, invalid payload)
  3  not found (consultation, dead letter, endpoint)
  4  refused or conflict (broken audit chain, a message the coordinator refused or would refuse)
  5  cannot reach the coordinator or NATS (or the coordinator reports a part down)
  6  not signed in, or the account lacks the role (action officer)`;

/** Base of the CLI's own errors: a stable `code`, the exit code, and a hint for the operator. */
export abstract class CliError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitCode;
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class UsageError extends CliError {
  readonly code = 'USAGE';
  readonly exitCode = EXIT.usage;
}

/** Input the contract (or the coordinator) rejects, with one line per problem. */
export class ValidationFailedError extends CliError {
  readonly code = 'VALIDATION_FAILED';
  readonly exitCode = EXIT.usage;
  constructor(
    message: string,
    readonly errors: string[],
    hint?: string,
  ) {
    super(message, hint);
  }
}

export class NotFoundError extends CliError {
  readonly code = 'NOT_FOUND';
  readonly exitCode = EXIT.notFound;
}

export class RefusedError extends CliError {
  readonly code: string = 'REFUSED';
  readonly exitCode = EXIT.refused;
}

/** The coordinator refused a message (its verdict, ADR 11): `code` is the refusal's. */
export class CoordinatorRefusedError extends RefusedError {
  override readonly code: string;
  constructor(code: string, message: string, hint?: string) {
    super(message, hint);
    this.code = code;
  }
}

export class AuditChainBrokenError extends RefusedError {
  override readonly code = 'AUDIT_CHAIN_BROKEN';
}

/** A batch where some items were refused (`dlq replay --all`). */
export class PartlyFailedError extends RefusedError {
  override readonly code = 'PARTLY_FAILED';
}

export class AuthError extends CliError {
  readonly code: 'NOT_SIGNED_IN' | 'FORBIDDEN';
  readonly exitCode = EXIT.auth;
  constructor(forbidden: boolean, message: string, hint?: string) {
    super(message, hint);
    this.code = forbidden ? 'FORBIDDEN' : 'NOT_SIGNED_IN';
  }
}

export class ApiUnreachableError extends CliError {
  readonly code = 'API_UNREACHABLE';
  readonly exitCode = EXIT.unreachable;
}

export class NatsUnreachableError extends CliError {
  readonly code = 'NATS_UNREACHABLE';
  readonly exitCode = EXIT.unreachable;
}

/** The coordinator answers, but says a part it needs (NATS, database) is down. */
export class ServiceDownError extends CliError {
  readonly code = 'SERVICE_DOWN';
  readonly exitCode = EXIT.unreachable;
}

/** An HTTP answer the CLI has no meaning for (a 500, an unexpected body). */
export class UnexpectedResponseError extends CliError {
  readonly code = 'UNEXPECTED_RESPONSE';
  readonly exitCode = EXIT.unexpected;
  constructor(
    message: string,
    readonly status?: number,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** The exit code of anything thrown by a command. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  return EXIT.unexpected;
}

/** What `main` reports on stderr for an error: a line, the details, a hint. */
export interface ErrorReport {
  code: string;
  exitCode: ExitCode;
  message: string;
  errors?: string[];
  hint?: string;
}

export function errorReport(error: unknown): ErrorReport {
  const exitCode = exitCodeOf(error);
  if (error instanceof ValidationFailedError) {
    return {
      code: error.code,
      exitCode,
      message: error.message,
      errors: error.errors,
      hint: error.hint,
    };
  }
  if (error instanceof CliError) {
    return { code: error.code, exitCode, message: error.message, hint: error.hint };
  }
  if (error instanceof CommanderError) {
    return { code: error.code, exitCode, message: error.message.replace(/^error: /, '') };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'UNEXPECTED',
    exitCode,
    message,
    hint: 'this is a bug in icb or an answer it does not understand; run with ICB_DEBUG=1 for the stack trace',
  };
}
