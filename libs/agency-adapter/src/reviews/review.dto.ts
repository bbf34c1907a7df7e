/**
 * The agency's HTTP view of its reviews: request bodies (validated by the
 * global ValidationPipe with the contract's own rules) and response shapes.
 * Every property has an explicit `@ApiProperty`: the swc build does not run
 * the swagger CLI plugin.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  CONDITION_CATEGORIES,
  CONSULTATION_KINDS,
  ConditionCategory,
  ConsultationKind,
  LIMITS,
  MAX_EXTENSION_DAYS,
  PRECEDENCES,
  Precedence,
  REFERENCE_ID_PATTERN,
  SIGN_OFF_DECISIONS,
  SignOffDecision,
} from '@icb/contracts';
import {
  Bool,
  Int,
  NestedArray,
  OneOf,
  Optional,
  Pattern,
  RequiredWhen,
  Text,
} from '@icb/contracts/validation/decorators';
import { VerdictDto } from './verdict.dto';

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;
const UUID = {
  type: String,
  format: 'uuid',
  example: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
} as const;

// ---------------------------------------------------------------- requests

export class SignOffConditionBodyDto {
  @ApiProperty({
    type: String,
    maxLength: 64,
    example: 'DOD-AT-1',
    description: 'Chosen by the agency, unique within the consultation.',
  })
  @Pattern(REFERENCE_ID_PATTERN, 'a reference id (letters, digits, . _ : / -, up to 64)')
  id: string;

  @ApiProperty({ type: String, maxLength: LIMITS.conditionText })
  @Text(LIMITS.conditionText)
  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  @Optional()
  @OneOf(CONDITION_CATEGORIES)
  category?: ConditionCategory;
}

export class SignOffBodyDto {
  @ApiProperty({ enum: SIGN_OFF_DECISIONS })
  @OneOf(SIGN_OFF_DECISIONS)
  decision: SignOffDecision;

  @ApiPropertyOptional({
    type: () => [SignOffConditionBodyDto],
    maxItems: LIMITS.conditions,
    description: 'Required (at least one) with `concur-with-conditions`, refused otherwise.',
  })
  @RequiredWhen('decision', ['concur-with-conditions'], { onlyThen: true })
  @NestedArray(() => SignOffConditionBodyDto, { min: 1, max: LIMITS.conditions })
  conditions?: SignOffConditionBodyDto[];

  @ApiPropertyOptional({
    type: String,
    maxLength: LIMITS.rationale,
    description: 'Required with `non-concur`.',
  })
  @RequiredWhen('decision', ['non-concur'])
  @Text(LIMITS.rationale)
  rationale?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The revision answered; the consultation’s current one when left out.',
  })
  @Optional()
  @Int({ min: 1 })
  revision?: number;
}

export class AcknowledgeBodyDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The revision acknowledged; the current one when left out.',
  })
  @Optional()
  @Int({ min: 1 })
  revision?: number;
}

export class HoldBodyDto {
  @ApiProperty({ type: String, maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

export class ExtensionBodyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_EXTENSION_DAYS })
  @Int({ min: 1, max: MAX_EXTENSION_DAYS })
  days: number;

  @ApiProperty({ type: String, maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

/** The imposing agency's answer to a request to drop one of its conditions. */
export class ConditionRemovalAnswerBodyDto {
  @ApiProperty({
    type: Boolean,
    description: 'true: the condition is dropped; false: it stays.',
  })
  @Bool()
  agreed: boolean;

  @ApiProperty({ type: String, maxLength: LIMITS.reason, description: 'Why, for the record.' })
  @Text(LIMITS.reason)
  comment: string;
}

// ---------------------------------------------------------------- responses

export class PublishedEventDto {
  @ApiProperty({ ...UUID, description: 'The id of the event put on the bus.' })
  eventId: string;

  @ApiProperty({ ...UUID, description: 'The consultation (CloudEvents `subject`).' })
  subject: string;

  @ApiProperty({
    type: () => VerdictDto,
    description:
      'The coordinator’s verdict: `accepted` (with the consultation’s new status, revision and ' +
      'version) or, when it did not come in time, `pending` with its `statusUrl`.',
  })
  verdict: VerdictDto;
}

export class ReviewHoldDto {
  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  placedAt: string;
}

export class ReviewExtensionDto {
  @ApiProperty({ type: 'integer' })
  days: number;

  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  grantedAt: string;
}

/** One pending review as the agency sees it, with its clock. */
export class PendingReviewDto {
  @ApiProperty({ ...UUID, description: 'Consultation id.' })
  id: string;

