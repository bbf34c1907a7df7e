/** An escalation up its ladder, level by level. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  ESCALATION_CAUSES,
  ESCALATION_LADDER_NAMES,
  ESCALATION_OUTCOMES,
  EscalationCause,
  EscalationLadder,
  EscalationLevel,
  EscalationOutcome,
} from '@icb/contracts';
import type { EscalationState, EscalationStep } from '../../write/consultations/consultation.model';
import { ISO, LEVELS } from './consultation-dto.vocabulary';

export class EscalationStepDto implements EscalationStep {
  @ApiProperty({ enum: LEVELS })
  level: EscalationLevel;

  chair: string;

  @ApiProperty(ISO)
  raisedAt: string;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional(ISO)
  decidedAt?: string;

  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES })
  outcome?: EscalationOutcome;

  rationale?: string;

  decidedBy?: string;
}

export class EscalationStateDto implements EscalationState {
  @ApiProperty({ enum: ESCALATION_LADDER_NAMES })
  ladder: EscalationLadder;

  /** The level the matter is at. */
  @ApiProperty({ enum: LEVELS })
  level: EscalationLevel;

  @ApiProperty({ enum: ESCALATION_CAUSES })
  cause: EscalationCause;

  @ApiPropertyOptional({ enum: AGENCIES })
  agency?: Agency;

  reason: string;

  /** Every level reached, oldest first. */
  history: EscalationStepDto[];

  @ApiPropertyOptional(ISO)
  resolvedAt?: string;

  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES })
  outcome?: EscalationOutcome;

  /** An amendment re-opened review while escalated. */
  @ApiPropertyOptional(ISO)
  supersededAt?: string;

  /** Earlier escalations of this consultation, oldest first. */
  earlier?: EscalationStateDto[];
}
