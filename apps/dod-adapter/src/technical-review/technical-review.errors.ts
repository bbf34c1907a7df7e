import { AdapterError } from '@icb/agency-adapter';

/** The form reviews a revision that is not the current one, or DoD's review is not pending (409). */
export class ReviewNotOpenError extends AdapterError {
  constructor(code: 'STALE_REVISION' | 'REVIEW_NOT_PENDING', message: string) {
    super(code, message, { httpStatus: 409 });
  }
}
