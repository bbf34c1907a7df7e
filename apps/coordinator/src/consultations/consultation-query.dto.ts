/** The list queries' parameters, validated by the global ValidationPipe, and the repository query they give. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, TransformFnParams } from 'class-transformer';
import { QueryInteger } from '@icb/runtime';
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
  Clearance,
  CONSULTATION_KINDS,
  CONSULTATION_STATUSES,
  ConsultationKind,
  ConsultationStatus,
  PRECEDENCES,
  Precedence,
} from '@icb/contracts';
import type { ConsultationQuery } from './consultation-view.query';
import { UUID } from './consultation-dto.vocabulary';

const SORT_FIELDS = ['updatedAt', 'openedAt', 'nextDueAt', 'precedence'] as const;
const ORDERS = ['asc', 'desc'] as const;

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
const MAX_OFFSET = 100_000;
const MAX_LIST_VALUES = 20;

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
  @QueryInteger()
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
  @QueryInteger()
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
    description:
      'Case-insensitive text searched in title, summary, reference and id; in a consultation classified above your clearance, in its id alone (a search never matches what is withheld from you).',
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
export function consultationQuery(
  dto: ListConsultationsQueryDto,
  now: string,
  clearance: Clearance,
): ConsultationQuery {
  const sort = dto.sort ?? 'updatedAt';
  return {
    clearance,
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
