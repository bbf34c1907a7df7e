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

/** Why an assessment is listed without its title and content. */
export const WITHHOLDING_REASONS = ['not-released', 'above-clearance'] as const;
export type WithholdingReason = (typeof WITHHOLDING_REASONS)[number];

/**
 * An assessment on the consultation this agency may not read: that it exists,
 * its marking and originator, never its title or content (an ORCON product's
 * title is the originator's to release).
 */
export class WithheldAssessmentDto {
  @ApiProperty(UUID)
  assessmentId: string;

  @ApiProperty({ enum: AGENCIES })
  originator: Agency;

  @ApiProperty({ type: String, example: 'SECRET//ORCON/NOFORN', description: 'Banner marking.' })
  classification: string;

  @ApiProperty({
    enum: WITHHOLDING_REASONS,
    description:
      '`not-released`: the originator did not release it to this agency (ORCON: ask CIA); ' +
      '`above-clearance`: released, but marked above the adapter’s AGENCY_CLEARANCE.',
  })
  reason: WithholdingReason;

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
    description:
      'Not released to this agency, or above its clearance: that they exist, without title or content.',
  })
  withheld: WithheldAssessmentDto[];
}
