import { CLEARANCE_RULES } from './clearance.data';
import {
  NATO_MEMBERS,
  NOTIFICATION_GROUP_MEMBERS,
  NOTIFICATION_THRESHOLDS,
} from './congressional-notification.data';
import { ACKNOWLEDGEMENT_OBJECTIVES, REMINDER_SCHEDULES, REVIEW_PERIODS } from './deadline.data';
import { DECISION_RULES } from './decision-rule.data';
import {
  DEEMED_CONCURRENCE_RULES,
  PROCEED_WITHOUT_CLEARANCE_RULES,
} from './deemed-concurrence.data';
import {
  AmbiguousEffectivePolicyError,
  type EffectiveDated,
  NoEffectivePolicyError,
  isInEffect,
  selectEffective,
  tableProblems,
} from './effective-dated';
import { ESCALATION_LADDERS_DATA, LADDER_ASSIGNMENTS } from './escalation.data';
import { OFFICE_DIRECTORY } from './office-directory.data';

type Row = EffectiveDated<{ value: string }>;

const rows: Row[] = [
  { effectiveFrom: '2000-01-01', value: 'standing' },
  { effectiveFrom: '2010-06-01', effectiveTo: '2010-12-31', value: 'temporary' },
  { effectiveFrom: '2020-01-01', value: 'amended' },
];

describe('selectEffective', () => {
  it.each([
    ['2000-01-01', 'standing', 'a row applies from the first instant of its effectiveFrom day'],
    ['2010-05-31T23:59:59.999Z', 'standing', 'a later row does not apply before it starts'],
    ['2010-06-01', 'temporary', 'the latest row in effect wins'],
    ['2010-12-31T23:59:59Z', 'temporary', 'effectiveTo is the last day the row applies'],
    ['2011-01-01', 'standing', 'after a temporary row ends the standing row applies again'],
    ['2024-07-04', 'amended', 'a row without effectiveTo applies indefinitely'],
  ])('on %s the %s row applies (%s)', (asOf, value) => {
    expect(selectEffective(rows, asOf).value).toBe(value);
  });

  it('accepts a Date as well as an ISO string', () => {
    expect(selectEffective(rows, new Date(Date.UTC(2010, 6, 1))).value).toBe('temporary');
  });

  it('throws a clear error naming the policy and the date when no row applies', () => {
    expect(() => selectEffective(rows, '1999-12-31', 'review period for fms-case')).toThrow(
      new NoEffectivePolicyError('review period for fms-case', '1999-12-31'),
    );
    expect(() => selectEffective(rows, '1999-12-31', 'x')).toThrow(
      'no x is in effect on 1999-12-31',
    );
  });

  it('refuses a table with two rows starting the same day', () => {
    const twins: Row[] = [
      { effectiveFrom: '2000-01-01', value: 'a' },
      { effectiveFrom: '2000-01-01', value: 'b' },
    ];
    expect(() => selectEffective(twins, '2001-01-01')).toThrow(AmbiguousEffectivePolicyError);
  });

  it('isInEffect reads asOf as a UTC calendar day', () => {
    expect(isInEffect({ effectiveFrom: '2024-03-07' }, '2024-03-06T23:59:59Z')).toBe(false);
    expect(isInEffect({ effectiveFrom: '2024-03-07' }, '2024-03-07T00:00:00Z')).toBe(true);
  });
});

describe('policy tables', () => {
  it.each([
    ['office directory', OFFICE_DIRECTORY],
    ['clearance rules', CLEARANCE_RULES],
    ['§36(b) thresholds', NOTIFICATION_THRESHOLDS],
    ['NATO members', NATO_MEMBERS],
    ['§36(b) group members', NOTIFICATION_GROUP_MEMBERS],
    ['review periods', REVIEW_PERIODS],
    ['acknowledgement objectives', ACKNOWLEDGEMENT_OBJECTIVES],
    ['reminder schedules', REMINDER_SCHEDULES],
    ['decision rules', DECISION_RULES],
    ['deemed concurrence rules', DEEMED_CONCURRENCE_RULES],
    ['proceed-without-clearance rules', PROCEED_WITHOUT_CLEARANCE_RULES],
    ['escalation ladders', ESCALATION_LADDERS_DATA],
    ['ladder assignments', LADDER_ASSIGNMENTS],
  ])('every row of the %s has real dates and ends after it starts', (_name, table) => {
    expect(tableProblems(table)).toEqual([]);
  });

  it('reports a row that ends before it starts or has an impossible date', () => {
    expect(
      tableProblems([
        { effectiveFrom: '2020-01-01', effectiveTo: '2019-12-31' },
        { effectiveFrom: '2020-02-30' },
      ]),
    ).toHaveLength(2);
  });
});
