import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { PublishValidationError } from '@icb/messaging';
import {
  AdapterError,
  CoordinatorUnavailableError,
  InvalidReviewRequestError,
  ReviewNotFoundError,
} from './reviews.errors';

/** What the filter needs of Express's response. */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * The one place every adapter's errors become HTTP answers, in Nest's error
 * body shape: 400 listing each problem, 404, 503 when the coordinator cannot
 * be reached, or the status an adapter's own error names (e.g. NSC's 409).
 */
@Catch(AdapterError, PublishValidationError)
export class AdapterErrorFilter implements ExceptionFilter {
  catch(error: AdapterError | PublishValidationError, host: ArgumentsHost): void {
    const [status, message] = statusOf(error);
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(status)
      .json({ statusCode: status, error: reasonPhrase(status), message });
  }
}

function statusOf(error: AdapterError | PublishValidationError): [number, string | string[]] {
  if (error instanceof InvalidReviewRequestError || error instanceof PublishValidationError) {
    return [HttpStatus.BAD_REQUEST, error.problems];
  }
  if (error instanceof ReviewNotFoundError) return [HttpStatus.NOT_FOUND, error.message];
  if (error instanceof CoordinatorUnavailableError) {
    return [HttpStatus.SERVICE_UNAVAILABLE, error.message];
  }
  if (error.httpStatus) return [error.httpStatus, error.message];
  return [HttpStatus.INTERNAL_SERVER_ERROR, error.message];
}

function reasonPhrase(status: number): string {
  switch (status) {
    case 400:
      return 'Bad Request';
    case 404:
      return 'Not Found';
    case 409:
      return 'Conflict';
    case 503:
      return 'Service Unavailable';
    default:
      return 'Internal Server Error';
  }
}
