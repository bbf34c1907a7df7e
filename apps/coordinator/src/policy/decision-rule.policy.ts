import { type Instant, MS_PER_DAY, endOfCalendarPeriod, toDate } from './calendar';
import { DECISION_RULES, type DecisionRule, type KindDecisionRule } from './decision-rule.data';
import { type EffectiveDated, selectEffective } from './effective-dated';
import type { Agency, ConsultationKind, SignOffDecision } from './vocabulary';

export type { DecisionRule, KindDecisionRule } from './decision-rule.data';

/** A condition imposed by a concurring agency; carried, never dropped silently. */
export interface ImposedCondition {
  readonly id: string;
  readonly text: string;
}

/** One agency's answer on the revision being evaluated. */
export interface SignOff {
  readonly agency: Agency;
  readonly decision: SignOffDecision;
  readonly conditions?: readonly ImposedCondition[];
}

export type DecisionState = 'pending' | 'cleared' | 'non-concurrence';

export interface Evaluation {
  readonly state: DecisionState;
  /** Clearers that have not answered (and were not excused). */
  readonly pendingAgencies: readonly Agency[];
  /** Named holders whose open review stops the adjudication clock. */
  readonly blockingHolders: readonly Agency[];
  readonly nonConcurring: readonly Agency[];
  /** Conditions of every concur-with-conditions, carried into the decision. */
  readonly conditions: readonly { readonly agency: Agency; readonly condition: ImposedCondition }[];
}

export interface EvaluationOptions {
  /**
   * Delaying clearers the action office decided to proceed without after their
   * deadline (2 FAM 1211): no longer pending. Record that as its own event.
   */
  readonly excused?: readonly Agency[];
}

/** The decision rule for a kind of consultation on `asOf`. */
export function decisionRuleFor(
  kind: ConsultationKind,
  asOf: Instant,
  rules: readonly EffectiveDated<KindDecisionRule>[] = DECISION_RULES,
): EffectiveDated<KindDecisionRule> {
  return selectEffective(
    rules.filter((row) => row.kind === kind),
    asOf,
    `decision rule for ${kind}`,
  );
}

/**
 * Where the clearers' answers stand under `rule`. Only sign-offs of clearers
 * count (pass those of the current revision only). 'no-equity' counts as not
 * objecting; 'concur-with-conditions' counts as concurring and its conditions
 * are carried; 'non-concur' objects.
 *
 * - unanimity and blocking-holders: any non-concurrence → 'non-concurrence';
 *   everyone answered otherwise → 'cleared'; else 'pending'.
 * - n-of-m: 'cleared' once n clearers did not object (even with a dissent on
 *   record); 'non-concurrence' once n can no longer be reached.
 */
export function evaluate(
  rule: DecisionRule,
  signOffs: readonly SignOff[],
  clearers: readonly Agency[],
  options: EvaluationOptions = {},
): Evaluation {
  const excused = options.excused ?? [];
  const answers = new Map<Agency, SignOff>();
  for (const signOff of signOffs) {
    if (clearers.includes(signOff.agency)) answers.set(signOff.agency, signOff);
  }
  const nonConcurring = clearers.filter((a) => answers.get(a)?.decision === 'non-concur');
  const notObjecting = clearers.filter((a) => {
    const decision = answers.get(a)?.decision;
    return decision !== undefined && decision !== 'non-concur';
  });
  const pendingAgencies = clearers.filter((a) => !answers.has(a) && !excused.includes(a));
  const conditions = clearers.flatMap((agency) => {
    const answer = answers.get(agency);
    return answer?.decision === 'concur-with-conditions'
      ? (answer.conditions ?? []).map((condition) => ({ agency, condition }))
      : [];
  });

  let state: DecisionState;
  let blockingHolders: Agency[] = [];
  switch (rule.type) {
    case 'unanimity':
      state = unanimous(nonConcurring, pendingAgencies);
      break;
    case 'blocking-holders':
      state = unanimous(nonConcurring, pendingAgencies);
      blockingHolders = rule.holders.filter((holder) => pendingAgencies.includes(holder));
      break;
    case 'n-of-m': {
      if (!Number.isInteger(rule.n) || rule.n < 1) {
        throw new RangeError(`an n-of-m rule needs a positive whole n: ${rule.n}`);
      }
      const n = Math.min(rule.n, clearers.length);
      const reachable = clearers.length - nonConcurring.length;
      state = notObjecting.length >= n ? 'cleared' : reachable < n ? 'non-concurrence' : 'pending';
      break;
    }
  }
  return { state, pendingAgencies, blockingHolders, nonConcurring, conditions };
}

function unanimous(nonConcurring: readonly Agency[], pending: readonly Agency[]): DecisionState {
  if (nonConcurring.length > 0) return 'non-concurrence';
  return pending.length === 0 ? 'cleared' : 'pending';
}

/** A span during which a blocking holder's review was open; `to` absent while still open. */
export interface HolderReview {
  readonly from: Instant;
  readonly to?: Instant;
}

/**
 * When the adjudicator of a blocking-holders rule must decide (NSPD-56: 60
 * days), or undefined while a holder's review is still open: the clock stands
 * still then. Each span of open holder review pushes the deadline back by the
 * calendar days it lasted, counted in whole days, rounded up.
 */
export function adjudicationDueAt(
  rule: Extract<DecisionRule, { type: 'blocking-holders' }>,
  receivedAt: Instant,
  holderReviews: readonly HolderReview[],
): Date | undefined {
  if (holderReviews.some((review) => review.to === undefined)) return undefined;
  const stoppedDays = holderReviews.reduce((days, review) => {
    const ms = toDate(review.to as Instant).getTime() - toDate(review.from).getTime();
    return days + Math.max(0, Math.ceil(ms / MS_PER_DAY));
  }, 0);
  return endOfCalendarPeriod(receivedAt, rule.adjudicationDays + stoppedDays);
}
