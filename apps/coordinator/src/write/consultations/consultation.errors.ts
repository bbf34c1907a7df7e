import { PermanentMessageError, TransientMessageError } from '@icb/messaging';

/**
 * The consultation a message refers to is not (yet) known. Neither transient
 * (retried forever) nor permanent: with several coordinator instances an
 * event can overtake the opening of its consultation, so it is retried with
 * backoff, and after `MESSAGING_MAX_DELIVER` deliveries (minutes) it is
 * dead-lettered (`MAX_DELIVERIES`, this reason), since an opening that never
 * came will not come.
 */
export class ConsultationNotFoundError extends Error {
  readonly code = 'UNKNOWN_CONSULTATION';
  constructor(id: string) {
    super(`no consultation ${id}`);
    this.name = 'ConsultationNotFoundError';
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

/**
 * An event id already applied to this consultation came back saying something
 * else (another decision, another sender, ...: envelopeFingerprint differs):
 * a conflict, dead-lettered with this reason. The same id saying the same
 * thing is a repeat and has no effect.
 */
export class EventIdConflictError extends PermanentMessageError {
  constructor(eventId: string, consultationId: string) {
    super(
      'EVENT_ID_CONFLICT',
      `event id ${eventId} was already applied to consultation ${consultationId} with a different content; an event id names one message: send a new message with a new id`,
    );
  }
}
