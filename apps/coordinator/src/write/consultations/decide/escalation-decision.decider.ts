/** The chair of an escalation level decides. */
import { type EscalationDecidedV1, type Party } from '@icb/contracts';
import { applyDecision, isOpen, levelSpec } from '../../../policy';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  emit,
  mustTransition,
  note,
  refused,
  sameConsultation,
} from './change';
import { ESCALATION_RECORDER, referUp, resolveLevel } from './escalation-steps';
import { reopenReview } from './reviews';
import { cleared, settle } from './settle';

/**
 * The chair's decision at the current level, recorded on the bus by the
 * ladder's recorder (`ESCALATION_RECORDER`: NSC for both ladders).
 *
 * - approve: resolved; approved (basis 'escalation'), or congressional review
 *   for an FMS case that requires notification.
 * - deny: resolved; denied.
 * - refer-up: this level resolved 'refer-up'; the next level raised with its
 *   chair and clock. Refused at the top of the ladder.
 * - remand (Decision): resolved; back to the agencies with a NEW revision (the
 *   lifecycle policy's rule): every clearer reviews again, earlier sign-offs no
 *   longer count. An amendment after it uses the next revision number.
 */
export function decideEscalation(
  state: Consultation,
  cmd: EscalationDecidedV1,
  publisher: Party,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const escalation = state.escalation;
  const decided = escalation?.history.find(
    (s) => s.level === cmd.level && s.decidedAt !== undefined && escalation.ladder === cmd.ladder,
  );
  if (
    decided !== undefined &&
    decided.outcome === cmd.outcome &&
    decided.decidedAt === cmd.decidedAt
  ) {
    return refused(
      'DUPLICATE_DECISION',
      `the ${cmd.level} decision "${cmd.outcome}" is already recorded; nothing to do`,
      true,
    );
  }
  if (
    state.status !== 'escalated' ||
    escalation === undefined ||
    escalation.resolvedAt !== undefined
  ) {
    return refused(
      isOpen(state.status) ? 'NOT_ESCALATED' : 'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; there is no open escalation to decide`,
    );
  }
  const recorder = ESCALATION_RECORDER[escalation.ladder];
  if (publisher !== recorder) {
    return refused(
      'NOT_THE_CHAIR',
      `decisions of the ${escalation.ladder} ladder are recorded by ${recorder}; ${publisher} sent one`,
    );
  }
  if (cmd.ladder !== escalation.ladder || cmd.level !== escalation.level) {
    return refused(
      'NOT_THE_CURRENT_LEVEL',
      `the matter is before ${escalation.level} (${escalation.ladder} ladder); a decision of ` +
        `${cmd.level} (${cmd.ladder}) does not apply`,
    );
  }
  const result = applyDecision(escalation.ladder, escalation.level, cmd.outcome, ctx.now);
  if (!result.ok) return refused(result.code, result.message);

  const draft = draftOf(state);
  const decision = {
    outcome: cmd.outcome,
    rationale: cmd.rationale,
    decidedBy: cmd.chair,
    decidedAt: cmd.decidedAt,
  };
  const levelName =
    levelSpec(escalation.ladder, escalation.level, ctx.now)?.name ?? escalation.level;
  note(
    draft,
    'escalation.decided',
    publisher,
    `${levelName} (${cmd.chair}) decided "${cmd.outcome}": ${cmd.rationale}`,
    { ladder: cmd.ladder, level: cmd.level, outcome: cmd.outcome },
  );
  let reason: string;
  switch (result.result) {
    case 'resolved': {
      resolveLevel(draft, decision, true, ctx);
      if (result.decision === 'approved') {
        reason = cleared(
          draft,
          'escalation',
          {
            type: 'escalation-resolved',
            outcome: 'approve',
            notificationRequired: state.congress?.required ?? false,
          },
          ctx,
        );
        reason = `${levelName} approved: ${reason}`;
      } else {
        const status = mustTransition(draft.state, {
          type: 'escalation-resolved',
          outcome: 'deny',
        });
        draft.state = {
          ...draft.state,
          status,
          decision: {
            outcome: 'denied',
            basis: 'escalation',
            decidedAt: ctx.now,
            rationale: cmd.rationale,
          },
        };
        emit(
          draft,
          'consultation.decided',
          {
            consultationId: state.id,
            outcome: 'denied',
            basis: 'escalation',
            revision: state.revision,
            decidedAt: ctx.now,
          },
          'consultation-decided',
        );
        reason = `${levelName} denied: ${cmd.rationale}`;
      }
      break;
    }
    case 'referred':
      resolveLevel(draft, decision, false, ctx);
      referUp(draft, result.level, ctx);
      return settle(state, draft, ctx);
    case 'remanded': {
      const resolved = resolveLevel(draft, decision, true, ctx);
      const next = mustTransition(draft.state, { type: 'escalation-resolved', outcome: 'remand' });
      const revision = state.revision + 1;
      draft.state = {
        ...draft.state,
        status: next,
        escalation: { ...resolved, remandedToRevision: revision },
      };
      reopenReview(draft, revision, ctx);
      reason = `${levelName} remanded to the agencies (revision ${revision}): ${cmd.rationale}`;
      break;
    }
  }
  return settle(state, draft, ctx, { reason });
}
