/**
 * DoD's technical and releasability review, as pure rules.
 *
 * DOMAIN.md: DoD (DSCA for FMS cases, DTSA for technology transfer) brings
 * the "technical and releasability review" and "concurrence with conditions
 * (security requirements)"; a reviewer concurs, concurs with conditions or
 * non-concurs with a rationale; DoD may hold its review open while it has not
 * completed it (NSPD-56, the `review.hold-placed` message). Where DOMAIN.md is
 * silent the choices below are the adapter's own, documented in
 * apps/dod-adapter/README.md:
 *
 * - The areas reviewed are `technical` and `releasability` (DOMAIN.md's two
 *   words) and `technology-security` (the contract's condition category of the
 *   same name: anti-tamper, protection of critical technology). Every area is
 *   reviewed for every kind of consultation; one left out of a form is
 *   outstanding.
 * - A form is the whole of DoD's review of one revision, not a delta.
 * - DoD answers only a complete review: while any area is outstanding it
 *   holds, even when another area is already found not releasable.
 * - Complete: any area not releasable → non-concur, the reasons as rationale;
 *   else any area releasable with conditions → concur with every condition;
 *   else concur.
 * - While DoD holds its review, it does not concur (either way) through the
 *   generic sign-off; a form showing the review complete releases the hold
 *   and answers.
 */
import {
  LIMITS,
  SIGN_OFF_DECISIONS,
  type ConditionCategory,
  type SignOffDecision,
} from '@icb/contracts';

/** What DoD reviews, in the order findings are reported. */
export const REVIEW_AREAS = ['technical', 'releasability', 'technology-security'] as const;
export type ReviewArea = (typeof REVIEW_AREAS)[number];

/** DoD's finding on one area. */
export const AREA_FINDINGS = [
  'incomplete',
  'releasable',
  'releasable-with-conditions',
  'not-releasable',
] as const;
export type AreaFinding = (typeof AREA_FINDINGS)[number];

/** The prefix of the hold reason and the rationale; the rest is per area. */
const HOLD_PREFIX = 'DoD technical and releasability review incomplete; outstanding: ';
const NON_CONCUR_PREFIX = 'DoD technical and releasability review: not releasable. ';

/**
 * Longest `reason` of one area: every area's reason fits in one hold reason
 * (LIMITS.reason) with its label and separator.
 */
export const AREA_REASON_MAX = Math.floor(
  (LIMITS.reason - HOLD_PREFIX.length) / REVIEW_AREAS.length - 'technology-security ()'.length - 2,
);

export interface ReviewCondition {
  id: string;
  text: string;
  category: ConditionCategory;
}

export interface AreaFindingInput {
  area: ReviewArea;
  finding: AreaFinding;
  /** Security requirements of a releasable-with-conditions area (only then). */
  conditions?: ReviewCondition[];
  /** Why it is not releasable (required then), or what remains (with incomplete). */
  reason?: string;
}

export interface OutstandingArea {
  area: ReviewArea;
  /** What remains, or `not reported` when the form left the area out. */
  remaining: string;
}

/** What a form amounts to. */
export type TechnicalReviewOutcome =
  | { kind: 'hold'; outstanding: OutstandingArea[]; reason: string }
  | { kind: 'answer'; decision: 'concur' }
  | { kind: 'answer'; decision: 'concur-with-conditions'; conditions: ReviewCondition[] }
  | { kind: 'answer'; decision: 'non-concur'; rationale: string };

export type Assessment =
  | { ok: true; outcome: TechnicalReviewOutcome }
  | { ok: false; problems: string[] };

/** The outcome of a form's findings, or the problems that make it unusable. */
export function assessFindings(findings: readonly AreaFindingInput[]): Assessment {
  const problems = formProblems(findings);
  if (problems.length > 0) return { ok: false, problems };
  const byArea = new Map(findings.map((f) => [f.area, f]));
  const ordered = REVIEW_AREAS.flatMap((a) => byArea.get(a) ?? []);

  const outstanding: OutstandingArea[] = REVIEW_AREAS.flatMap((area) => {
    const f = byArea.get(area);
    if (!f) return [{ area, remaining: 'not reported' }];
    if (f.finding !== 'incomplete') return [];
    return [{ area, remaining: f.reason ?? 'in progress' }];
  });
  if (outstanding.length > 0) {
    const reason = HOLD_PREFIX + outstanding.map((o) => `${o.area} (${o.remaining})`).join('; ');
    return { ok: true, outcome: { kind: 'hold', outstanding, reason } };
  }

  const refused = ordered.filter((f) => f.finding === 'not-releasable');
  if (refused.length > 0) {
    const rationale =
      NON_CONCUR_PREFIX + refused.map((f) => `${f.area}: ${f.reason ?? ''}`).join('; ');
    return { ok: true, outcome: { kind: 'answer', decision: 'non-concur', rationale } };
  }

  const conditions = ordered.flatMap((f) =>
    f.finding === 'releasable-with-conditions' ? (f.conditions ?? []) : [],
  );
  if (conditions.length > 0) {
    return {
      ok: true,
      outcome: { kind: 'answer', decision: 'concur-with-conditions', conditions },
    };
  }
  return { ok: true, outcome: { kind: 'answer', decision: 'concur' } };
}

