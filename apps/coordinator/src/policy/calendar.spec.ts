import { addCalendarDays, endOfCalendarPeriod, isoDate, startOfUtcDay, toDate } from './calendar';

describe('calendar arithmetic (UTC, calendar days)', () => {
  it.each([
    ['2025-01-31T15:00:00Z', 30, '2025-03-02', 'Jan 31 + 30 days is Mar 2 in a common year'],
    ['2024-01-31T15:00:00Z', 30, '2024-03-01', 'Jan 31 + 30 days is Mar 1 in a leap year'],
    ['2024-02-28T00:00:00Z', 1, '2024-02-29', 'Feb 28 + 1 day is Feb 29 in a leap year'],
    ['2100-02-28T00:00:00Z', 1, '2100-03-01', '2100 is not a leap year'],
    ['2025-12-17T23:59:59Z', 15, '2026-01-01', 'a period crosses the year end'],
    ['2025-03-08T12:00:00Z', 2, '2025-03-10', 'no DST shift around the US spring change'],
    ['2025-04-30T00:00:00Z', 0, '2025-04-30', 'a zero-day period ends the same day'],
  ])('a period starting %s of %i days ends on %s (%s)', (start, days, last) => {
    const end = endOfCalendarPeriod(start, days);
    expect(isoDate(end)).toBe(last);
    expect(end.toISOString()).toBe(`${last}T23:59:59.999Z`);
  });

  it('adding calendar days keeps the UTC time of day', () => {
    expect(addCalendarDays('2025-03-08T10:30:00Z', 2).toISOString()).toBe(
      '2025-03-10T10:30:00.000Z',
    );
  });

  it('an offset date-time is read in UTC', () => {
    expect(startOfUtcDay('2025-01-01T01:00:00+05:00').toISOString()).toBe(
      '2024-12-31T00:00:00.000Z',
    );
  });

  it.each(['2025-01-31T10:00', 'yesterday', '2025-02-30', '31/01/2025'])(
    'refuses the ambiguous or invalid time %s',
    (value) => {
      expect(() => toDate(value)).toThrow(RangeError);
    },
  );

  it('refuses a negative or fractional period', () => {
    expect(() => endOfCalendarPeriod('2025-01-01', -1)).toThrow(RangeError);
    expect(() => endOfCalendarPeriod('2025-01-01', 1.5)).toThrow(RangeError);
  });
});
