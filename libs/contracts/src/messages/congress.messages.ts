import {
  CONGRESS_COMMITTEES,
  OFFER_CLEARANCE_BASES,
  REVIEW_PERIOD_DAYS,
  type CongressCommittee,
  type OfferClearanceBasis,
  type ReviewPeriodDays,
} from '../vocabularies';
import {
  IsUtcDateTime,
  IsUuid,
  OneOf,
  OneOfArray,
  Optional,
  Pattern,
  Text,
} from '../validation/decorators';
import { REFERENCE_ID_PATTERN, TRANSMITTAL_NUMBER_PATTERN } from '../validation/patterns';
import { LIMITS, MIN_WAIVER_JUSTIFICATION } from './limits';

/** AECA §36(b): the informal (tiered review) notice to the committees. */
export class CongressInformalNoticeSentV1 {
  @IsUuid() consultationId: string;
  @OneOfArray(CONGRESS_COMMITTEES, { min: 1, max: CONGRESS_COMMITTEES.length })
  committees: CongressCommittee[];
  @IsUtcDateTime() sentAt: string;
}

export class CongressHoldPlacedV1 {
  @IsUuid() consultationId: string;
  @OneOf(CONGRESS_COMMITTEES) committee: CongressCommittee;
  @Optional() @Text(LIMITS.name) member?: string;
  @Pattern(REFERENCE_ID_PATTERN, 'a hold id') holdId: string;
  @Text(LIMITS.reason) note: string;
}

export class CongressHoldLiftedV1 {
  @IsUuid() consultationId: string;
  @OneOf(CONGRESS_COMMITTEES) committee: CongressCommittee;
  @Optional() @Text(LIMITS.name) member?: string;
  @Pattern(REFERENCE_ID_PATTERN, 'a hold id') holdId: string;
  @Text(LIMITS.reason) note: string;
}

/** Formal notification; the review period (as the sender states it) starts. */
export class CongressFormalNoticeSentV1 {
  @IsUuid() consultationId: string;
  @Pattern(TRANSMITTAL_NUMBER_PATTERN, 'a transmittal number like 24-45') transmittalNumber: string;
  @IsUtcDateTime() sentAt: string;
  @OneOf(REVIEW_PERIOD_DAYS) reviewDays: ReviewPeriodDays;
}

/** The President waives the review period by certifying an emergency, in writing. */
export class CongressEmergencyWaiverCertifiedV1 {
  @IsUuid() consultationId: string;
  @Text(LIMITS.rationale, { min: MIN_WAIVER_JUSTIFICATION }) justification: string;
  @IsUtcDateTime() certifiedAt: string;
}

export class CongressReviewPeriodEndedV1 {
  @IsUuid() consultationId: string;
  @Pattern(TRANSMITTAL_NUMBER_PATTERN, 'a transmittal number like 24-45') transmittalNumber: string;
  @OneOf(REVIEW_PERIOD_DAYS) reviewDays: ReviewPeriodDays;
  @IsUtcDateTime() endedAt: string;
}

/** A joint resolution of disapproval became law: the sale is blocked. */
export class CongressDisapprovalEnactedV1 {
  @IsUuid() consultationId: string;
  /** e.g. `S.J.Res. 123`. */
  @Text(LIMITS.reference) resolution: string;
  @IsUtcDateTime() enactedAt: string;
}

export class CongressClearedForOfferV1 {
  @IsUuid() consultationId: string;
  @OneOf(OFFER_CLEARANCE_BASES) basis: OfferClearanceBasis;
  @IsUtcDateTime() clearedAt: string;
}