/** What the form breaks beyond its fields' own validation (see technical-review.dto.ts). */
function formProblems(findings: readonly AreaFindingInput[]): string[] {
  const problems: string[] = [];
  const seen = new Set<ReviewArea>();
  for (const f of findings) {
    if (seen.has(f.area)) problems.push(`area ${f.area} is reported more than once`);
    seen.add(f.area);
    if (f.finding === 'releasable-with-conditions' && (f.conditions ?? []).length === 0) {
      problems.push(`area ${f.area} is releasable with conditions but lists none`);
    }
    if (f.finding !== 'releasable-with-conditions' && (f.conditions ?? []).length > 0) {
      problems.push(`area ${f.area} lists conditions but is ${f.finding}`);
    }
    if (f.finding === 'not-releasable' && !f.reason) {
      problems.push(`area ${f.area} is not releasable but gives no reason`);
    }
  }
  const ids = findings.flatMap((f) => (f.conditions ?? []).map((c) => c.id));
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length > 0) problems.push(`condition id(s) used twice: ${repeated.join(', ')}`);
  if (ids.length > LIMITS.conditions) {
    problems.push(`${ids.length} conditions; a sign-off carries at most ${LIMITS.conditions}`);
  }
  return problems;
}

/** DoD's review of the current revision, as the coordinator reports it. */
export interface DodReviewState {
  currentRevision: number;
  /** pending, answered, deemed or waived; undefined when DoD has no review of it. */
  state?: string;
  holdOpen: boolean;
}

/** What the adapter publishes for a form, in order. */
export type Step = 'place-hold' | 'release-hold' | 'sign-off';

export type Plan =
  | { ok: true; steps: Step[] }
  | { ok: false; code: 'STALE_REVISION' | 'REVIEW_NOT_PENDING'; message: string };

/**
 * The messages a form's outcome leads to, given DoD's review at the
 * coordinator: a hold is placed once (a standing hold stays, its clock stopped);
 * an answer on a held review first releases the hold.
 */
export function planSteps(
  outcome: TechnicalReviewOutcome,
  revision: number,
  review: DodReviewState,
): Plan {
  if (revision !== review.currentRevision) {
    return {
      ok: false,
      code: 'STALE_REVISION',
      message: `the form reviews revision ${revision}; the consultation is at revision ${review.currentRevision}: review the current revision`,
    };
  }
  if (review.state !== 'pending') {
    return {
      ok: false,
      code: 'REVIEW_NOT_PENDING',
      message: `DoD's review of revision ${revision} is ${review.state ?? 'not requested'}, not pending`,
    };
  }
  if (outcome.kind === 'hold') return { ok: true, steps: review.holdOpen ? [] : ['place-hold'] };
  return { ok: true, steps: review.holdOpen ? ['release-hold', 'sign-off'] : ['sign-off'] };
}

/** The decisions DoD does not give through the generic sign-off while it holds its review. */
export const HELD_DECISIONS: readonly SignOffDecision[] = SIGN_OFF_DECISIONS.filter(
  (d) => d === 'concur' || d === 'concur-with-conditions',
);

/**
 * The generic sign-off's DoD rule: no concurrence (with or without
 * conditions) while DoD holds its review, for the hold says the review is not
 * complete. The technical review form (which releases the hold when complete)
 * or releasing the hold first lets it through; a non-concurrence or no equity
 * is not refused.
 */
export function heldReviewRefusal(
  review: { hold?: { reason: string; placedAt: string } } | undefined,
  decision: SignOffDecision,
): { code: 'REVIEW_ON_HOLD'; message: string } | undefined {
  if (!review?.hold || !HELD_DECISIONS.includes(decision)) return undefined;
  return {
    code: 'REVIEW_ON_HOLD',
    message:
      `DoD holds its review (since ${review.hold.placedAt}: ${review.hold.reason}); ` +
      `it does not ${decision} until the review is complete: post the technical and releasability review ` +
      `(POST /reviews/{id}/technical-review) with every area complete, or release the hold first`,
  };
}
