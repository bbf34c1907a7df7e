/**
 * The operators' HTTP view of consultations: the query parameters (validated
 * by the global ValidationPipe) and the response shapes. Every property has an
 * explicit `@ApiProperty`: the swc test build does not run the swagger CLI
 * plugin, and the checked-in OpenAPI document must come out the same from
 * every build. Response classes `implement` the model, so a model change that
 * breaks them is a compile error.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, TransformFnParams, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  AGENCIES,
  Agency,
  CLOCK_KINDS,
  CONDITION_CATEGORIES,
  CONGRESS_COMMITTEES,
  CONSULTATION_KINDS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
  ConditionCategory,
  CongressCommittee,
  ConsultationAttributesV1,
  ConsultationKind,
  ConsultationOutcome,
  ConsultationStatus,
  DECISION_BASES,
  DecisionBasis,
  ESCALATION_CAUSES,
  ESCALATION_LADDER_NAMES,
  ESCALATION_LEVELS,
  ESCALATION_OUTCOMES,
  EscalationCause,
  EscalationLadder,
  EscalationLevel,
  EscalationOutcome,
  MATCH_BASES,
  MatchBasis,
  OFFER_CLEARANCE_BASES,
  OfferClearanceBasis,
  PRECEDENCES,
  Precedence,
  SCREENING_RESULTS,
  SIGN_OFF_DECISIONS,
  ScreeningResult,
  SignOffDecision,
  VALUE_CATEGORIES,
  ValueCategory,
} from '@icb/contracts';
import type { LogEntry } from '../audit/hash-chain';
import type {
  AssessmentRecord,
  ClockRecord,
  ConditionRecord,
  CongressHold,
  CongressState,
  Consultation,
  EscalationState,
  EscalationStep,
  NotificationStep,
  Review,
  ReviewHoldRecord,
  ScreeningRecord,
  SignOffCondition,
  SignOffRecord,
} from './consultation.model';
import type { ConsultationQuery, UpcomingClock } from './consultation-view.query';

// ---------------------------------------------------------------- vocabularies

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;
const UUID = {
  type: String,
  format: 'uuid',
  example: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
} as const;
const LEVELS = [...new Set(ESCALATION_LEVELS)];
const CLOCK_RECORD_KINDS = [...CLOCK_KINDS, 'reminder', 'congress-review'] as const;
const NOTIFICATION_STEPS: readonly NotificationStep[] = [
  'awaiting-clearance',
  'not-required',
  'awaiting-informal',
  'informal-review',
  'formal-review',
  'cleared-for-offer',
  'waived',
  'disapproved',
];
const REVIEW_STATES: readonly Review['state'][] = ['pending', 'answered', 'deemed', 'waived'];
const CONDITION_STATUSES: readonly ConditionRecord['status'][] = [
  'active',
  'removal-requested',
  'removed',
  'retained',
  'superseded',
];
const SORT_FIELDS = ['updatedAt', 'openedAt', 'nextDueAt', 'precedence'] as const;
const ORDERS = ['asc', 'desc'] as const;

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
const MAX_OFFSET = 100_000;
const MAX_LIST_VALUES = 20;
const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------- query

/** `a,b` and `x=a&x=b` both give `['a', 'b']`; anything else is left for the validators to refuse. */
function toList({ value }: TransformFnParams): unknown {
  if (value === undefined) return undefined;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (!values.every((v): v is string => typeof v === 'string')) return value;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function toBoolean({ value }: TransformFnParams): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Paging shared by every list. */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
    description: 'How many items to skip.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Page size.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class ListConsultationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CONSULTATION_STATUSES,
    isArray: true,
    description: 'Statuses to include: comma-separated (`in-review,escalated`) or repeated.',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_LIST_VALUES)
  @IsIn(CONSULTATION_STATUSES, { each: true })
  status?: ConsultationStatus[];

  @ApiPropertyOptional({
    enum: CONSULTATION_KINDS,
    isArray: true,
    description: 'Kinds to include: comma-separated or repeated.',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_LIST_VALUES)
  @IsIn(CONSULTATION_KINDS, { each: true })
  kind?: ConsultationKind[];

  @ApiPropertyOptional({
    enum: PRECEDENCES,
    isArray: true,
    description: 'Precedences to include: comma-separated or repeated.',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_LIST_VALUES)
  @IsIn(PRECEDENCES, { each: true })
  precedence?: Precedence[];

  @ApiPropertyOptional({
    enum: AGENCIES,
    description: 'Only consultations still awaiting this agency’s answer.',
  })
  @IsOptional()
  @IsIn(AGENCIES)
  pendingAgency?: Agency;

  @ApiPropertyOptional({
    type: Boolean,
    description: '`true`: only consultations with a review past its deadline.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: String,
    maxLength: 200,
    description: 'Case-insensitive text searched in title, summary, reference and id.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: SORT_FIELDS,
    default: 'updatedAt',
    description:
      '`precedence` sorts FLASH first in ascending order. Consultations without a deadline sort before the others by `nextDueAt` ascending.',
  })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort?: (typeof SORT_FIELDS)[number];

  @ApiPropertyOptional({
    enum: ORDERS,
    description: 'Default: `asc` for `nextDueAt` and `precedence`, `desc` otherwise.',
  })
  @IsOptional()
  @IsIn(ORDERS)
  order?: (typeof ORDERS)[number];
}

/** The repository query for validated query parameters at `now`. */
export function consultationQuery(dto: ListConsultationsQueryDto, now: string): ConsultationQuery {
  const sort = dto.sort ?? 'updatedAt';
  return {
    status: dto.status,
    kind: dto.kind,
    precedence: dto.precedence,
    pendingAgency: dto.pendingAgency,
    overdueAt: dto.overdue ? now : undefined,
    text: dto.q,
    sort,
    order: dto.order ?? (sort === 'nextDueAt' || sort === 'precedence' ? 'asc' : 'desc'),
    offset: dto.offset ?? 0,
    limit: dto.limit ?? DEFAULT_PAGE_SIZE,
  };
}

export class ConsultationIdParamDto {
  @ApiProperty({ ...UUID, description: 'Consultation id (UUID).' })
  id: string;
}

export class AgencyParamDto {
  @ApiProperty({ enum: AGENCIES })
  @IsIn(AGENCIES)
  agency: Agency;
}

// ---------------------------------------------------------------- errors

/** Every error answer, in the one shape every service's document declares. */
export { ApiErrorDto } from '@icb/runtime';

// ---------------------------------------------------------------- summaries

/** Whole days (24 h, UTC) until `dueAt`, rounded away from zero: 1 = due within a day, -1 = less than a day overdue. */
export function daysLeft(dueAt: string, now: string): number {
  const ms = Date.parse(dueAt) - Date.parse(now);
  return ms >= 0 ? Math.ceil(ms / MS_PER_DAY) : -Math.ceil(-ms / MS_PER_DAY);
}

export class ConsultationSummaryDto {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES })
  status: ConsultationStatus;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  @ApiProperty({ type: String, example: 'CUI//SP-EXPT//NOFORN', description: 'Banner marking.' })
  classification: string;

  @ApiProperty({ type: 'integer', description: 'Current revision (1 = as opened).' })
  revision: number;

  @ApiProperty({ enum: AGENCIES, isArray: true, description: 'Agencies whose answer is awaited.' })
  pendingAgencies: Agency[];

  @ApiProperty({ ...ISO, nullable: true, description: 'Earliest open review deadline.' })
  nextDueAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Calendar days (24 h, UTC) until `nextDueAt`, rounded up; negative when overdue (-1: less than a day).',
  })
  daysLeft: number | null;

  @ApiProperty({ type: Boolean, description: 'A review is past its deadline.' })
  overdue: boolean;

  @ApiProperty({
    enum: LEVELS,
    nullable: true,
    description: 'Level of the open escalation, if any.',
  })
  escalationLevel: EscalationLevel | null;

  @ApiProperty({
    enum: NOTIFICATION_STEPS,
    nullable: true,
    description: 'Congressional notification step (FMS cases).',
  })
  congressStep: NotificationStep | null;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Present and true when the consultation is classified above your clearance: the title reads `[withheld]`.',
  })
  withheld?: boolean;
}

