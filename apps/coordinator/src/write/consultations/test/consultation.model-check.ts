/**
 * A model of the consultation lifecycle, and the invariants the aggregate must
 * keep under any sequence of commands, for the property-based and model-based
 * tests (`consultation.aggregate.property.spec.ts`). An integration test can
 * check the coordinator's stored documents with the same functions.
 *
 * Pure, like the aggregate: no test framework, no randomness, no clock. A
 * check returns the violated rules as sentences; an empty list means none.
 *
 * The model is deliberately small: the status, the revision, the clearers and
 * who answered the current revision, the escalation level, the congressional
 * step, and the times the coordinator recorded (reviews requested, holds,
 * extensions, the formal notice) from which it derives, on its own, when each
 * deadline and statutory period ends. Where the rules leave the outcome open,
 * a prediction says so and the model takes the aggregate's state.
 */
import {
  AGENCIES,
  type Agency,
  type BusValidator,
  type ConsultationKind,
  type ConsultationStatus,
  type EscalationLadder,
  type EscalationLevel,
  type EscalationOutcome,
  type MessageName,
  type Party,
  type PayloadOf,
  type Precedence,
  type SignOffDecision,
} from '@icb/contracts';
import {
  MS_PER_DAY,
  acknowledgeBy,
  deemedConcurrenceRule,
  endOfCalendarPeriod,
  firstLevel,
  isOpen,
  ladderAssignment,
  levelDueAt,
  levelSpec,
  nextLevel,
  requiresNotification,
  reviewPeriodDays,
  reviewPeriodFor,
  type SaleValues,
} from '../../../policy';
import {
  type Change,
  type ChangeContext,
  acknowledgeReview,
  amend,
  answerConditionRemoval,
  changeClearers,
  congressDisapproval,
  congressFormalNotice,
  congressHoldLifted,
  congressHoldPlaced,
  congressInformalNotice,
  congressWaiver,
  decideEscalation,
  placeReviewHold,
  proceedWithoutClearance,
  recordAssessment,
  recordScreening,
  releaseReviewHold,
  requestConditionRemoval,
  requestExtension,
  submitSignOff,
  withdraw,
} from '../consultation.aggregate';
import type { Consultation, Review } from '../consultation.model';

// ---------------------------------------------------------------------------
// Commands: what a party sends the coordinator about one consultation
// ---------------------------------------------------------------------------

export const COMMAND_NAMES = [
  'consultation.amended',
  'consultation.withdrawn',
  'clearance.parties-changed',
  'consultation.proceeded-without-clearance',
  'review.acknowledged',
  'review.hold-placed',
  'review.hold-released',
  'signoff.submitted',
  'condition.removal-requested',
  'condition.removal-answered',
  'clock.extension-requested',
  'sanctions.screening-completed',
  'intel.assessment-shared',
  'escalation.decided',
  'congress.informal-notice-sent',
  'congress.hold-placed',
  'congress.hold-lifted',
  'congress.formal-notice-sent',
  'congress.emergency-waiver-certified',
  'congress.disapproval-enacted',
] as const satisfies readonly MessageName[];
export type CommandName = (typeof COMMAND_NAMES)[number];

export type Command = {
  [N in CommandName]: { name: N; payload: PayloadOf<N>; publisher: Party };
}[CommandName];

/** The aggregate function the coordinator's handler calls for a command (as in consultations.handlers.ts). */
export function applyCommand(state: Consultation, cmd: Command, ctx: ChangeContext): Change {
  switch (cmd.name) {
    case 'consultation.amended':
      return amend(state, cmd.payload, ctx);
    case 'consultation.withdrawn':
      return withdraw(state, cmd.payload, ctx);
    case 'clearance.parties-changed':
      return changeClearers(state, cmd.payload, cmd.publisher, ctx);
    case 'consultation.proceeded-without-clearance':
      return proceedWithoutClearance(state, cmd.payload, ctx);
    case 'review.acknowledged':
      return acknowledgeReview(state, cmd.payload, ctx);
    case 'review.hold-placed':
      return placeReviewHold(state, cmd.payload, ctx);
    case 'review.hold-released':
      return releaseReviewHold(state, cmd.payload, ctx);
    case 'signoff.submitted':
      return submitSignOff(state, cmd.payload, ctx);
    case 'condition.removal-requested':
      return requestConditionRemoval(state, cmd.payload, ctx);
    case 'condition.removal-answered':
      return answerConditionRemoval(state, cmd.payload, ctx);
    case 'clock.extension-requested':
      return requestExtension(state, cmd.payload, ctx);
    case 'sanctions.screening-completed':
      return recordScreening(state, cmd.payload, ctx);
    case 'intel.assessment-shared':
      return recordAssessment(state, cmd.payload, ctx);
    case 'escalation.decided':
      return decideEscalation(state, cmd.payload, cmd.publisher, ctx);
    case 'congress.informal-notice-sent':
      return congressInformalNotice(state, cmd.payload, ctx);
    case 'congress.hold-placed':
      return congressHoldPlaced(state, cmd.payload, ctx);
    case 'congress.hold-lifted':
      return congressHoldLifted(state, cmd.payload, ctx);
    case 'congress.formal-notice-sent':
      return congressFormalNotice(state, cmd.payload, ctx);
    case 'congress.emergency-waiver-certified':
      return congressWaiver(state, cmd.payload, ctx);
    case 'congress.disapproval-enacted':
      return congressDisapproval(state, cmd.payload, ctx);
  }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const iso = (ms: number): string => new Date(ms).toISOString();
const ms = (instant: string): number => Date.parse(instant);
const inAgencyOrder = (agencies: Iterable<Agency>): Agency[] => {
  const set = new Set(agencies);
  return AGENCIES.filter((a) => set.has(a));
};
/** "an approved", "a withdrawn": for the sentences of a violation. */
const an = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Deep equality of two JSON-like values where a missing key and an `undefined` one are alike. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!jsonEqual(ra[key], rb[key])) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Invariants of one state
// ---------------------------------------------------------------------------

const isLive = (c: { firedAt?: string }): boolean => c.firedAt === undefined;
const REVIEW_CLOCKS = ['acknowledgement', 'reminder', 'review'];

/** The answer that counts for `agency` on the current revision, as the aggregate records it. */
export function countingAnswer(s: Consultation, agency: Agency): Answer | undefined {
  const signOff = s.signOffs.find(
    (o) => o.agency === agency && o.revision === s.revision && o.voidedAt === undefined,
  );
  if (signOff !== undefined)
    return signOff.basis === 'deemed-concurrence' ? 'deemed' : signOff.decision;
  const review = s.reviews.find((r) => r.agency === agency && r.revision === s.revision);
  return review?.state === 'waived' ? 'waived' : undefined;
}

/**
 * What must hold of every stored consultation: one review per clearer for the
 * current revision (earlier ones do not count), the derived query fields agree
 * with the reviews and clocks, every open deadline has its clock, a closed
 * consultation has no live clock, and the document survives JSON (what the
 * database stores).
 */
