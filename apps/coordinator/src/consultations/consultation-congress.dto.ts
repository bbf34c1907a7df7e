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
import type { CongressHold, CongressState, NotificationStep } from './consultation.model';
import { ISO, NOTIFICATION_STEPS } from './consultation-dto.vocabulary';

class CongressHoldDto implements CongressHold {
  @ApiProperty({ type: String })
  holdId: string;

  @ApiProperty({ enum: CONGRESS_COMMITTEES })
  committee: CongressCommittee;

  @ApiPropertyOptional({ type: String })
  member?: string;

  @ApiProperty({ type: String })
  note: string;

  @ApiProperty(ISO)
  placedAt: string;

  @ApiPropertyOptional(ISO)
  liftedAt?: string;
}

class CongressWaiverDto {
  @ApiProperty({ type: String })
  justification: string;

  @ApiProperty({ ...ISO, description: 'The date of the certification, as State gave it.' })
  certifiedAt: string;

  @ApiPropertyOptional({ ...ISO, description: 'When the coordinator recorded it.' })
  recordedAt?: string;
}

class CongressDisapprovalDto {
  @ApiProperty({ type: String })
  resolution: string;

  @ApiProperty({ ...ISO, description: 'The date of enactment, as State gave it.' })
  enactedAt: string;

  @ApiPropertyOptional({ ...ISO, description: 'When the coordinator recorded it.' })
  recordedAt?: string;
}

export class CongressStateDto implements CongressState {
  @ApiProperty({ type: Boolean })
  required: boolean;

  @ApiProperty({ type: String })
  countryGroup: string;

  @ApiProperty({ type: 'integer' })
  reviewDays: number;

  @ApiProperty({ enum: NOTIFICATION_STEPS })
  step: NotificationStep;

  @ApiPropertyOptional({ enum: CONGRESS_COMMITTEES, isArray: true })
  committees?: CongressCommittee[];

  @ApiPropertyOptional({
    ...ISO,
    description:
      'When the coordinator recorded the informal notice; the tiered review runs from it.',
  })
  informalAt?: string;

  @ApiPropertyOptional({
    ...ISO,
    description: 'The date State gave the informal notice (information only).',
  })
  informalSentAt?: string;

  @ApiProperty({ type: () => [CongressHoldDto] })
  holds: CongressHoldDto[];

  @ApiPropertyOptional({
    ...ISO,
    description:
      'When the coordinator recorded the formal notice; the statutory review runs from it.',
  })
  formalAt?: string;

  @ApiPropertyOptional({
    ...ISO,
    description:
      'The date State gave the formal notice (information only; it never shortens the review).',
  })
  formalSentAt?: string;

  @ApiPropertyOptional({ type: String })
  transmittalNumber?: string;

  @ApiPropertyOptional(ISO)
  reviewEndsAt?: string;

  @ApiPropertyOptional({ type: () => CongressWaiverDto })
  waiver?: CongressWaiverDto;

  @ApiPropertyOptional({ type: () => CongressDisapprovalDto })
  disapproval?: CongressDisapprovalDto;

  @ApiPropertyOptional(ISO)
  clearedAt?: string;

  @ApiPropertyOptional({ enum: OFFER_CLEARANCE_BASES })
  basis?: OfferClearanceBasis;

  @ApiPropertyOptional({ enum: VALUE_CATEGORIES, isArray: true })
  triggeredBy?: ValueCategory[];

  @ApiPropertyOptional({ type: String })
  source?: string;
}
