/** What a consultation records: reviews, sign-offs, conditions, clocks, screenings and assessments. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
} from './consultation.model';
import {
  ISO,
  CLOCK_RECORD_KINDS,
  REVIEW_STATES,
  CONDITION_STATUSES,
} from './consultation-dto.vocabulary';

export class ReviewExtensionDto {
  @ApiProperty({ type: 'integer' })
  days: number;

  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  grantedAt: string;
}

export class ReviewHoldDto {
  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  placedAt: string;
}

class RuleRefDto {
  @ApiProperty({ type: String })
  id: string;

  @ApiProperty({ type: String, example: 'EAA 1979 §10(e)' })
  source: string;
}

class ReviewHoldRecordDto implements ReviewHoldRecord {
  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  placedAt: string;

  @ApiProperty(ISO)
  releasedAt: string;

  @ApiProperty({ type: String })
  releaseReason: string;

  @ApiProperty({ type: 'integer' })
  pausedDays: number;
}

class ReviewWaiverDto {
  @ApiProperty(ISO)
  at: string;

  @ApiProperty({ enum: AGENCIES })
  by: Agency;

  @ApiProperty({ type: () => RuleRefDto })
  rule: RuleRefDto;

  @ApiProperty({ type: String })
  citedRule: string;

  @ApiProperty({ type: String })
  justification: string;

  @ApiProperty({ type: String })
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

  @ApiPropertyOptional({ type: () => ReviewExtensionDto })
  extension?: ReviewExtensionDto;

  @ApiPropertyOptional({ type: () => ReviewHoldDto })
  hold?: ReviewHoldDto;

  @ApiProperty({ enum: REVIEW_STATES })
  state: Review['state'];

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Days the deadline moved for released holds.',
  })
  pausedDays?: number;

  @ApiPropertyOptional({ type: () => [ReviewHoldRecordDto] })
  holdHistory?: ReviewHoldRecordDto[];

  @ApiPropertyOptional({
    type: () => ReviewWaiverDto,
    description: 'The action office proceeded without this agency.',
  })
  waived?: ReviewWaiverDto;
}

class SignOffConditionDto implements SignOffCondition {
  @ApiProperty({ type: String })
  id: string;

  @ApiProperty({ type: String })
  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;
}

class OfficerDto {
  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  title: string;
}

export class SignOffRecordDto implements SignOffRecord {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ enum: SIGN_OFF_DECISIONS })
  decision: SignOffDecision;

  @ApiPropertyOptional({ type: () => [SignOffConditionDto] })
  conditions?: SignOffConditionDto[];

  @ApiPropertyOptional({ type: String })
  rationale?: string;

  @ApiPropertyOptional({ type: () => OfficerDto })
  officer?: OfficerDto;

  @ApiProperty(ISO)
  submittedAt: string;

  @ApiProperty(ISO)
  recordedAt: string;

  @ApiProperty({ type: String })
  eventId: string;

  @ApiProperty({ enum: ['submitted', 'deemed-concurrence'] })
  basis: 'submitted' | 'deemed-concurrence';

  @ApiPropertyOptional({ type: () => RuleRefDto })
  rule?: RuleRefDto;
}

class ConditionRemovalDto {
  @ApiProperty({ type: String })
  justification: string;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiPropertyOptional(ISO)
  answeredAt?: string;

  @ApiPropertyOptional({ type: Boolean })
  agreed?: boolean;

  @ApiPropertyOptional({ type: String })
  comment?: string;
}

export class ConditionRecordDto implements ConditionRecord {
  @ApiProperty({ type: String })
  id: string;

  @ApiProperty({ type: String })
  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;

  @ApiProperty({ enum: AGENCIES, description: 'The agency that imposed it.' })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  imposedAt: string;

  @ApiProperty({ enum: CONDITION_STATUSES })
  status: ConditionRecord['status'];

  @ApiPropertyOptional({ type: () => ConditionRemovalDto })
  removal?: ConditionRemovalDto;
}

export class ClockRecordDto implements ClockRecord {
  @ApiProperty({ type: String })
  id: string;

  @ApiProperty({ enum: CLOCK_RECORD_KINDS })
  kind: ClockRecord['kind'];

  @ApiPropertyOptional({ enum: AGENCIES })
  agency?: Agency;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional({ ...ISO, description: 'Set once the clock fired.' })
  firedAt?: string;

  @ApiPropertyOptional({ ...ISO, description: 'For a reminder: the deadline it reminds of.' })
  remindsOf?: string;
}

class ScreenedListDto {
  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String, format: 'date' })
  versionDate: string;
}

class ScreeningMatchDto {
  @ApiProperty({ type: String })
  partyName: string;

  @ApiProperty({ type: String })
  listEntryUid: string;

  @ApiProperty({ type: String })
  listEntryName: string;

  @ApiProperty({ enum: MATCH_BASES })
  basis: MatchBasis;

  @ApiPropertyOptional({ type: Number })
  ownershipPercent?: number;
}

export class ScreeningRecordDto implements ScreeningRecord {
  @ApiPropertyOptional({ type: String })
  screeningId?: string;

  @ApiPropertyOptional(ISO)
  screenedAt?: string;

  @ApiProperty({ type: () => ScreenedListDto })
  list: ScreenedListDto;

  @ApiProperty({ enum: SCREENING_RESULTS })
  result: ScreeningResult;

  @ApiProperty({ type: 'integer' })
  partiesScreened: number;

  @ApiProperty({ type: () => [ScreeningMatchDto] })
  matches: ScreeningMatchDto[];

  @ApiProperty(ISO)
  recordedAt: string;

  @ApiProperty({ type: String })
  eventId: string;
}

export class AssessmentRecordDto implements AssessmentRecord {
  @ApiProperty({ type: String })
  assessmentId: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  classification: string;

  @ApiProperty({ enum: AGENCIES })
  originator: Agency;

  @ApiProperty({ type: Boolean })
  orcon: boolean;

  @ApiProperty({ type: Boolean })
  noforn: boolean;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  approvedRecipients: Agency[];

  @ApiProperty(ISO)
  sharedAt: string;
}
