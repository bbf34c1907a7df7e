import { type Instant, endOfCalendarPeriod, toDate } from './calendar';
import {
  NATO_MEMBERS,
  NOTIFICATION_GROUP_MEMBERS,
  NOTIFICATION_THRESHOLDS,
  type NotificationGroup,
} from './congressional-notification.data';
import { effectiveRows, selectEffective } from './effective-dated';
import { type PolicyResult, accept, refuse } from './refusal';
import {
  NATO_ORGANIZATION,
  type Recipient,
  VALUE_CATEGORIES,
  type ValueCategory,
} from './vocabulary';

export type { NotificationGroup } from './congressional-notification.data';

/**
 * The value of a sale, split into the three portions of a Letter of Offer and
 * Acceptance, in whole US dollars. A missing portion is zero.
 *
 * - `major-defense-equipment`: the MDE lines only.
 * - `defense-articles-services`: the other defense articles and services
 *   (everything that is neither MDE nor design and construction).
 * - `design-construction`: design and construction services.
 *
 * How the thresholds read them (our interpretation of §36(b)(1), which speaks of
 * "major defense equipment for $14,000,000 or more", "defense articles or
 * services for $50,000,000 or more" and "design and construction services for
 * $200,000,000 or more"):
 * - the MDE threshold is tested against the MDE portion alone;
 * - the articles-or-services threshold is tested against the total of articles
 *   and services INCLUDING the MDE (MDE are defense articles), but EXCLUDING
 *   design and construction, which has its own, higher line (if D&C counted
 *   here, the $200M/$300M line could never be the one that triggers);
 * - the design-and-construction threshold is tested against that portion alone.
 * A sale needs notification when it is at or above ANY of the three lines.
 */
export type SaleValues = Readonly<Partial<Record<ValueCategory, number>>>;

const COUNTRY_CODE = /^[A-Z]{3}$/;

function assertRecipient(recipient: Recipient): void {
  if (recipient !== NATO_ORGANIZATION && !COUNTRY_CODE.test(recipient)) {
    throw new RangeError(
      `recipient must be an ISO 3166 alpha-3 code in capitals or "NATO": "${recipient}"`,
    );
  }
}

/** Whether the country is a NATO member on `asOf` (never before its accession). */
export function isNatoMember(country: Recipient, asOf: Instant): boolean {
  assertRecipient(country);
  return effectiveRows(NATO_MEMBERS, asOf).some((member) => member.country === country);
}

/** The §36(b) group of a recipient on `asOf`. */
export function countryGroup(recipient: Recipient, asOf: Instant): NotificationGroup {
  if (isNatoMember(recipient, asOf)) return 'nato-plus-5';
  const row = effectiveRows(NOTIFICATION_GROUP_MEMBERS, asOf).find(
    (member) => member.recipient === recipient,
  );
  return row?.group ?? 'other';
}

function groupThresholds(recipient: Recipient, asOf: Instant) {
  const table = selectEffective(NOTIFICATION_THRESHOLDS, asOf, 'AECA §36(b) threshold table');
  const group = countryGroup(recipient, asOf);
  return { group, ...table.groups[group], source: table.source };
}

/** The amounts each threshold is tested against (see `SaleValues`). */
export function testedAmounts(values: SaleValues): Record<ValueCategory, number> {
  for (const category of VALUE_CATEGORIES) {
    const amount = values[category];
    if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) {
      throw new RangeError(`${category} must be a non-negative amount of dollars: ${amount}`);
    }
  }
  const mde = values['major-defense-equipment'] ?? 0;
  return {
    'major-defense-equipment': mde,
    'defense-articles-services': mde + (values['defense-articles-services'] ?? 0),
    'design-construction': values['design-construction'] ?? 0,
  };
}

export interface NotificationRequirement {
  readonly required: boolean;
  readonly group: NotificationGroup;
  /** The columns at or above their threshold, empty when not required. */
  readonly triggeredBy: readonly ValueCategory[];
  readonly tested: Readonly<Record<ValueCategory, number>>;
  readonly thresholds: Readonly<Record<ValueCategory, number>>;
  readonly reviewPeriodDays: number;
  readonly source: string;
}

