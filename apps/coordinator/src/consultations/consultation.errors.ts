import { PermanentMessageError, TransientMessageError } from '@icb/messaging';

/**
 * The consultation a message refers to is not (yet) known. Transient: with
 * several coordinator instances an event can overtake the opening of its
 * consultation; after the last retry it is dead-lettered with this reason.
 */
export class ConsultationNotFoundError extends TransientMessageError {
  constructor(id: string) {
    super('UNKNOWN_CONSULTATION', `no consultation ${id}`);
  }
}

/** Another consultation already has this id (a different opening event). */
export class ConsultationExistsError extends PermanentMessageError {
  constructor(id: string) {
    super('CONSULTATION_EXISTS', `a consultation ${id} was opened by another event`);
  }
}

/** A payload names an agency other than the one that published it. */
export class AgencyMismatchError extends PermanentMessageError {
  constructor(claimed: string, publisher: string) {
    super('AGENCY_MISMATCH', `the payload speaks for ${claimed} but was published by ${publisher}`);
  }
}

/** Too many concurrent writers on one consultation; retried with backoff. */
export class ContentionError extends TransientMessageError {
  constructor(id: string, attempts: number) {
    super('CONTENTION', `consultation ${id} changed under us ${attempts} times`);
  }
}
