import { AdapterError } from '@icb/agency-adapter';

/** The consultation has no open escalation to decide (409). */
export class NotEscalatedError extends AdapterError {
  constructor(message: string) {
    super('NOT_ESCALATED', message, { httpStatus: 409 });
  }
}