/** Whether a sale to `recipient` needs formal notification to Congress under §36(b), as of `asOf`. */
export function requiresNotification(
  recipient: Recipient,
  values: SaleValues,
  asOf: Instant,
): NotificationRequirement {
  const { group, thresholds, reviewPeriodDays, source } = groupThresholds(recipient, asOf);
  const tested = testedAmounts(values);
  const triggeredBy = VALUE_CATEGORIES.filter((c) => tested[c] >= thresholds[c]);
  return {
    required: triggeredBy.length > 0,
    group,
    triggeredBy,
    tested,
    thresholds,
    reviewPeriodDays,
    source,
  };
}

/** Calendar days of the formal review period for a sale to `recipient`, as of `asOf`. */
export function reviewPeriodDays(recipient: Recipient, asOf: Instant): number {
  return groupThresholds(recipient, asOf).reviewPeriodDays;
}

// ---------------------------------------------------------------------------
// The notification steps of one sale.
// ---------------------------------------------------------------------------

export type NotificationStep =
  | 'not-required'
  | 'awaiting-informal'
  | 'informal-review'
  | 'formal-review'
  | 'cleared-for-offer'
  | 'waived'
  | 'disapproved';

export interface CongressionalHold {
  readonly id: string;
  /** Who placed it, e.g. "SFRC ranking member". */
  readonly placedBy: string;
  readonly placedAt: string;
}

export interface NotificationState {
  readonly step: NotificationStep;
  /** Holds open in informal review. */
  readonly holds: readonly CongressionalHold[];
  readonly formalNoticeAt?: string;
  /** The last instant of the formal review period; the offer may go out after it. */
  readonly reviewEndsAt?: string;
  readonly waiver?: { readonly justification: string; readonly certifiedAt: string };
  readonly clearedBasis?: 'review-period-ended' | 'emergency-waiver';
}

export type NotificationEvent =
  | { readonly type: 'informal-notice-sent'; readonly at: Instant }
  | {
      readonly type: 'hold-placed';
      readonly holdId: string;
      readonly by: string;
      readonly at: Instant;
    }
  | { readonly type: 'hold-lifted'; readonly holdId: string; readonly at: Instant }
  | { readonly type: 'formal-notice-sent'; readonly at: Instant; readonly reviewPeriodDays: number }
  | { readonly type: 'review-period-ended'; readonly at: Instant }
  | {
      readonly type: 'emergency-waiver-certified';
      readonly at: Instant;
      readonly justification: string;
    }
  | { readonly type: 'offer-cleared-under-waiver'; readonly at: Instant }
  | { readonly type: 'joint-resolution-of-disapproval'; readonly at: Instant };

export type NotificationRefusalCode =
  | 'NOTIFICATION_NOT_REQUIRED'
  | 'NOTIFICATION_CLOSED'
  | 'ILLEGAL_NOTIFICATION_STEP'
  | 'HOLD_OPEN'
  | 'UNKNOWN_HOLD'
  | 'DUPLICATE_HOLD'
  | 'INVALID_REVIEW_PERIOD'
  | 'REVIEW_PERIOD_NOT_ENDED'
  | 'WAIVER_JUSTIFICATION_REQUIRED';

export type NotificationResult = PolicyResult<
  { state: NotificationState },
  NotificationRefusalCode
>;

/** Where a sale starts: nothing to do below every threshold, else informal notification first. */
export function initialNotificationState(requirement: {
  readonly required: boolean;
}): NotificationState {
  return { step: requirement.required ? 'awaiting-informal' : 'not-required', holds: [] };
}

const CLOSED_STEPS: readonly NotificationStep[] = ['cleared-for-offer', 'disapproved'];

/** The steps from which the President may waive the review period by certifying an emergency. */
const WAIVABLE_STEPS: readonly NotificationStep[] = [
  'awaiting-informal',
  'informal-review',
  'formal-review',
];

function illegal(state: NotificationState, event: NotificationEvent): NotificationResult {
  return refuse(
    'ILLEGAL_NOTIFICATION_STEP',
    `"${event.type}" cannot happen while the notification is ${state.step}`,
  );
}

/**
 * The next step of a sale's congressional notification, or a refusal saying why
 * the event cannot happen now. The state is never mutated.
 *
 * not-required: nothing may happen. awaiting-informal → informal-review (State
 * informally notifies SFRC and HFAC) → holds placed and lifted → formal-review
 * only with no hold open → cleared-for-offer once the whole period has passed,
 * or disapproved by a joint resolution during it. From any step before the
 * offer, an emergency certification with a written justification → waived →
 * cleared-for-offer.
 */
