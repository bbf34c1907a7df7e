/**
 * CIA's request to share an assessment and its answer. Every property has an
 * explicit `@ApiProperty`: the swc build does not run the swagger CLI plugin.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, type Agency, LIMITS, MAX_MARKING_LENGTH } from '@icb/contracts';
import { Bool, IsUuid, OneOfArray, Optional, Text } from '@icb/contracts/validation/decorators';
import { VerdictDto } from '@icb/agency-adapter';

const UUID = { type: String, format: 'uuid' } as const;

export class ShareAssessmentBodyDto {
  @ApiProperty({ ...UUID, description: 'The consultation, which must exist at the coordinator.' })
  @IsUuid()
  consultationId: string;

  @ApiProperty({ type: String, maxLength: LIMITS.title })
  @Text(LIMITS.title)
  title: string;

  @ApiProperty({
    type: String,
    example: 'SECRET//ORCON/NOFORN',
    description: 'Banner marking; its ORCON and NOFORN must agree with the flags.',
  })
  @Text(MAX_MARKING_LENGTH)
  classification: string;

  @ApiProperty({
    type: Boolean,
    description: 'Originator controlled: released only to approvedRecipients (at least one).',
  })
  @Bool()
  orcon: boolean;

  @ApiProperty({ type: Boolean })
  @Bool()
  noforn: boolean;

  @ApiProperty({
    enum: AGENCIES,
    isArray: true,
    description:
      'ORCON: the only recipients. Otherwise every clearing agency and State/PM receive it, and these too.',
  })
  @OneOfArray(AGENCIES, { max: AGENCIES.length })
  approvedRecipients: Agency[];

  @ApiProperty({ type: String, maxLength: LIMITS.content })
  @Text(LIMITS.content)
  content: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: LIMITS.summary,
    description: 'What a party without access may be told (a tear line).',
  })
  @Optional()
  @Text(LIMITS.summary)
  summaryForUnauthorized?: string;
}

/** The announcement and one release per recipient were put on the bus; the coordinator's verdict on the announcement. */
export class AssessmentSharedDto {
  @ApiProperty(UUID)
  assessmentId: string;

  @ApiProperty({ enum: AGENCIES, isArray: true, description: 'Who received the content.' })
  releasedTo: Agency[];

  @ApiProperty({
    type: () => VerdictDto,
    description:
      'The coordinator’s verdict on the announcement (`intel.assessment-shared`): `accepted` or, ' +
      'when it did not come in time, `pending` with its `statusUrl`.',
  })
  verdict: VerdictDto;
}
