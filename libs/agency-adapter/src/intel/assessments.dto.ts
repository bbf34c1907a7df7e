/**
 * What `GET /reviews/{id}/assessments` answers.
 * Documented by the Swagger plugin from the types and JSDoc (ADR 23); an
 * `@ApiProperty` states only what it cannot read (formats, integers, bounds,
 * enums in their order).
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

  title: string;

  /**
   * Banner marking.
   * @example "SECRET//ORCON/NOFORN"
   */
  classification: string;

  /** Originator controlled: ask CIA before passing it on. */
  orcon: boolean;

  noforn: boolean;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  approvedRecipients: Agency[];

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

  /**
   * Banner marking.
   * @example "SECRET//ORCON/NOFORN"
   */
  classification: string;

  /** `not-released`: the originator did not release it to this agency (ORCON: ask CIA); `above-clearance`: released, but marked above the adapter’s AGENCY_CLEARANCE. */
  @ApiProperty({ enum: WITHHOLDING_REASONS })
  reason: WithholdingReason;

  /** When the coordinator recorded it. */
  @ApiProperty(ISO)
  sharedAt: string;
}

export class ConsultationAssessmentsDto {
  @ApiProperty(UUID)
  consultationId: string;

  /** This adapter’s agency. */
  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  /** Released to this agency. */
  released: ReleasedAssessmentDto[];

  /** Not released to this agency, or above its clearance: that they exist, without title or content. */
  withheld: WithheldAssessmentDto[];
}