export function toSummary(c: Consultation, now: string): ConsultationSummaryDto {
  const due = c.nextDueAt ?? null;
  const escalation = c.escalation;
  const openEscalation = escalation && !escalation.resolvedAt && !escalation.supersededAt;
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    status: c.status,
    precedence: c.precedence,
    classification: c.classification,
    revision: c.revision,
    pendingAgencies: c.pendingAgencies ?? [],
    nextDueAt: due,
    daysLeft: due ? daysLeft(due, now) : null,
    overdue: due !== null && due < now,
    escalationLevel: openEscalation ? escalation.level : null,
    congressStep: c.congress?.step ?? null,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
  };
}

export class ConsultationPageDto {
  @ApiProperty({ type: 'integer', description: 'Matching consultations, over all pages.' })
  total: number;

  @ApiProperty({ type: 'integer' })
  offset: number;

  @ApiProperty({ type: 'integer' })
  limit: number;

  @ApiProperty({ type: () => [ConsultationSummaryDto] })
  items: ConsultationSummaryDto[];
}

// ---------------------------------------------------------------- agency queue

class ReviewExtensionDto {
  @ApiProperty({ type: 'integer' })
  days: number;

  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  grantedAt: string;
}

class ReviewHoldDto {
  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty(ISO)
  placedAt: string;
}

