/**
 * The agency's HTTP view of its reviews: request bodies (validated by the
 * global ValidationPipe with the contract's own rules) and response shapes.
 * Documented by the Swagger plugin from the types and JSDoc (ADR 23); an
 * `@ApiProperty` states only what it cannot read (formats, integers, bounds,
 * enums in their order).
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
import { ReviewExtensionDto, ReviewHoldDto } from '@icb/runtime';

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;
const UUID = {
  type: String,
  format: 'uuid',
  example: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
} as const;

// ---------------------------------------------------------------- requests

export class SignOffConditionBodyDto {
  /**
   * Chosen by the agency, unique within the consultation.
   * @example "DOD-AT-1"
   */
  @ApiProperty({ maxLength: 64 })
  @Pattern(REFERENCE_ID_PATTERN, 'a reference id (letters, digits, . _ : / -, up to 64)')
  id: string;

  @ApiProperty({ maxLength: LIMITS.conditionText })
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

  /** Required (at least one) with `concur-with-conditions`, refused otherwise. */
  @ApiPropertyOptional({ maxItems: LIMITS.conditions })
  @RequiredWhen('decision', ['concur-with-conditions'], { onlyThen: true })
  @NestedArray(() => SignOffConditionBodyDto, { min: 1, max: LIMITS.conditions })
  conditions?: SignOffConditionBodyDto[];

  /** Required with `non-concur`. */
  @ApiPropertyOptional({ maxLength: LIMITS.rationale })
  @RequiredWhen('decision', ['non-concur'])
  @Text(LIMITS.rationale)
  rationale?: string;

  /** The revision answered; the consultation’s current one when left out. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @Optional()
  @Int({ min: 1 })
  revision?: number;
}

export class AcknowledgeBodyDto {
  /** The revision acknowledged; the current one when left out. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @Optional()
  @Int({ min: 1 })
  revision?: number;
}

export class HoldBodyDto {
  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

export class ExtensionBodyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_EXTENSION_DAYS })
  @Int({ min: 1, max: MAX_EXTENSION_DAYS })
  days: number;

  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  reason: string;
}

/** The imposing agency's answer to a request to drop one of its conditions. */
export class ConditionRemovalAnswerBodyDto {
  /** true: the condition is dropped; false: it stays. */
  @Bool()
  agreed: boolean;

  /** Why, for the record. */
  @ApiProperty({ maxLength: LIMITS.reason })
  @Text(LIMITS.reason)
  comment: string;
}

// ---------------------------------------------------------------- responses

export class PublishedEventDto {
  /** The id of the event put on the bus. */
  @ApiProperty(UUID)
  eventId: string;

  /** The consultation (CloudEvents `subject`). */
  @ApiProperty(UUID)
  subject: string;

  /** The coordinator’s verdict: `accepted` (with the consultation’s new status, revision and version) or, when it did not come in time, `pending` with its `statusUrl`. */
  verdict: VerdictDto;
}

/** One pending review as the agency sees it, with its clock. */
export class PendingReviewDto {
  /** Consultation id. */
  @ApiProperty(UUID)
  id: string;

  /** `[withheld]` when marked above AGENCY_CLEARANCE. */
  title: string;

  /** True when the consultation is marked above the adapter’s AGENCY_CLEARANCE: its title and reasons read `[withheld]`. */
  withheld?: boolean;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  /** The revision under review. */
  @ApiProperty({ type: 'integer' })
  revision: number;

  /** This agency’s deadline (holds and extension included). */
  @ApiProperty(ISO)
  dueAt: string;

  /** Calendar days until `dueAt`, rounded up; negative when overdue. */
  @ApiProperty({ type: 'integer' })
  daysLeft: number;

  overdue: boolean;

  /** Receipt must be acknowledged by then. */
  @ApiPropertyOptional(ISO)
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  /**
   * Banner marking.
   * @example "CUI//SP-EXPT//NOFORN"
   */
  classification: string;

  /** Open hold: the clock is stopped. */
  hold?: ReviewHoldDto;

  extension?: ReviewExtensionDto;
}

export class PendingReviewListDto {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  total: number;

  /** Closest deadline first. */
  items: PendingReviewDto[];
}

export class AgencyReviewDto {
  @ApiProperty({ type: 'integer' })
  revision: number;

  /**
   * pending, answered, deemed or waived.
   * @example "pending"
   */
  state: string;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional(ISO)
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  hold?: ReviewHoldDto;

  extension?: ReviewExtensionDto;
}

export class SignOffConditionViewDto {
  id: string;

  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;
}

export class SigningOfficerViewDto {
  name: string;

  title: string;
}

export class OwnSignOffDto {
  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ enum: SIGN_OFF_DECISIONS })
  decision: SignOffDecision;

  conditions?: SignOffConditionViewDto[];

  rationale?: string;

  officer?: SigningOfficerViewDto;

  @ApiProperty(ISO)
  submittedAt: string;

  @ApiProperty(ISO)
  recordedAt: string;

  eventId: string;

  /**
   * submitted or deemed-concurrence.
   * @example "submitted"
   */
  basis: string;
}

export class ConditionRemovalViewDto {
  justification: string;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiPropertyOptional(ISO)
  answeredAt?: string;

  agreed?: boolean;

  comment?: string;
}

export class OwnConditionDto {
  id: string;

  text: string;

  @ApiPropertyOptional({ enum: CONDITION_CATEGORIES })
  category?: ConditionCategory;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  imposedAt: string;

  /**
   * active, removal-requested, removed, retained or superseded.
   * @example "active"
   */
  status: string;

  /** The action office’s request to drop it, and this agency’s answer once given. */
  removal?: ConditionRemovalViewDto;
}

export class TimelineEntryViewDto {
  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty(ISO)
  at: string;

  /** @example "signoff.submitted" */
  type: string;

  /**
   * This agency or `coordinator`.
   * @example "dod"
   */
  actor: string;

  summary: string;

  eventId: string;
}

/** One consultation redacted for the agency: its own review, sign-offs, conditions and timeline. */
export class ReviewDetailDto {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  /** @example "PM/DS" */
  actionOffice: string;

  /** `[withheld]` when marked above AGENCY_CLEARANCE. */
  title: string;

  /** `[withheld]` when marked above AGENCY_CLEARANCE. */
  summary: string;

  /** True when the consultation is marked above the adapter’s AGENCY_CLEARANCE: every free text (title, summary, reasons, rationales, condition texts, comments, timeline summaries) reads `[withheld]`. */
  withheld?: boolean;

  classification: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  reference?: string;

  /** @example "in-review" */
  status: string;

  /** Current revision. */
  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  @ApiPropertyOptional(ISO)
  closedAt?: string;

  /** This agency’s review of the current revision. */
  review: AgencyReviewDto;

  /** This agency’s sign-offs, every revision. */
  signOffs: OwnSignOffDto[];

  /** Conditions this agency imposed. */
  conditions: OwnConditionDto[];

  /** Timeline entries by this agency or the coordinator about it, in order. */
  timeline: TimelineEntryViewDto[];
}
