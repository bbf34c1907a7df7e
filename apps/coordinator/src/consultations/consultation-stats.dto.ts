/** The figures over every consultation, and the clocks closest to running out. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, Agency, ConsultationKind, ConsultationStatus, Precedence } from '@icb/contracts';
import type { ClockRecord } from './consultation.model';
import type { UpcomingClock } from './consultation-view.query';
import { ISO, UUID, CLOCK_RECORD_KINDS } from './consultation-dto.vocabulary';

export class UpcomingClockDto {
  @ApiProperty(UUID)
  consultationId: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({
    enum: AGENCIES,
    nullable: true,
    description: 'The agency the clock runs for, if any.',
  })
  agency: Agency | null;

  @ApiProperty({ enum: CLOCK_RECORD_KINDS, description: 'What runs out.' })
  kind: ClockRecord['kind'];

  @ApiProperty(ISO)
  dueAt: string;

  @ApiProperty({ type: String, description: "The consultation's banner marking." })
  classification: string;

  @ApiPropertyOptional({ type: Boolean, description: 'True when the title is withheld.' })
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
  @ApiProperty({ ...ISO, description: 'The time the figures were computed at.' })
  asOf: string;

  @ApiProperty({
    ...COUNTS,
    description: 'Every status, with 0 for none.',
    example: { 'in-review': 3 },
  })
  byStatus: Record<ConsultationStatus, number>;

  @ApiProperty({
    ...COUNTS,
    description: 'Every kind, with 0 for none.',
    example: { 'fms-case': 2 },
  })
  byKind: Record<ConsultationKind, number>;

  @ApiProperty({
    ...COUNTS,
    description: 'Every precedence, with 0 for none.',
    example: { FLASH: 1 },
  })
  byPrecedence: Record<Precedence, number>;

  @ApiProperty({
    type: 'integer',
    description: 'Open consultations (in review, escalated, or in congressional review).',
  })
  open: number;

  @ApiProperty({ type: 'integer', description: 'Consultations with a review past its deadline.' })
  overdue: number;

  @ApiProperty({
    type: 'integer',
    description: 'Consultations with an escalation not yet resolved.',
  })
  escalated: number;

  @ApiProperty({
    type: () => [UpcomingClockDto],
    description:
      'The 10 unfired clocks (reminders excepted) closest to running out, soonest first.',
  })
  closestClocks: UpcomingClockDto[];
}

/** Every value of a vocabulary, with the count found (0 when none). */
export function fillCounts<K extends string>(
  keys: readonly K[],
  found: Record<string, number>,
): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, found[k] ?? 0])) as Record<K, number>;
}
