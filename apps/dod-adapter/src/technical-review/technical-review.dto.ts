/**
 * The HTTP body and answer of DoD's technical and releasability review form
 * (OpenAPI + edge validation). The messages built from a form are checked
 * again against the contract before they are published.
 * Documented by the Swagger plugin from the types and JSDoc (ADR 23); an
 * `@ApiProperty` states only what it cannot read (formats, integers, bounds,
 * enums in their order).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONDITION_CATEGORIES,
  ConditionCategory,
  LIMITS,
  REFERENCE_ID_PATTERN,
} from '@icb/contracts';
import {
  Int,
  NestedArray,
  OneOf,
  Pattern,
  RequiredWhen,
  Text,
} from '@icb/contracts/validation/decorators';
import { VerdictDto } from '@icb/agency-adapter';
import {
  AREA_FINDINGS,
  AREA_REASON_MAX,
  AreaFinding,
  REVIEW_AREAS,
  ReviewArea,
} from './technical-review.policy';

const UUID = { type: String, format: 'uuid' } as const;

/** The answers a form leads to: DoD's sign-off decisions it can give, or a hold. */
export const TECHNICAL_REVIEW_OUTCOMES = [
  'hold',
  'concur',
  'concur-with-conditions',
  'non-concur',
] as const;
export type TechnicalReviewOutcomeName = (typeof TECHNICAL_REVIEW_OUTCOMES)[number];

/** The messages a form can put on the bus. */
export const TECHNICAL_REVIEW_MESSAGES = [
  'review.hold-placed',
  'review.hold-released',
  'signoff.submitted',
] as const;
export type TechnicalReviewMessage = (typeof TECHNICAL_REVIEW_MESSAGES)[number];

export class SecurityConditionDto {
  /**
   * Chosen by DoD, unique within the consultation.
   * @example "DOD-AT-1"
   */
  @ApiProperty({ maxLength: LIMITS.reference })
  @Pattern(REFERENCE_ID_PATTERN, 'a reference id (letters, digits, . _ : / -, up to 64)')
  id: string;

  /** @example "Anti-tamper protection on all guidance sections." */
  @ApiProperty({ maxLength: LIMITS.conditionText })
  @Text(LIMITS.conditionText)
  text: string;

  /** e.g. technology-security for anti-tamper, security for COMSEC, end-use-monitoring for enhanced end-use monitoring. */
  @ApiProperty({ enum: CONDITION_CATEGORIES })
  @OneOf(CONDITION_CATEGORIES)
  category: ConditionCategory;
}

export class AreaFindingDto {
  @ApiProperty({ enum: REVIEW_AREAS })
  @OneOf(REVIEW_AREAS)
  area: ReviewArea;

  /** `incomplete` while DoD has not finished reviewing the area. */
  @ApiProperty({ enum: AREA_FINDINGS })
  @OneOf(AREA_FINDINGS)
  finding: AreaFinding;

  /** The security requirements of a `releasable-with-conditions` area (at least one); refused otherwise. */
  @ApiPropertyOptional({ maxItems: LIMITS.conditions })
  @RequiredWhen('finding', ['releasable-with-conditions'], { onlyThen: true })
  @NestedArray(() => SecurityConditionDto, { min: 1, max: LIMITS.conditions })
  conditions?: SecurityConditionDto[];

  /** Why the area is not releasable (required with `not-releasable`), or what remains (with `incomplete`). */
  @ApiPropertyOptional({ maxLength: AREA_REASON_MAX })
  @RequiredWhen('finding', ['not-releasable'])
  @Text(AREA_REASON_MAX)
  reason?: string;
}

/** DoD's whole technical and releasability review of one revision. */
export class TechnicalReviewBodyDto {
  /** The revision reviewed; it must be the current one. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  revision: number;

  @ApiProperty({
    minItems: 1,
    maxItems: REVIEW_AREAS.length,
    description: `One finding per area (${REVIEW_AREAS.join(', ')}); an area left out is outstanding.`,
  })
  @NestedArray(() => AreaFindingDto, { min: 1, max: REVIEW_AREAS.length })
  findings: AreaFindingDto[];
}

export class PublishedMessageDto {
  @ApiProperty({ enum: TECHNICAL_REVIEW_MESSAGES })
  message: TechnicalReviewMessage;

  /** The id of the event put on the bus. */
  @ApiProperty(UUID)
  eventId: string;

  /** The coordinator’s verdict on this message (`pending` when it did not come in time). */
  verdict: VerdictDto;
}

export class TechnicalReviewResultDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ type: 'integer' })
  revision: number;

  /** `hold` while any area is outstanding; otherwise DoD’s sign-off decision. */
  @ApiProperty({ enum: TECHNICAL_REVIEW_OUTCOMES })
  outcome: TechnicalReviewOutcomeName;

  /** The areas still outstanding (empty unless `hold`). */
  @ApiProperty({ enum: REVIEW_AREAS, isArray: true })
  outstandingAreas: ReviewArea[];

  /** What was put on the bus, in order; empty when DoD’s hold already stands and the review is still incomplete. */
  published: PublishedMessageDto[];

  /** The coordinator’s verdict on DoD’s answer (the last message published: the sign-off, or the hold); absent when nothing was published. */
  verdict?: VerdictDto;
}
