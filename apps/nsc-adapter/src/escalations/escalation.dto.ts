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

  @ApiProperty({ type: String, maxLength: LIMITS.rationale })
  @Text(LIMITS.rationale)
  rationale: string;

  @ApiProperty({ type: String, maxLength: LIMITS.name, example: 'NSC Senior Director' })
  @Text(LIMITS.name)
  chair: string;
}

export class DecisionAcceptedDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ ...UUID, description: 'The `escalation.decided` event put on the bus.' })
  eventId: string;

  @ApiProperty({ enum: ESCALATION_LADDER_NAMES, description: 'The ladder decided on (current).' })
  ladder: EscalationLadder;

  @ApiProperty({ enum: ESCALATION_LEVELS, description: 'The level decided at (current).' })
  level: EscalationLevel;

  @ApiProperty({
    type: () => VerdictDto,
    description:
      'The coordinator’s verdict: `accepted` (with the consultation’s new status) or, when it did ' +
      'not come in time, `pending` with its `statusUrl`.',
  })
  verdict: VerdictDto;
}

/** One open escalation, as the coordinator lists it. */
export class OpenEscalationDto {
  @ApiProperty({ ...UUID, description: 'Consultation id.' })
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ enum: ESCALATION_LADDER_NAMES, nullable: true })
  ladder: EscalationLadder | null;

  @ApiProperty({ enum: ESCALATION_LEVELS, nullable: true, description: 'The level it is at.' })
  level: EscalationLevel | null;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  @ApiProperty({ type: String, description: 'Banner marking.' })
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

  @ApiProperty({ type: () => [OpenEscalationDto] })
  items: OpenEscalationDto[];
}
