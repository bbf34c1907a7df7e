import { type Instant, earliest, endOfCalendarPeriod, toDate } from './calendar';
import type { DecisionState } from './decision-rule.policy';
import { type EffectiveDated, selectEffective } from './effective-dated';
import {
  ESCALATION_LADDERS_DATA,
  LADDER_ASSIGNMENTS,
  type Ladder,
  type LadderAssignment,
  type LadderLevel,
} from './escalation.data';
import { type PolicyResult, accept, refuse } from './refusal';
import type {
  ConsultationKind,
  EscalationLadder,
  EscalationLevel,
  EscalationOutcome,
} from './vocabulary';

export type { Ladder, LadderLevel, LevelMember, VoteModel } from './escalation.data';

/** Which ladder a kind climbs, and whether a missed deadline escalates, on `asOf`. */
export function ladderAssignment(
  kind: ConsultationKind,
  asOf: Instant,
): EffectiveDated<LadderAssignment> {
  return selectEffective(
    LADDER_ASSIGNMENTS.filter((row) => row.kind === kind),
    asOf,
    `escalation ladder for ${kind}`,
  );
}

export function ladderFor(kind: ConsultationKind, asOf: Instant): EscalationLadder {
  return ladderAssignment(kind, asOf).ladder;
}

export function ladderSpec(ladder: EscalationLadder, asOf: Instant): EffectiveDated<Ladder> {
  return selectEffective(
    ESCALATION_LADDERS_DATA.filter((row) => row.ladder === ladder),
    asOf,
    `${ladder} escalation ladder`,
  );
}

/** The level's members, chair, vote model and deadline, or undefined when it is not on the ladder. */
export function levelSpec(
  ladder: EscalationLadder,
  level: EscalationLevel,
  asOf: Instant,
): LadderLevel | undefined {
  return ladderSpec(ladder, asOf).levels.find((spec) => spec.level === level);
}

export function firstLevel(ladder: EscalationLadder, asOf: Instant): EscalationLevel {
  return ladderSpec(ladder, asOf).levels[0].level;
}

/** The level above `level`, or undefined at the top. Throws when `level` is not on the ladder. */
export function nextLevel(
  ladder: EscalationLadder,
  level: EscalationLevel,
  asOf: Instant,
): EscalationLevel | undefined {
  const levels = ladderSpec(ladder, asOf).levels;
  const index = levels.findIndex((spec) => spec.level === level);
  if (index < 0) throw new RangeError(`${level} is not a level of the ${ladder} ladder`);
  return levels[index + 1]?.level;
}

export interface LevelClock {
  /** When the matter entered the level. */
  readonly enteredAt: Instant;
  /** The agencies' review deadline (the Operating Committee's clock runs from it). */
  readonly agenciesDueAt?: Instant;
  /** When the application was received (the licensing ladder's 90-day limit runs from it). */
  readonly applicationAt?: Instant;
}

/**
 * When the level must decide, or undefined when it is not on a clock. A level
 * timed from the agencies' deadline runs from the later of that deadline and
 * entry (a matter escalated early waits for the agencies' period to end). A
 * ladder's overall limit, counted from the application, caps every level.
 */
export function levelDueAt(
  ladder: EscalationLadder,
  level: EscalationLevel,
  clock: LevelClock,
  asOf: Instant,
): Date | undefined {
  const spec = ladderSpec(ladder, asOf);
  const levelRow = spec.levels.find((row) => row.level === level);
  if (levelRow === undefined)
    throw new RangeError(`${level} is not a level of the ${ladder} ladder`);
  if (levelRow.deadline === null) return undefined;
  const entered = toDate(clock.enteredAt, 'enteredAt');
  let start = entered;
  if (levelRow.deadline.from === 'agencies-deadline' && clock.agenciesDueAt !== undefined) {
    const agencies = toDate(clock.agenciesDueAt, 'agenciesDueAt');
    start = agencies.getTime() > entered.getTime() ? agencies : entered;
  }
  const due = endOfCalendarPeriod(start, levelRow.deadline.days);
  if (spec.overallLimitDays !== undefined && clock.applicationAt !== undefined) {
    return earliest(due, endOfCalendarPeriod(clock.applicationAt, spec.overallLimitDays));
  }
  return due;
}

export type EscalationCause = 'non-concur' | 'missed-deadline';

export type EscalationDecision =
  | {
      readonly escalate: true;
      readonly cause: EscalationCause;
      readonly ladder: EscalationLadder;
      readonly level: EscalationLevel;
    }
  | { readonly escalate: false };

/**
 * Whether a consultation in review escalates now, and where to: a
 * non-concurrence always does; a missed review deadline does when the kind's
 * policy says so (not for export-license referrals, where silence is deemed
 * concurrence).
 */
export function shouldEscalate(
  input: {
    readonly kind: ConsultationKind;
    readonly state: DecisionState;
    readonly reviewDueAt: Instant;
  },
  at: Instant,
  asOf: Instant,
): EscalationDecision {
  const assignment = ladderAssignment(input.kind, asOf);
  const level = firstLevel(assignment.ladder, asOf);
  if (input.state === 'non-concurrence') {
    return { escalate: true, cause: 'non-concur', ladder: assignment.ladder, level };
  }
  const missed =
    input.state === 'pending' &&
    toDate(at, 'at').getTime() > toDate(input.reviewDueAt, 'reviewDueAt').getTime();
  if (missed && assignment.escalateOnMissedDeadline) {
    return { escalate: true, cause: 'missed-deadline', ladder: assignment.ladder, level };
  }
  return { escalate: false };
}

export type LevelDecisionResult =
  | { readonly result: 'resolved'; readonly decision: 'approved' | 'denied' }
  | { readonly result: 'referred'; readonly level: EscalationLevel }
  | { readonly result: 'remanded' };

export type LevelDecisionRefusalCode = 'LEVEL_NOT_ON_LADDER' | 'TOP_OF_LADDER';

/**
 * What a level's decision does: approve or deny resolves the escalation;
 * refer-up sends it to the next level (refused at the top: the President's
 * decision is final); remand sends it back to the agencies for review.
 */
export function applyDecision(
  ladder: EscalationLadder,
  level: EscalationLevel,
  outcome: EscalationOutcome,
  asOf: Instant,
): PolicyResult<LevelDecisionResult, LevelDecisionRefusalCode> {
  const spec = levelSpec(ladder, level, asOf);
  if (spec === undefined) {
    return refuse('LEVEL_NOT_ON_LADDER', `${level} is not a level of the ${ladder} ladder`);
  }
  switch (outcome) {
    case 'approve':
      return accept({ result: 'resolved', decision: 'approved' } as const);
    case 'deny':
      return accept({ result: 'resolved', decision: 'denied' } as const);
    case 'remand':
      return accept({ result: 'remanded' } as const);
    case 'refer-up': {
      const next = nextLevel(ladder, level, asOf);
      if (next === undefined) {
        return refuse(
          'TOP_OF_LADDER',
          `${spec.name} is the top of the ${ladder} ladder: it must approve, deny or remand`,
        );
      }
      return accept({ result: 'referred', level: next } as const);
    }
  }
}
