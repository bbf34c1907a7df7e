import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { PublishValidationError } from '@icb/messaging';
import {
  AdapterError,
  CoordinatorUnavailableError,
  InvalidReviewRequestError,
  ReviewNotFoundError,
} from './reviews.errors';

/** The one place the review API's errors become HTTP answers (Nest's error body shape). */
/** What the filter needs of Express's response. */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

@Catch(AdapterError, PublishValidationError)
export class ReviewsErrorFilter implements ExceptionFilter {
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
  return [HttpStatus.INTERNAL_SERVER_ERROR, error.message];
}

function reasonPhrase(status: number): string {
  switch (status) {
    case 400:
      return 'Bad Request';
    case 404:
      return 'Not Found';
    case 503:
      return 'Service Unavailable';
    default:
      return 'Internal Server Error';
  }
}
