/**
 * The HTTP body and answer of DoD's technical and releasability review form
 * (OpenAPI + edge validation). Every property has an explicit `@ApiProperty`:
 * the swc build does not run the swagger plugin. The messages built from a
 * form are checked again against the contract before they are published.
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
  @ApiProperty({
    type: String,
    maxLength: LIMITS.reference,
    example: 'DOD-AT-1',
    description: 'Chosen by DoD, unique within the consultation.',
  })
  @Pattern(REFERENCE_ID_PATTERN, 'a reference id (letters, digits, . _ : / -, up to 64)')
  id: string;

  @ApiProperty({
    type: String,
    maxLength: LIMITS.conditionText,
    example: 'Anti-tamper protection on all guidance sections.',
  })
  @Text(LIMITS.conditionText)
  text: string;

  @ApiProperty({
    enum: CONDITION_CATEGORIES,
    description:
      'e.g. technology-security for anti-tamper, security for COMSEC, end-use-monitoring for enhanced end-use monitoring.',
  })
  @OneOf(CONDITION_CATEGORIES)
  category: ConditionCategory;
}

export class AreaFindingDto {
  @ApiProperty({ enum: REVIEW_AREAS })
  @OneOf(REVIEW_AREAS)
  area: ReviewArea;

  @ApiProperty({
    enum: AREA_FINDINGS,
    description: '`incomplete` while DoD has not finished reviewing the area.',
  })
  @OneOf(AREA_FINDINGS)
  finding: AreaFinding;

  @ApiPropertyOptional({
    type: () => [SecurityConditionDto],
    maxItems: LIMITS.conditions,
    description:
      'The security requirements of a `releasable-with-conditions` area (at least one); refused otherwise.',
  })
  @RequiredWhen('finding', ['releasable-with-conditions'], { onlyThen: true })
  @NestedArray(() => SecurityConditionDto, { min: 1, max: LIMITS.conditions })
  conditions?: SecurityConditionDto[];

  @ApiPropertyOptional({
    type: String,
    maxLength: AREA_REASON_MAX,
    description:
      'Why the area is not releasable (required with `not-releasable`), or what remains (with `incomplete`).',
  })
  @RequiredWhen('finding', ['not-releasable'])
  @Text(AREA_REASON_MAX)
  reason?: string;
}

/** DoD's whole technical and releasability review of one revision. */
export class TechnicalReviewBodyDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The revision reviewed; it must be the current one.',
  })
  @Int({ min: 1 })
  revision: number;

  @ApiProperty({
    type: () => [AreaFindingDto],
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

  @ApiProperty({ ...UUID, description: 'The id of the event put on the bus.' })
  eventId: string;

  @ApiProperty({
    type: () => VerdictDto,
    description:
      'The coordinator’s verdict on this message (`pending` when it did not come in time).',
  })
  verdict: VerdictDto;
}

export class TechnicalReviewResultDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({
    enum: TECHNICAL_REVIEW_OUTCOMES,
    description: '`hold` while any area is outstanding; otherwise DoD’s sign-off decision.',
  })
  outcome: TechnicalReviewOutcomeName;

  @ApiProperty({
    enum: REVIEW_AREAS,
    isArray: true,
    description: 'The areas still outstanding (empty unless `hold`).',
  })
  outstandingAreas: ReviewArea[];

  @ApiProperty({
    type: () => [PublishedMessageDto],
    description:
      'What was put on the bus, in order; empty when DoD’s hold already stands and the review is still incomplete.',
  })
  published: PublishedMessageDto[];

  @ApiPropertyOptional({
    type: () => VerdictDto,
    description:
      'The coordinator’s verdict on DoD’s answer (the last message published: the sign-off, or the ' +
      'hold); absent when nothing was published.',
  })
  verdict?: VerdictDto;
}
