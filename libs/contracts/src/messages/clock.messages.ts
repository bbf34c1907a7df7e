import { AGENCIES, type Agency } from '../parties';
import { CLOCK_KINDS, type ClockKind } from '../vocabularies';
import { Int, IsUtcDateTime, IsUuid, Num, OneOf, Pattern, Text } from '../validation/decorators';
import { REFERENCE_ID_PATTERN } from '../validation/patterns';
import { LIMITS } from './limits';

/** Longest extension an agency may ask for at once (EAA 1979 §10(e) allows one of 30 days). */
export const MAX_EXTENSION_DAYS = 90;

export class ClockDeadlineApproachingV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @OneOf(CLOCK_KINDS) clock: ClockKind;
  @IsUtcDateTime() dueAt: string;
  @Num({ min: 0, max: 100_000 }) remainingHours: number;
}

export class ClockOverdueV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @OneOf(CLOCK_KINDS) clock: ClockKind;
  @IsUtcDateTime() dueAt: string;
  @IsUtcDateTime() detectedAt: string;
}

/** An agency that did not answer in time is deemed to concur, under a named rule. */
export class ClockDeemedConcurrenceV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Int({ min: 1 }) revision: number;
  /** Id of the policy rule applied (policy data, effective-dated). */
  @Pattern(REFERENCE_ID_PATTERN, 'a rule id') ruleId: string;
  /** Citation, e.g. `EAA 1979 §10(e)`. */
  @Text(LIMITS.rule) ruleSource: string;
  @IsUtcDateTime() deemedAt: string;
}

/** Asked for in advance of the deadline. */
export class ClockExtensionRequestedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @Text(LIMITS.reason) reason: string;
  @Int({ min: 1, max: MAX_EXTENSION_DAYS }) days: number;
}

export class ClockExtensionGrantedV1 {
  @IsUuid() consultationId: string;
  @OneOf(AGENCIES) agency: Agency;
  @IsUtcDateTime() newDueAt: string;
  @Int({ min: 1, max: MAX_EXTENSION_DAYS }) days: number;
}
