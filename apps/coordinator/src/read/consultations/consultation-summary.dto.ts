/** A consultation in a list: the summary, and a page of them. */
import { ApiProperty } from '@nestjs/swagger';
import {
  AGENCIES,
  Agency,
  CONSULTATION_KINDS,
  CONSULTATION_STATUSES,
  ConsultationKind,
  ConsultationStatus,
  EscalationLevel,
  PRECEDENCES,
  Precedence,
} from '@icb/contracts';
import type { Consultation, NotificationStep } from '../../write/consultations/consultation.model';
import { ISO, UUID, LEVELS, NOTIFICATION_STEPS } from './consultation-dto.vocabulary';

const MS_PER_DAY = 86_400_000;

/** Whole days (24 h, UTC) until `dueAt`, rounded away from zero: 1 = due within a day, -1 = less than a day overdue. */
export function daysLeft(dueAt: string, now: string): number {
  const ms = Date.parse(dueAt) - Date.parse(now);
  return ms >= 0 ? Math.ceil(ms / MS_PER_DAY) : -Math.ceil(-ms / MS_PER_DAY);
}

export class ConsultationSummaryDto {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: CONSULTATION_KINDS })
  kind: ConsultationKind;

  title: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES })
  status: ConsultationStatus;

  @ApiProperty({ enum: PRECEDENCES })
  precedence: Precedence;

  /**
   * Banner marking.
   * @example "CUI//SP-EXPT//NOFORN"
   */
  classification: string;

  /** Current revision (1 = as opened). */
  @ApiProperty({ type: 'integer' })
  revision: number;

  /** Agencies whose answer is awaited. */
  @ApiProperty({ enum: AGENCIES, isArray: true })
  pendingAgencies: Agency[];

  /** Earliest open review deadline. */
  @ApiProperty(ISO)
  nextDueAt: string | null;

  /** Calendar days (24 h, UTC) until `nextDueAt`, rounded up; negative when overdue (-1: less than a day). */
  @ApiProperty({ type: 'integer' })
  daysLeft: number | null;

  /** A review is past its deadline. */
  overdue: boolean;

  /** Level of the open escalation, if any. */
  @ApiProperty({ enum: LEVELS })
  escalationLevel: EscalationLevel | null;

  /** Congressional notification step (FMS cases). */
  @ApiProperty({ enum: NOTIFICATION_STEPS })
  congressStep: NotificationStep | null;

  @ApiProperty(ISO)
  openedAt: string;

  @ApiProperty(ISO)
  updatedAt: string;

  /** Present and true when the consultation is classified above your clearance: the title reads `[withheld]`. */
  withheld?: boolean;
}

export function toSummary(c: Consultation, now: string): ConsultationSummaryDto {
  const due = c.nextDueAt ?? null;
  const escalation = c.escalation;
  const openEscalation = escalation && !escalation.resolvedAt && !escalation.supersededAt;
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    status: c.status,
    precedence: c.precedence,
    classification: c.classification,
    revision: c.revision,
    pendingAgencies: c.pendingAgencies ?? [],
    nextDueAt: due,
    daysLeft: due ? daysLeft(due, now) : null,
    overdue: due !== null && due < now,
    escalationLevel: openEscalation ? escalation.level : null,
    congressStep: c.congress?.step ?? null,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
  };
}

export class ConsultationPageDto {
  /** Matching consultations, over all pages. */
  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  offset: number;

  @ApiProperty({ type: 'integer' })
  limit: number;

  items: ConsultationSummaryDto[];
}