  @ApiProperty({ type: String, description: '`[withheld]` when marked above AGENCY_CLEARANCE.' })
  title: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'True when the consultation is marked above the adapter’s AGENCY_CLEARANCE: its title and reasons read `[withheld]`.',
  })
  withheld?: boolean;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  @ApiProperty({ type: 'integer', description: 'The revision under review.' })
  revision: number;

  @ApiProperty({ ...ISO, description: 'This agency’s deadline (holds and extension included).' })
  dueAt: string;

  @ApiProperty({
    type: 'integer',
    description: 'Calendar days until `dueAt`, rounded up; negative when overdue.',
  })
  daysLeft: number;

  @ApiProperty({ type: Boolean })
  overdue: boolean;

  @ApiPropertyOptional({ ...ISO, description: 'Receipt must be acknowledged by then.' })
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  @ApiProperty({ type: String, example: 'CUI//SP-EXPT//NOFORN', description: 'Banner marking.' })
  classification: string;

  @ApiPropertyOptional({
    type: () => ReviewHoldDto,
    description: 'Open hold: the clock is stopped.',
  })
  hold?: ReviewHoldDto;

  @ApiPropertyOptional({ type: () => ReviewExtensionDto })
  extension?: ReviewExtensionDto;
}

export class PendingReviewListDto {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: () => [PendingReviewDto], description: 'Closest deadline first.' })
  items: PendingReviewDto[];
}

export class AgencyReviewDto {
  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({
    type: String,
    example: 'pending',
    description: 'pending, answered, deemed or waived.',
  })
  state: string;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional(ISO)
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  @ApiPropertyOptional({ type: () => ReviewHoldDto })
  hold?: ReviewHoldDto;

  @ApiPropertyOptional({ type: () => ReviewExtensionDto })
  extension?: ReviewExtensionDto;
}

export class SignOffConditionViewDto {
  @ApiProperty({ type: String })
  id: string;

  @ApiProperty({ type: String })
  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;
}

export class SigningOfficerViewDto {
  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  title: string;
}

export class OwnSignOffDto {
  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ enum: SIGN_OFF_DECISIONS })
  decision: SignOffDecision;

  @ApiPropertyOptional({ type: () => [SignOffConditionViewDto] })
  conditions?: SignOffConditionViewDto[];

  @ApiPropertyOptional({ type: String })
  rationale?: string;

  @ApiPropertyOptional({ type: () => SigningOfficerViewDto })
  officer?: SigningOfficerViewDto;

  @ApiProperty(ISO)
  submittedAt: string;

  @ApiProperty(ISO)
  recordedAt: string;

  @ApiProperty({ type: String })
  eventId: string;

  @ApiProperty({
    type: String,
    example: 'submitted',
    description: 'submitted or deemed-concurrence.',
  })
  basis: string;
}

export class ConditionRemovalViewDto {
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

export class OwnConditionDto {
  @ApiProperty({ type: String })
  id: string;

  @ApiProperty({ type: String })
  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  imposedAt: string;

  @ApiProperty({
    type: String,
    example: 'active',
    description: 'active, removal-requested, removed, retained or superseded.',
  })
  status: string;

  @ApiPropertyOptional({
    type: () => ConditionRemovalViewDto,
    description: 'The action office’s request to drop it, and this agency’s answer once given.',
  })
  removal?: ConditionRemovalViewDto;
}

export class TimelineEntryViewDto {
  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty(ISO)
  at: string;

  @ApiProperty({ type: String, example: 'signoff.submitted' })
  type: string;

  @ApiProperty({ type: String, example: 'dod', description: 'This agency or `coordinator`.' })
  actor: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({ type: String })
  eventId: string;
}

/** One consultation redacted for the agency: its own review, sign-offs, conditions and timeline. */
export class ReviewDetailDto {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  @ApiProperty({ type: String, example: 'PM/DS' })
  actionOffice: string;

  @ApiProperty({ type: String, description: '`[withheld]` when marked above AGENCY_CLEARANCE.' })
  title: string;

  @ApiProperty({ type: String, description: '`[withheld]` when marked above AGENCY_CLEARANCE.' })
  summary: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'True when the consultation is marked above the adapter’s AGENCY_CLEARANCE: every free text ' +
      '(title, summary, reasons, rationales, condition texts, comments, timeline summaries) reads `[withheld]`.',
  })
  withheld?: boolean;

  @ApiProperty({ type: String })
  classification: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  @ApiPropertyOptional({ type: String })
  reference?: string;

  @ApiProperty({ type: String, example: 'in-review' })
  status: string;

  @ApiProperty({ type: 'integer', description: 'Current revision.' })
  revision: number;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  @ApiPropertyOptional(ISO)
  closedAt?: string;

  @ApiProperty({
    type: () => AgencyReviewDto,
    description: 'This agency’s review of the current revision.',
  })
  review: AgencyReviewDto;

  @ApiProperty({
    type: () => [OwnSignOffDto],
    description: 'This agency’s sign-offs, every revision.',
  })
  signOffs: OwnSignOffDto[];

  @ApiProperty({ type: () => [OwnConditionDto], description: 'Conditions this agency imposed.' })
  conditions: OwnConditionDto[];

  @ApiProperty({
    type: () => [TimelineEntryViewDto],
    description: 'Timeline entries by this agency or the coordinator about it, in order.',
  })
  timeline: TimelineEntryViewDto[];
}