export function stateViolations(s: Consultation): string[] {
  const v: string[] = [];
  const current = s.reviews.filter((r) => r.revision === s.revision);

  if (!Number.isInteger(s.revision) || s.revision < 1) v.push(`revision ${s.revision} is not >= 1`);
  if (s.clearers.length === 0) v.push('no clearing party');
  if (!same(s.clearers, inAgencyOrder(s.clearers)))
    v.push(`clearers ${s.clearers.join(',')} repeat or are out of order`);
  if (s.clearers.includes('state-pm')) v.push('the action agency clears its own matter');

  // One review per clearer, of the current revision.
  for (const agency of s.clearers) {
    const n = current.filter((r) => r.agency === agency).length;
    if (n !== 1) v.push(`${agency} has ${n} reviews of the current revision ${s.revision}`);
  }
  for (const r of s.reviews) {
    if (r.revision !== s.revision)
      v.push(`reviews[] holds ${r.agency}'s review of revision ${r.revision}, not ${s.revision}`);
    else if (!s.clearers.includes(r.agency))
      v.push(`${r.agency} has a review of revision ${s.revision} but is not a clearer`);
  }

  // A review's state agrees with the answers that count.
  for (const r of current) {
    const answer = countingAnswer(s, r.agency);
    const expected =
      answer === undefined
        ? 'pending'
        : answer === 'deemed'
          ? 'deemed'
          : answer === 'waived'
            ? 'waived'
            : 'answered';
    if (r.state !== expected)
      v.push(`${r.agency}'s review is ${r.state} but its counting answer is ${answer ?? 'none'}`);
    if (r.hold !== undefined && r.state !== 'pending')
      v.push(`${r.agency}'s ${r.state} review is held`);
  }
  const pairs = new Set<string>();
  // A voided answer (its agency was taken off, then named again) no longer counts.
  for (const o of s.signOffs.filter((x) => x.voidedAt === undefined)) {
    const key = `${o.agency}:r${o.revision}`;
    if (pairs.has(key)) v.push(`two sign-offs of ${key}`);
    pairs.add(key);
    if (o.revision > s.revision) v.push(`sign-off of ${key} is for a future revision`);
  }

  // Derived query fields.
  const pending = s.status === 'in-review' ? current.filter((r) => r.state === 'pending') : [];
  const pendingAgencies = inAgencyOrder(pending.map((r) => r.agency));
  if (!same(s.pendingAgencies, pendingAgencies))
    v.push(
      `pendingAgencies ${s.pendingAgencies.join(',')} but pending reviews ${pendingAgencies.join(',')}`,
    );
  const earliest = (xs: string[]) =>
    xs.reduce<string | undefined>((a, b) => (a === undefined || ms(b) < ms(a) ? b : a), undefined);
  const nextDueAt = earliest(pending.filter((r) => r.hold === undefined).map((r) => r.dueAt));
  if (s.nextDueAt !== nextDueAt)
    v.push(`nextDueAt ${s.nextDueAt} but the earliest open deadline is ${nextDueAt}`);
  const live = s.clocks.filter(isLive);
  const nextClockAt = earliest(live.map((c) => c.dueAt));
  if (s.nextClockAt !== nextClockAt)
    v.push(`nextClockAt ${s.nextClockAt} but the earliest live clock is due ${nextClockAt}`);

  // Clocks.
  const ids = new Set<string>();
  for (const c of s.clocks) {
    if (ids.has(c.id)) v.push(`two clocks with id ${c.id}`);
    ids.add(c.id);
    if (!ISO_INSTANT.test(c.dueAt)) v.push(`clock ${c.id} is due at "${c.dueAt}"`);
  }
  for (const c of live) {
    if (!REVIEW_CLOCKS.includes(c.kind)) continue;
    const r = current.find((x) => x.agency === c.agency);
    if (c.revision !== s.revision || r === undefined || !s.clearers.includes(r.agency))
      v.push(`live ${c.kind} clock ${c.id} belongs to no current review`);
    else if (r.state !== 'pending') v.push(`live ${c.kind} clock ${c.id} of a ${r.state} review`);
    else if (c.kind !== 'acknowledgement' && r.hold !== undefined)
      v.push(`live ${c.kind} clock ${c.id} of a held review`);
  }
  if (s.status === 'in-review') {
    for (const r of pending.filter((x) => x.hold === undefined)) {
      const deadline = live.filter(
        (c) => c.kind === 'review' && c.agency === r.agency && c.revision === s.revision,
      );
      if (deadline.length !== 1 || ms(deadline[0].dueAt) !== ms(r.dueAt) + 1)
        v.push(
          `${r.agency}'s open review (due ${r.dueAt}) has ${deadline.length} deadline clock(s)` +
            (deadline.length ? ` due ${deadline.map((c) => c.dueAt).join(',')}` : ''),
        );
    }
  }
  const escalationClocks = live.filter((c) => c.kind === 'escalation');
  if (s.status !== 'escalated' && escalationClocks.length > 0)
    v.push(`${an(s.status)} consultation has a live escalation clock`);
  if (s.status === 'escalated') {
    const e = s.escalation;
    if (e === undefined || e.resolvedAt !== undefined || e.supersededAt !== undefined)
      v.push('escalated without an open escalation');
    else {
      const step = e.history[e.history.length - 1];
      const onClock = levelSpec(e.ladder, e.level, step?.raisedAt ?? s.updatedAt)?.deadline != null;
      if (step?.level !== e.level) v.push(`escalation at ${e.level}, last step ${step?.level}`);
      if (escalationClocks.length !== (onClock ? 1 : 0))
        v.push(`escalation at ${e.level} has ${escalationClocks.length} live clock(s)`);
    }
  }
  const congressClocks = live.filter((c) => c.kind === 'congress-review');
  const formal = s.status === 'congressional-review' && s.congress?.step === 'formal-review';
  if (congressClocks.length !== (formal ? 1 : 0))
    v.push(
      `${congressClocks.length} live congressional review clock(s) at step ${s.congress?.step}`,
    );
  if (formal && congressClocks.length === 1 && s.congress?.reviewEndsAt !== undefined) {
    if (ms(congressClocks[0].dueAt) !== ms(s.congress.reviewEndsAt) + 1)
      v.push(
        `the congressional review clock is due ${congressClocks[0].dueAt}, not after ${s.congress.reviewEndsAt}`,
      );
  }

  // Open and closed.
  if (isOpen(s.status)) {
    if (s.closedAt !== undefined) v.push(`an open (${s.status}) consultation has closedAt`);
  } else {
    if (live.length > 0) v.push(`${an(s.status)} consultation has ${live.length} live clock(s)`);
    if (s.closedAt === undefined) v.push(`${an(s.status)} consultation has no closedAt`);
  }
  if (s.status === 'approved' || s.status === 'denied') {
    const outcome = s.status === 'approved' ? 'approved' : 'denied';
    if (s.decision?.outcome !== outcome) v.push(`${s.status} with decision ${s.decision?.outcome}`);
  }
  if (s.status === 'cleared-for-offer' && s.congress?.clearedAt === undefined)
    v.push('cleared for offer without congress.clearedAt');
  if ((s.kind === 'fms-case') !== (s.congress !== undefined))
    v.push(`${an(s.kind)} ${s.congress ? 'has' : 'lacks'} a congressional notification`);
  if (s.status === 'congressional-review' && s.congress?.required !== true)
    v.push('in congressional review without a required notification');

  // Conditions.
  const liveIds = new Set<string>();
  for (const c of s.conditions) {
    if (c.status === 'superseded' || c.status === 'removed') continue;
    if (liveIds.has(c.id)) v.push(`two live conditions ${c.id}`);
    liveIds.add(c.id);
    if ((c.status === 'active' || c.status === 'removal-requested') && c.revision !== s.revision)
      v.push(
        `condition ${c.id} of revision ${c.revision} is ${c.status} on revision ${s.revision}`,
      );
  }
  for (const c of s.conditions) {
    if (c.status === 'removed' && !(c.removal?.agreed === true && c.removal.answeredAt))
      v.push(`condition ${c.id} removed without ${c.agency}'s recorded agreement`);
  }

  // What the database stores: JSON, ISO instants.
  const stored: unknown = JSON.parse(JSON.stringify(s));
  if (!jsonEqual(stored, s)) v.push('the state does not survive a JSON round trip');
  for (const [path, value] of instants(s)) {
    if (!ISO_INSTANT.test(value)) v.push(`${path} is "${value}", not an ISO-8601 UTC instant`);
  }
  return v;
}

