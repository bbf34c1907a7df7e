/**
 * The HTTP bodies of State/PM's native requests (OpenAPI + edge validation).
 * Every property has an explicit `@ApiProperty`: the swc build does not run
 * the swagger plugin. Shapes are checked here; the mapped message is checked
 * again against the contract before it is published.
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
  @ApiPropertyOptional({
    type: String,
    maxLength: LIMITS.title,
    description: 'Built from the request when left out.',
  })
  @Optional()
  @Text(LIMITS.title)
  title?: string;

  @ApiProperty({ type: String, maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  summary: string;

  @ApiPropertyOptional({
    type: String,
    example: 'CUI//SP-EXPT//NOFORN',
    default: 'UNCLASSIFIED',
    description:
      'A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.',
  })
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
  @ApiProperty({ type: String, maxLength: LIMITS.name })
  @Text(LIMITS.name)
  name: string;

  @ApiProperty(COUNTRY)
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;
}

export class NativeOwnerDto implements NativeOwner {
  @ApiProperty({ type: String, maxLength: LIMITS.name })
  @Text(LIMITS.name)
  name: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: 100 })
  @Num({ min: 0, max: 100 })
  percent: number;
}

export class NativeIntermediaryDto extends NativePartyDto implements NativeIntermediary {
  @ApiPropertyOptional({ type: () => [NativeOwnerDto], maxItems: LIMITS.ownership })
  @Optional()
  @NestedArray(() => NativeOwnerDto, { max: LIMITS.ownership })
  owners?: NativeOwnerDto[];
}

// ---------------------------------------------------------------- FMS

export class FmsArticleDto implements FmsArticle {
  @ApiProperty({ type: String, maxLength: LIMITS.summary, example: 'PAC-3 MSE missile' })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;

  @ApiPropertyOptional({ type: String, example: 'IV' })
  @Optional()
  @Pattern(USML_CATEGORY_PATTERN, USML)
  usmlCategory?: string;

  @ApiProperty({ type: Boolean, description: 'Major defense equipment.' })
  @Bool()
  mde: boolean;

  @ApiProperty(USD)
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd: number;
}

export class FmsServiceDto implements FmsService {
  @ApiProperty({ type: String, maxLength: LIMITS.summary, example: 'Operator training' })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty(USD)
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd: number;
}

export class FmsLetterOfRequestDto extends NativeRequestCommonDto implements FmsLetterOfRequest {
  @ApiProperty({ type: String, maxLength: LIMITS.reference, example: 'SR-D-QAB' })
  @Text(LIMITS.reference)
  lorNumber: string;

  @ApiProperty({ type: () => NativePartyDto, description: 'The purchasing government.' })
  @Nested(() => NativePartyDto)
  purchaser: NativePartyDto;

  @ApiProperty({ type: () => [FmsArticleDto], maxItems: LIMITS.items })
  @NestedArray(() => FmsArticleDto, { max: LIMITS.items })
  articles: FmsArticleDto[];

  @ApiProperty({ type: () => [FmsServiceDto], maxItems: LIMITS.items })
  @NestedArray(() => FmsServiceDto, { max: LIMITS.items })
  services: FmsServiceDto[];

  @ApiPropertyOptional(USD)
  @Optional()
  @Int({ min: 0, max: MAX_MONEY })
  designAndConstructionUsd?: number;

  @ApiPropertyOptional({ type: () => NativePartyDto })
  @Optional()
  @Nested(() => NativePartyDto)
  endUser?: NativePartyDto;

  @ApiPropertyOptional({ type: () => NativePartyDto })
  @Optional()
  @Nested(() => NativePartyDto)
  consignee?: NativePartyDto;

  @ApiPropertyOptional({
    type: () => [NativeIntermediaryDto],
    description: 'With the purchaser, end user and consignee, the parties screened.',
  })
  @Optional()
  @NestedArray(() => NativeIntermediaryDto, { max: LIMITS.parties - 3 })
  intermediaries?: NativeIntermediaryDto[];
}

// ---------------------------------------------------------------- export licence

export class ExportCommodityDto {
  @ApiProperty({ type: String, maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;

  @ApiProperty({ type: String, example: 'XI' })
  @Pattern(USML_CATEGORY_PATTERN, USML)
  usmlCategory: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Major defense equipment.' })
  @Optional()
  @Bool()
  mde?: boolean;
}

export class ExportLicenseApplicationDto
  extends NativeRequestCommonDto
  implements ExportLicenseApplication
{
  @ApiProperty({ type: String, maxLength: LIMITS.reference, example: 'DSP5-26-000123' })
  @Text(LIMITS.reference)
  applicationNumber: string;

  @ApiProperty({ type: String, maxLength: LIMITS.name, description: 'The U.S. applicant.' })
  @Text(LIMITS.name)
  applicant: string;

  @ApiProperty({ ...COUNTRY, description: 'Country of ultimate destination.' })
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiProperty({ type: () => NativePartyDto })
  @Nested(() => NativePartyDto)
  foreignConsignee: NativePartyDto;

  @ApiProperty({ type: () => NativePartyDto })
  @Nested(() => NativePartyDto)
  endUser: NativePartyDto;

  @ApiPropertyOptional({
    type: () => [NativeIntermediaryDto],
    description: 'With the foreign consignee and the end user, the parties screened.',
  })
  @Optional()
  @NestedArray(() => NativeIntermediaryDto, { max: LIMITS.parties - 2 })
  intermediaries?: NativeIntermediaryDto[];

  @ApiProperty({ type: () => ExportCommodityDto })
  @Nested(() => ExportCommodityDto)
  commodity: ExportCommodityDto;

  @ApiProperty(USD)
  @Int({ min: 0, max: MAX_MONEY })
  valueUsd: number;
}

// ---------------------------------------------------------------- other lines of business

export class ActivityDto {
  @ApiProperty({ type: String, maxLength: LIMITS.summary })
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
  @ApiProperty({ type: String, maxLength: LIMITS.reference, example: 'IMET-2026-PHL' })
  @Text(LIMITS.reference)
  program: string;

  @ApiProperty({ type: () => NativePartyDto, description: 'The partner (its forces).' })
  @Nested(() => NativePartyDto)
  partner: NativePartyDto;

  @ApiProperty({ type: () => [ActivityDto], maxItems: LIMITS.items })
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
  @ApiProperty({ type: String, maxLength: LIMITS.name, example: 'New START' })
  @Text(LIMITS.name)
  agreement: string;

  @ApiProperty({ ...COUNTRY, description: 'The party whose compliance is assessed.' })
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiPropertyOptional({ type: String, maxLength: LIMITS.reference })
  @Optional()
  @Text(LIMITS.reference)
  findingReference?: string;
}

export class NonproliferationItemDto {
  @ApiProperty({ type: String, maxLength: LIMITS.summary })
  @Text(LIMITS.summary)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @Int({ min: 1 })
  quantity: number;

  @ApiPropertyOptional({ type: String })
  @Optional()
  @Pattern(USML_CATEGORY_PATTERN, USML)
  usmlCategory?: string;
}

export class NonproliferationConcernRequestDto
  extends NativeRequestCommonDto
  implements NonproliferationConcernRequest
{
  @ApiProperty({ ...COUNTRY, description: 'Country of concern.' })
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiProperty({ type: () => [NativeIntermediaryDto], maxItems: LIMITS.parties })
  @NestedArray(() => NativeIntermediaryDto, { max: LIMITS.parties })
  entities: NativeIntermediaryDto[];

  @ApiPropertyOptional({ type: () => [NonproliferationItemDto], maxItems: LIMITS.items })
  @Optional()
  @NestedArray(() => NonproliferationItemDto, { max: LIMITS.items })
  items?: NonproliferationItemDto[];

  @ApiPropertyOptional({ type: String, maxLength: LIMITS.reference })
  @Optional()
  @Text(LIMITS.reference)
  reference?: string;
}

export class RegionalSecurityRequestDto
  extends NativeRequestCommonDto
  implements RegionalSecurityRequest
{
  @ApiProperty({ type: String, maxLength: LIMITS.name, example: 'Indo-Pacific' })
  @Text(LIMITS.name)
  region: string;

  @ApiProperty({ ...COUNTRY, description: 'The country the matter centres on.' })
  @Pattern(COUNTRY_PATTERN, ALPHA3)
  country: string;

  @ApiPropertyOptional({ type: String, maxLength: LIMITS.reference })
  @Optional()
  @Text(LIMITS.reference)
  reference?: string;
}
