import { type Instant, isoDate } from './calendar';
import {
  CLEARANCE_RULES,
  type ClearanceCondition,
  type ClearanceFlags,
  type ClearanceRule,
} from './clearance.data';
import { type SaleValues, countryGroup, testedAmounts } from './congressional-notification.policy';
import {
  type EffectiveDated,
  NoEffectivePolicyError,
  effectiveRows,
  selectEffective,
} from './effective-dated';
import { type PolicyResult, accept, refuse } from './refusal';
import {
  ACTION_AGENCY,
  AGENCIES,
  type Agency,
  type ConsultationKind,
  type Recipient,
} from './vocabulary';

export type { ClearanceCondition, ClearanceFlags, ClearanceRule } from './clearance.data';

/** What decides who clears: the recipient, the value of the sale, and flags. */
export interface ClearanceAttributes extends ClearanceFlags {
  readonly country?: Recipient;
  readonly values?: SaleValues;
}

export interface RequiredClearer {
  readonly agency: Agency;
  readonly reason: string;
}

function holds(
  condition: ClearanceCondition,
  attributes: ClearanceAttributes,
  asOf: Instant,
): boolean {
  switch (condition.type) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'recipient-outside-group':
      // Not knowing the recipient is treated as the riskier case.
      return (
        attributes.country === undefined ||
        countryGroup(attributes.country, asOf) !== condition.group
      );
    case 'total-value-at-least': {
      if (attributes.values === undefined) return true;
      const tested = testedAmounts(attributes.values);
      const total = tested['defense-articles-services'] + tested['design-construction'];
      return total >= condition.usd;
    }
    case 'flag':
      return attributes[condition.flag] === true;
    case 'any-of':
      return condition.conditions.some((c) => holds(c, attributes, asOf));
  }
}

/**
 * The agencies that must clear a consultation, each with the reason, in the
 * bus's canonical agency order. For each agency the latest rule in effect on
 * `asOf` decides.
 */
export function explainClearers(
  kind: ConsultationKind,
  attributes: ClearanceAttributes,
  asOf: Instant,
  rules: readonly EffectiveDated<ClearanceRule>[] = CLEARANCE_RULES,
): RequiredClearer[] {
  const forKind = rules.filter((rule) => rule.kind === kind);
  if (effectiveRows(forKind, asOf).length === 0) {
    throw new NoEffectivePolicyError(`clearance matrix for ${kind}`, isoDate(asOf));
  }
  const required: RequiredClearer[] = [];
  for (const agency of AGENCIES) {
    const candidates = effectiveRows(
      forKind.filter((rule) => rule.agency === agency),
      asOf,
    );
    if (candidates.length === 0) continue;
    const rule = selectEffective(candidates, asOf, `clearance rule for ${agency} on ${kind}`);
    if (holds(rule.when, attributes, asOf)) required.push({ agency, reason: rule.reason });
  }
  return required;
}

/** The agencies that must clear a consultation of `kind` with these attributes, as of `asOf`. */
export function requiredClearers(
  kind: ConsultationKind,
  attributes: ClearanceAttributes,
  asOf: Instant,
): Agency[] {
  return explainClearers(kind, attributes, asOf).map((clearer) => clearer.agency);
}

export interface ClearanceChange {
  readonly add?: readonly Agency[];
  readonly remove?: readonly Agency[];
}

export type ClearanceChangeRefusalCode =
  | 'NOT_THE_ACTION_OFFICE'
  | 'ACTION_OFFICE_IS_NOT_A_CLEARER'
  | 'NOT_A_CLEARING_PARTY'
  | 'CONFLICTING_CHANGE'
  | 'NO_CLEARERS_LEFT';

export type ClearanceChangeResult = PolicyResult<
  { clearers: Agency[]; added: Agency[]; removed: Agency[] },
  ClearanceChangeRefusalCode
>;

/**
 * Add or remove clearing parties. Only the action office (State/PM) names them
 * (2 FAM 1211-1213); State/PM cannot clear its own matter. Adding an agency that
 * already clears changes nothing; removing one that does not clear is refused,
 * since it usually means the requester is looking at a stale list.
 */
export function applyClearanceChange(
  current: readonly Agency[],
  change: ClearanceChange,
  requestedBy: Agency,
): ClearanceChangeResult {
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])];
  if (requestedBy !== ACTION_AGENCY) {
    return refuse(
      'NOT_THE_ACTION_OFFICE',
      `only the action office (State/PM) may add or remove clearing parties; ${requestedBy} asked to`,
    );
  }
  if (add.includes(ACTION_AGENCY)) {
    return refuse(
      'ACTION_OFFICE_IS_NOT_A_CLEARER',
      'State/PM owns the consultation as action office and cannot be named to clear it',
    );
  }
  const both = add.filter((agency) => remove.includes(agency));
  if (both.length > 0) {
    return refuse(
      'CONFLICTING_CHANGE',
      `the change both adds and removes ${both.join(', ')}; send one or the other`,
    );
  }
  const absent = remove.filter((agency) => !current.includes(agency));
  if (absent.length > 0) {
    return refuse(
      'NOT_A_CLEARING_PARTY',
      `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} not clearing this consultation, so cannot be removed`,
    );
  }
  const clearers = AGENCIES.filter(
    (agency) => (current.includes(agency) || add.includes(agency)) && !remove.includes(agency),
  );
  if (clearers.length === 0) {
    return refuse(
      'NO_CLEARERS_LEFT',
      'a consultation needs at least one clearing party; withdraw it instead of removing them all',
    );
  }
  return accept({
    clearers,
    added: add.filter((agency) => !current.includes(agency)),
    removed: remove,
  });
}
