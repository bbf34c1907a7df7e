import { type Instant, addHours, addMinutes, endOfCalendarPeriod, toDate } from './calendar';
import {
  ACKNOWLEDGEMENT_OBJECTIVES,
  REMINDER_SCHEDULES,
  REVIEW_PERIODS,
  type ReviewPeriod,
} from './deadline.data';
import { type EffectiveDated, selectEffective } from './effective-dated';
import type { ConsultationKind, Precedence } from './vocabulary';

/** The review period row for `kind` on `asOf`. */
export function reviewPeriodFor(
  kind: ConsultationKind,
  asOf: Instant,
): EffectiveDated<ReviewPeriod> {
  return selectEffective(
    REVIEW_PERIODS.filter((row) => row.kind === kind),
    asOf,
    `review period for ${kind}`,
  );
}

/**
 * When clearers' answers are due: `days` calendar days after the day of the
 * request, at the end of that day (23:59:59.999 UTC). The table is the one in
 * effect on `asOf` (normally the day of the request).
 */
export function reviewDueAt(
  kind: ConsultationKind,
  precedence: Precedence,
  requestedAt: Instant,
  asOf: Instant,
): Date {
  return endOfCalendarPeriod(requestedAt, reviewPeriodFor(kind, asOf).days[precedence]);
}

function acknowledgementObjectives(asOf: Instant) {
  return selectEffective(ACKNOWLEDGEMENT_OBJECTIVES, asOf, 'precedence handling objectives');
}

/** When receipt must be acknowledged: the precedence's handling objective after the request. */
export function acknowledgeBy(precedence: Precedence, requestedAt: Instant): Date {
  return addMinutes(requestedAt, acknowledgementObjectives(requestedAt).minutes[precedence]);
}

/**
 * Whether a request of `precedence` not acknowledged in time escalates the
 * matter (the table in effect on the day of the request), and the table's source.
 */
export function missedAcknowledgementEscalates(
  precedence: Precedence,
  requestedAt: Instant,
): { escalates: boolean; source: string } {
  const objectives = acknowledgementObjectives(requestedAt);
  return { escalates: objectives.missedEscalates[precedence], source: objectives.source };
}

/**
 * When to remind the clearers of `dueAt`: the schedule's hours before it,
 * earliest first, leaving out any that would fall at or before `notBefore`
 * (the request itself, so a FLASH review is not reminded in the past).
 */
export function reminderTimes(dueAt: Instant, notBefore: Instant, asOf: Instant): Date[] {
  const schedule = selectEffective(REMINDER_SCHEDULES, asOf, 'reminder schedule');
  const floor = toDate(notBefore, 'notBefore').getTime();
  return [...new Set(schedule.hoursBefore)]
    .map((hours) => addHours(dueAt, -hours))
    .filter((at) => at.getTime() > floor)
    .sort((a, b) => a.getTime() - b.getTime());
}
