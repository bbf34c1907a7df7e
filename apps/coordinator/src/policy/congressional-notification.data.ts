import type { EffectiveDated } from './effective-dated';
import {
  type CountryCode,
  NATO_ORGANIZATION,
  type Recipient,
  type ValueCategory,
} from './vocabulary';

/**
 * AECA §36(b) (22 U.S.C. 2776(b)) data: who is in the favoured group, the
 * thresholds of each group and the formal review period. Sources: CRS RL31675
 * (Arms Sales: Congressional Review Process), DSCA Policy 08-40, SAMM C5.
 */

/** The two groups of §36(b). 'nato-plus-5': NATO members, NATO, Japan, Australia, South Korea, Israel, New Zealand. */
export type NotificationGroup = 'nato-plus-5' | 'other';

export interface GroupThresholds {
  /** Whole US dollars; a sale at or above any one of them needs formal notification. */
  readonly thresholds: Readonly<Record<ValueCategory, number>>;
  /** Calendar days of the formal review period. */
  readonly reviewPeriodDays: number;
}

export interface NotificationThresholdTable {
  readonly groups: Readonly<Record<NotificationGroup, GroupThresholds>>;
  readonly source: string;
}

/**
 * The table starts when NATO, Japan, Australia and New Zealand got their own,
 * higher thresholds (Security Assistance Act of 2002, P.L. 107-228, Sept. 30,
 * 2002). Earlier sales are not modelled: asking about them is an error, not a
 * silent answer. A bill raising the thresholds becomes a new row.
 */
export const NOTIFICATION_THRESHOLDS: readonly EffectiveDated<NotificationThresholdTable>[] = [
  {
    effectiveFrom: '2002-09-30',
    source: 'AECA §36(b)(1), as amended by P.L. 107-228 (2002); CRS RL31675',
    groups: {
      'nato-plus-5': {
        thresholds: {
          'major-defense-equipment': 25_000_000,
          'defense-articles-services': 100_000_000,
          'design-construction': 300_000_000,
        },
        reviewPeriodDays: 15,
      },
      other: {
        thresholds: {
          'major-defense-equipment': 14_000_000,
          'defense-articles-services': 50_000_000,
          'design-construction': 200_000_000,
        },
        reviewPeriodDays: 30,
      },
    },
  },
];

export interface NatoMembership {
  readonly country: CountryCode;
  readonly name: string;
}

/**
 * NATO members, each from the day its instrument of accession was deposited
 * (the founders from the Treaty's entry into force). A member is never in the
 * list before it joined: Finland from 2023-04-04, Sweden from 2024-03-07.
 */
export const NATO_MEMBERS: readonly EffectiveDated<NatoMembership>[] = [
  ...(
    [
      ['BEL', 'Belgium'],
      ['CAN', 'Canada'],
      ['DNK', 'Denmark'],
      ['FRA', 'France'],
      ['ISL', 'Iceland'],
      ['ITA', 'Italy'],
      ['LUX', 'Luxembourg'],
      ['NLD', 'Netherlands'],
      ['NOR', 'Norway'],
      ['PRT', 'Portugal'],
      ['GBR', 'United Kingdom'],
      ['USA', 'United States'],
    ] as const
  ).map(([country, name]) => ({ effectiveFrom: '1949-08-24', country, name })),
  { effectiveFrom: '1952-02-18', country: 'GRC', name: 'Greece' },
  { effectiveFrom: '1952-02-18', country: 'TUR', name: 'Türkiye' },
  { effectiveFrom: '1955-05-06', country: 'DEU', name: 'Germany' },
  { effectiveFrom: '1982-05-30', country: 'ESP', name: 'Spain' },
  { effectiveFrom: '1999-03-12', country: 'CZE', name: 'Czechia' },
  { effectiveFrom: '1999-03-12', country: 'HUN', name: 'Hungary' },
  { effectiveFrom: '1999-03-12', country: 'POL', name: 'Poland' },
  { effectiveFrom: '2004-03-29', country: 'BGR', name: 'Bulgaria' },
  { effectiveFrom: '2004-03-29', country: 'EST', name: 'Estonia' },
  { effectiveFrom: '2004-03-29', country: 'LVA', name: 'Latvia' },
  { effectiveFrom: '2004-03-29', country: 'LTU', name: 'Lithuania' },
  { effectiveFrom: '2004-03-29', country: 'ROU', name: 'Romania' },
  { effectiveFrom: '2004-03-29', country: 'SVK', name: 'Slovakia' },
  { effectiveFrom: '2004-03-29', country: 'SVN', name: 'Slovenia' },
  { effectiveFrom: '2009-04-01', country: 'ALB', name: 'Albania' },
  { effectiveFrom: '2009-04-01', country: 'HRV', name: 'Croatia' },
  { effectiveFrom: '2017-06-05', country: 'MNE', name: 'Montenegro' },
  { effectiveFrom: '2020-03-27', country: 'MKD', name: 'North Macedonia' },
  { effectiveFrom: '2023-04-04', country: 'FIN', name: 'Finland' },
  { effectiveFrom: '2024-03-07', country: 'SWE', name: 'Sweden' },
];

export interface GroupMembership {
  readonly recipient: Recipient;
  readonly group: NotificationGroup;
  readonly source: string;
}

/**
 * The favoured group besides NATO's members. Japan, Australia and New Zealand
 * were in it before this table starts; they are modelled from the table's start.
 */
export const NOTIFICATION_GROUP_MEMBERS: readonly EffectiveDated<GroupMembership>[] = [
  {
    effectiveFrom: '2002-09-30',
    recipient: NATO_ORGANIZATION,
    group: 'nato-plus-5',
    source: 'AECA §36(b)(1)',
  },
  { effectiveFrom: '2002-09-30', recipient: 'JPN', group: 'nato-plus-5', source: 'AECA §36(b)(1)' },
  { effectiveFrom: '2002-09-30', recipient: 'AUS', group: 'nato-plus-5', source: 'AECA §36(b)(1)' },
  { effectiveFrom: '2002-09-30', recipient: 'NZL', group: 'nato-plus-5', source: 'AECA §36(b)(1)' },
  {
    // P.L. 110-429 §203 (Naval Vessel Transfer Act of 2008), enacted 2008-10-15;
    // DSCA Policy 08-40. The brief gave 2008-09-30; the statute's date is used.
    effectiveFrom: '2008-10-15',
    recipient: 'KOR',
    group: 'nato-plus-5',
    source: 'P.L. 110-429 §203 (2008); DSCA Policy 08-40',
  },
  {
    // Security Cooperation Act of 2010, P.L. 111-266 §301, enacted 2010-10-08,
    // inserted Israel beside New Zealand in the AECA. To verify against
    // 22 U.S.C. 2776 notes; until then Israel counts as 'other' before it, which
    // errs towards notifying.
    effectiveFrom: '2010-10-08',
    recipient: 'ISR',
    group: 'nato-plus-5',
    source: 'P.L. 111-266 §301 (2010)',
  },
];
