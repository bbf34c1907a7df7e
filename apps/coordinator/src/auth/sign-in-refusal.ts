import { HttpException, HttpStatus } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { SignInUnavailableError, TooManySignInsError } from './failed-sign-ins';

/**
 * The HTTP answer to a sign-in the lock-out refuses (429) or cannot decide
 * (503, fail closed), with `Retry-After`; any other error as it is.
 */
export function signInRefusal(error: unknown, response: ServerResponse): unknown {
  if (error instanceof TooManySignInsError) {
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    return new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        code: 'SIGN_IN_LOCKED_OUT',
        message: error.message,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
  if (error instanceof SignInUnavailableError) {
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    return new HttpException(
      {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'SIGN_IN_UNAVAILABLE',
        message: error.message,
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
  return error;
}
