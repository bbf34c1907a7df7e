import { ApiProperty } from '@nestjs/swagger';
import { VerdictConsultationDto } from '@icb/runtime';
import { PARTIES, type Party, VERDICT_OUTCOMES, type VerdictOutcome } from '@icb/contracts';

const UUID = { type: String, format: 'uuid' } as const;

/** The coordinator's verdict on one message (ADR 11). */
export class MessageVerdictDto {
  /** The envelope id of the message judged. */
  @ApiProperty(UUID)
  eventId: string;

  /** @example "signoff.submitted" */
  message: string;

  /** Who published it. */
  @ApiProperty({ enum: PARTIES })
  party: Party;

  @ApiProperty(UUID)
  consultationId: string;

  /** `accepted` (applied, or already in effect) or `refused`. */
  @ApiProperty({ enum: VERDICT_OUTCOMES })
  outcome: VerdictOutcome;

  /** False when it changed nothing: refused, or what it asked for was already so. */
  changed: boolean;

  /**
   * The refusal’s code; when accepted without a change, why nothing changed.
   * @example "STALE_REVISION"
   */
  code?: string;

  /** The refusal’s sentence (`[withheld]` above your clearance). */
  reason?: string;

  /** The consultation as the verdict left it (absent when refused before it was read). */
  consultation?: VerdictConsultationDto;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  /** The reason is above your clearance. */
  withheld?: boolean;
}
