import type { EffectiveDated } from './effective-dated';
import type { Agency, ConsultationKind } from './vocabulary';

/** How the clearers' answers combine into a decision. */
export type DecisionRule =
  /** Every clearer answers without objecting. */
  | { readonly type: 'unanimity' }
  /** At least `n` clearers answer without objecting (all of them when fewer than `n` remain). */
  | { readonly type: 'n-of-m'; readonly n: number }
  /**
   * Unanimity, and the adjudicator must decide within `adjudicationDays`, a
   * clock that stands still while any named holder's review is open.
   */
  | {
      readonly type: 'blocking-holders';
      readonly holders: readonly Agency[];
      readonly adjudicator: Agency;
      readonly adjudicationDays: number;
    };

export interface KindDecisionRule {
  readonly kind: ConsultationKind;
  readonly rule: DecisionRule;
  readonly source: string;
}

/**
 * Every kind clears by unanimity of its clearers (2 FAM 1211: clearance means
 * each clearing office agrees), except munitions export licenses: NSPD-56
 * (signed 2008-01-22; DDTC notice 2009) has State adjudicate within 60 days
 * unless, among six exceptions, DoD has not completed its review.
 *
 * 2000-01-01 is the project's baseline for the unanimity rows. No kind uses
 * n-of-m today; the rule exists for processes that vote (see escalation data).
 */
export const DECISION_RULES: readonly EffectiveDated<KindDecisionRule>[] = [
  ...(
    [
      'fms-case',
      'security-cooperation',
      'nonproliferation',
      'arms-control',
      'regional-security',
    ] as const
  ).map((kind) => ({
    effectiveFrom: '2000-01-01',
    kind,
    rule: { type: 'unanimity' } as const,
    source: '2 FAM 1211 (clearance)',
  })),
  {
    effectiveFrom: '2000-01-01',
    effectiveTo: '2008-01-21',
    kind: 'technology-transfer',
    rule: { type: 'unanimity' },
    source: '2 FAM 1211 (clearance)',
  },
  {
    effectiveFrom: '2008-01-22',
    kind: 'technology-transfer',
    rule: {
      type: 'blocking-holders',
      holders: ['dod'],
      adjudicator: 'state-pm',
      adjudicationDays: 60,
    },
    source: 'NSPD-56 review-time policy for munitions licenses (DDTC notice, 2009)',
  },
];
