import { type Instant, endOfCalendarPeriod, toDate } from './calendar';
import {
  DEEMED_CONCURRENCE_RULES,
  type DeemedConcurrenceRule,
  PROCEED_WITHOUT_CLEARANCE_RULES,
  type ProceedWithoutClearanceRule,
} from './deemed-concurrence.data';
import { type EffectiveDated, effectiveRows, selectEffective } from './effective-dated';
import { type PolicyResult, accept, refuse } from './refusal';
import { ACTION_AGENCY, type Agency, type ConsultationKind } from './vocabulary';

export type { DeemedConcurrenceRule, ProceedWithoutClearanceRule } from './deemed-concurrence.data';

/**
 * The deemed-concurrence rule for `kind` on `asOf`, or undefined when silence
 * is never taken for consent for that kind. The rule in force on the day of
 * the referral governs the referral to its end.
 */
export function deemedConcurrenceRule(
  kind: ConsultationKind,
  asOf: Instant,
): EffectiveDated<DeemedConcurrenceRule> | undefined {
  const rows = effectiveRows(DEEMED_CONCURRENCE_RULES, asOf).filter((rule) =>
    rule.kinds.includes(kind),
  );
  return rows.length === 0
    ? undefined
    : selectEffective(rows, asOf, `deemed concurrence for ${kind}`);
}

/** A referral to one agency under a deemed-concurrence rule. */
export interface Referral {
  readonly kind: ConsultationKind;
  readonly referredAt: Instant;
  /** Extensions already granted on this referral. */
  readonly extensionsGranted: number;
}

/** The referral's deadline with the extensions granted so far, or undefined without a rule. */
export function referralDueAt(referral: Referral): Date | undefined {
  const rule = deemedConcurrenceRule(referral.kind, referral.referredAt);
  if (rule === undefined) return undefined;
  return endOfCalendarPeriod(
    referral.referredAt,
    rule.periodDays + referral.extensionsGranted * rule.extensionDays,
  );
}

export type ExtensionRefusalCode =
  | 'NO_DEEMED_CONCURRENCE'
  | 'EXTENSION_ALREADY_GRANTED'
  | 'EXTENSION_REQUESTED_TOO_LATE';

/**
 * Whether a referred agency may have its period extended: only under a
 * deemed-concurrence rule, only as many times as the rule allows (one under
 * EAA §10(e)), and only when asked strictly before the current deadline. The
 * extension runs from the current deadline, not from the day it was asked.
 */
export function canExtend(
  referral: Referral,
  requestedAt: Instant,
): PolicyResult<{ dueAt: Date; ruleId: string; source: string }, ExtensionRefusalCode> {
  const rule = deemedConcurrenceRule(referral.kind, referral.referredAt);
  if (rule === undefined) {
    return refuse(
      'NO_DEEMED_CONCURRENCE',
      `${referral.kind} consultations have no referral period to extend`,
    );
  }
  if (referral.extensionsGranted >= rule.maxExtensions) {
    return refuse(
      'EXTENSION_ALREADY_GRANTED',
      `${rule.ruleId} allows ${rule.maxExtensions} extension(s) and ${referral.extensionsGranted} was granted`,
    );
  }
  const dueAt = endOfCalendarPeriod(
    referral.referredAt,
    rule.periodDays + referral.extensionsGranted * rule.extensionDays,
  );
  if (toDate(requestedAt, 'requestedAt').getTime() > dueAt.getTime()) {
    return refuse(
      'EXTENSION_REQUESTED_TOO_LATE',
      `an extension must be asked for before the deadline (${dueAt.toISOString()}); it was asked for at ${toDate(requestedAt).toISOString()}`,
    );
  }
  return accept({
    dueAt: endOfCalendarPeriod(
      referral.referredAt,
      rule.periodDays + (referral.extensionsGranted + 1) * rule.extensionDays,
    ),
    ruleId: rule.ruleId,
    source: rule.source,
  });
}

export type DeemedConcurrenceRefusalCode =
  | 'NO_DEEMED_CONCURRENCE'
  | 'ALREADY_ANSWERED'
  | 'DEADLINE_NOT_PASSED';

/**
 * Whether an agency that has not answered is deemed to concur at `at`: the
 * record to write (which rule, from when) or why not.
 */
export function deemedConcurrence(
  referral: Referral & { readonly answered: boolean },
  at: Instant,
): PolicyResult<
  { ruleId: string; source: string; text: string; deemedAt: Date },
  DeemedConcurrenceRefusalCode
> {
  const rule = deemedConcurrenceRule(referral.kind, referral.referredAt);
  if (rule === undefined) {
    return refuse(
      'NO_DEEMED_CONCURRENCE',
      `${referral.kind} consultations have no deemed concurrence: an answer is needed`,
    );
  }
  if (referral.answered) {
    return refuse('ALREADY_ANSWERED', 'the agency answered; its answer stands');
  }
  const dueAt = referralDueAt(referral) as Date;
  if (toDate(at, 'at').getTime() <= dueAt.getTime()) {
    return refuse('DEADLINE_NOT_PASSED', `the referral period runs until ${dueAt.toISOString()}`);
  }
  return accept({
    ruleId: rule.ruleId,
    source: rule.source,
    text: rule.text,
    deemedAt: new Date(dueAt.getTime() + 1),
  });
}

export interface ProceedRequest {
  readonly requestedBy: Agency;
  readonly delayingAgency: Agency;
  /** The deadline that was given to the delaying agency. */
  readonly delayingDueAt: Instant;
  readonly delayingAgencyAnswered: boolean;
}

export type ProceedRefusalCode =
  | 'NOT_THE_ACTION_OFFICE'
  | 'ALREADY_ANSWERED'
  | 'DEADLINE_NOT_PASSED';

/**
 * Whether the action office may present a matter for decision without a
 * delaying clearer (2 FAM 1211): only State/PM, only once that clearer's
 * deadline has passed, and only while it still has not answered. The result is
 * what to record: who is excused, under which rule.
 */
export function canProceedWithoutClearance(
  request: ProceedRequest,
  at: Instant,
): PolicyResult<
  { excused: Agency; ruleId: string; source: string; text: string },
  ProceedRefusalCode
> {
  const rule: EffectiveDated<ProceedWithoutClearanceRule> = selectEffective(
    PROCEED_WITHOUT_CLEARANCE_RULES,
    at,
    'proceed-without-clearance rule',
  );
  if (request.requestedBy !== ACTION_AGENCY) {
    return refuse(
      'NOT_THE_ACTION_OFFICE',
      `only the action office (State/PM) may proceed without a clearer; ${request.requestedBy} asked to`,
    );
  }
  if (request.delayingAgencyAnswered) {
    return refuse(
      'ALREADY_ANSWERED',
      `${request.delayingAgency} has answered, so it is not delaying the matter`,
    );
  }
  const dueAt = toDate(request.delayingDueAt, 'delayingDueAt');
  if (toDate(at, 'at').getTime() <= dueAt.getTime()) {
    return refuse(
      'DEADLINE_NOT_PASSED',
      `${request.delayingAgency} has until ${dueAt.toISOString()}; proceeding without it is allowed only after that`,
    );
  }
  return accept({
    excused: request.delayingAgency,
    ruleId: rule.ruleId,
    source: rule.source,
    text: rule.text,
  });
}
