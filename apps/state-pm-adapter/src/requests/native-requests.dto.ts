/**
 * The HTTP bodies of State/PM's native requests (OpenAPI + edge validation).
 * Shapes are checked here; the mapped message is checked again against the
 * contract before it is published.
 * Documented by the Swagger plugin from the types and JSDoc (ADR 23); an
 * `@ApiProperty` states only what it cannot read (formats, integers, bounds,
 * enums in their order).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUNTRY_PATTERN,
  LIMITS,
  MARKING_PATTERN,
  MAX_MARKING_LENGTH,
  PRECEDENCES,
  Precedence,
  USML_CATEGORY_PATTERN,
} from '@icb/contracts';
import {
  Bool,
  Int,
  Nested,
  NestedArray,
  Num,
  OneOf,
  Optional,
  Pattern,
  Text,
} from '@icb/contracts/validation/decorators';
import type {
  ArmsControlFindingRequest,
  ExportLicenseApplication,
  FmsArticle,
  FmsLetterOfRequest,
  FmsService,
  NativeIntermediary,
  NativeOwner,
  NativeParty,
  NonproliferationConcernRequest,
  RegionalSecurityRequest,
  SecurityCooperationRequest,
} from './native-requests';

const COUNTRY = { type: String, pattern: '^[A-Z]{3}$', example: 'SAU' } as const;
const ALPHA3 = 'an ISO 3166-1 alpha-3 country code';
const USML = 'a USML category, I to XXI';
const USD = { type: 'integer', minimum: 0, description: 'Whole US dollars.' } as const;
const MAX_MONEY = Number.MAX_SAFE_INTEGER;

export class NativeRequestCommonDto {
  /** Built from the request when left out. */
  @ApiPropertyOptional({ maxLength: LIMITS.title })
  @Optional()
  @Text(LIMITS.title)
  title?: string;

  @ApiProperty({ maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  summary: string;

  /**
   * A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
   * @example "CUI//SP-EXPT//NOFORN"
   */
  @ApiPropertyOptional({ default: 'UNCLASSIFIED' })
  @Optional()
  @Text(MAX_MARKING_LENGTH)
  @Pattern(MARKING_PATTERN, 'a classification banner marking, e.g. CUI//SP-EXPT//NOFORN')
  classification?: string;

  @ApiPropertyOptional({ enum: PRECEDENCES, default: 'ROUTINE' })
  @Optional()
  @OneOf(PRECEDENCES)
  precedence?: Precedence;
}

export class NativePartyDto implements NativeParty {
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  name: string;

  @ApiProperty(COUNTRY)
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;
}

export class NativeOwnerDto implements NativeOwner {
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  name: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @Num({ min: 0, max: 100 })
  percent: number;
}

export class NativeIntermediaryDto extends NativePartyDto implements NativeIntermediary {
  @ApiPropertyOptional({ maxItems: LIMITS.ownership })
  @Optional()
  @NestedArray(() => NativeOwnerDto, { max: LIMITS.ownership })
  owners?: NativeOwnerDto[];
}

// ---------------------------------------------------------------- FMS

export class FmsArticleDto implements FmsArticle {
  /** @example "PAC-3 MSE missile" */
  @ApiProperty({ maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;

  /** @example "IV" */
  @Optional()
  @Pattern(USML_CATEGORY_PATTERN, USML)
  usmlCategory?: string;

  /** Major defense equipment. */
  @Bool()
  mde: boolean;

  @ApiProperty(USD)
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd: number;
}

export class FmsServiceDto implements FmsService {
  /** @example "Operator training" */
  @ApiProperty({ maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty(USD)
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd: number;
}

export class FmsLetterOfRequestDto extends NativeRequestCommonDto implements FmsLetterOfRequest {
  /** @example "SR-D-QAB" */
  @ApiProperty({ maxLength: LIMITS.reference })
  @Text(LIMITS.reference)
  lorNumber: string;

  /** The purchasing government. */
  @Nested(() => NativePartyDto)
  purchaser: NativePartyDto;

  @ApiProperty({ maxItems: LIMITS.items })
  @NestedArray(() => FmsArticleDto, { max: LIMITS.items })
  articles: FmsArticleDto[];

  @ApiProperty({ maxItems: LIMITS.items })
  @NestedArray(() => FmsServiceDto, { max: LIMITS.items })
  services: FmsServiceDto[];

  @ApiPropertyOptional(USD)
  @Optional()
  @Int({ min: 0, max: MAX_MONEY })
  designAndConstructionUsd?: number;

  @Optional()
  @Nested(() => NativePartyDto)
  endUser?: NativePartyDto;

  @Optional()
  @Nested(() => NativePartyDto)
  consignee?: NativePartyDto;

  /** With the purchaser, end user and consignee, the parties screened. */
  @Optional()
  @NestedArray(() => NativeIntermediaryDto, { max: LIMITS.parties - 3 })
  intermediaries?: NativeIntermediaryDto[];
}

// ---------------------------------------------------------------- export licence

export class ExportCommodityDto {
  @ApiProperty({ maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;

  /** @example "XI" */
  @Pattern(USML_CATEGORY_PATTERN, USML)
  usmlCategory: string;

  /** Major defense equipment. */
  @Optional()
  @Bool()
  mde?: boolean;
}

export class ExportLicenseApplicationDto
  extends NativeRequestCommonDto
  implements ExportLicenseApplication
{
  /** @example "DSP5-26-000123" */
  @ApiProperty({ maxLength: LIMITS.reference })
  @Text(LIMITS.reference)
  applicationNumber: string;

  /** The U.S. applicant. */
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  applicant: string;

  /** Country of ultimate destination. */
  @ApiProperty(COUNTRY)
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @Nested(() => NativePartyDto)
  foreignConsignee: NativePartyDto;

  @Nested(() => NativePartyDto)
  endUser: NativePartyDto;

  /** With the foreign consignee and the end user, the parties screened. */
  @Optional()
  @NestedArray(() => NativeIntermediaryDto, { max: LIMITS.parties - 2 })
  intermediaries?: NativeIntermediaryDto[];

  @Nested(() => ExportCommodityDto)
  commodity: ExportCommodityDto;

  @ApiProperty(USD)
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd: number;
}

// ---------------------------------------------------------------- other lines of business

export class ActivityDto {
  @ApiProperty({ maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;
}

export class SecurityCooperationRequestDto
  extends NativeRequestCommonDto
  implements SecurityCooperationRequest
{
  /** @example "IMET-2026-PHL" */
  @ApiProperty({ maxLength: LIMITS.reference })
  @Text(LIMITS.reference)
  program: string;

  /** The partner (its forces). */
  @Nested(() => NativePartyDto)
  partner: NativePartyDto;

  @ApiProperty({ maxItems: LIMITS.items })
  @NestedArray(() => ActivityDto, { max: LIMITS.items })
  activities: ActivityDto[];

  @ApiPropertyOptional(USD)
  @Optional()
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd?: number;
}

export class ArmsControlFindingRequestDto
  extends NativeRequestCommonDto
  implements ArmsControlFindingRequest
{
  /** @example "New START" */
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  agreement: string;

  /** The party whose compliance is assessed. */
  @ApiProperty(COUNTRY)
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiPropertyOptional({ maxLength: LIMITS.reference })
  @Optional()
  @Text(LIMITS.reference)
  findingReference?: string;
}

export class NonproliferationItemDto {
  @ApiProperty({ maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;

  @Optional()
  @Pattern(USML_CATEGORY_PATTERN, USML)
  usmlCategory?: string;
}

export class NonproliferationConcernRequestDto
  extends NativeRequestCommonDto
  implements NonproliferationConcernRequest
{
  /** Country of concern. */
  @ApiProperty(COUNTRY)
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiProperty({ maxItems: LIMITS.parties })
  @NestedArray(() => NativeIntermediaryDto, { max: LIMITS.parties })
  entities: NativeIntermediaryDto[];

  @ApiPropertyOptional({ maxItems: LIMITS.items })
  @Optional()
  @NestedArray(() => NonproliferationItemDto, { max: LIMITS.items })
  items?: NonproliferationItemDto[];

  @ApiPropertyOptional({ maxLength: LIMITS.reference })
  @Optional()
  @Text(LIMITS.reference)
  reference?: string;
}

export class RegionalSecurityRequestDto
  extends NativeRequestCommonDto
  implements RegionalSecurityRequest
{
  /** @example "Indo-Pacific" */
  @ApiProperty({ maxLength: LIMITS.name })
  @Text(LIMITS.name)
  region: string;

  /** The country the matter centres on. */
  @ApiProperty(COUNTRY)
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiPropertyOptional({ maxLength: LIMITS.reference })
  @Optional()
  @Text(LIMITS.reference)
  reference?: string;
}
