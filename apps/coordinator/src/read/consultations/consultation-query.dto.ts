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
  /** How many items to skip. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  /** Page size. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class ListConsultationsQueryDto extends PageQueryDto {
  /** Statuses to include: comma-separated (`in-review,escalated`) or repeated. */
  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_LIST_VALUES)
  @IsIn(CONSULTATION_STATUSES, { each: true })
  status?: ConsultationStatus[];

  /** Kinds to include: comma-separated or repeated. */
  @ApiPropertyOptional({ enum: CONSULTATION_KINDS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_LIST_VALUES)
  @IsIn(CONSULTATION_KINDS, { each: true })
  kind?: ConsultationKind[];

  /** Precedences to include: comma-separated or repeated. */
  @ApiPropertyOptional({ enum: PRECEDENCES, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_LIST_VALUES)
  @IsIn(PRECEDENCES, { each: true })
  precedence?: Precedence[];

  /** Only consultations still awaiting this agency’s answer. */
  @ApiPropertyOptional({ enum: AGENCIES })
  @IsOptional()
  @IsIn(AGENCIES)
  pendingAgency?: Agency;

  /** `true`: only consultations with a review past its deadline. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  /** Case-insensitive text searched in title, summary, reference and id; in a consultation classified above your clearance, in its id alone (a search never matches what is withheld from you). */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** `precedence` sorts FLASH first in ascending order. Consultations without a deadline sort before the others by `nextDueAt` ascending. */
  @ApiPropertyOptional({ enum: SORT_FIELDS, default: 'updatedAt' })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort?: (typeof SORT_FIELDS)[number];

  /** Default: `asc` for `nextDueAt` and `precedence`, `desc` otherwise. */
  @ApiPropertyOptional({ enum: ORDERS })
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
  /** Consultation id (UUID). */
  @ApiProperty(UUID)
  id: string;
}

export class AgencyParamDto {
  @ApiProperty({ enum: AGENCIES })
  @IsIn(AGENCIES)
  agency: Agency;
}
