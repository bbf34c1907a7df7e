import { AGENCIES, type Agency } from '../parties';
import {
  ESCALATION_CAUSES,
  ESCALATION_LADDERS,
  ESCALATION_LADDER_NAMES,
  ESCALATION_LEVELS,
  ESCALATION_OUTCOMES,
  type EscalationCause,
  type EscalationLadder,
  type EscalationLevel,
  type EscalationOutcome,
} from '../vocabularies';
import {
  IsUtcDateTime,
  IsUuid,
  Nested,
  OneOf,
  OneOfPer,
  Optional,
  Text,
} from '../validation/decorators';
import { LIMITS } from './limits';

export class EscalationTriggerV1 {
  /** The agency whose answer (or silence) triggered it, when there is one. */
  @Optional() @OneOf(AGENCIES) agency?: Agency;
  @OneOf(ESCALATION_CAUSES) cause: EscalationCause;
}

/** The coordinator takes a matter to a level of a ladder. */
export class EscalationRaisedV1 {
  @IsUuid() consultationId: string;
  @OneOf(ESCALATION_LADDER_NAMES) ladder: EscalationLadder;
  @OneOf(ESCALATION_LEVELS) @OneOfPer('ladder', ESCALATION_LADDERS) level: EscalationLevel;
  /** Who chairs the level, from the ladder's policy data. */
  @Text(LIMITS.name) chair: string;
  @Text(LIMITS.reason) reason: string;
  @IsUtcDateTime() dueAt: string;
  @Nested(() => EscalationTriggerV1) triggeredBy: EscalationTriggerV1;
}

/** The chair (NSC) records the level's decision. */
export class EscalationDecidedV1 {
  @IsUuid() consultationId: string;
  @OneOf(ESCALATION_LADDER_NAMES) ladder: EscalationLadder;
  @OneOf(ESCALATION_LEVELS) @OneOfPer('ladder', ESCALATION_LADDERS) level: EscalationLevel;
  @OneOf(ESCALATION_OUTCOMES) outcome: EscalationOutcome;
  @Text(LIMITS.rationale) rationale: string;
  @Text(LIMITS.name) chair: string;
  @IsUtcDateTime() decidedAt: string;
}

/** The coordinator closes the escalation at a level (approve, deny, refer up, remand). */
export class EscalationResolvedV1 {
  @IsUuid() consultationId: string;
  @OneOf(ESCALATION_LADDER_NAMES) ladder: EscalationLadder;
  @OneOf(ESCALATION_LEVELS) @OneOfPer('ladder', ESCALATION_LADDERS) level: EscalationLevel;
  @OneOf(ESCALATION_OUTCOMES) outcome: EscalationOutcome;
  @Text(LIMITS.rationale) rationale: string;
}
