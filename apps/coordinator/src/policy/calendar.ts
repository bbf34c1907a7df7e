/**
 * Time arithmetic for the policies. Every instant is passed in (nothing here
 * reads the clock) and every computation is in UTC, where a calendar day is
 * always 24 hours: no daylight-saving transitions, no local time zone.
 */

/** A `Date`, or an ISO 8601 string that is unambiguous: a date, or a date-time with `Z` or an offset. */
export type Instant = Date | string;

/** `YYYY-MM-DD`, a UTC calendar date. */
export type IsoDate = string;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A copy of the instant as a `Date`. A string must be a date (`2025-01-31`,
 * read as UTC midnight) or a date-time with a zone: `2025-01-31T10:00` without
 * one would be read in the server's local zone, so it is rejected.
 */
export function toDate(value: Instant, label = 'instant'): Date {
  if (typeof value === 'string' && !ISO_DATE.test(value) && !ISO_INSTANT.test(value)) {
    throw new RangeError(`${label} must be an ISO 8601 date or date-time with a zone: "${value}"`);
  }
  const date = new Date(value instanceof Date ? value.getTime() : value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${label} is not a valid date: "${String(value)}"`);
  }
  if (typeof value === 'string' && ISO_DATE.test(value) && isoDate(date) !== value) {
    // `new Date('2025-02-30')` is invalid in V8, but be explicit about rollover.
    throw new RangeError(`${label} is not a calendar date: "${value}"`);
  }
  return date;
}

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export function isoDate(value: Instant): IsoDate {
  const date = value instanceof Date ? value : toDate(value);
  return date.toISOString().slice(0, 10);
}

export function startOfUtcDay(value: Instant): Date {
  const date = toDate(value);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addMinutes(value: Instant, minutes: number): Date {
  return new Date(toDate(value).getTime() + minutes * MS_PER_MINUTE);
}

export function addHours(value: Instant, hours: number): Date {
  return new Date(toDate(value).getTime() + hours * MS_PER_HOUR);
}

/** The same time of day, `days` calendar days later (UTC days are all 24 h). */
export function addCalendarDays(value: Instant, days: number): Date {
  return new Date(toDate(value).getTime() + days * MS_PER_DAY);
}

/**
 * The last instant of a period of `days` calendar days that starts on the day
 * of `start`. The day of the triggering event is not counted and the period
 * runs to the end (23:59:59.999 UTC) of its last day, the usual way a statute's
 * "within 30 days" is computed. Weekends and holidays count: these are calendar
 * days, never rolled to a business day.
 *
 * A request made any time on Jan 31 with 30 days is due at the end of Mar 2 in
 * a common year and at the end of Mar 1 in a leap year.
 */
export function endOfCalendarPeriod(start: Instant, days: number): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`a period is a whole, non-negative number of days: ${days}`);
  }
  return new Date(startOfUtcDay(start).getTime() + (days + 1) * MS_PER_DAY - 1);
}

/** The earlier of two instants. */
export function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
