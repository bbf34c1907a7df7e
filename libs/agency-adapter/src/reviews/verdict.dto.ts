/**
 * The coordinator's verdict as an adapter answers it (ADR 11): in the body of
 * every answer that publishes (`verdict`), at the status URL, and in a
 * refusal's error body.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VerdictConsultationDto } from '@icb/runtime';

export const ANSWER_OUTCOMES = ['accepted', 'refused', 'pending'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

const UUID = { type: String, format: 'uuid' } as const;

/** The verdict on one message: accepted, refused, or not known yet. */
export class VerdictDto {
  /** `accepted`: the coordinator applied it (or it was already in effect: `changed: false`). `refused`: it did not, for `code`/`reason`. `pending`: no verdict yet; read `statusUrl` later. */
  @ApiProperty({ enum: ANSWER_OUTCOMES })
  outcome: AnswerOutcome;

  /** The event put on the bus. */
  @ApiProperty(UUID)
  eventId: string;

  /**
   * The message; always set in an answer, at the status URL once judged.
   * @example "signoff.submitted"
   */
  message?: string;

  /** The consultation; always set in an answer, at the status URL once judged. */
  @ApiPropertyOptional(UUID)
  consultationId?: string;

  /**
   * Where this adapter answers the verdict later (GET; also the `Location` of a 202).
   * @example "/messages/0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21/verdict"
   */
  statusUrl: string;

  /** Once judged: false when it changed nothing (refused, or already so). */
  changed?: boolean;

  /**
   * The refusal’s code; accepted without a change, why nothing changed.
   * @example "STALE_REVISION"
   */
  code?: string;

  /** The refusal’s sentence. */
  reason?: string;

  /** The consultation as the verdict left it: its new status, revision and version. */
  consultation?: VerdictConsultationDto;

  /** When it was judged. */
  @ApiPropertyOptional({ format: 'date-time' })
  decidedAt?: string;
}

/** The body of a 409 or 422: the coordinator refused the message. */
export class RefusalDto {
  /** @example 409 */
  @ApiProperty({ type: 'integer' })
  statusCode: number;

  /** @example "Conflict" */
  error: string;

  /**
   * The refusal’s code.
   * @example "STALE_REVISION"
   */
  code: string;

  /**
   * The refusal’s sentence.
   * @example "revision 1 is not the current revision 2"
   */
  message: string;

  /** The verdict in full (`outcome: refused`). */
  verdict: VerdictDto;
}
