import { AGENCIES, type Agency } from '../parties';
import { PRECEDENCES, type Precedence } from '../envelope';
import { IsMarking } from '../classification';
import { CONSULTATION_KINDS, type ConsultationKind } from '../vocabularies';
import { Int, IsUtcDateTime, IsUuid, OneOf, Optional, Text } from '../validation/decorators';
import { LIMITS } from './limits';

/** The coordinator asks one agency to review a revision (addressed to that agency). */
export class ReviewRequestedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Int({ min: 1 }) revision: number;
  @OneOf(CONSULTATION_KINDS) kind: ConsultationKind;
  @Text(LIMITS.title) title: string;
  @Text(LIMITS.summary) summary: string;
  @IsUtcDateTime() dueAt: string;
  @OneOf(PRECEDENCES) precedence: Precedence;
  /** Receipt must be acknowledged by then (FLASH and IMMEDIATE). */
  @Optional() @IsUtcDateTime() acknowledgeBy?: string;
  @IsMarking() classification: string;
}

export class ReviewAcknowledgedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Int({ min: 1 }) revision: number;
}

/** An agency (mainly DoD) holds its review open; the hold blocks the clock where a rule says so (NSPD-56). */
export class ReviewHoldPlacedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Text(LIMITS.reason) reason: string;
}

export class ReviewHoldReleasedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Text(LIMITS.reason) reason: string;
}

/**
 * The coordinator refused a message an agency sent (a sign-off from an agency
 * that is not a clearing party, for a closed consultation or an older
 * revision, ...). Addressed to that agency; the refusal is also on the
 * consultation's timeline.
 */
export class MessageRefusedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  /** The id of the refused event. */
  @IsUuid() refusedEventId: string;
  /** The refused message's name, e.g. `signoff.submitted`. */
  @Text(LIMITS.rule) refusedMessage: string;
  /** A stable code, e.g. `NOT_A_CLEARING_PARTY`, `STALE_REVISION`. */
  @Text(LIMITS.rule) code: string;
  @Text(LIMITS.reason) reason: string;
}
