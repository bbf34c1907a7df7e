/** A consultation in full, with its timeline, or withheld from a reader without the clearance. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  CONSULTATION_KINDS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
  ConsultationAttributesV1,
  ConsultationKind,
  ConsultationOutcome,
  ConsultationStatus,
  DECISION_BASES,
  DecisionBasis,
  PRECEDENCES,
  Precedence,
} from '@icb/contracts';
import type { LogEntry } from '../event-log/hash-chain';
import type { Consultation } from './consultation.model';
import { ISO, UUID } from './consultation-dto.vocabulary';
import { ConsultationSummaryDto } from './consultation-summary.dto';
import {
  ReviewDto,
  SignOffRecordDto,
  ConditionRecordDto,
  ClockRecordDto,
  ScreeningRecordDto,
  AssessmentRecordDto,
} from './consultation-records.dto';
import { EscalationStateDto } from './consultation-escalation.dto';
import { CongressStateDto } from './consultation-congress.dto';

class DecisionDto {
  @ApiProperty({ enum: CONSULTATION_OUTCOMES })
  outcome: ConsultationOutcome;

  @ApiProperty({ enum: DECISION_BASES })
  basis: DecisionBasis;

  @ApiProperty(ISO)
  decidedAt: string;

  @ApiPropertyOptional({ type: String })
  rationale?: string;
}

export class ConsultationDto implements Consultation {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  @ApiProperty({ type: String, example: 'PM/DS' })
  actionOffice: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Country, values, items and parties (the `ConsultationAttributesV1` contract).',
  })
  attributes: ConsultationAttributesV1;

  @ApiProperty({ type: String, example: 'CUI//SP-EXPT//NOFORN' })
  classification: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  @ApiPropertyOptional({
    type: String,
    description: 'Requester’s reference, e.g. the Letter of Request number.',
  })
  reference?: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES })
  status: ConsultationStatus;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ enum: AGENCIES, isArray: true, description: 'Agencies that must clear.' })
  clearers: Agency[];

  @ApiProperty({
    type: () => [ReviewDto],
    description: 'The current revision’s reviews, one per clearer.',
  })
  reviews: ReviewDto[];

  @ApiPropertyOptional({
    type: () => [ReviewDto],
    description:
      'Reviews of earlier revisions, replaced by an amendment or a remand (oldest first).',
  })
  earlierReviews?: ReviewDto[];

  @ApiProperty({
    type: () => [SignOffRecordDto],
    description: 'Every sign-off, for every revision.',
  })
  signOffs: SignOffRecordDto[];

  @ApiProperty({ type: () => [ConditionRecordDto] })
  conditions: ConditionRecordDto[];

  @ApiProperty({ type: () => [ClockRecordDto] })
  clocks: ClockRecordDto[];

  @ApiPropertyOptional({ type: () => EscalationStateDto })
  escalation?: EscalationStateDto;

  @ApiPropertyOptional({
    type: () => CongressStateDto,
    description: 'AECA §36(b) notification (FMS cases).',
  })
  congress?: CongressStateDto;

  @ApiProperty({ type: () => [ScreeningRecordDto] })
  screenings: ScreeningRecordDto[];

  @ApiProperty({ type: () => [AssessmentRecordDto] })
  assessments: AssessmentRecordDto[];

  @ApiPropertyOptional({ type: () => DecisionDto })
  decision?: DecisionDto;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  pendingAgencies: Agency[];

  @ApiPropertyOptional({ ...ISO, description: 'Earliest open review deadline.' })
  nextDueAt?: string;

  @ApiPropertyOptional({ ...ISO, description: 'Earliest unfired clock.' })
  nextClockAt?: string;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  @ApiPropertyOptional(ISO)
  closedAt?: string;

  @ApiProperty({ type: 'integer', description: 'Incremented by every change.' })
  version: number;
}

/** The agency's signature of a position on the timeline (ADR 15). */
export class TimelineSignatureDto {
  @ApiProperty({
    type: String,
    example: 'dod-2026-01',
    description: 'The agency key that signed it.',
  })
  kid: string;

  @ApiProperty({
    type: Boolean,
    enum: [true],
    description:
      'Verified by the coordinator when the message arrived (an unverified message is never applied); ' +
      '`icb audit verify --keys` checks it again from the exported log.',
  })
  verified: true;

  @ApiProperty({
    ...ISO,
    description: 'When the bus stored the message: the key was effective then.',
  })
  receivedAt: string;
}

export class TimelineEntryDto {
  @ApiProperty({ type: 'integer', description: '1, 2, 3, … in the order recorded.' })
  seq: number;

  @ApiProperty(ISO)
  at: string;

  @ApiProperty({ type: String, example: 'signoff.submitted' })
  type: string;

  @ApiProperty({
    type: String,
    example: 'dod',
    description: 'The party, `coordinator` or `clock`.',
  })
  actor: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({ type: String, description: 'The event recorded, or the cause of a note.' })
  eventId: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  data?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: () => TimelineSignatureDto,
    description: 'On an agency’s position: the signature it carried, verified.',
  })
  signature?: TimelineSignatureDto;
}

export function toTimelineEntry(e: LogEntry): TimelineEntryDto {
  return {
    seq: e.seq,
    at: e.at,
    type: e.type,
    actor: e.actor,
    summary: e.summary,
    eventId: e.eventId,
    data: e.data,
    ...(e.signature
      ? {
          signature: {
            kid: e.signature.kid,
            verified: true as const,
            receivedAt: e.signature.receivedAt,
          },
        }
      : {}),
  };
}

export class ConsultationDetailDto extends ConsultationDto {
  @ApiProperty({ type: () => [TimelineEntryDto], description: 'The event log, in order.' })
  timeline: TimelineEntryDto[];
}

/**
 * A consultation in full. `reviews` holds the current revision's only (a
 * version stored before earlier reviews moved to `earlierReviews` may still
 * mix them: they are moved here).
 */
export function toDetail(c: Consultation, timeline: TimelineEntryDto[]): ConsultationDetailDto {
  const stale = c.reviews.filter((r) => r.revision !== c.revision);
  if (stale.length === 0) return { ...c, timeline };
  return {
    ...c,
    reviews: c.reviews.filter((r) => r.revision === c.revision),
    earlierReviews: [...(c.earlierReviews ?? []), ...stale],
    timeline,
  };
}

/**
 * A consultation classified above the reader's clearance: what may be said
 * of it (status, clocks, whose move it is) without its content. The timeline
 * keeps its entries' type, actor and time; summaries and data are withheld.
 */
export class WithheldConsultationDto extends ConsultationSummaryDto {
  @ApiProperty({ type: Boolean, enum: [true] })
  declare withheld: boolean;

  @ApiProperty({ type: () => [TimelineEntryDto] })
  timeline: TimelineEntryDto[];
}
