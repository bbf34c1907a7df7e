/** Congressional notification of an FMS case (AECA §36(b)). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONGRESS_COMMITTEES,
  CongressCommittee,
  OFFER_CLEARANCE_BASES,
  OfferClearanceBasis,
  VALUE_CATEGORIES,
  ValueCategory,
} from '@icb/contracts';
import type {
  CongressHold,
  CongressState,
  NotificationStep,
} from '../../write/consultations/consultation.model';
import { ISO, NOTIFICATION_STEPS } from './consultation-dto.vocabulary';

export class CongressHoldDto implements CongressHold {
  holdId: string;

  @ApiProperty({ enum: CONGRESS_COMMITTEES })
  committee: CongressCommittee;

  member?: string;

  note: string;

  @ApiProperty(ISO)
  placedAt: string;

  @ApiPropertyOptional(ISO)
  liftedAt?: string;
}

export class CongressWaiverDto {
  justification: string;

  /** The date of the certification, as State gave it. */
  @ApiProperty(ISO)
  certifiedAt: string;

  /** When the coordinator recorded it. */
  @ApiPropertyOptional(ISO)
  recordedAt?: string;
}

export class CongressDisapprovalDto {
  resolution: string;

  /** The date of enactment, as State gave it. */
  @ApiProperty(ISO)
  enactedAt: string;

  /** When the coordinator recorded it. */
  @ApiPropertyOptional(ISO)
  recordedAt?: string;
}

export class CongressStateDto implements CongressState {
  required: boolean;

  countryGroup: string;

  @ApiProperty({ type: 'integer' })
  reviewDays: number;

  @ApiProperty({ enum: NOTIFICATION_STEPS })
  step: NotificationStep;

  @ApiPropertyOptional({ enum: CONGRESS_COMMITTEES, isArray: true })
  committees?: CongressCommittee[];

  /** When the coordinator recorded the informal notice; the tiered review runs from it. */
  @ApiPropertyOptional(ISO)
  informalAt?: string;

  /** The date State gave the informal notice (information only). */
  @ApiPropertyOptional(ISO)
  informalSentAt?: string;

  holds: CongressHoldDto[];

  /** When the coordinator recorded the formal notice; the statutory review runs from it. */
  @ApiPropertyOptional(ISO)
  formalAt?: string;

  /** The date State gave the formal notice (information only; it never shortens the review). */
  @ApiPropertyOptional(ISO)
  formalSentAt?: string;

  transmittalNumber?: string;

  @ApiPropertyOptional(ISO)
  reviewEndsAt?: string;

  waiver?: CongressWaiverDto;

  disapproval?: CongressDisapprovalDto;

  @ApiPropertyOptional(ISO)
  clearedAt?: string;

  @ApiPropertyOptional({ enum: OFFER_CLEARANCE_BASES })
  basis?: OfferClearanceBasis;

  @ApiPropertyOptional({ enum: VALUE_CATEGORIES, isArray: true })
  triggeredBy?: ValueCategory[];

  source?: string;
}
