import { ApiProperty } from '@nestjs/swagger';
import {
  CONSULTATION_KINDS,
  ConsultationKind,
  ESCALATION_LADDER_NAMES,
  ESCALATION_LEVELS,
  ESCALATION_OUTCOMES,
  EscalationLadder,
  EscalationLevel,
  EscalationOutcome,
  LIMITS,
  PRECEDENCES,
  Precedence,
} from '@icb/contracts';
import { OneOf, Text } from '@icb/contracts/validation/decorators';
import { VerdictDto } from '@icb/agency-adapter';

const ISO = { type: String, format: 'date-time' } as const;
const UUID = { type: String, format: 'uuid' } as const;

export class EscalationDecisionBodyDto {
  @ApiProperty({ enum: ESCALATION_OUTCOMES })
  @OneOf(ESCALATION_OUTCOMES)
  outcome: EscalationOutcome;

  @ApiProperty({ maxLength: LIMITS.rationale })
  @Text(LIMITS.rationale)
  rationale: string;

  /** @example "NSC Senior Director" */
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  chair: string;
}

export class DecisionAcceptedDto {
  @ApiProperty(UUID)
  consultationId: string;

  /** The `escalation.decided` event put on the bus. */
  @ApiProperty(UUID)
  eventId: string;

  /** The ladder decided on (current). */
  @ApiProperty({ enum: ESCALATION_LADDER_NAMES })
  ladder: EscalationLadder;

  /** The level decided at (current). */
  @ApiProperty({ enum: ESCALATION_LEVELS })
  level: EscalationLevel;

  /** The coordinator’s verdict: `accepted` (with the consultation’s new status) or, when it did not come in time, `pending` with its `statusUrl`. */
  verdict: VerdictDto;
}

/** One open escalation, as the coordinator lists it. */
export class OpenEscalationDto {
  /** Consultation id. */
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  title: string;

  @ApiProperty({ enum: ESCALATION_LADDER_NAMES })
  ladder: EscalationLadder | null;

  /** The level it is at. */
  @ApiProperty({ enum: ESCALATION_LEVELS })
  level: EscalationLevel | null;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  /** Banner marking. */
  classification: string;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;
}

export class OpenEscalationListDto {
  @ApiProperty({ type: 'integer' })
  total: number;

  items: OpenEscalationDto[];
}
