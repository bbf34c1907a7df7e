import { AdapterError } from './reviews.errors';
import type { VerdictDto } from './verdict.dto';
import { refusalStatus } from './verdict-status';

/**
 * The coordinator refused the message (ADR 11): answered 409 or 422 with
 * the refusal's code and sentence, and the verdict in full.
 */
export class MessageRefusedError extends AdapterError {
  constructor(readonly verdict: VerdictDto) {
    const code = verdict.code ?? 'REFUSED';
    super(code, verdict.reason ?? `the coordinator refused ${verdict.message ?? 'the message'}`, {
      httpStatus: refusalStatus(code),
      details: { verdict },
    });
  }
}
