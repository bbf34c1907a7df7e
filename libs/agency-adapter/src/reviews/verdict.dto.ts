/**
 * The coordinator's verdict as an adapter answers it (ADR 11): in the body of
 * every answer that publishes (`verdict`), at the status URL, and in a
 * refusal's error body.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const ANSWER_OUTCOMES = ['accepted', 'refused', 'pending'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

const UUID = { type: String, format: 'uuid' } as const;

export class VerdictConsultationDto {
  @ApiProperty({ type: String, example: 'in-review' })
  status: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  revision: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The consultation’s version once the message was judged.',
  })
  version: number;
}

/** The verdict on one message: accepted, refused, or not known yet. */
export class VerdictDto {
  @ApiProperty({
    enum: ANSWER_OUTCOMES,
    description:
      '`accepted`: the coordinator applied it (or it was already in effect: `changed: false`). ' +
      '`refused`: it did not, for `code`/`reason`. `pending`: no verdict yet; read `statusUrl` later.',
  })
  outcome: AnswerOutcome;

  @ApiProperty({ ...UUID, description: 'The event put on the bus.' })
  eventId: string;

  @ApiPropertyOptional({
    type: String,
    example: 'signoff.submitted',
    description: 'The message; always set in an answer, at the status URL once judged.',
  })
  message?: string;

  @ApiPropertyOptional({
    ...UUID,
    description: 'The consultation; always set in an answer, at the status URL once judged.',
  })
  consultationId?: string;

  @ApiProperty({
    type: String,
    example: '/messages/0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21/verdict',
    description:
      'Where this adapter answers the verdict later (GET; also the `Location` of a 202).',
  })
  statusUrl: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Once judged: false when it changed nothing (refused, or already so).',
  })
  changed?: boolean;

  @ApiPropertyOptional({
    type: String,
    example: 'STALE_REVISION',
    description: 'The refusal’s code; accepted without a change, why nothing changed.',
  })
  code?: string;

  @ApiPropertyOptional({ type: String, description: 'The refusal’s sentence.' })
  reason?: string;

  @ApiPropertyOptional({
    type: () => VerdictConsultationDto,
    description: 'The consultation as the verdict left it: its new status, revision and version.',
  })
  consultation?: VerdictConsultationDto;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When it was judged.' })
  decidedAt?: string;
}

/** The body of a 409 or 422: the coordinator refused the message. */
export class RefusalDto {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode: number;

  @ApiProperty({ type: String, example: 'Conflict' })
  error: string;

  @ApiProperty({ type: String, example: 'STALE_REVISION', description: 'The refusal’s code.' })
  code: string;

  @ApiProperty({
    type: String,
    example: 'revision 1 is not the current revision 2',
    description: 'The refusal’s sentence.',
  })
  message: string;

  @ApiProperty({ type: () => VerdictDto, description: 'The verdict in full (`outcome: refused`).' })
  verdict: VerdictDto;
}