function* instants(value: unknown, path = ''): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (const [i, x] of value.entries()) yield* instants(x, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) {
      if (typeof x === 'string' && /At$/.test(k)) yield [`${path}.${k}`, x];
      else yield* instants(x, `${path}.${k}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Invariants of one change
// ---------------------------------------------------------------------------

/**
 * What must hold of every change: events valid against the contract, purposes
 * unique, one status-changed event exactly when the status changed, a
 * closed consultation changes no more, a fired clock stays fired.
 */
export function changeViolations(
  validator: BusValidator,
  before: Consultation | undefined,
  change: Change,
  now: string,
  what: 'command' | 'clocks' | 'open',
): string[] {
  const v: string[] = [];
  if (!change.ok) {
    if (!change.code || !change.message) v.push('a refusal without code or message');
    if (what === 'clocks') v.push(`fireDueClocks refused: ${change.code}`);
    return v;
  }
  if (before !== undefined && !isOpen(before.status)) {
    if (what === 'command')
      v.push(
        `${an(before.status)} consultation accepted a command (${change.events.map((e) => e.name).join(',') || 'no events'})`,
      );
    else if (change.events.length > 0 || !jsonEqual(change.state, before))
      v.push(`fireDueClocks changed a ${before.status} consultation`);
    return v;
  }
  const s = change.state;
  const purposes = new Set<string>();
  for (const e of change.events) {
    if (purposes.has(e.purpose)) v.push(`two events with purpose ${e.purpose}`);
    purposes.add(e.purpose);
    const result = validator.validatePayload(e.name, e.payload);
    if (!result.ok) v.push(`${e.name} (${e.purpose}) is invalid: ${result.errors.join('; ')}`);
    const id = (e.payload as { consultationId?: string }).consultationId;
    if (id !== s.id) v.push(`${e.name} is about ${id}, not ${s.id}`);
  }
  if (before !== undefined && (change.events.length > 0 || !jsonEqual(s, before))) {
    if (s.id !== before.id || s.kind !== before.kind || s.openedAt !== before.openedAt)
      v.push('identity (id, kind, openedAt) changed');
    if (s.updatedAt !== now) v.push(`updatedAt ${s.updatedAt}, not the change's time ${now}`);
    if (s.revision < before.revision)
      v.push(`revision went back from ${before.revision} to ${s.revision}`);
  }
  const statusEvents = change.events.filter((e) => e.name === 'consultation.status-changed');
  if (before !== undefined) {
    const moved = before.status !== s.status;
    if (statusEvents.length !== (moved ? 1 : 0))
      v.push(`${statusEvents.length} status-changed event(s) for ${before.status} → ${s.status}`);
    for (const e of statusEvents) {
      const p = e.payload;
      if (p.from !== before.status || p.to !== s.status || p.revision !== s.revision)
        v.push(
          `status-changed ${p.from} → ${p.to} r${p.revision}, state ${before.status} → ${s.status} r${s.revision}`,
        );
    }
    // A fired clock stays fired, at the same instant.
    for (const c of before.clocks.filter((x) => !isLive(x))) {
      const after = s.clocks.find((x) => x.id === c.id);
      if (after?.firedAt !== c.firedAt) v.push(`fired clock ${c.id} lost its firing record`);
    }
  }
  if (what === 'clocks') {
    const overdue = s.clocks.filter((c) => isLive(c) && ms(c.dueAt) <= ms(now));
    if (overdue.length > 0)
      v.push(
        `after fireDueClocks(${now}) live clocks are still due: ${overdue.map((c) => c.id).join(', ')}`,
      );
  }
  for (const e of change.events) {
    if (e.name === 'review.requested') {
      const p = e.payload;
      const r = s.reviews.find((x) => x.agency === p.agency && x.revision === p.revision);
      if (p.revision !== s.revision || r === undefined || r.state !== 'pending')
        v.push(`review.requested for ${p.agency} r${p.revision} without a pending current review`);
    }
    if (e.name === 'consultation.decided') {
      const p = e.payload;
      if (s.decision?.outcome !== p.outcome)
        v.push(`decided ${p.outcome}, state ${s.decision?.outcome}`);
    }
  }
  return v;
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

export type Answer = SignOffDecision | 'deemed' | 'waived';

interface ModelReview {
  /** When the coordinator requested it (ms). */
  requestedAt: number;
  acked: boolean;
  /** The acknowledgement deadline passed (or stopped mattering). */
  ackSettled: boolean;
  /** The review deadline passed while the consultation was in review. */
  missed: boolean;
  heldSince?: number;
  /** Milliseconds actually held, holds released. */
  heldMs: number;
  /** Whole days the deadline moved (each released hold rounded up). */
  pausedDays: number;
  extended: boolean;
  answer?: Answer;
  /** The content of a submitted answer, to tell a duplicate from a conflict. */
  answerKey?: string;
}

interface ModelCongress {
  required: boolean;
  step: string;
  open: string[];
  placed: string[];
  informalSentAt?: string;
  transmittal?: string;
  formalRecordedAt?: number;
  reviewDays?: number;
  reviewEndsAt?: number;
  waiverCertifiedAt?: string;
  disapproval?: string;
}

type Cause = 'non-concur' | 'missed-deadline' | 'missed-acknowledgement' | 'referral';

interface ModelEscalation {
  ladder: EscalationLadder;
  level: EscalationLevel;
  cause: Cause;
  /** When the current level's decision is due (ms), or undefined when it is not on a clock. */
  dueAt?: number;
  open: boolean;
  decided: { level: EscalationLevel; outcome: EscalationOutcome; decidedAt: string }[];
}

export interface ModelState {
  id: string;
  kind: ConsultationKind;
  precedence: Precedence;
  country: string;
  openedAt: number;
  status: ConsultationStatus;
  revision: number;
  clearers: Agency[];
  reviews: Partial<Record<Agency, ModelReview>>;
  congress?: ModelCongress;
  escalation?: ModelEscalation;
  remandRevisions: number[];
  screenings: string[];
  assessments: string[];
}

/** Where a prediction leaves the outcome to the aggregate: its state is then taken as the model's. */
export interface Resync {
  resync: true;
  /** The statuses the rules allow (any when absent). */
  statuses?: ConsultationStatus[];
  why: string;
}

export interface Prediction {
  /** Whether the command is accepted; undefined when the model leaves it open. */
  accepted?: boolean;
  /** For a refusal: whether it is a no-op (an exact duplicate); undefined when either. */
  noop?: boolean;
  /** Why the model expects a refusal (for the report). */
  because?: string;
  /** The model after the command if accepted. */
  next: ModelState | Resync;
}

const clone = (m: ModelState): ModelState => structuredClone(m);

function saleValues(values: { category: string; amountUsd: number }[]): SaleValues {
  const sale: Record<string, number> = {};
  for (const x of values) sale[x.category] = (sale[x.category] ?? 0) + x.amountUsd;
  return sale;
}

function freshReview(now: number): ModelReview {
  return {
    requestedAt: now,
    acked: false,
    ackSettled: false,
    missed: false,
    heldMs: 0,
    pausedDays: 0,
    extended: false,
  };
}

function congressOf(
  kind: ConsultationKind,
  attributes: { country: string; values: { category: string; amountUsd: number }[] },
  now: number,
): ModelCongress | undefined {
  if (kind !== 'fms-case') return undefined;
  const required = requiresNotification(
    attributes.country,
    saleValues(attributes.values),
    iso(now),
  ).required;
  return {
    required,
    step: required ? 'awaiting-clearance' : 'not-required',
    open: [],
    placed: [],
  };
}

/** The model right after `openConsultation` was accepted at `now`. */
export function modelOpened(opened: Consultation, now: number): ModelState {
  const reviews: Partial<Record<Agency, ModelReview>> = {};
  for (const agency of opened.clearers) reviews[agency] = freshReview(now);
  const congress = congressOf(opened.kind, opened.attributes, now);
  return {
    id: opened.id,
    kind: opened.kind,
    precedence: opened.precedence,
    country: opened.attributes.country,
    openedAt: now,
    status: 'in-review',
    revision: 1,
    clearers: [...opened.clearers],
    reviews,
    ...(congress ? { congress } : {}),
    remandRevisions: [],
    screenings: [],
    assessments: [],
  };
}

function deemedRule(m: ModelState, r: ModelReview) {
  return deemedConcurrenceRule(m.kind, iso(r.requestedAt));
}

/** The review period in days (the referral period where silence is deemed concurrence). */
function periodDays(m: ModelState, r: ModelReview): number {
  const rule = deemedRule(m, r);
  if (rule !== undefined) return rule.periodDays + (r.extended ? rule.extensionDays : 0);
  return reviewPeriodFor(m.kind, iso(r.requestedAt)).days[m.precedence];
}

/** The deadline as the policy defines it: whole days after the day of the request, plus days held. */
export function modelDueAt(m: ModelState, r: ModelReview): number {
  return endOfCalendarPeriod(
    iso(r.requestedAt + r.pausedDays * MS_PER_DAY),
    periodDays(m, r),
  ).getTime();
}

/** The statutory floor of a deadline, with no rounding in the agency's disfavour: never earlier than this. */
function statutoryFloor(m: ModelState, r: ModelReview): number {
  return r.requestedAt + r.heldMs + periodDays(m, r) * MS_PER_DAY;
}

function ackDueAt(m: ModelState, r: ModelReview): number {
  return acknowledgeBy(m.precedence, iso(r.requestedAt)).getTime();
}

/** Precedences where a missed acknowledgement escalates (DOMAIN.md, precedence: receipt must be acknowledged). */
const ACK_ESCALATES: readonly Precedence[] = ['FLASH', 'IMMEDIATE'];

const pendingOf = (m: ModelState): Agency[] =>
  m.clearers.filter((a) => m.reviews[a]?.answer === undefined);

function clear(m: ModelState): void {
  if (m.congress?.required) {
    m.status = 'congressional-review';
    m.congress.step = 'awaiting-informal';
  } else {
    m.status = 'approved';
  }
}

function escalate(m: ModelState, cause: Cause, now: number): void {
  const ladder = ladderAssignment(m.kind, iso(now)).ladder;
  const level = firstLevel(ladder, iso(now));
  m.status = 'escalated';
  m.escalation = {
    ladder,
    level,
    cause,
    dueAt: levelDue(m, ladder, level, now),
    open: true,
    decided: [],
  };
  // Escalation cancels the review clocks: no acknowledgement deadline fires after it.
  for (const a of m.clearers) {
    const r = m.reviews[a];
    if (r) r.ackSettled = true;
  }
  passOnIfOverdue(m, now);
}

/** A level entered after its deadline (EO 12981's 90-day cap) passes the matter on at once. */
function passOnIfOverdue(m: ModelState, now: number): void {
  const e = m.escalation;
  while (e?.open && e.dueAt !== undefined && e.dueAt < now) {
    const next = nextLevel(e.ladder, e.level, iso(now));
    if (next === undefined) return;
    e.decided.push({ level: e.level, outcome: 'refer-up', decidedAt: iso(now) });
    e.level = next;
    e.cause = 'referral';
    e.dueAt = levelDue(m, e.ladder, next, now);
  }
}

function levelDue(
  m: ModelState,
  ladder: EscalationLadder,
  level: EscalationLevel,
  now: number,
): number | undefined {
  const dues = m.clearers.map((a) => modelDueAt(m, m.reviews[a] as ModelReview));
  const due = levelDueAt(
    ladder,
    level,
    {
      enteredAt: iso(now),
      ...(dues.length ? { agenciesDueAt: iso(Math.max(...dues)) } : {}),
      applicationAt: iso(m.openedAt),
    },
    iso(now),
  );
  return due?.getTime();
}

/** After an answer: a non-concurrence escalates, the last answer clears. */
function settleAnswers(m: ModelState, now: number): void {
  if (m.status !== 'in-review') return;
  if (m.clearers.some((a) => m.reviews[a]?.answer === 'non-concur')) escalate(m, 'non-concur', now);
  else if (pendingOf(m).length === 0) clear(m);
}

function reopen(m: ModelState, revision: number, now: number): void {
  m.revision = revision;
  m.status = 'in-review';
  m.reviews = {};
  for (const a of m.clearers) m.reviews[a] = freshReview(now);
  if (m.escalation) m.escalation.open = false;
}

const refuse = (m: ModelState, because: string, noop?: boolean): Prediction => ({
  accepted: false,
  because,
  ...(noop === undefined ? {} : { noop }),
  next: m,
});
const accept = (next: ModelState | Resync): Prediction => ({ accepted: true, next });

/** What the model expects of `cmd` applied at `now`. `actual` (the state before) settles condition ids. */
export function predict(
  model: ModelState,
  cmd: Command,
  now: number,
  actual: Consultation,
): Prediction {
  const m = clone(model);
  const open = isOpen(m.status);
  switch (cmd.name) {
    case 'consultation.amended': {
      const p = cmd.payload;
      if (p.revision === m.revision && !m.remandRevisions.includes(p.revision))
        return refuse(m, 'already at this revision', true);
      if (p.revision !== m.revision + 1) return refuse(m, 'not the next revision', false);
      if (m.status !== 'in-review' && m.status !== 'escalated')
        return refuse(m, `amendment while ${m.status}`, false);
      reopen(m, p.revision, now);
      if (p.changes.attributes !== undefined && m.kind === 'fms-case') {
        m.congress = congressOf(m.kind, p.changes.attributes, now);
        m.country = p.changes.attributes.country;
      } else if (p.changes.attributes !== undefined) {
        m.country = p.changes.attributes.country;
      }
      return accept(m);
    }
    case 'consultation.withdrawn':
      if (m.status === 'withdrawn') return refuse(m, 'already withdrawn', true);
      if (!open) return refuse(m, `withdrawal while ${m.status}`, false);
      m.status = 'withdrawn';
      return accept(m);
    case 'clearance.parties-changed': {
      const p = cmd.payload;
      if (cmd.publisher !== 'state-pm') return refuse(m, 'not the action office', false);
      // What is asked is already so: nothing to do, whatever the status.
      if (
        p.add.every((a) => m.clearers.includes(a)) &&
        p.remove.every((a) => !m.clearers.includes(a))
      )
        return refuse(m, 'no change', true);
      if (m.status !== 'in-review') return refuse(m, `clearers change while ${m.status}`, false);
      if (p.add.includes('state-pm')) return refuse(m, 'action office as clearer', false);
      if (p.add.some((a) => p.remove.includes(a))) return refuse(m, 'adds and removes', false);
      if (p.remove.some((a) => !m.clearers.includes(a)))
        return refuse(m, 'removes a non-clearer', false);
      const clearers = AGENCIES.filter(
        (a) => (m.clearers.includes(a) || p.add.includes(a)) && !p.remove.includes(a),
      );
      if (clearers.length === 0) return refuse(m, 'no clearer left', false);
      const added = p.add.filter((a) => !m.clearers.includes(a));
      if (added.length === 0 && p.remove.length === 0) return refuse(m, 'no change', true);
      for (const a of p.remove) delete m.reviews[a];
      for (const a of added) m.reviews[a] = freshReview(now);
      m.clearers = clearers;
      settleAnswers(m, now);
      return accept(m);
    }
    case 'signoff.submitted': {
      const p = cmd.payload;
      // A repeat of an answer the agency gave (on any revision, still
      // counting) is a no-op whatever happened since.
      const given = actual.signOffs.find(
        (o) =>
          o.agency === p.agency &&
          o.revision === p.revision &&
          o.voidedAt === undefined &&
          o.basis === 'submitted',
      );
      if (given !== undefined && signOffKey(given as never) === signOffKey(p))
        return refuse(m, 'answered already', true);
      if (!open) return refuse(m, `sign-off while ${m.status}`, false);
      if (m.status !== 'in-review') return refuse(m, `sign-off while ${m.status}`, false);
      if (!m.clearers.includes(p.agency)) return refuse(m, 'not a clearer', false);
      if (p.revision !== m.revision)
        return refuse(m, `revision ${p.revision} is not current`, false);
      const r = m.reviews[p.agency] as ModelReview;
      const key = signOffKey(p);
      if (r.answer === 'deemed') return refuse(m, 'deemed to concur already');
      if (r.answer === 'waived') return refuse(m, 'proceeded without it', false);
      if (r.answer !== undefined) return refuse(m, 'answered already', r.answerKey === key);
      const taken = (p.conditions ?? []).some((c) =>
        actual.conditions.some(
          (x) => x.id === c.id && x.status !== 'superseded' && x.status !== 'removed',
        ),
      );
      if (taken) return refuse(m, 'condition id taken', false);
      // Answering ends the agency's hold.
      if (r.heldSince !== undefined) {
        r.heldMs += now - r.heldSince;
        r.pausedDays += Math.max(0, Math.ceil((now - r.heldSince) / MS_PER_DAY));
        delete r.heldSince;
      }
      r.answer = p.decision;
      r.answerKey = key;
      settleAnswers(m, now);
      return accept(m);
    }
    case 'review.acknowledged': {
      const p = cmd.payload;
      if (p.revision !== m.revision)
        return refuse(m, `revision ${p.revision} is not current`, false);
      if (!open) return refuse(m, `acknowledgement while ${m.status}`, false);
      if (!m.clearers.includes(p.agency)) return refuse(m, 'not a clearer', false);
      const r = m.reviews[p.agency] as ModelReview;
      if (r.acked) return refuse(m, 'acknowledged already', true);
      r.acked = true;
      r.ackSettled = true;
      return accept(m);
    }
    case 'review.hold-placed': {
      const p = cmd.payload;
      if (!open) return refuse(m, `hold while ${m.status}`, false);
      if (!m.clearers.includes(p.agency)) return refuse(m, 'not a clearer', false);
      const r = m.reviews[p.agency] as ModelReview;
      if (r.heldSince !== undefined) return refuse(m, 'held already', true);
      if (m.status !== 'in-review' || r.answer !== undefined)
        return refuse(m, 'no open review to hold', false);
      r.heldSince = now;
      return accept(m);
    }
    case 'review.hold-released': {
      const p = cmd.payload;
      // A repeat of the last release (same reason, no hold since) is a no-op.
      const review = actual.reviews.find(
        (r) => r.agency === p.agency && r.revision === actual.revision,
      );
      if (review?.hold === undefined && review?.holdHistory?.at(-1)?.releaseReason === p.reason)
        return refuse(m, 'released already', true);
      if (!open) return refuse(m, `release while ${m.status}`, false);
      if (!m.clearers.includes(p.agency)) return refuse(m, 'not a clearer', false);
      const r = m.reviews[p.agency] as ModelReview;
      if (r.heldSince === undefined) return refuse(m, 'no hold open', false);
      r.heldMs += now - r.heldSince;
      r.pausedDays += Math.max(0, Math.ceil((now - r.heldSince) / MS_PER_DAY));
      delete r.heldSince;
      return accept(m);
    }
    case 'clock.extension-requested': {
      const p = cmd.payload;
      // A repeat of the extension granted (same reason, no more days) is a no-op.
      const granted = actual.reviews.find(
        (r) => r.agency === p.agency && r.revision === actual.revision,
      )?.extension;
      if (granted !== undefined && granted.reason === p.reason && p.days <= granted.days)
        return refuse(m, 'extension granted already', true);
      if (!open) return refuse(m, `extension while ${m.status}`, false);
      if (!m.clearers.includes(p.agency)) return refuse(m, 'not a clearer', false);
      const r = m.reviews[p.agency] as ModelReview;
      if (m.status !== 'in-review' || r.answer !== undefined)
        return refuse(m, 'no running deadline', false);
      const rule = deemedRule(m, r);
      if (rule === undefined) return refuse(m, 'no deemed concurrence for this kind', false);
      if (r.extended) return refuse(m, 'extension granted already', false);
      if (now > modelDueAt(m, r)) return refuse(m, 'asked after the deadline', false);
      if (p.days > rule.extensionDays) return refuse(m, 'too many days', false);
      r.extended = true;
      return accept(m);
    }
    case 'consultation.proceeded-without-clearance': {
      const p = cmd.payload;
      const e = m.escalation;
      const delayed =
        m.status === 'escalated' &&
        e !== undefined &&
        e.open &&
        (e.cause === 'missed-deadline' || e.cause === 'missed-acknowledgement');
      // Proceeding again without offices already waived is a no-op.
      if (p.delayingAgencies.every((x) => m.reviews[x]?.answer === 'waived'))
        return refuse(m, 'waived already', true);
      if (m.status !== 'in-review' && !delayed)
        return refuse(m, `proceeding while ${m.status}${e ? ` (${e.cause})` : ''}`, false);
      for (const a of p.delayingAgencies) {
        if (!m.clearers.includes(a)) return refuse(m, `${a} is not a clearer`, false);
        const r = m.reviews[a] as ModelReview;
        if (r.answer === 'waived')
          return refuse(
            m,
            `${a} waived already`,
            p.delayingAgencies.every((x) => m.reviews[x]?.answer === 'waived'),
          );
        if (r.heldSince !== undefined) return refuse(m, `${a} holds its review`, false);
        if (r.answer !== undefined) return refuse(m, `${a} answered`, false);
        if (now <= modelDueAt(m, r)) return refuse(m, `${a}'s deadline has not passed`, false);
      }
      if (delayed) {
        const stillLate = pendingOf(m).filter((a) => {
          const r = m.reviews[a] as ModelReview;
          return (
            !p.delayingAgencies.includes(a) && r.heldSince === undefined && modelDueAt(m, r) < now
          );
        });
        if (stillLate.length > 0) return refuse(m, `${stillLate.join(',')} also late`, false);
        m.status = 'in-review';
        (m.escalation as ModelEscalation).open = false;
      }
      for (const a of p.delayingAgencies) (m.reviews[a] as ModelReview).answer = 'waived';
      settleAnswers(m, now);
      return accept(m);
    }
    case 'condition.removal-requested':
    case 'condition.removal-answered':
      // Conditions are not modelled: whether accepted is left open; the lifecycle does not move.
      return { accepted: open ? undefined : false, next: m };
    case 'sanctions.screening-completed': {
      const id = cmd.payload.screeningId;
      if (m.screenings.includes(id)) return refuse(m, 'screening recorded already', true);
      if (!open) return { accepted: false, next: m };
      m.screenings.push(id);
      return accept(m);
    }
    case 'intel.assessment-shared': {
      const id = cmd.payload.assessmentId;
      if (m.assessments.includes(id)) return refuse(m, 'assessment recorded already', true);
      if (!open) return { accepted: false, next: m };
      m.assessments.push(id);
      return accept(m);
    }
    case 'escalation.decided': {
      const p = cmd.payload;
      const e = m.escalation;
      const decided = e?.decided.find((d) => d.level === p.level && e.ladder === p.ladder);
      if (decided && decided.outcome === p.outcome && decided.decidedAt === p.decidedAt)
        return refuse(m, 'decision recorded already', true);
      if (m.status !== 'escalated' || e === undefined || !e.open)
        return refuse(m, `decision while ${m.status}`, false);
      if (cmd.publisher !== 'nsc') return refuse(m, 'not the recorder', false);
      if (p.ladder !== e.ladder || p.level !== e.level)
        return refuse(m, 'not the current level', false);
      const next = nextLevel(e.ladder, e.level, iso(now));
      if (p.outcome === 'refer-up' && next === undefined)
        return refuse(m, 'top of the ladder', false);
      e.decided.push({ level: e.level, outcome: p.outcome, decidedAt: p.decidedAt });
      switch (p.outcome) {
        case 'approve':
          e.open = false;
          clear(m);
          break;
        case 'deny':
          e.open = false;
          m.status = 'denied';
          break;
        case 'refer-up':
          e.level = next as EscalationLevel;
          e.cause = 'referral';
          e.dueAt = levelDue(m, e.ladder, e.level, now);
          passOnIfOverdue(m, now);
          break;
        case 'remand':
          m.remandRevisions.push(m.revision + 1);
          reopen(m, m.revision + 1, now);
          break;
      }
      return accept(m);
    }
    case 'congress.informal-notice-sent': {
      const c = m.congress;
      if (c?.informalSentAt !== undefined && c.informalSentAt === cmd.payload.sentAt)
        return refuse(m, 'informal notice recorded already', true);
      const why = congressRefusal(m);
      if (why) return refuse(m, why, false);
      const congress = c as ModelCongress;
      if (congress.step !== 'awaiting-informal')
        return refuse(m, `informal notice at ${congress.step}`, false);
      congress.step = 'informal-review';
      congress.informalSentAt = cmd.payload.sentAt;
      return accept(m);
    }
    case 'congress.hold-placed': {
      const why = congressRefusal(m);
      if (why) return refuse(m, why, false);
      const c = m.congress as ModelCongress;
      if (c.open.includes(cmd.payload.holdId)) return refuse(m, 'hold open already', true);
      if (c.step !== 'informal-review') return refuse(m, `hold at ${c.step}`, false);
      c.open.push(cmd.payload.holdId);
      c.placed.push(cmd.payload.holdId);
      return accept(m);
    }
    case 'congress.hold-lifted': {
      const why = congressRefusal(m);
      if (why) return refuse(m, why, false);
      const c = m.congress as ModelCongress;
      const id = cmd.payload.holdId;
      if (!c.open.includes(id) && c.placed.includes(id)) return refuse(m, 'lifted already', true);
      if (c.step !== 'informal-review') return refuse(m, `lifting at ${c.step}`, false);
      if (!c.open.includes(id)) return refuse(m, 'unknown hold', false);
      c.open = c.open.filter((h) => h !== id);
      return accept(m);
    }
    case 'congress.formal-notice-sent': {
      const p = cmd.payload;
      const c0 = m.congress;
      if (c0?.transmittal === p.transmittalNumber && c0.formalRecordedAt !== undefined)
        return refuse(m, 'formal notice recorded already', true);
      const why = congressRefusal(m);
      if (why) return refuse(m, why, false);
      const c = c0 as ModelCongress;
      const days = reviewPeriodDays(m.country, iso(now));
      if (p.reviewDays !== days)
        return refuse(m, `states ${p.reviewDays} days, policy ${days}`, false);
      if (c.step !== 'informal-review') return refuse(m, `formal notice at ${c.step}`, false);
      if (c.open.length > 0) return refuse(m, 'a hold is open', false);
      c.step = 'formal-review';
      c.transmittal = p.transmittalNumber;
      c.formalRecordedAt = now;
      c.reviewDays = days;
      c.reviewEndsAt = endOfCalendarPeriod(iso(now), days).getTime();
      return accept(m);
    }
    case 'congress.emergency-waiver-certified': {
      if (m.congress?.waiverCertifiedAt === cmd.payload.certifiedAt)
        return refuse(m, 'waiver recorded already', true);
      const why = congressRefusal(m);
      if (why) return refuse(m, why, false);
      const c = m.congress as ModelCongress;
      c.waiverCertifiedAt = cmd.payload.certifiedAt;
      c.step = 'cleared-for-offer';
      m.status = 'cleared-for-offer';
      return accept(m);
    }
    case 'congress.disapproval-enacted': {
      if (m.congress?.disapproval === cmd.payload.resolution)
        return refuse(m, 'disapproval recorded already', true);
      const why = congressRefusal(m);
      if (why) return refuse(m, why, false);
      const c = m.congress as ModelCongress;
      if (c.step !== 'formal-review') return refuse(m, `disapproval at ${c.step}`, false);
      c.disapproval = cmd.payload.resolution;
      c.step = 'disapproved';
      m.status = 'disapproved';
      return accept(m);
    }
  }
}

function resync(why: string, statuses?: ConsultationStatus[]): Resync {
  return statuses ? { resync: true, why, statuses } : { resync: true, why };
}

function congressRefusal(m: ModelState): string | undefined {
  if (m.kind !== 'fms-case' || m.congress === undefined) return 'not an FMS case';
  if (!m.congress.required) return 'notification not required';
  if (!isOpen(m.status)) return `congressional step while ${m.status}`;
  if (m.status !== 'congressional-review') return `congressional step while ${m.status}`;
  return undefined;
}

/** What makes two sign-offs the same answer (the aggregate's duplicate rule). */
export function signOffKey(p: PayloadOf<'signoff.submitted'>): string {
  const ids = (p.conditions ?? [])
    .map((c) => `${c.id}\u0000${c.text}`)
    .sort()
    .join('\u0001');
  return `${p.decision}|${ids}|${(p.rationale ?? '').trim()}`;
}

/** The model's deadlines, by when their clocks fire (the first instant after each). */
function dueEvents(m: ModelState): number[] {
  const at: number[] = [];
  if (m.status === 'in-review') {
    for (const a of pendingOf(m)) {
      const r = m.reviews[a] as ModelReview;
      if (r.heldSince === undefined && !r.missed) at.push(modelDueAt(m, r) + 1);
      if (!r.ackSettled) at.push(ackDueAt(m, r) + 1);
    }
  }
  const e = m.escalation;
  if (m.status === 'escalated' && e?.open && e.dueAt !== undefined) at.push(e.dueAt + 1);
  const c = m.congress;
  if (
    m.status === 'congressional-review' &&
    c?.step === 'formal-review' &&
    c.reviewEndsAt !== undefined
  )
    at.push(c.reviewEndsAt + 1);
  return at;
}

/** When the model's next deadline fires, if any. */
export function nextModelEvent(m: ModelState): number | undefined {
  const at = dueEvents(m);
  return at.length ? Math.min(...at) : undefined;
}

/**
 * What firing the clocks at `t` does, when the scheduler fires each clock as
 * it falls due (every model deadline due by `t` falls due exactly at `t`).
 * When a deadline is overdue (the scheduler was late), or the rules leave the
 * outcome open, the prediction is a resync.
 */
export function predictClocks(model: ModelState, t: number): ModelState | Resync {
  const m = clone(model);
  const due = dueEvents(m).filter((x) => x <= t);
  if (due.length === 0) return m;
  if (due.some((x) => x < t)) return resync('a deadline fired late');
  if (m.status === 'in-review') {
    const deemed = deemedConcurrenceRule(m.kind, iso(t)) !== undefined;
    const missed: Agency[] = [];
    const unacknowledged: Agency[] = [];
    let open = false;
    for (const a of pendingOf(m)) {
      const r = m.reviews[a] as ModelReview;
      if (r.heldSince === undefined && !r.missed && modelDueAt(m, r) + 1 <= t) {
        r.missed = true;
        if (deemed) r.answer = 'deemed';
        else missed.push(a);
      }
      if (!r.ackSettled && ackDueAt(m, r) + 1 <= t) {
        r.ackSettled = true;
        if (ACK_ESCALATES.includes(m.precedence)) {
          if (r.heldSince !== undefined) open = true;
          else unacknowledged.push(a);
        }
      }
    }
    if (open) return resync('a held review missed its acknowledgement');
    const escalates = ladderAssignment(m.kind, iso(t)).escalateOnMissedDeadline;
    if (pendingOf(m).length === 0) clear(m);
    else if (missed.length > 0 && escalates) escalate(m, 'missed-deadline', t);
    else if (unacknowledged.some((a) => m.reviews[a]?.answer === undefined))
      escalate(m, 'missed-acknowledgement', t);
    return m;
  }
  const e = m.escalation;
  // A level whose deadline passed refers the matter up; under a ladder's overall
  // limit (EO 12981: 90 days) the next level may already be out of time too.
  while (m.status === 'escalated' && e?.open && e.dueAt !== undefined && e.dueAt + 1 <= t) {
    const next = nextLevel(e.ladder, e.level, iso(t));
    e.decided.push({ level: e.level, outcome: 'refer-up', decidedAt: iso(t) });
    if (next !== undefined) {
      e.level = next;
      e.cause = 'referral';
      e.dueAt = levelDue(m, e.ladder, next, t);
    } else {
      delete e.dueAt;
    }
  }
  if (m.status === 'escalated') return m;
  const c = m.congress;
  if (
    m.status === 'congressional-review' &&
    c?.reviewEndsAt !== undefined &&
    c.reviewEndsAt + 1 <= t
  ) {
    c.step = 'cleared-for-offer';
    m.status = 'cleared-for-offer';
  }
  return m;
}

/** The model's fields and the aggregate's, compared. */
export function modelViolations(m: ModelState, s: Consultation): string[] {
  const v: string[] = [];
  if (m.status !== s.status) v.push(`status ${s.status}, the model expects ${m.status}`);
  if (m.revision !== s.revision) v.push(`revision ${s.revision}, the model expects ${m.revision}`);
  if (!same(m.clearers, s.clearers))
    v.push(`clearers ${s.clearers.join(',')}, the model expects ${m.clearers.join(',')}`);
  for (const a of m.clearers) {
    const r = m.reviews[a] as ModelReview;
    const answer = countingAnswer(s, a);
    if (answer !== r.answer)
      v.push(
        `${a}'s answer on revision ${s.revision} is ${answer ?? 'none'}, the model expects ${r.answer ?? 'none'}`,
      );
    const review = s.reviews.find((x) => x.agency === a && x.revision === s.revision);
    if (review === undefined) continue;
    if ((review.acknowledgedAt !== undefined) !== r.acked)
      v.push(
        `${a} acknowledged: ${review.acknowledgedAt !== undefined}, the model expects ${r.acked}`,
      );
    if ((review.hold !== undefined) !== (r.heldSince !== undefined))
      v.push(
        `${a} held: ${review.hold !== undefined}, the model expects ${r.heldSince !== undefined}`,
      );
    if (r.answer === undefined || r.answer === 'waived' || r.answer === 'deemed') {
      const due = iso(modelDueAt(m, r));
      if (review.dueAt !== due)
        v.push(`${a}'s deadline is ${review.dueAt}, the policy gives ${due}`);
    }
  }
  if (s.status === 'escalated' && m.escalation !== undefined) {
    if (s.escalation?.level !== m.escalation.level || s.escalation.ladder !== m.escalation.ladder)
      v.push(
        `escalated to ${s.escalation?.ladder}/${s.escalation?.level}, the model expects ${m.escalation.ladder}/${m.escalation.level}`,
      );
  }
  if (m.congress !== undefined && s.congress !== undefined) {
    if (m.congress.step !== s.congress.step)
      v.push(`congressional step ${s.congress.step}, the model expects ${m.congress.step}`);
    if (
      m.congress.reviewEndsAt !== undefined &&
      s.congress.reviewEndsAt !== iso(m.congress.reviewEndsAt)
    )
      v.push(
        `the ${m.congress.reviewDays}-day review ends ${s.congress.reviewEndsAt}; recorded at ` +
          `${iso(m.congress.formalRecordedAt as number)} it ends ${iso(m.congress.reviewEndsAt)}`,
      );
  }
  return v;
}

/** Takes the aggregate's outcome as the model's, keeping the model's own record of times. */
export function resyncModel(
  model: ModelState,
  s: Consultation,
  change: Change,
  now: number,
): ModelState {
  const m = clone(model);
  const requested = new Set(
    change.ok
      ? change.events.filter((e) => e.name === 'review.requested').map((e) => e.payload.agency)
      : [],
  );
  const revisionChanged = s.revision !== m.revision;
  m.status = s.status;
  m.revision = s.revision;
  m.clearers = [...s.clearers];
  const reviews: Partial<Record<Agency, ModelReview>> = {};
  for (const a of s.clearers) {
    const actual = s.reviews.find((x) => x.agency === a && x.revision === s.revision) as Review;
    const known = revisionChanged || requested.has(a) ? undefined : m.reviews[a];
    const r = known ?? freshReview(requested.has(a) ? now : ms(actual.requestedAt));
    r.answer = countingAnswer(s, a);
    r.acked = actual.acknowledgedAt !== undefined;
    if (actual.hold !== undefined && r.heldSince === undefined) r.heldSince = now;
    if (actual.hold === undefined && r.heldSince !== undefined) {
      r.heldMs += now - r.heldSince;
      r.pausedDays += Math.max(0, Math.ceil((now - r.heldSince) / MS_PER_DAY));
      delete r.heldSince;
    }
    r.extended = actual.extension !== undefined;
    const ackClock = s.clocks.some(
      (c) =>
        c.kind === 'acknowledgement' && c.agency === a && c.revision === s.revision && isLive(c),
    );
    if (!ackClock) r.ackSettled = true;
    const deadline = s.clocks.some(
      (c) => c.kind === 'review' && c.agency === a && c.revision === s.revision && isLive(c),
    );
    if (!deadline && s.status === 'in-review' && r.heldSince === undefined) r.missed = true;
    reviews[a] = r;
  }
  m.reviews = reviews;
  const e = s.escalation;
  if (e !== undefined) {
    const open =
      s.status === 'escalated' && e.resolvedAt === undefined && e.supersededAt === undefined;
    const clock = s.clocks.find((c) => c.kind === 'escalation' && isLive(c));
    m.escalation = {
      ladder: e.ladder,
      level: e.level,
      cause: e.cause,
      ...(clock ? { dueAt: ms(clock.dueAt) - 1 } : {}),
      open,
      decided: e.history
        .filter((h) => h.outcome !== undefined && h.decidedAt !== undefined)
        .map((h) => ({
          level: h.level,
          outcome: h.outcome as EscalationOutcome,
          decidedAt: h.decidedAt as string,
        })),
    };
  }
  if (s.congress !== undefined && m.congress !== undefined) {
    const c = s.congress;
    m.congress.required = c.required;
    m.congress.step = c.step;
    m.congress.open = c.holds.filter((h) => h.liftedAt === undefined).map((h) => h.holdId);
    m.congress.placed = c.holds.map((h) => h.holdId);
  }
  return m;
}

// ---------------------------------------------------------------------------
// Statutory periods and clocks that fire once, checked on the events
// ---------------------------------------------------------------------------

/**
 * The periods the policy gives are never shortened: a deemed concurrence, a
 * missed deadline, proceeding without a clearer and the end of the
 * congressional review come no earlier than the model's statutory floor,
 * counted from the coordinator's own record of each step; and no clock fires
 * twice over the life of the consultation (`fired` remembers them).
 */
export function statutoryViolations(
  model: ModelState,
  change: Change,
  cmd: Command | undefined,
  now: number,
  fired: Set<string>,
): string[] {
  const v: string[] = [];
  if (!change.ok) return v;
  const floorOf = (a: Agency) => {
    const r = model.reviews[a];
    return r === undefined ? undefined : statutoryFloor(model, r);
  };
  for (const e of change.events) {
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- only timed events matter here
    switch (e.name) {
      case 'clock.deemed-concurrence': {
        const p = e.payload;
        const floor = floorOf(p.agency);
        if (model.reviews[p.agency]?.heldSince !== undefined)
          v.push(`${p.agency} deemed to concur while it holds its review`);
        if (floor === undefined || now < floor || ms(p.deemedAt) < floor)
          v.push(
            `${p.agency} deemed to concur at ${iso(now)} (deemedAt ${p.deemedAt}), before its referral period ran (${floor === undefined ? 'no review' : iso(floor)})`,
          );
        const key = `deemed:${p.agency}:r${p.revision}`;
        if (fired.has(key)) v.push(`${p.agency} deemed to concur twice on revision ${p.revision}`);
        fired.add(key);
        break;
      }
      case 'clock.overdue':
      case 'clock.deadline-approaching': {
        const key = `${e.name}:${e.purpose}`;
        if (fired.has(key)) v.push(`clock event ${e.purpose} fired twice`);
        fired.add(key);
        if (e.name === 'clock.overdue') {
          const p = e.payload;
          const r = model.reviews[p.agency];
          if (p.clock === 'acknowledgement' && r !== undefined && now <= ackDueAt(model, r))
            v.push(
              `${p.agency}'s acknowledgement reported overdue at ${iso(now)}, due ${iso(ackDueAt(model, r))}`,
            );
          const floor = floorOf(p.agency);
          if (p.clock === 'review' && floor !== undefined && now < floor)
            v.push(`${p.agency}'s review reported overdue at ${iso(now)}, before ${iso(floor)}`);
        }
        break;
      }
      case 'escalation.raised': {
        const p = e.payload;
        const a = p.triggeredBy.agency;
        if (p.triggeredBy.cause === 'missed-deadline' && a !== undefined) {
          const floor = floorOf(a);
          if (floor === undefined || now < floor)
            v.push(
              `escalated for ${a}'s missed deadline at ${iso(now)}, before ${floor === undefined ? '(no review)' : iso(floor)}`,
            );
        }
        if ((p.triggeredBy.cause as string) === 'missed-acknowledgement' && a !== undefined) {
          const r = model.reviews[a];
          if (r === undefined || now <= ackDueAt(model, r))
            v.push(`escalated for ${a}'s missed acknowledgement at ${iso(now)}, before it was due`);
        }
        break;
      }
      case 'congress.review-period-ended':
      case 'congress.cleared-for-offer': {
        if (e.name === 'congress.cleared-for-offer') {
          const p = e.payload;
          if (p.basis !== 'review-period-ended') break;
        }
        const c = model.congress;
        const recorded = c?.formalRecordedAt;
        const days =
          recorded === undefined ? undefined : reviewPeriodDays(model.country, iso(recorded));
        if (recorded === undefined || days === undefined || now < recorded + days * MS_PER_DAY)
          v.push(
            `${e.name} at ${iso(now)}: the formal notice was recorded ${recorded === undefined ? 'never' : iso(recorded)}, ` +
              `the ${days ?? '?'}-day review cannot have run`,
          );
        if (e.name === 'congress.review-period-ended') {
          const key = `review-period-ended:${e.payload.transmittalNumber}`;
          if (fired.has(key)) v.push('the congressional review period ended twice');
          fired.add(key);
        }
        break;
      }
      default:
        break;
    }
  }
  if (cmd?.name === 'consultation.proceeded-without-clearance') {
    for (const a of cmd.payload.delayingAgencies) {
      const floor = floorOf(a);
      if (floor === undefined || now < floor)
        v.push(
          `proceeded without ${a} at ${iso(now)}, before its deadline (${floor === undefined ? 'no review' : iso(floor)})`,
        );
    }
  }
  return v;
}

/**
 * 2 FAM 1211 is reachable: once a clearer's deadline has passed without an
 * answer (and it holds no hold), the action office may proceed without it
 * while the matter is in review, or escalated because of that delay (naming
 * every office still delaying). The delaying agencies to name, or undefined
 * when the rule does not apply now.
 */
export function proceedReachable(m: ModelState, now: number): Agency[] | undefined {
  const e = m.escalation;
  const delayed =
    m.status === 'escalated' &&
    e?.open === true &&
    (e.cause === 'missed-deadline' || e.cause === 'missed-acknowledgement');
  if (m.status !== 'in-review' && !delayed) return undefined;
  const late = pendingOf(m).filter((a) => {
    const r = m.reviews[a] as ModelReview;
    return r.heldSince === undefined && modelDueAt(m, r) < now;
  });
  if (late.length === 0) return undefined;
  if (m.clearers.some((a) => m.reviews[a]?.answer === 'non-concur')) return undefined;
  return late;
}
