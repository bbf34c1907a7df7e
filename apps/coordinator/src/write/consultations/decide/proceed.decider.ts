/** The action office proceeds without a delaying office (2 FAM 1211). */
import {
  type Agency,
  type ConsultationProceededWithoutClearanceV1,
  type EscalationCause,
} from '@icb/contracts';
import { ACTION_AGENCY, canProceedWithoutClearance, isOpen } from '../../../policy';
import type { Consultation, EscalationState } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  ms,
  mustTransition,
  note,
  refused,
  sameConsultation,
} from './change';
import {
  deadlineClocks,
  findReview,
  replaceReview,
  REVIEW_CLOCK_KINDS,
  withoutLiveClocks,
} from './reviews';
import { settle } from './settle';

/** Causes of an escalation that a delaying office brought about (not a dissent). */
export const DELAY_CAUSES: readonly EscalationCause[] = [
  'missed-deadline',
  'missed-acknowledgement',
];

/** The open escalation, when a delay (not a dissent) caused it. */
export function delayEscalation(state: Consultation): EscalationState | undefined {
  const e = state.escalation;
  return state.status === 'escalated' &&
    e !== undefined &&
    e.resolvedAt === undefined &&
    e.supersededAt === undefined &&
    DELAY_CAUSES.includes(e.cause)
    ? e
    : undefined;
}

/**
 * 2 FAM 1211: after a clearer's deadline, the action office presents the
 * matter without it. All named agencies are checked first (all or nothing);
 * their reviews become 'waived' with who, when and the rule, then the decision
 * rule settles the matter without them. A held review cannot be waived: its
 * clock is stopped.
 *
 * Decision: the missed deadline that makes the rule available also escalates
 * the matter (where the kind's policy says so), in the same instant. So the
 * action office may proceed while the matter is in review, or while it is
 * escalated for a delay (cause missed-deadline or missed-acknowledgement, not
 * a non-concurrence: a dissent goes up the ladder). Proceeding then closes the
 * escalation as superseded by the action office and returns the matter to
 * review, where the decision rule settles it; the clearers still inside their
 * period get their clocks back.
 */
export function proceedWithoutClearance(
  state: Consultation,
  cmd: ConsultationProceededWithoutClearanceV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const alreadyWaived = (a: Agency) =>
    state.reviews.some(
      (r) => r.agency === a && r.revision === state.revision && r.state === 'waived',
    );
  if (cmd.delayingAgencies.every(alreadyWaived)) {
    return refused(
      'ALREADY_WAIVED',
      `the action office already proceeded without ${cmd.delayingAgencies.join(', ')} on revision ${state.revision}; nothing to do`,
      true,
    );
  }
  const delayed = delayEscalation(state);
  if (state.status !== 'in-review' && delayed === undefined) {
    return refused(
      isOpen(state.status) ? 'NOT_IN_REVIEW' : 'CONSULTATION_CLOSED',
      state.status === 'escalated'
        ? `the consultation is escalated because of ${state.escalation?.cause ?? 'a dissent'}, not a delay; ` +
            'proceeding without a clearer applies to an office that delays the matter'
        : `the consultation is ${state.status}; proceeding without a clearer applies only while it is in review`,
    );
  }
  let next = state;
  const waived: { agency: Agency; ruleId: string; source: string }[] = [];
  for (const agency of cmd.delayingAgencies) {
    const review = findReview(state, agency);
    if (review === undefined || !state.clearers.includes(agency)) {
      return refused(
        'NOT_A_CLEARING_PARTY',
        `${agency} is not a clearing party of this consultation, so it cannot be delaying it`,
      );
    }
    if (review.state === 'waived') {
      return refused(
        'ALREADY_WAIVED',
        `the action office already proceeded without ${agency} on revision ${state.revision}`,
        cmd.delayingAgencies.every((a) => findReview(state, a)?.state === 'waived'),
      );
    }
    if (review.hold !== undefined) {
      return refused(
        'REVIEW_ON_HOLD',
        `${agency} holds its review (since ${review.hold.placedAt}); its deadline is stopped, so it is not delaying the matter`,
      );
    }
    const verdict = canProceedWithoutClearance(
      {
        requestedBy: ACTION_AGENCY,
        delayingAgency: agency,
        delayingDueAt: review.dueAt,
        delayingAgencyAnswered: review.state !== 'pending',
      },
      ctx.now,
    );
    if (!verdict.ok) return refused(verdict.code, verdict.message);
    waived.push({ agency, ruleId: verdict.ruleId, source: verdict.source });
    next = replaceReview(next, {
      ...review,
      state: 'waived',
      waived: {
        at: ctx.now,
        by: ACTION_AGENCY,
        rule: { id: verdict.ruleId, source: verdict.source },
        citedRule: cmd.rule,
        justification: cmd.justification,
        eventId: ctx.eventId,
      },
    });
  }
  const agencies = waived.map((w) => w.agency);
  if (delayed !== undefined) {
    // Out of an escalation for a delay: every office still delaying is named,
    // or the matter would be back in review with a deadline already missed.
    const stillLate = state.reviews
      .filter(
        (r) =>
          r.revision === state.revision &&
          r.state === 'pending' &&
          r.hold === undefined &&
          state.clearers.includes(r.agency) &&
          !agencies.includes(r.agency) &&
          ms(r.dueAt) < ms(ctx.now),
      )
      .map((r) => r.agency);
    if (stillLate.length > 0) {
      return refused(
        'DELAYING_AGENCY_NOT_NAMED',
        `${stillLate.join(', ')} also missed the deadline of revision ${state.revision}; ` +
          'name every delaying office to take the matter out of its escalation',
      );
    }
  }
  next = withoutLiveClocks(
    next,
    (c) =>
      c.agency !== undefined && agencies.includes(c.agency) && REVIEW_CLOCK_KINDS.includes(c.kind),
  );
  if (delayed !== undefined) next = backToReview(next, delayed, ctx);
  const draft = draftOf(next);
  note(
    draft,
    'clearance.proceeded-without',
    ACTION_AGENCY,
    `At ${ctx.now} the action office (State/PM) proceeded without ${agencies.join(', ')} ` +
      `under ${waived[0].source} after their deadline: ${cmd.justification}` +
      (delayed === undefined
        ? ''
        : `; the escalation for the delay (${delayed.level}) is superseded and the matter is back in review`),
    { agencies, ruleId: waived[0].ruleId, source: waived[0].source, citedRule: cmd.rule },
  );
  return settle(state, draft, ctx, {
    reason: `proceeded without ${agencies.join(', ')} (${cmd.rule})`,
  });
}

/**
 * Out of an escalation for a delay, back into review: the escalation
 * superseded, its clock cancelled, and the clocks of the reviews still
 * pending (not held) set again from their deadlines.
 */
export function backToReview(
  state: Consultation,
  escalation: EscalationState,
  ctx: ChangeContext,
): Consultation {
  const status = mustTransition(state, { type: 'proceeded-without-clearance' });
  const base = withoutLiveClocks(state, (c) => c.kind === 'escalation');
  const pending = base.reviews.filter(
    (r) =>
      r.revision === state.revision &&
      r.state === 'pending' &&
      r.hold === undefined &&
      state.clearers.includes(r.agency),
  );
  return {
    ...base,
    status,
    escalation: { ...escalation, supersededAt: ctx.now },
    clocks: [...base.clocks, ...pending.flatMap((r) => deadlineClocks(r, ctx.now))],
  };
}
