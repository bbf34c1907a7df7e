/**
 * The wire vocabulary the policies speak, re-exported from the contract
 * (`@icb/contracts`) so policy and wire can never drift apart. Only what the
 * contract does not name lives here: the action agency, and how a recipient of
 * a sale is spelled.
 */
import type { Agency } from '@icb/contracts';

export {
  AGENCIES,
  CONSULTATION_KINDS,
  CONSULTATION_STATUSES,
  ESCALATION_LADDERS,
  ESCALATION_OUTCOMES,
  PRECEDENCES,
  SIGN_OFF_DECISIONS,
  VALUE_CATEGORIES,
} from '@icb/contracts';
export type {
  Agency,
  ConsultationKind,
  ConsultationStatus,
  EscalationLadder,
  EscalationLevel,
  EscalationLevelOf,
  EscalationOutcome,
  Precedence,
  SignOffDecision,
  ValueCategory,
} from '@icb/contracts';

/** The agency that owns every consultation: State/PM's action offices. */
export const ACTION_AGENCY = 'state-pm' satisfies Agency;

/**
 * ISO 3166-1 alpha-3 country code (USA, GBR, JPN, KOR, ...). A string, not a
 * union: the list of countries is data, not vocabulary.
 */
export type CountryCode = string;

/**
 * Who receives a sale: a country (alpha-3) or the North Atlantic Treaty
 * Organization itself, which AECA §36(b) names as a purchaser. 'NATO' is not an
 * ISO 3166 code and cannot collide with one (alpha-3 codes are three letters).
 */
export type Recipient = string;
export const NATO_ORGANIZATION: Recipient = 'NATO';
