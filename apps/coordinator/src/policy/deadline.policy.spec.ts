import { acknowledgeBy, reminderTimes, reviewDueAt } from './deadline.policy';
import { NoEffectivePolicyError } from './effective-dated';
import type { ConsultationKind, Precedence } from './vocabulary';

describe('review deadlines in calendar days', () => {
  it.each<[ConsultationKind, Precedence, string, string, string]>([
    [
      'technology-transfer',
      'ROUTINE',
      '2025-01-31T15:00:00Z',
      '2025-03-02',
      'a deadline 30 calendar days after Jan 31 falls on Mar 2 in a non-leap year',
    ],
    [
      'technology-transfer',
      'ROUTINE',
      '2024-01-31T15:00:00Z',
      '2024-03-01',
      'and on Mar 1 in a leap year',
    ],
    [
      'technology-transfer',
      'FLASH',
      '2025-01-31T15:00:00Z',
      '2025-03-02',
      'an export-license referral is 30 days whatever the precedence',
    ],
    [
      'fms-case',
      'ROUTINE',
      '2025-04-30T08:00:00Z',
      '2025-05-30',
      'an FMS review crosses a 30-day month end',
    ],
    [
      'fms-case',
      'PRIORITY',
      '2024-02-20T08:00:00Z',
      '2024-03-05',
      'a PRIORITY FMS review (14 days) counts Feb 29',
    ],
    [
      'fms-case',
      'FLASH',
      '2025-12-31T23:00:00Z',
      '2026-01-02',
      'a FLASH FMS review (2 days) crosses the year end',
    ],
    [
      'arms-control',
      'ROUTINE',
      '2025-02-20T08:00:00Z',
      '2025-03-06',
      'a ROUTINE arms-control review is 14 days',
    ],
    [
      'regional-security',
      'IMMEDIATE',
      '2025-03-07T08:00:00Z',
      '2025-03-10',
      'an IMMEDIATE review is 3 days, weekends included',
    ],
    [
      'nonproliferation',
      'FLASH',
      '2025-03-09T01:00:00Z',
      '2025-03-10',
      'a FLASH review is 1 day, no DST shift in UTC',
    ],
  ])('%s %s requested %s is due by the end of %s (%s)', (kind, precedence, requestedAt, day) => {
    expect(reviewDueAt(kind, precedence, requestedAt, requestedAt).toISOString()).toBe(
      `${day}T23:59:59.999Z`,
    );
  });

  it('a date before any review-period table is an error', () => {
    expect(() => reviewDueAt('fms-case', 'ROUTINE', '1999-01-01', '1999-01-01')).toThrow(
      NoEffectivePolicyError,
    );
  });
});

describe('acknowledgement deadlines by precedence', () => {
  it.each([
    ['FLASH', '2025-06-01T12:10:00.000Z'],
    ['IMMEDIATE', '2025-06-01T12:30:00.000Z'],
    ['PRIORITY', '2025-06-01T15:00:00.000Z'],
    ['ROUTINE', '2025-06-01T18:00:00.000Z'],
  ] as const)('a %s request made at 12:00Z must be acknowledged by %s', (precedence, by) => {
    expect(acknowledgeBy(precedence, '2025-06-01T12:00:00Z').toISOString()).toBe(by);
  });

  it('a ROUTINE request late in the day is due across midnight', () => {
    expect(acknowledgeBy('ROUTINE', '2025-06-30T22:00:00Z').toISOString()).toBe(
      '2025-07-01T04:00:00.000Z',
    );
  });
});

describe('reminders before a deadline', () => {
  const due = '2025-03-02T23:59:59.999Z';

  it('reminds 72 h and 24 h before the deadline, earliest first', () => {
    expect(
      reminderTimes(due, '2025-01-31T15:00:00Z', '2025-01-31').map((d) => d.toISOString()),
    ).toEqual(['2025-02-27T23:59:59.999Z', '2025-03-01T23:59:59.999Z']);
  });

  it('leaves out a reminder that would fall before the request', () => {
    expect(
      reminderTimes(due, '2025-02-28T12:00:00Z', '2025-02-28').map((d) => d.toISOString()),
    ).toEqual(['2025-03-01T23:59:59.999Z']);
  });

  it('a review shorter than a day gets no reminder', () => {
    expect(reminderTimes(due, '2025-03-02T08:00:00Z', '2025-03-02')).toEqual([]);
  });
});
