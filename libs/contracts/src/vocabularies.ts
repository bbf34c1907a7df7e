/**
 * Closed vocabularies of the wire contract, as `const` arrays (for validation,
 * JSON Schema enums and iteration) with their union types.
 *
 * Thresholds, periods, ladders' members and deadlines are effective-dated policy
 * data kept by the coordinator; only the names live here.
 */

export const CONSULTATION_KINDS = [
  'fms-case',
  'security-cooperation',
  'nonproliferation',
  'arms-control',
  'regional-security',
  'technology-transfer',
] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const SIGN_OFF_DECISIONS = [
  'concur',
  'concur-with-conditions',
  'non-concur',
  'no-equity',
] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];

export const CONSULTATION_STATUSES = [
  'in-review',
  'escalated',
  'approved',
  'denied',
  'congressional-review',
  'cleared-for-offer',
  'disapproved',
  'withdrawn',
] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The value columns of an AECA §36(b) notification threshold. */
export const VALUE_CATEGORIES = [
  'major-defense-equipment',
  'defense-articles-services',
  'design-construction',
] as const;
export type ValueCategory = (typeof VALUE_CATEGORIES)[number];

/** Escalation ladders and their levels, lowest first. Members, chairs and deadlines are policy data. */
export const ESCALATION_LADDERS = {
  nsc: ['pcc', 'deputies', 'principals', 'nsc'],
  licensing: ['operating-committee', 'acep', 'earb', 'president'],
} as const;
export type EscalationLadder = keyof typeof ESCALATION_LADDERS;
export type EscalationLevel = (typeof ESCALATION_LADDERS)[EscalationLadder][number];
export type EscalationLevelOf<L extends EscalationLadder> = (typeof ESCALATION_LADDERS)[L][number];
export const ESCALATION_LADDER_NAMES = Object.keys(ESCALATION_LADDERS) as EscalationLadder[];
export const ESCALATION_LEVELS: readonly EscalationLevel[] = ESCALATION_LADDER_NAMES.flatMap(
  (l) => ESCALATION_LADDERS[l],
);

export function isLevelOfLadder(ladder: EscalationLadder, level: string): boolean {
  return (ESCALATION_LADDERS[ladder] as readonly string[]).includes(level);
}

export const ESCALATION_CAUSES = [
  'non-concur',
  'missed-deadline',
  'missed-acknowledgement',
  'referral',
] as const;
export type EscalationCause = (typeof ESCALATION_CAUSES)[number];

/** What the chair of a level decides. */
export const ESCALATION_OUTCOMES = ['approve', 'deny', 'refer-up', 'remand'] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

/** A party's role in a transaction; every one of them is screened. */
export const PARTY_ROLES = ['end-user', 'consignee', 'intermediary', 'owner', 'purchaser'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const CONDITION_CATEGORIES = [
  'security',
  'technology-security',
  'end-use-monitoring',
  'retransfer',
  'reporting',
  'other',
] as const;
export type ConditionCategory = (typeof CONDITION_CATEGORIES)[number];

export const CONSULTATION_OUTCOMES = ['approved', 'denied'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

export const DECISION_BASES = [
  'unanimous-concurrence',
  'deemed-concurrence',
  'escalation',
  'proceeded-without-clearance',
] as const;
export type DecisionBasis = (typeof DECISION_BASES)[number];

/** The clocks the coordinator runs. */
export const CLOCK_KINDS = [
  'acknowledgement',
  'review',
  'escalation',
  'condition-removal',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const SCREENING_RESULTS = ['clear', 'hit'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** Why a party matched: listed itself, or owned 50% or more by blocked persons (OFAC 50 Percent Rule). */
export const MATCH_BASES = ['direct', 'ownership-50'] as const;
export type MatchBasis = (typeof MATCH_BASES)[number];

export const CONGRESS_COMMITTEES = ['SFRC', 'HFAC'] as const;
export type CongressCommittee = (typeof CONGRESS_COMMITTEES)[number];

/** Calendar days of a §36(b) review period, as stated by the sender. */
export const REVIEW_PERIOD_DAYS = [15, 30] as const;
export type ReviewPeriodDays = (typeof REVIEW_PERIOD_DAYS)[number];

export const OFFER_CLEARANCE_BASES = [
  'review-period-ended',
  'emergency-waiver',
  'below-threshold',
] as const;
export type OfferClearanceBasis = (typeof OFFER_CLEARANCE_BASES)[number];