export function nextNotificationState(
  state: NotificationState,
  event: NotificationEvent,
): NotificationResult {
  if (state.step === 'not-required') {
    return refuse(
      'NOTIFICATION_NOT_REQUIRED',
      `"${event.type}" does not apply: the sale is below every §36(b) threshold`,
    );
  }
  if (CLOSED_STEPS.includes(state.step)) {
    return refuse(
      'NOTIFICATION_CLOSED',
      `"${event.type}" cannot happen: the notification is already ${state.step}`,
    );
  }
  const at = toDate(event.at, 'event time').toISOString();

  switch (event.type) {
    case 'informal-notice-sent':
      if (state.step !== 'awaiting-informal') return illegal(state, event);
      return accept({ state: { ...state, step: 'informal-review' } });

    case 'hold-placed':
      if (state.step !== 'informal-review') {
        return refuse(
          'ILLEGAL_NOTIFICATION_STEP',
          `a hold can be placed only during informal review; the notification is ${state.step}`,
        );
      }
      if (state.holds.some((hold) => hold.id === event.holdId)) {
        return refuse('DUPLICATE_HOLD', `hold ${event.holdId} is already open`);
      }
      return accept({
        state: {
          ...state,
          holds: [...state.holds, { id: event.holdId, placedBy: event.by, placedAt: at }],
        },
      });

    case 'hold-lifted':
      if (state.step !== 'informal-review') return illegal(state, event);
      if (!state.holds.some((hold) => hold.id === event.holdId)) {
        return refuse('UNKNOWN_HOLD', `no open hold ${event.holdId} to lift`);
      }
      return accept({
        state: { ...state, holds: state.holds.filter((hold) => hold.id !== event.holdId) },
      });

    case 'formal-notice-sent':
      if (state.step !== 'informal-review') {
        return refuse(
          'ILLEGAL_NOTIFICATION_STEP',
          `formal notice follows informal review; the notification is ${state.step}`,
        );
      }
      if (state.holds.length > 0) {
        return refuse(
          'HOLD_OPEN',
          `formal notice cannot go while ${state.holds.length} hold(s) are open: ` +
            state.holds.map((hold) => `${hold.id} (${hold.placedBy})`).join(', '),
        );
      }
      if (!Number.isInteger(event.reviewPeriodDays) || event.reviewPeriodDays <= 0) {
        return refuse(
          'INVALID_REVIEW_PERIOD',
          `the review period must be a positive number of days: ${event.reviewPeriodDays}`,
        );
      }
      return accept({
        state: {
          ...state,
          step: 'formal-review',
          formalNoticeAt: at,
          reviewEndsAt: endOfCalendarPeriod(at, event.reviewPeriodDays).toISOString(),
        },
      });

    case 'review-period-ended':
      if (state.step !== 'formal-review' || state.reviewEndsAt === undefined) {
        return illegal(state, event);
      }
      if (at <= state.reviewEndsAt) {
        return refuse(
          'REVIEW_PERIOD_NOT_ENDED',
          `the formal review period runs until ${state.reviewEndsAt}; the offer may not go out at ${at}`,
        );
      }
      return accept({
        state: { ...state, step: 'cleared-for-offer', clearedBasis: 'review-period-ended' },
      });

    case 'emergency-waiver-certified':
      if (!WAIVABLE_STEPS.includes(state.step)) return illegal(state, event);
      if (event.justification.trim() === '') {
        return refuse(
          'WAIVER_JUSTIFICATION_REQUIRED',
          'an emergency waiver needs the written justification the President certified',
        );
      }
      return accept({
        state: {
          ...state,
          step: 'waived',
          waiver: { justification: event.justification.trim(), certifiedAt: at },
        },
      });

    case 'offer-cleared-under-waiver':
      if (state.step !== 'waived') return illegal(state, event);
      return accept({
        state: { ...state, step: 'cleared-for-offer', clearedBasis: 'emergency-waiver' },
      });

    case 'joint-resolution-of-disapproval':
      if (state.step !== 'formal-review') {
        return refuse(
          'ILLEGAL_NOTIFICATION_STEP',
          `a joint resolution of disapproval blocks a sale during formal review; the notification is ${state.step}`,
        );
      }
      return accept({ state: { ...state, step: 'disapproved' } });
  }
}
