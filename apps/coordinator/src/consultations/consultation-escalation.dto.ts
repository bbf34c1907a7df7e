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
import type { EscalationState, EscalationStep } from './consultation.model';
import { ISO, LEVELS } from './consultation-dto.vocabulary';

class EscalationStepDto implements EscalationStep {
  @ApiProperty({ enum: LEVELS })
  level: EscalationLevel;

  @ApiProperty({ type: String })
  chair: string;

  @ApiProperty(ISO)
  raisedAt: string;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional(ISO)
  decidedAt?: string;

  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES })
  outcome?: EscalationOutcome;

  @ApiPropertyOptional({ type: String })
  rationale?: string;

  @ApiPropertyOptional({ type: String })
  decidedBy?: string;
}

export class EscalationStateDto implements EscalationState {
  @ApiProperty({ enum: ESCALATION_LADDER_NAMES })
  ladder: EscalationLadder;

  @ApiProperty({ enum: LEVELS, description: 'The level the matter is at.' })
  level: EscalationLevel;

  @ApiProperty({ enum: ESCALATION_CAUSES })
  cause: EscalationCause;

  @ApiPropertyOptional({ enum: AGENCIES })
  agency?: Agency;

  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty({
    type: () => [EscalationStepDto],
    description: 'Every level reached, oldest first.',
  })
  history: EscalationStepDto[];

  @ApiPropertyOptional(ISO)
  resolvedAt?: string;

  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES })
  outcome?: EscalationOutcome;

  @ApiPropertyOptional({ ...ISO, description: 'An amendment re-opened review while escalated.' })
  supersededAt?: string;

  @ApiPropertyOptional({
    type: () => [EscalationStateDto],
    description: 'Earlier escalations of this consultation, oldest first.',
  })
  earlier?: EscalationStateDto[];
}
