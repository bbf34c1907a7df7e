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
import type { LogEntry } from '../../write/event-log/hash-chain';
import type { Consultation } from '../../write/consultations/consultation.model';
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

export class DecisionDto {
  @ApiProperty({ enum: CONSULTATION_OUTCOMES })
  outcome: ConsultationOutcome;

  @ApiProperty({ enum: DECISION_BASES })
  basis: DecisionBasis;

  @ApiProperty(ISO)
  decidedAt: string;

  rationale?: string;
}

export class ConsultationDto implements Consultation {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  /** @example "PM/DS" */
  actionOffice: string;

  title: string;

  summary: string;

  /** Country, values, items and parties (the `ConsultationAttributesV1` contract). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes: ConsultationAttributesV1;

  /** @example "CUI//SP-EXPT//NOFORN" */
  classification: string;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  /** Requester’s reference, e.g. the Letter of Request number. */
  reference?: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES })
  status: ConsultationStatus;

  @ApiProperty({ type: 'integer' })
  revision: number;

  /** Agencies that must clear. */
  @ApiProperty({ enum: AGENCIES, isArray: true })
  clearers: Agency[];

  /** The current revision’s reviews, one per clearer. */
  reviews: ReviewDto[];

  /** Reviews of earlier revisions, replaced by an amendment or a remand (oldest first). */
  earlierReviews?: ReviewDto[];

  /** Every sign-off, for every revision. */
  signOffs: SignOffRecordDto[];

  conditions: ConditionRecordDto[];

  clocks: ClockRecordDto[];

  escalation?: EscalationStateDto;

  /** AECA §36(b) notification (FMS cases). */
  congress?: CongressStateDto;

  screenings: ScreeningRecordDto[];

  assessments: AssessmentRecordDto[];

  decision?: DecisionDto;

  @ApiProperty({ enum: AGENCIES, isArray: true })
  pendingAgencies: Agency[];

  /** Earliest open review deadline. */
  @ApiPropertyOptional(ISO)
  nextDueAt?: string;

  /** Earliest unfired clock. */
  @ApiPropertyOptional(ISO)
  nextClockAt?: string;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  @ApiPropertyOptional(ISO)
  closedAt?: string;

  /** Incremented by every change. */
  @ApiProperty({ type: 'integer' })
  version: number;
}

/** The agency's signature of a position on the timeline (ADR 15). */
export class TimelineSignatureDto {
  /**
   * The agency key that signed it.
   * @example "dod-2026-01"
   */
  kid: string;

  /** Verified by the coordinator when the message arrived (an unverified message is never applied); `icb audit verify --keys` checks it again from the exported log. */
  @ApiProperty({ type: Boolean, enum: [true] })
  verified: true;

  /** When the bus stored the message: the key was effective then. */
  @ApiProperty(ISO)
  receivedAt: string;
}

export class TimelineEntryDto {
  /** 1, 2, 3, … in the order recorded. */
  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty(ISO)
  at: string;

  /** @example "signoff.submitted" */
  type: string;

  /**
   * The party, `coordinator` or `clock`.
   * @example "dod"
   */
  actor: string;

  summary: string;

  /** The event recorded, or the cause of a note. */
  eventId: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  data?: Record<string, unknown>;

  /** On an agency’s position: the signature it carried, verified. */
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
  /** The event log, in order. */
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

  timeline: TimelineEntryDto[];
}
