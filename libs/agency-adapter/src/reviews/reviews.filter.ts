import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { isTransient, PublishValidationError } from '@icb/messaging';
import {
  AdapterError,
  BusUnavailableError,
  busUnavailable,
  CoordinatorUnavailableError,
  InvalidReviewRequestError,
  ReviewNotFoundError,
} from './reviews.errors';

/** What the filter needs of Express's response. */
interface JsonResponse {
  headersSent?: boolean;
  setHeader(name: string, value: string): unknown;
  status(code: number): { json(body: unknown): void };
}

/** An HTTP answer in Nest's error body shape, plus the adapter error's `code`. */
export interface AdapterErrorAnswer {
  status: number;
  body: {
    statusCode: number;
    error?: string;
    code?: string;
    message: unknown;
    [more: string]: unknown;
  };
  /** Seconds, for the `Retry-After` header of a 503. */
  retryAfterSeconds?: number;
}

/**
 * The one place every adapter's errors become HTTP answers, in Nest's error
 * body shape: 400 listing each problem, 404, the status an adapter's own
 * error names (e.g. NSC's 409), and 503 with `Retry-After` when the
 * coordinator or the bus is slow or away (a NATS timeout, no responders, a
 * refused connection: the messaging library's transient failures), never a
 * 500 for those. Nest's own HTTP exceptions pass through as Nest answers them;
 * anything else is a 500 and is logged.
 */
@Catch()
export class AdapterErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdapterErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    const answer = answerFor(error);
    if (answer.status >= 500 && answer.retryAfterSeconds === undefined) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (response.headersSent) return;
    if (answer.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(answer.retryAfterSeconds));
    }
    response.status(answer.status).json(answer.body);
  }
}

/** The HTTP answer to an error thrown by an adapter's controller. */
export function answerFor(error: unknown): AdapterErrorAnswer {
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    return {
      status,
      body:
        typeof body === 'object' && body !== null
          ? (body as AdapterErrorAnswer['body'])
          : { statusCode: status, message: body },
    };
  }
  if (error instanceof InvalidReviewRequestError || error instanceof PublishValidationError) {
    const status =
      error instanceof InvalidReviewRequestError ? error.httpStatus : HttpStatus.BAD_REQUEST;
    return answer(status ?? HttpStatus.BAD_REQUEST, error.code, error.problems);
  }
  if (error instanceof ReviewNotFoundError) {
    return answer(HttpStatus.NOT_FOUND, error.code, error.message);
  }
  if (error instanceof CoordinatorUnavailableError || error instanceof BusUnavailableError) {
    return unavailable(error);
  }
  if (error instanceof AdapterError) {
    const status = error.httpStatus ?? HttpStatus.INTERNAL_SERVER_ERROR;
    const answered = answer(status, error.code, error.message);
    return error.details ? { ...answered, body: { ...answered.body, ...error.details } } : answered;
  }
  if (isTransient(error)) return unavailable(busUnavailable(error));
  // An http-errors error (body-parser's 413, ...), answered as Nest answers it.
  const e = error as { statusCode?: unknown; message?: unknown } | null;
  if (
    typeof e?.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 600 &&
    typeof e.message === 'string'
  ) {
    return { status: e.statusCode, body: { statusCode: e.statusCode, message: e.message } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' },
  };
}

function unavailable(error: CoordinatorUnavailableError | BusUnavailableError): AdapterErrorAnswer {
  return {
    ...answer(HttpStatus.SERVICE_UNAVAILABLE, error.code, error.message),
    retryAfterSeconds: error.retryAfterSeconds,
  };
}

function answer(status: number, code: string, message: unknown): AdapterErrorAnswer {
  return { status, body: { statusCode: status, error: reasonPhrase(status), code, message } };
}

function reasonPhrase(status: number): string {
  switch (status) {
    case 400:
      return 'Bad Request';
    case 404:
      return 'Not Found';
    case 409:
      return 'Conflict';
    case 422:
      return 'Unprocessable Entity';
    case 503:
      return 'Service Unavailable';
    default:
      return status >= 500 ? 'Internal Server Error' : 'Error';
  }
}
