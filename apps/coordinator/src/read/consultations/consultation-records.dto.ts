/** What a consultation records: reviews, sign-offs, conditions, clocks, screenings and assessments. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewExtensionDto, ReviewHoldDto } from '@icb/runtime';
import {
  AGENCIES,
  Agency,
  CONDITION_CATEGORIES,
  ConditionCategory,
  MATCH_BASES,
  MatchBasis,
  SCREENING_RESULTS,
  SIGN_OFF_DECISIONS,
  ScreeningResult,
  SignOffDecision,
} from '@icb/contracts';
import type {
  AssessmentRecord,
  ClockRecord,
  ConditionRecord,
  Review,
  ReviewHoldRecord,
  ScreeningRecord,
  SignOffCondition,
  SignOffRecord,
} from '../../write/consultations/consultation.model';
import {
  ISO,
  CLOCK_RECORD_KINDS,
  REVIEW_STATES,
  CONDITION_STATUSES,
} from './consultation-dto.vocabulary';

export class RuleRefDto {
  id: string;

  /** @example "EAA 1979 §10(e)" */
  source: string;
}

export class ReviewHoldRecordDto implements ReviewHoldRecord {
  reason: string;

  @ApiProperty(ISO)
  placedAt: string;

  @ApiProperty(ISO)
  releasedAt: string;

  releaseReason: string;

  @ApiProperty({ type: 'integer' })
  pausedDays: number;
}

export class ReviewWaiverDto {
  @ApiProperty(ISO)
  at: string;

  @ApiProperty({ enum: AGENCIES })
  by: Agency;

  rule: RuleRefDto;

  citedRule: string;

  justification: string;

  eventId: string;
}

export class ReviewDto implements Review {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional(ISO)
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  extension?: ReviewExtensionDto;

  hold?: ReviewHoldDto;

  @ApiProperty({ enum: REVIEW_STATES })
  state: Review['state'];

  /** Days the deadline moved for released holds. */
  @ApiPropertyOptional({ type: 'integer' })
  pausedDays?: number;

  holdHistory?: ReviewHoldRecordDto[];

  /** The action office proceeded without this agency. */
  waived?: ReviewWaiverDto;
}

export class SignOffConditionDto implements SignOffCondition {
  id: string;

  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;
}

export class OfficerDto {
  name: string;

  title: string;
}

export class SignOffRecordDto implements SignOffRecord {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ enum: SIGN_OFF_DECISIONS })
  decision: SignOffDecision;

  conditions?: SignOffConditionDto[];

  rationale?: string;

  officer?: OfficerDto;

  @ApiProperty(ISO)
  submittedAt: string;

  @ApiProperty(ISO)
  recordedAt: string;

  eventId: string;

  @ApiProperty({ enum: ['submitted', 'deemed-concurrence'] })
  basis: 'submitted' | 'deemed-concurrence';

  rule?: RuleRefDto;
}

export class ConditionRemovalDto {
  justification: string;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiPropertyOptional(ISO)
  answeredAt?: string;

  agreed?: boolean;

  comment?: string;
}

export class ConditionRecordDto implements ConditionRecord {
  id: string;

  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;

  /** The agency that imposed it. */
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  imposedAt: string;

  @ApiProperty({ enum: CONDITION_STATUSES })
  status: ConditionRecord['status'];

  removal?: ConditionRemovalDto;
}

export class ClockRecordDto implements ClockRecord {
  id: string;

  @ApiProperty({ enum: CLOCK_RECORD_KINDS })
  kind: ClockRecord['kind'];

  @ApiPropertyOptional({ enum: AGENCIES })
  agency?: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  dueAt: string;

  /** Set once the clock fired. */
  @ApiPropertyOptional(ISO)
  firedAt?: string;

  /** For a reminder: the deadline it reminds of. */
  @ApiPropertyOptional(ISO)
  remindsOf?: string;
}

export class ScreenedListDto {
  name: string;

  @ApiProperty({ format: 'date' })
  versionDate: string;
}

export class ScreeningMatchDto {
  partyName: string;

  listEntryUid: string;

  listEntryName: string;

  @ApiProperty({ enum: MATCH_BASES })
  basis: MatchBasis;

  ownershipPercent?: number;
}

export class ScreeningRecordDto implements ScreeningRecord {
  screeningId?: string;

  @ApiPropertyOptional(ISO)
  screenedAt?: string;

  list: ScreenedListDto;

  @ApiProperty({ enum: SCREENING_RESULTS })
  result: ScreeningResult;

  @ApiProperty({ type: 'integer' })
  partiesScreened: number;

  matches: ScreeningMatchDto[];

  @ApiProperty(ISO)
  recordedAt: string;

  eventId: string;
}

export class AssessmentRecordDto implements AssessmentRecord {
  assessmentId: string;

  title: string;

  classification: string;

  @ApiProperty({ enum: AGENCIES })
  originator: Agency;

  orcon: boolean;

  noforn: boolean;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  approvedRecipients: Agency[];

  @ApiProperty(ISO)
  sharedAt: string;
}
