import { AGENCIES, type Agency } from '../parties';
import {
  CONDITION_CATEGORIES,
  SIGN_OFF_DECISIONS,
  type ConditionCategory,
  type SignOffDecision,
} from '../vocabularies';
import {
  Bool,
  Int,
  IsUtcDateTime,
  IsUuid,
  Nested,
  NestedArray,
  OneOf,
  Optional,
  Pattern,
  RequiredWhen,
  Text,
} from '../validation/decorators';
import { REFERENCE_ID_PATTERN } from '../validation/patterns';
import { LIMITS } from './limits';

/** A condition of a concurrence: a first-class object, removable only after consulting its author. */
export class SignOffConditionV1 {
  /** Chosen by the imposing agency, unique within the consultation. */
  @Pattern(REFERENCE_ID_PATTERN, 'a reference id (letters, digits, . _ : / -, up to 64)')
  id: string;
  @Text(LIMITS.conditionText) text: string;
  @Optional() @OneOf(CONDITION_CATEGORIES) category?: ConditionCategory;
}

export class SigningOfficerV1 {
  @Text(LIMITS.name) name: string;
  @Text(LIMITS.name) title: string;
}

/**
 * An agency's answer on one revision. Conditions are required (non-empty) for
 * a concurrence with conditions and allowed with no other decision; a
 * non-concurrence requires a rationale.
 */
export class SignOffSubmittedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Int({ min: 1 }) revision: number;
  @OneOf(SIGN_OFF_DECISIONS) decision: SignOffDecision;
  @RequiredWhen('decision', ['concur-with-conditions'], { onlyThen: true })
  @NestedArray(() => SignOffConditionV1, { min: 1, max: LIMITS.conditions })
  conditions?: SignOffConditionV1[];
  @RequiredWhen('decision', ['non-concur'])
  @Text(LIMITS.rationale)
  rationale?: string;
  @Nested(() => SigningOfficerV1) officer: SigningOfficerV1;
  @IsUtcDateTime() submittedAt: string;
}

/** State/PM asks the imposing agency to agree to drop one of its conditions (GAO-25-107431). */
export class ConditionRemovalRequestedV1 {
  @IsUuid() consultationId: string;
  @Pattern(REFERENCE_ID_PATTERN, 'a condition id') conditionId: string;
  @OneOf(AGENCIES) imposingAgency: Agency;
  @Text(LIMITS.reason) justification: string;
}

export class ConditionRemovalAnsweredV1 {
  @IsUuid() consultationId: string;
  @Pattern(REFERENCE_ID_PATTERN, 'a condition id') conditionId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Bool() agreed: boolean;
  @Text(LIMITS.reason) comment: string;
}