export class AgencyReviewDto {
  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty(ISO)
  requestedAt: string;

  @ApiProperty({ ...ISO, description: 'This agency’s deadline (holds and extension included).' })
  dueAt: string;

  @ApiProperty({
    type: 'integer',
    description: 'Calendar days until `dueAt`; negative when overdue.',
  })
  daysLeft: number;

  @ApiProperty({ type: Boolean })
  overdue: boolean;

  @ApiPropertyOptional(ISO)
  acknowledgeBy?: string;

  @ApiPropertyOptional(ISO)
  acknowledgedAt?: string;

  @ApiPropertyOptional({
    type: () => ReviewHoldDto,
    description: 'Open hold: the clock is stopped.',
  })
  hold?: ReviewHoldDto;

  @ApiPropertyOptional({ type: () => ReviewExtensionDto })
  extension?: ReviewExtensionDto;
}

export class AgencyQueueItemDto extends ConsultationSummaryDto {
  @ApiProperty({ type: () => AgencyReviewDto })
  review: AgencyReviewDto;
}

export class AgencyQueueDto {
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  offset: number;

  @ApiProperty({ type: 'integer' })
  limit: number;

  @ApiProperty({
    type: () => [AgencyQueueItemDto],
    description: 'Closest deadline (this agency’s) first.',
  })
  items: AgencyQueueItemDto[];
}

export function toQueueItem(c: Consultation, agency: Agency, now: string): AgencyQueueItemDto {
  const summary = toSummary(c, now);
  const review = c.reviews.find(
    (r) => r.agency === agency && r.revision === c.revision && r.state === 'pending',
  );
  if (!review) throw new Error(`consultation ${c.id} has no pending review by ${agency}`);
  return {
    ...summary,
    review: {
      revision: review.revision,
      requestedAt: review.requestedAt,
      dueAt: review.dueAt,
      daysLeft: daysLeft(review.dueAt, now),
      overdue: review.dueAt < now,
      acknowledgeBy: review.acknowledgeBy,
      acknowledgedAt: review.acknowledgedAt,
      hold: review.hold,
      extension: review.extension,
    },
  };
}

// ---------------------------------------------------------------- statistics

export class UpcomingClockDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({
    enum: AGENCIES,
    nullable: true,
    description: 'The agency the clock runs for, if any.',
  })
  agency: Agency | null;

  @ApiProperty({ enum: CLOCK_RECORD_KINDS, description: 'What runs out.' })
  kind: ClockRecord['kind'];

  @ApiProperty(ISO)
  dueAt: string;

  @ApiProperty({ type: String, description: "The consultation's banner marking." })
  classification: string;

  @ApiPropertyOptional({ type: Boolean, description: 'True when the title is withheld.' })
  withheld?: boolean;
}

