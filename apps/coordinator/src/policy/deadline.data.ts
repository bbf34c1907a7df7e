import type { EffectiveDated } from './effective-dated';
import type { ConsultationKind, Precedence } from './vocabulary';

export interface ReviewPeriod {
  readonly kind: ConsultationKind;
  /** Calendar days a clearer has to answer, by the precedence of the request. */
  readonly days: Readonly<Record<Precedence, number>>;
  readonly source: string;
}

/**
 * Review periods in calendar days. The export-license referral period is 30
 * days whatever the precedence: precedence can ask for a faster answer, but the
 * period after which an agency is deemed to concur is the statute's. The other
 * periods are the bus's configuration (baseline 2000-01-01), not law.
 */
export const REVIEW_PERIODS: readonly EffectiveDated<ReviewPeriod>[] = [
  {
    effectiveFrom: '2000-01-01',
    kind: 'fms-case',
    days: { FLASH: 2, IMMEDIATE: 5, PRIORITY: 14, ROUTINE: 30 },
    source: 'bus configuration',
  },
  ...(
    ['security-cooperation', 'nonproliferation', 'arms-control', 'regional-security'] as const
  ).map((kind) => ({
    effectiveFrom: '2000-01-01',
    kind,
    days: { FLASH: 1, IMMEDIATE: 3, PRIORITY: 7, ROUTINE: 14 },
    source: 'bus configuration',
  })),
  {
    effectiveFrom: '1979-09-29',
    kind: 'technology-transfer',
    days: { FLASH: 30, IMMEDIATE: 30, PRIORITY: 30, ROUTINE: 30 },
    source: 'Export Administration Act of 1979 §10(e); EO 12981 (referral period)',
  },
];

export interface AcknowledgementObjectives {
  /** Minutes to acknowledge receipt, by precedence. */
  readonly minutes: Readonly<Record<Precedence, number>>;
  /** Whether a missed acknowledgement escalates the matter (else it is reported overdue). */
  readonly missedEscalates: Readonly<Record<Precedence, boolean>>;
  readonly source: string;
}

/**
 * Handling objectives of cable precedence, used as acknowledgement deadlines.
 * ROUTINE's "next business day when late" is not modelled: six hours flat.
 *
 * A missed acknowledgement escalates (DOMAIN: "a missed acknowledgement
 * escalates") where receipt is what the precedence demands: FLASH ("receipt
 * must be acknowledged") and IMMEDIATE (act at any hour). A PRIORITY or
 * ROUTINE request not acknowledged within its handling objective is reported
 * overdue to the agency and the operators; its review deadline, days away,
 * is what escalates it. Bus configuration, effective-dated like the rest.
 */
export const ACKNOWLEDGEMENT_OBJECTIVES: readonly EffectiveDated<AcknowledgementObjectives>[] = [
  {
    effectiveFrom: '2000-01-01',
    minutes: { FLASH: 10, IMMEDIATE: 30, PRIORITY: 180, ROUTINE: 360 },
    missedEscalates: { FLASH: true, IMMEDIATE: true, PRIORITY: false, ROUTINE: false },
    source: '5 FAH-2 H-420 (precedence)',
  },
];

export interface ReminderSchedule {
  /** Hours before a deadline at which a reminder goes out, any order. */
  readonly hoursBefore: readonly number[];
}

/** Reminders before a review deadline (bus configuration). */
export const REMINDER_SCHEDULES: readonly EffectiveDated<ReminderSchedule>[] = [
  { effectiveFrom: '2000-01-01', hoursBefore: [72, 24] },
];
