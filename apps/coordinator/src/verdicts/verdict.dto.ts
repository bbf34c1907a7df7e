import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTIES, type Party, VERDICT_OUTCOMES, type VerdictOutcome } from '@icb/contracts';

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

/** The coordinator's verdict on one message (ADR 11). */
export class MessageVerdictDto {
  @ApiProperty({ ...UUID, description: 'The envelope id of the message judged.' })
  eventId: string;

  @ApiProperty({ type: String, example: 'signoff.submitted' })
  message: string;

  @ApiProperty({ enum: PARTIES, description: 'Who published it.' })
  party: Party;

  @ApiProperty({ ...UUID })
  consultationId: string;

  @ApiProperty({
    enum: VERDICT_OUTCOMES,
    description: '`accepted` (applied, or already in effect) or `refused`.',
  })
  outcome: VerdictOutcome;

  @ApiProperty({
    type: Boolean,
    description: 'False when it changed nothing: refused, or what it asked for was already so.',
  })
  changed: boolean;

  @ApiPropertyOptional({
    type: String,
    example: 'STALE_REVISION',
    description: 'The refusal’s code; when accepted without a change, why nothing changed.',
  })
  code?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'The refusal’s sentence (`[withheld]` above your clearance).',
  })
  reason?: string;

  @ApiPropertyOptional({
    type: () => VerdictConsultationDto,
    description:
      'The consultation as the verdict left it (absent when refused before it was read).',
  })
  consultation?: VerdictConsultationDto;

  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt: string;

  @ApiPropertyOptional({ type: Boolean, description: 'The reason is above your clearance.' })
  withheld?: boolean;
}
