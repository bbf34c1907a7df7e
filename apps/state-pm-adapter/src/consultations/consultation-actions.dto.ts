import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  CONGRESS_COMMITTEES,
  CongressCommittee,
  LIMITS,
  MIN_WAIVER_JUSTIFICATION,
  REFERENCE_ID_PATTERN,
  REVIEW_PERIOD_DAYS,
  ReviewPeriodDays,
  TRANSMITTAL_NUMBER_PATTERN,
} from '@icb/contracts';
import { OneOf, OneOfArray, Optional, Pattern, Text } from '@icb/contracts/validation/decorators';
import { IsObject } from 'class-validator';
import { contractRef } from '@icb/runtime';

export class AmendmentBodyDto {
  /** What changes, as the contract’s `ConsultationChangesV1`: `title`, `summary`, `classification`, `attributes` (replaced as a whole). Checked against the contract (422 for a rule it states in words, e.g. a banner marking in canonical order). */
  @ApiProperty({
    allOf: [{ $ref: contractRef('ConsultationChangesV1') }],
    minProperties: 1,
    example: { summary: 'Quantity reduced to 200 missiles.' },
  })
  @IsObject()
  changes: Record<string, unknown>;

  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

export class WithdrawalBodyDto {
  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

export class ProceedBodyDto {
  /** The delaying offices. */
  @ApiProperty({ enum: AGENCIES, isArray: true, minItems: 1 })
  @OneOfArray(AGENCIES, { min: 1, max: AGENCIES.length })
  delayingAgencies: Agency[];

  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  justification: string;
}

export class ClearingPartiesBodyDto {
  @ApiProperty({ enum: AGENCIES, isArray: true })
  @OneOfArray(AGENCIES, { max: AGENCIES.length })
  add: Agency[];

  @ApiProperty({ enum: AGENCIES, isArray: true })
  @OneOfArray(AGENCIES, { max: AGENCIES.length })
  remove: Agency[];

  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

export class ConditionRemovalRequestBodyDto {
  /** Why the condition should go, for the imposing agency and the record. */
  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  justification: string;
}

// ---------------------------------------------------------------- congress

export class InformalNoticeBodyDto {
  @ApiProperty({ enum: CONGRESS_COMMITTEES, isArray: true, minItems: 1 })
  @OneOfArray(CONGRESS_COMMITTEES, { min: 1, max: CONGRESS_COMMITTEES.length })
  committees: CongressCommittee[];
}

export class CongressHoldBodyDto {
  @ApiProperty({ enum: CONGRESS_COMMITTEES })
  @OneOf(CONGRESS_COMMITTEES)
  committee: CongressCommittee;

  @ApiPropertyOptional({ maxLength: LIMITS.name })
  @Optional()
  @Text(LIMITS.name)
  member?: string;

  /** @example "SFRC-1" */
  @Pattern(REFERENCE_ID_PATTERN, 'a hold id')
  holdId: string;

  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  note: string;
}

export class CongressHoldLiftBodyDto {
  @ApiProperty({ enum: CONGRESS_COMMITTEES })
  @OneOf(CONGRESS_COMMITTEES)
  committee: CongressCommittee;

  @ApiPropertyOptional({ maxLength: LIMITS.name })
  @Optional()
  @Text(LIMITS.name)
  member?: string;

  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  note: string;
}

export class FormalNoticeBodyDto {
  /** @example "26-17" */
  @Pattern(TRANSMITTAL_NUMBER_PATTERN, 'a transmittal number like 24-45')
  transmittalNumber: string;

  @ApiProperty({ enum: REVIEW_PERIOD_DAYS, type: 'integer' })
  @OneOf(REVIEW_PERIOD_DAYS)
  reviewDays: ReviewPeriodDays;
}

export class EmergencyWaiverBodyDto {
  @ApiProperty({ minLength: MIN_WAIVER_JUSTIFICATION, maxLength: LIMITS.rationale })
  @Text(LIMITS.rationale, { min: MIN_WAIVER_JUSTIFICATION })
  justification: string;
}

export class DisapprovalBodyDto {
  /** @example "S.J.Res. 123" */
  @ApiProperty({ maxLength: LIMITS.reference })
  @Text(LIMITS.reference)
  resolution: string;
}