export function toUpcomingClock(u: UpcomingClock): UpcomingClockDto {
  return {
    consultationId: u.consultationId,
    title: u.title,
    classification: u.classification,
    agency: u.clock.agency ?? null,
    kind: u.clock.kind,
    dueAt: u.clock.dueAt,
  };
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class ConsultationStatsDto {
  @ApiProperty({ ...ISO, description: 'The time the figures were computed at.' })
  asOf: string;

  @ApiProperty({
    ...COUNTS,
    description: 'Every status, with 0 for none.',
    example: { 'in-review': 3 },
  })
  byStatus: Record<ConsultationStatus, number>;

  @ApiProperty({
    ...COUNTS,
    description: 'Every kind, with 0 for none.',
    example: { 'fms-case': 2 },
  })
  byKind: Record<ConsultationKind, number>;

  @ApiProperty({
    ...COUNTS,
    description: 'Every precedence, with 0 for none.',
    example: { FLASH: 1 },
  })
  byPrecedence: Record<Precedence, number>;

  @ApiProperty({
    type: 'integer',
    description: 'Open consultations (in review, escalated, or in congressional review).',
  })
  open: number;

  @ApiProperty({ type: 'integer', description: 'Consultations with a review past its deadline.' })
  overdue: number;

  @ApiProperty({
    type: 'integer',
    description: 'Consultations with an escalation not yet resolved.',
  })
  escalated: number;

  @ApiProperty({
    type: () => [UpcomingClockDto],
    description:
      'The 10 unfired clocks (reminders excepted) closest to running out, soonest first.',
  })
  closestClocks: UpcomingClockDto[];
}

/** Every value of a vocabulary, with the count found (0 when none). */
export function fillCounts<K extends string>(
  keys: readonly K[],
  found: Record<string, number>,
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, found[k] ?? 0])) as Record<K, number>;
}

// ---------------------------------------------------------------- full consultation

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

class EscalationStepDto implements EscalationStep {
  @ApiProperty({ enum: LEVELS })
  level: EscalationLevel;

  @ApiProperty({ type: String })
  chair: string;

  @ApiProperty(ISO)
  raisedAt: string;

  @ApiProperty(ISO)
  dueAt: string;

  @ApiPropertyOptional(ISO)
  decidedAt?: string;

  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES })
  outcome?: EscalationOutcome;

  @ApiPropertyOptional({ type: String })
  rationale?: string;

  @ApiPropertyOptional({ type: String })
  decidedBy?: string;
}

export class EscalationStateDto implements EscalationState {
  @ApiProperty({ enum: ESCALATION_LADDER_NAMES })
  ladder: EscalationLadder;

  @ApiProperty({ enum: LEVELS, description: 'The level the matter is at.' })
  level: EscalationLevel;

  @ApiProperty({ enum: ESCALATION_CAUSES })
  cause: EscalationCause;

  @ApiPropertyOptional({ enum: AGENCIES })
  agency?: Agency;

  @ApiProperty({ type: String })
  reason: string;

  @ApiProperty({
    type: () => [EscalationStepDto],
    description: 'Every level reached, oldest first.',
  })
  history: EscalationStepDto[];

  @ApiPropertyOptional(ISO)
  resolvedAt?: string;

  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES })
  outcome?: EscalationOutcome;

  @ApiPropertyOptional({ ...ISO, description: 'An amendment re-opened review while escalated.' })
  supersededAt?: string;

  @ApiPropertyOptional({
    type: () => [EscalationStateDto],
    description: 'Earlier escalations of this consultation, oldest first.',
  })
  earlier?: EscalationStateDto[];
}

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

class DecisionDto {
  @ApiProperty({ enum: CONSULTATION_OUTCOMES })
  outcome: ConsultationOutcome;

  @ApiProperty({ enum: DECISION_BASES })
  basis: DecisionBasis;

  @ApiProperty(ISO)
  decidedAt: string;

  @ApiPropertyOptional({ type: String })
  rationale?: string;
}

