import type { NotificationGroup } from './congressional-notification.data';
import type { EffectiveDated } from './effective-dated';
import type { Agency, ConsultationKind } from './vocabulary';

/** Facts about a consultation that decide who must clear it. */
export interface ClearanceFlags {
  /** A first release of a capability or technology to this destination. */
  readonly firstRelease?: boolean;
}

/** When an agency must clear, as data. */
export type ClearanceCondition =
  | { readonly type: 'always' }
  | { readonly type: 'never' }
  /** The recipient is outside the group (an unknown recipient counts as outside). */
  | { readonly type: 'recipient-outside-group'; readonly group: NotificationGroup }
  /** The whole sale (all three value portions) is at or above `usd`; unknown value counts as above. */
  | { readonly type: 'total-value-at-least'; readonly usd: number }
  | { readonly type: 'flag'; readonly flag: keyof ClearanceFlags }
  | { readonly type: 'any-of'; readonly conditions: readonly ClearanceCondition[] };

export interface ClearanceRule {
  readonly kind: ConsultationKind;
  readonly agency: Exclude<Agency, 'state-pm'>;
  readonly when: ClearanceCondition;
  /** Why this agency clears: what it brings to this kind of matter. */
  readonly reason: string;
}

const ALWAYS = { type: 'always' } as const;

/**
 * Who clears what. One row per kind and agency; to change one agency's rule,
 * add a row for that kind and agency with a later `effectiveFrom` (a `never`
 * row takes an agency off). State/PM is the action agency and never a clearer.
 *
 * 2000-01-01 is the project's baseline: the matrix is the bus's configuration,
 * drawn from the partners' roles in DOMAIN.md, not a date from a source.
 */
export const CLEARANCE_RULES: readonly EffectiveDated<ClearanceRule>[] = [
  // Foreign Military Sales (PM/DS)
  {
    effectiveFrom: '2000-01-01',
    kind: 'fms-case',
    agency: 'dod',
    when: ALWAYS,
    reason: 'DSCA implements the case; DoD reviews releasability and sets security requirements',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'fms-case',
    agency: 'nsc',
    when: ALWAYS,
    reason: 'policy coordination of every government-to-government sale',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'fms-case',
    agency: 'treasury',
    when: ALWAYS,
    reason: 'OFAC screens every party to the transaction',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'fms-case',
    agency: 'cia',
    when: {
      type: 'any-of',
      conditions: [
        { type: 'recipient-outside-group', group: 'nato-plus-5' },
        { type: 'total-value-at-least', usd: 100_000_000 },
      ],
    },
    reason:
      'an intelligence assessment of diversion and end-use risk for any recipient outside ' +
      'NATO+5, and for any sale of $100M or more (the NATO+5 articles-and-services line) wherever it goes',
  },
  // Security cooperation (PM/M)
  {
    effectiveFrom: '2000-01-01',
    kind: 'security-cooperation',
    agency: 'dod',
    when: ALWAYS,
    reason: 'DoD runs the training, education and exercises',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'security-cooperation',
    agency: 'nsc',
    when: ALWAYS,
    reason: 'policy coordination of the partnership',
  },
  // Nonproliferation (PM/NP)
  {
    effectiveFrom: '2000-01-01',
    kind: 'nonproliferation',
    agency: 'dod',
    when: ALWAYS,
    reason: 'technical review of the items and programs of concern',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'nonproliferation',
    agency: 'nsc',
    when: ALWAYS,
    reason: 'policy coordination',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'nonproliferation',
    agency: 'cia',
    when: ALWAYS,
    reason: 'intelligence on proliferation networks and programs',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'nonproliferation',
    agency: 'treasury',
    when: ALWAYS,
    reason: 'sanctions and export-control enforcement against proliferators',
  },
  // Arms control (PM/CAT)
  {
    effectiveFrom: '2000-01-01',
    kind: 'arms-control',
    agency: 'dod',
    when: ALWAYS,
    reason: 'military implications of the agreement and its verification',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'arms-control',
    agency: 'nsc',
    when: ALWAYS,
    reason: 'policy coordination of negotiating positions',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'arms-control',
    agency: 'cia',
    when: ALWAYS,
    reason: 'compliance and verification intelligence',
  },
  // Regional security (PM/RA)
  {
    effectiveFrom: '2000-01-01',
    kind: 'regional-security',
    agency: 'dod',
    when: ALWAYS,
    reason: 'posture and operations in the region',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'regional-security',
    agency: 'nsc',
    when: ALWAYS,
    reason: 'policy coordination',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'regional-security',
    agency: 'cia',
    when: ALWAYS,
    reason: 'threat assessment for the region',
  },
  // Defense technology transfer (PM/DDTC)
  {
    effectiveFrom: '2000-01-01',
    kind: 'technology-transfer',
    agency: 'dod',
    when: ALWAYS,
    reason: 'DTSA technical and releasability review',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'technology-transfer',
    agency: 'treasury',
    when: ALWAYS,
    reason: 'OFAC screening and export-control enforcement',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'technology-transfer',
    agency: 'cia',
    when: ALWAYS,
    reason: 'diversion and end-user intelligence',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'technology-transfer',
    agency: 'nsc',
    when: {
      type: 'any-of',
      conditions: [
        { type: 'flag', flag: 'firstRelease' },
        { type: 'recipient-outside-group', group: 'nato-plus-5' },
      ],
    },
    reason:
      'policy coordination when a capability is released for the first time, or goes outside NATO+5',
  },
];
