/** The figures over every consultation, and the clocks closest to running out. */
import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, Agency, ConsultationKind, ConsultationStatus, Precedence } from '@icb/contracts';
import type { ClockRecord } from '../../write/consultations/consultation.model';
import type { UpcomingClock } from './consultation-view.query';
import { ISO, UUID, CLOCK_RECORD_KINDS } from './consultation-dto.vocabulary';

export class UpcomingClockDto {
  @ApiProperty(UUID)
  consultationId: string;

  title: string;

  /** The agency the clock runs for, if any. */
  @ApiProperty({ enum: AGENCIES })
  agency: Agency | null;

  /** What runs out. */
  @ApiProperty({ enum: CLOCK_RECORD_KINDS })
  kind: ClockRecord['kind'];

  @ApiProperty(ISO)
  dueAt: string;

  /** The consultation's banner marking. */
  classification: string;

  /** True when the title is withheld. */
  withheld?: boolean;
}

export function toUpcomingClock(u: UpcomingClock): UpcomingClockDto {
  return {
    consultationId: u.consultationId,
    title: u.title,
    classification: u.classification,
    agency: u.clock.agency ?? null,
    kind: u.clock.kind,
    dueAt: u.clock.dueAt,
  };
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class ConsultationStatsDto {
  /** The time the figures were computed at. */
  @ApiProperty(ISO)
  asOf: string;

  /** Every status, with 0 for none. */
  @ApiProperty({ ...COUNTS, example: { 'in-review': 3 } })
  byStatus: Record<ConsultationStatus, number>;

  /** Every kind, with 0 for none. */
  @ApiProperty({ ...COUNTS, example: { 'fms-case': 2 } })
  byKind: Record<ConsultationKind, number>;

  /** Every precedence, with 0 for none. */
  @ApiProperty({ ...COUNTS, example: { FLASH: 1 } })
  byPrecedence: Record<Precedence, number>;

  /** Open consultations (in review, escalated, or in congressional review). */
  @ApiProperty({ type: 'integer' })
  open: number;

  /** Consultations with a review past its deadline. */
  @ApiProperty({ type: 'integer' })
  overdue: number;

  /** Consultations with an escalation not yet resolved. */
  @ApiProperty({ type: 'integer' })
  escalated: number;

  /** The 10 unfired clocks (reminders excepted) closest to running out, soonest first. */
  closestClocks: UpcomingClockDto[];
}

/** Every value of a vocabulary, with the count found (0 when none). */
export function fillCounts<K extends string>(
  keys: readonly K[],
  found: Record<string, number>,
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, found[k] ?? 0])) as Record<K, number>;
}
