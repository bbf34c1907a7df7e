/** Congressional notification: informal and formal notice, the emergency waiver, a joint resolution of disapproval. */
import {
  type CongressDisapprovalEnactedV1,
  type CongressEmergencyWaiverCertifiedV1,
  type CongressFormalNoticeSentV1,
  type CongressInformalNoticeSentV1,
} from '@icb/contracts';
import { ACTION_AGENCY, nextNotificationState, reviewPeriodDays } from '../../../policy';
import type { Consultation, IsoDate } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  emit,
  isRefused,
  justAfter,
  mustTransition,
  note,
  refused,
  sameConsultation,
} from './change';
import { congressOf, notify } from './congress';
import { settle } from './settle';

export function congressInformalNotice(
  state: Consultation,
  cmd: CongressInformalNoticeSentV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  const recorded = state.congress?.informalAt;
  if (recorded !== undefined && (state.congress?.informalSentAt ?? recorded) === cmd.sentAt) {
    return refused(
      'DUPLICATE_NOTICE',
      `the informal notice of ${cmd.sentAt} is already recorded`,
      true,
    );
  }
  const congress = congressOf(state, 'an informal notice');
  if (isRefused(congress)) return congress;
  // Statutory time runs from when the coordinator recorded the step; the
  // sender's date is kept as information (it never shortens a period).
  const next = notify(congress, { type: 'informal-notice-sent', at: ctx.now });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      step: next.step,
      committees: [...cmd.committees],
      informalAt: ctx.now,
      informalSentAt: cmd.sentAt,
    },
  });
  note(
    draft,
    'congress.informal-notice',
    ACTION_AGENCY,
    `State informally notified ${cmd.committees.join(' and ')} (recorded ${ctx.now}; sent ${cmd.sentAt} by State's account) (tiered review)`,
  );
  return settle(state, draft, ctx);
}

/**
 * Formal notification: refused while a hold is open, and refused when the
 * sender's review period disagrees with the policy's (the period in effect on
 * the day of the notice, for the recipient's group then). The review clock
 * fires at the first instant after the period's last day.
 */
export function congressFormalNotice(
  state: Consultation,
  cmd: CongressFormalNoticeSentV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.congress?.transmittalNumber === cmd.transmittalNumber && state.congress.formalAt) {
    return refused(
      'DUPLICATE_NOTICE',
      `formal notice ${cmd.transmittalNumber} is already recorded`,
      true,
    );
  }
  const congress = congressOf(state, 'a formal notice');
  if (isRefused(congress)) return congress;
  // The period in effect, and its start, are the coordinator's: a notice
  // dated in the past by its sender must not shorten the statutory review.
  const days = reviewPeriodDays(state.attributes.country, ctx.now);
  if (cmd.reviewDays !== days) {
    return refused(
      'REVIEW_PERIOD_MISMATCH',
      `the notice states a ${cmd.reviewDays}-day review, but AECA §36(b) gives ${days} days for a sale to ` +
        `${state.attributes.country} on ${ctx.now.slice(0, 10)}; correct the notice`,
    );
  }
  const next = notify(congress, {
    type: 'formal-notice-sent',
    at: ctx.now,
    reviewPeriodDays: days,
  });
  if (isRefused(next)) return next;
  const reviewEndsAt = next.reviewEndsAt as IsoDate;
  const draft = draftOf({
    ...state,
    congress: {
      ...congress,
      step: next.step,
      reviewDays: days,
      formalAt: ctx.now,
      formalSentAt: cmd.sentAt,
      transmittalNumber: cmd.transmittalNumber,
      reviewEndsAt,
    },
    clocks: [
      ...state.clocks,
      {
        id: `congress-review:${cmd.transmittalNumber}@${reviewEndsAt}`,
        kind: 'congress-review',
        revision: state.revision,
        dueAt: justAfter(reviewEndsAt),
      },
    ],
  });
  note(
    draft,
    'congress.formal-notice',
    ACTION_AGENCY,
    `Formal notice ${cmd.transmittalNumber} recorded ${ctx.now} (sent ${cmd.sentAt} by State's account); ` +
      `the ${days}-day review runs until ${reviewEndsAt}`,
    {
      transmittalNumber: cmd.transmittalNumber,
      reviewDays: days,
      reviewEndsAt,
      sentAt: cmd.sentAt,
    },
  );
  return settle(state, draft, ctx);
}

/** The President certified an emergency: the review period is waived and the offer may go out now. */
export function congressWaiver(
  state: Consultation,
  cmd: CongressEmergencyWaiverCertifiedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.congress?.waiver?.certifiedAt === cmd.certifiedAt) {
    return refused(
      'DUPLICATE_WAIVER',
      `the waiver certified ${cmd.certifiedAt} is already recorded`,
      true,
    );
  }
  const congress = congressOf(state, 'an emergency waiver');
  if (isRefused(congress)) return congress;
  const waived = notify(congress, {
    type: 'emergency-waiver-certified',
    at: ctx.now,
    justification: cmd.justification,
  });
  if (isRefused(waived)) return waived;
  const clearedState = nextNotificationState(waived, {
    type: 'offer-cleared-under-waiver',
    at: ctx.now,
  });
  if (!clearedState.ok) return refused(clearedState.code, clearedState.message);
  const draft = draftOf({
    ...state,
    status: mustTransition(state, { type: 'emergency-waiver' }),
    congress: {
      ...congress,
      step: 'cleared-for-offer',
      waiver: {
        justification: cmd.justification,
        certifiedAt: cmd.certifiedAt,
        recordedAt: ctx.now,
      },
      clearedAt: ctx.now,
      basis: 'emergency-waiver',
    },
  });
  emit(
    draft,
    'congress.cleared-for-offer',
    { consultationId: state.id, basis: 'emergency-waiver', clearedAt: ctx.now },
    'cleared-for-offer',
  );
  note(
    draft,
    'congress.emergency-waiver',
    ACTION_AGENCY,
    `The President certified an emergency on ${cmd.certifiedAt}; review period waived, cleared for offer: ${cmd.justification}`,
  );
  return settle(state, draft, ctx, { reason: 'emergency waiver certified: cleared for offer' });
}

/** A joint resolution of disapproval, during formal review: the sale is blocked. */
export function congressDisapproval(
  state: Consultation,
  cmd: CongressDisapprovalEnactedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.congress?.disapproval?.resolution === cmd.resolution) {
    return refused('DUPLICATE_DISAPPROVAL', `${cmd.resolution} is already recorded`, true);
  }
  const congress = congressOf(state, 'a joint resolution of disapproval');
  if (isRefused(congress)) return congress;
  const next = notify(congress, { type: 'joint-resolution-of-disapproval', at: ctx.now });
  if (isRefused(next)) return next;
  const draft = draftOf({
    ...state,
    status: mustTransition(state, { type: 'disapproved' }),
    congress: {
      ...congress,
      step: 'disapproved',
      disapproval: { resolution: cmd.resolution, enactedAt: cmd.enactedAt, recordedAt: ctx.now },
    },
  });
  note(
    draft,
    'congress.disapproval',
    ACTION_AGENCY,
    `${cmd.resolution} enacted ${cmd.enactedAt}: the sale is blocked`,
  );
  return settle(state, draft, ctx, {
    reason: `joint resolution of disapproval ${cmd.resolution} enacted`,
  });
}
