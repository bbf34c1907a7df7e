import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { AdapterErrorFilter } from '@icb/agency-adapter';
import { SanctionsError } from '../sanctions/sanctions.errors';
import { SanctionsListUnusableError } from './screening.errors';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * The sanctions API's errors as HTTP answers (Nest's error body shape): a list
 * that cannot be used is 422; everything else as every adapter answers it (the
 * coordinator or the bus slow or away: 503 with Retry-After).
 */
@Catch()
export class SanctionsErrorFilter implements ExceptionFilter {
  private readonly adapterErrors = new AdapterErrorFilter();

  catch(error: unknown, host: ArgumentsHost): void {
    if (!(error instanceof SanctionsListUnusableError || error instanceof SanctionsError)) {
      this.adapterErrors.catch(error, host);
      return;
    }
    const status = HttpStatus.UNPROCESSABLE_ENTITY;
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(status)
      .json({ statusCode: status, error: 'Unprocessable Entity', message: error.message });
  }
}
