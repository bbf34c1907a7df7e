/**
 * CIA's request to share an assessment and its answer.
 * Documented by the Swagger plugin from the types and JSDoc (ADR 23); an
 * `@ApiProperty` states only what it cannot read (formats, integers, bounds,
 * enums in their order).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, type Agency, LIMITS, MAX_MARKING_LENGTH } from '@icb/contracts';
import { Bool, IsUuid, OneOfArray, Optional, Text } from '@icb/contracts/validation/decorators';
import { VerdictDto } from '@icb/agency-adapter';

const UUID = { type: String, format: 'uuid' } as const;

export class ShareAssessmentBodyDto {
  /** The consultation, which must exist at the coordinator. */
  @ApiProperty(UUID)
  @IsUuid()
  consultationId: string;

  @ApiProperty({ maxLength: LIMITS.title })
  @Text(LIMITS.title)
  title: string;

  /**
   * Banner marking; its ORCON and NOFORN must agree with the flags.
   * @example "SECRET//ORCON/NOFORN"
   */
  @Text(MAX_MARKING_LENGTH)
  classification: string;

  /** Originator controlled: released only to approvedRecipients (at least one). */
  @Bool()
  orcon: boolean;

  @Bool()
  noforn: boolean;

  /** ORCON: the only recipients. Otherwise every clearing agency and State/PM receive it, and these too. */
  @ApiProperty({ enum: AGENCIES, isArray: true })
  @OneOfArray(AGENCIES, { max: AGENCIES.length })
  approvedRecipients: Agency[];

  @ApiProperty({ maxLength: LIMITS.content })
  @Text(LIMITS.content)
  content: string;

  /** What a party without access may be told (a tear line). */
  @ApiPropertyOptional({ maxLength: LIMITS.summary })
  @Optional()
  @Text(LIMITS.summary)
  summaryForUnauthorized?: string;
}

/** The announcement and one release per recipient were put on the bus; the coordinator's verdict on the announcement. */
export class AssessmentSharedDto {
  @ApiProperty(UUID)
  assessmentId: string;

  /** Who received the content. */
  @ApiProperty({ enum: AGENCIES, isArray: true })
  releasedTo: Agency[];

  /** The coordinator’s verdict on the announcement (`intel.assessment-shared`): `accepted` or, when it did not come in time, `pending` with its `statusUrl`. */
  verdict: VerdictDto;
}
