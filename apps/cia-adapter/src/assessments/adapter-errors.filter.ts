import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import {
  AdapterError,
  CoordinatorUnavailableError,
  InvalidReviewRequestError,
  ReviewNotFoundError,
} from '@icb/agency-adapter';
import { PublishValidationError } from '@icb/messaging';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/**
 * The shared adapter's errors as HTTP answers, in Nest's error body shape:
 * 400 listing each problem, 404, 503 when the coordinator cannot be reached.
 * (The shared lib’s own filter is not exported; this mirrors it, as State/PM’s does.)
 */
@Catch(AdapterError, PublishValidationError)
export class AdapterErrorFilter implements ExceptionFilter {
  catch(error: AdapterError | PublishValidationError, host: ArgumentsHost): void {
    const [status, message] = statusOf(error);
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(status)
      .json({ statusCode: status, error: PHRASES[status] ?? 'Internal Server Error', message });
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