export class ConsultationDto implements Consultation {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  @ApiProperty({ type: String, example: 'PM/DS' })
  actionOffice: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Country, values, items and parties (the `ConsultationAttributesV1` contract).',
  })
  attributes: ConsultationAttributesV1;

  @ApiProperty({ type: String, example: 'CUI//SP-EXPT//NOFORN' })
  classification: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  @ApiPropertyOptional({
    type: String,
    description: 'Requester’s reference, e.g. the Letter of Request number.',
  })
  reference?: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES })
  status: ConsultationStatus;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ enum: AGENCIES, isArray: true, description: 'Agencies that must clear.' })
  clearers: Agency[];

  @ApiProperty({
    type: () => [ReviewDto],
    description: 'The current revision’s reviews, one per clearer.',
  })
  reviews: ReviewDto[];

  @ApiPropertyOptional({
    type: () => [ReviewDto],
    description:
      'Reviews of earlier revisions, replaced by an amendment or a remand (oldest first).',
  })
  earlierReviews?: ReviewDto[];

  @ApiProperty({
    type: () => [SignOffRecordDto],
    description: 'Every sign-off, for every revision.',
  })
  signOffs: SignOffRecordDto[];

  @ApiProperty({ type: () => [ConditionRecordDto] })
  conditions: ConditionRecordDto[];

  @ApiProperty({ type: () => [ClockRecordDto] })
  clocks: ClockRecordDto[];

  @ApiPropertyOptional({ type: () => EscalationStateDto })
  escalation?: EscalationStateDto;

  @ApiPropertyOptional({
    type: () => CongressStateDto,
    description: 'AECA §36(b) notification (FMS cases).',
  })
  congress?: CongressStateDto;

  @ApiProperty({ type: () => [ScreeningRecordDto] })
  screenings: ScreeningRecordDto[];

  @ApiProperty({ type: () => [AssessmentRecordDto] })
  assessments: AssessmentRecordDto[];

  @ApiPropertyOptional({ type: () => DecisionDto })
  decision?: DecisionDto;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  pendingAgencies: Agency[];

  @ApiPropertyOptional({ ...ISO, description: 'Earliest open review deadline.' })
  nextDueAt?: string;

  @ApiPropertyOptional({ ...ISO, description: 'Earliest unfired clock.' })
  nextClockAt?: string;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  @ApiPropertyOptional(ISO)
  closedAt?: string;

  @ApiProperty({ type: 'integer', description: 'Incremented by every change.' })
  version: number;
}

export class TimelineEntryDto {
  @ApiProperty({ type: 'integer', description: '1, 2, 3, … in the order recorded.' })
  seq: number;

  @ApiProperty(ISO)
  at: string;

  @ApiProperty({ type: String, example: 'signoff.submitted' })
  type: string;

  @ApiProperty({
    type: String,
    example: 'dod',
    description: 'The party, `coordinator` or `clock`.',
  })
  actor: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({ type: String, description: 'The event recorded, or the cause of a note.' })
  eventId: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  data?: Record<string, unknown>;
}

export function toTimelineEntry(e: LogEntry): TimelineEntryDto {
  return {
    seq: e.seq,
    at: e.at,
    type: e.type,
    actor: e.actor,
    summary: e.summary,
    eventId: e.eventId,
    data: e.data,
  };
}

export class ConsultationDetailDto extends ConsultationDto {
  @ApiProperty({ type: () => [TimelineEntryDto], description: 'The event log, in order.' })
  timeline: TimelineEntryDto[];
}

/**
 * A consultation in full. `reviews` holds the current revision's only (a
 * version stored before earlier reviews moved to `earlierReviews` may still
 * mix them: they are moved here).
 */
export function toDetail(c: Consultation, timeline: TimelineEntryDto[]): ConsultationDetailDto {
  const stale = c.reviews.filter((r) => r.revision !== c.revision);
  if (stale.length === 0) return { ...c, timeline };
  return {
    ...c,
    reviews: c.reviews.filter((r) => r.revision === c.revision),
    earlierReviews: [...(c.earlierReviews ?? []), ...stale],
    timeline,
  };
}

/**
 * A consultation classified above the reader's clearance: what may be said
 * of it (status, clocks, whose move it is) without its content. The timeline
 * keeps its entries' type, actor and time; summaries and data are withheld.
 */
export class WithheldConsultationDto extends ConsultationSummaryDto {
  @ApiProperty({ type: Boolean, enum: [true] })
  declare withheld: boolean;

  @ApiProperty({ type: () => [TimelineEntryDto] })
  timeline: TimelineEntryDto[];
}
