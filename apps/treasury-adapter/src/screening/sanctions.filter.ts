import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { CoordinatorUnavailableError } from '@icb/agency-adapter';
import { SanctionsError } from '../sanctions/sanctions.errors';
import { SanctionsListUnusableError } from './screening.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** The sanctions API's errors as HTTP answers (Nest's error body shape). */
@Catch(SanctionsListUnusableError, SanctionsError, CoordinatorUnavailableError)
export class SanctionsErrorFilter implements ExceptionFilter {
  catch(
    error: SanctionsListUnusableError | SanctionsError | CoordinatorUnavailableError,
    host: ArgumentsHost,
  ): void {
    const [status, reason] =
      error instanceof CoordinatorUnavailableError
        ? [HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable']
        : [HttpStatus.UNPROCESSABLE_ENTITY, 'Unprocessable Entity'];
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(status)
      .json({ statusCode: status, error: reason, message: error.message });
  }
}
