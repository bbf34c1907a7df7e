import { AGENCIES, PARTIES, type Agency, type Party } from '../parties';
import {
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
  SIGN_OFF_DECISIONS,
  type ConsultationOutcome,
  type ConsultationStatus,
  type SignOffDecision,
} from '../vocabularies';
import { Int, IsUtcDateTime, IsUuid, OneOf, Optional, Text } from '../validation/decorators';
import { LIMITS } from './limits';

/**
 * What an agency may know of a message it cannot read itself (ADR 15): agencies
 * read only what is addressed to them, so the coordinator sends each one, as
 * its need-to-know policy says (apps/coordinator/src/policy/need-to-know.data.ts),
 * a notice addressed to it: who said what kind of thing, and the fields the
 * policy lets through (a sign-off's position, never its rationale). Full
 * content stays behind the coordinator's API, where the reader's clearance is
 * checked. The envelope carries the consultation's marking.
 */
export class NoticeForwardedV1 {
  @IsUuid() consultationId: string;
  /** The agency this copy is addressed to. */
  @OneOf(AGENCIES) recipient: Agency;
  /** The message the notice is about, e.g. `signoff.submitted`. */
  @Text(LIMITS.rule) message: string;
  /** Its event id (the notice's own id is derived from it and the recipient). */
  @IsUuid() eventId: string;
  /** Who published it. */
  @OneOf(PARTIES) publisher: Party;
  /** When the coordinator accepted (or published) it. */
  @IsUtcDateTime() occurredAt: string;
  /** One line built from the fields below only. */
  @Text(LIMITS.reason) summary: string;
  /** The agency the message is about (the one that signed, asked, was deemed...). */
  @Optional() @OneOf(AGENCIES) agency?: Agency;
  @Optional() @Int({ min: 1 }) revision?: number;
  /** A sign-off's position (its conditions and rationale are not forwarded). */
  @Optional() @OneOf(SIGN_OFF_DECISIONS) decision?: SignOffDecision;
  /** The consultation's status after a status change. */
  @Optional() @OneOf(CONSULTATION_STATUSES) status?: ConsultationStatus;
  /** A decided consultation's outcome. */
  @Optional() @OneOf(CONSULTATION_OUTCOMES) outcome?: ConsultationOutcome;
}
