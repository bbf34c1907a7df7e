/**
 * What `GET /reviews/{id}/assessments` answers. Every property has an explicit
 * `@ApiProperty`: the swc build does not run the swagger CLI plugin.
 */
import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, type Agency } from '@icb/contracts';

const ISO = { type: String, format: 'date-time', example: '2026-03-02T14:30:00.000Z' } as const;
const UUID = { type: String, format: 'uuid' } as const;

/** An assessment released to this agency, with its content. */
export class ReleasedAssessmentDto {
  @ApiProperty(UUID)
  assessmentId: string;

  @ApiProperty({ enum: AGENCIES })
  originator: Agency;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String, example: 'SECRET//ORCON/NOFORN', description: 'Banner marking.' })
  classification: string;

  @ApiProperty({
    type: Boolean,
    description: 'Originator controlled: ask CIA before passing it on.',
  })
  orcon: boolean;

  @ApiProperty({ type: Boolean })
  noforn: boolean;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  approvedRecipients: Agency[];

  @ApiProperty({ type: String })
  content: string;

  @ApiProperty(ISO)
  releasedAt: string;

  @ApiProperty(ISO)
  receivedAt: string;
}

/** An assessment on the consultation that was not released to this agency: metadata only. */
export class WithheldAssessmentDto {
  @ApiProperty(UUID)
  assessmentId: string;

  @ApiProperty({ enum: AGENCIES })
  originator: Agency;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String, example: 'SECRET//ORCON/NOFORN', description: 'Banner marking.' })
  classification: string;

  @ApiProperty({ ...ISO, description: 'When the coordinator recorded it.' })
  sharedAt: string;
}

export class ConsultationAssessmentsDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ enum: AGENCIES, description: 'This adapter’s agency.' })
  agency: Agency;

  @ApiProperty({ type: () => [ReleasedAssessmentDto], description: 'Released to this agency.' })
  released: ReleasedAssessmentDto[];

  @ApiProperty({
    type: () => [WithheldAssessmentDto],
    description: 'Not released to this agency (from the coordinator): that they exist, no content.',
  })
  withheld: WithheldAssessmentDto[];
}
