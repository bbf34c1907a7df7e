import type { EffectiveDated } from './effective-dated';
import type { ConsultationKind } from './vocabulary';

export interface DeemedConcurrenceRule {
  readonly ruleId: string;
  readonly kinds: readonly ConsultationKind[];
  /** Calendar days a referred agency has to answer. */
  readonly periodDays: number;
  /** Calendar days one extension adds to the deadline. */
  readonly extensionDays: number;
  readonly maxExtensions: number;
  readonly source: string;
  /** What the rule says, in our words, for the audit record. */
  readonly text: string;
}

/**
 * Kinds whose silent clearers are deemed to concur. Only export-license
 * referrals (technology transfer) have it; every other kind waits for an answer
 * or escalates.
 */
export const DEEMED_CONCURRENCE_RULES: readonly EffectiveDated<DeemedConcurrenceRule>[] = [
  {
    effectiveFrom: '1979-09-29',
    ruleId: 'EAA-1979-10E',
    kinds: ['technology-transfer'],
    periodDays: 30,
    extensionDays: 30,
    maxExtensions: 1,
    source: 'Export Administration Act of 1979 §10(e); 15 CFR 750.4',
    text:
      'A department or agency to which a license application is referred that does not ' +
      'give its recommendation within 30 days is deemed to have no objection; it may ask, ' +
      'before the 30 days end, for one extension of 30 days.',
  },
];

export interface ProceedWithoutClearanceRule {
  readonly ruleId: string;
  readonly source: string;
  readonly text: string;
}

/** 2 FAM 1211: the action office may go ahead once a clearing office's deadline has passed. */
export const PROCEED_WITHOUT_CLEARANCE_RULES: readonly EffectiveDated<ProceedWithoutClearanceRule>[] =
  [
    {
      // Project baseline: the FAM provision's own date is not recorded here.
      effectiveFrom: '2000-01-01',
      ruleId: '2-FAM-1211',
      source: '2 FAM 1211 (action and clearance)',
      text:
        'After the deadline given to a clearing office has passed, the action office may ' +
        'present the matter for decision "without the concurrence or dissent of a delaying office".',
    },
  ];
