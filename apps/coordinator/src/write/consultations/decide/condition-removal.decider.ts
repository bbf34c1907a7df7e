/** Dropping a condition only with the imposing agency's recorded agreement (GAO-25-107431). */
import { type ConditionRemovalAnsweredV1, type ConditionRemovalRequestedV1 } from '@icb/contracts';
import { ACTION_AGENCY, canRemoveCondition } from '../../../policy';
import type { ConditionRecord, Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  note,
  refused,
  sameConsultation,
  closedTo,
} from './change';
import { settle } from './settle';

export function liveCondition(state: Consultation, id: string): ConditionRecord | undefined {
  return state.conditions.find((c) => c.id === id && c.status !== 'superseded');
}

export function replaceCondition(state: Consultation, condition: ConditionRecord): Consultation {
  return {
    ...state,
    conditions: state.conditions.map((c) =>
      c.id === condition.id && c.revision === condition.revision ? condition : c,
    ),
  };
}

/**
 * State/PM asks the imposing agency to agree to drop a condition. Nothing is
 * removed yet: the condition is removed only when that agency agrees
 * (`answerConditionRemoval`), which is the recorded consultation GAO-25-107431
 * asks for.
 */
export function requestConditionRemoval(
  state: Consultation,
  cmd: ConditionRemovalRequestedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const condition = liveCondition(state, cmd.conditionId);
  if (condition === undefined) {
    return refused('UNKNOWN_CONDITION', `no condition ${cmd.conditionId} is on record`);
  }
  if (condition.agency !== cmd.imposingAgency) {
    return refused(
      'NOT_THE_IMPOSING_AGENCY',
      `condition ${cmd.conditionId} was imposed by ${condition.agency}, not ${cmd.imposingAgency}; ask ${condition.agency}`,
    );
  }
  if (condition.status === 'removed') {
    return refused('CONDITION_REMOVED', `condition ${cmd.conditionId} was already removed`, true);
  }
  if (condition.status === 'removal-requested') {
    const same = condition.removal?.justification === cmd.justification;
    return refused(
      'REMOVAL_ALREADY_REQUESTED',
      `the removal of condition ${cmd.conditionId} was asked for at ${condition.removal?.requestedAt}; ` +
        `waiting for ${condition.agency}'s answer`,
      same,
    );
  }
  const closed = closedTo(state, 'a condition removal');
  if (closed) return closed;
  const draft = draftOf(
    replaceCondition(state, {
      ...condition,
      status: 'removal-requested',
      removal: { justification: cmd.justification, requestedAt: ctx.now },
    }),
  );
  note(
    draft,
    'condition.removal-requested',
    ACTION_AGENCY,
    `The action office asked ${condition.agency} to agree to drop condition ${condition.id}: ${cmd.justification}`,
    { conditionId: condition.id, imposingAgency: condition.agency },
  );
  return settle(state, draft, ctx);
}

/** The imposing agency answers: agreed → the condition is removed; refused → it is retained. */
export function answerConditionRemoval(
  state: Consultation,
  cmd: ConditionRemovalAnsweredV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const condition = liveCondition(state, cmd.conditionId);
  if (condition === undefined) {
    return refused('UNKNOWN_CONDITION', `no condition ${cmd.conditionId} is on record`);
  }
  if (condition.agency !== cmd.agency) {
    return refused(
      'NOT_THE_IMPOSING_AGENCY',
      `condition ${cmd.conditionId} was imposed by ${condition.agency}; only ${condition.agency} can agree to drop it, not ${cmd.agency}`,
    );
  }
  if (condition.status !== 'removal-requested' || condition.removal === undefined) {
    const answered = condition.removal?.agreed === cmd.agreed && condition.removal.answeredAt;
    return refused(
      'NO_REMOVAL_REQUESTED',
      answered
        ? `${cmd.agency} already answered on condition ${cmd.conditionId}; nothing to do`
        : `nobody asked to drop condition ${cmd.conditionId}; the action office asks first`,
      Boolean(answered),
    );
  }
  const removal = {
    ...condition.removal,
    answeredAt: ctx.now,
    agreed: cmd.agreed,
    comment: cmd.comment,
  };
  if (cmd.agreed) {
    const verdict = canRemoveCondition(
      { id: condition.id, imposedBy: condition.agency },
      ACTION_AGENCY,
      [{ conditionId: condition.id, withAgency: cmd.agency, at: ctx.now, summary: cmd.comment }],
    );
    if (!verdict.ok) return refused(verdict.code, verdict.message);
  }
  const closed = closedTo(state, 'an answer on a condition removal');
  if (closed) return closed;
  const draft = draftOf(
    replaceCondition(state, {
      ...condition,
      status: cmd.agreed ? 'removed' : 'retained',
      removal,
    }),
  );
  note(
    draft,
    cmd.agreed ? 'condition.removed' : 'condition.retained',
    cmd.agency,
    cmd.agreed
      ? `${cmd.agency} agreed to drop its condition ${condition.id}; removed: ${cmd.comment}`
      : `${cmd.agency} refused to drop its condition ${condition.id}; it stays: ${cmd.comment}`,
    { conditionId: condition.id, agreed: cmd.agreed },
  );
  return settle(state, draft, ctx);
}
