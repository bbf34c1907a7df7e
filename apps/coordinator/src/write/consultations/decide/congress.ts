/** AECA §36(b) notification state shared by the congressional deciders. */
import {
  isOpen,
  nextNotificationState,
  type NotificationEvent,
  type NotificationState,
} from '../../../policy';
import type { CongressState, Consultation } from '../consultation.model';
import { Refused, refused } from './change';

export function congressOf(state: Consultation, what: string): CongressState | Refused {
  const congress = state.congress;
  if (state.kind !== 'fms-case' || congress === undefined) {
    return refused(
      'NOT_AN_FMS_CASE',
      `${what} applies to FMS cases only (AECA §36(b)); this is ${state.kind}`,
    );
  }
  if (!congress.required) {
    return refused(
      'NOTIFICATION_NOT_REQUIRED',
      `${what} does not apply: the sale is below every §36(b) threshold`,
    );
  }
  if (!isOpen(state.status)) {
    return refused(
      'CONSULTATION_CLOSED',
      `the consultation is ${state.status}; ${what} no longer applies`,
    );
  }
  if (state.status !== 'congressional-review') {
    return refused(
      'CLEARANCE_NOT_COMPLETE',
      `the consultation is ${state.status}; Congress is notified only after interagency clearance`,
    );
  }
  return congress;
}

export function toNotificationState(congress: CongressState): NotificationState {
  return {
    step: congress.step as NotificationState['step'],
    holds: congress.holds
      .filter((h) => h.liftedAt === undefined)
      .map((h) => ({
        id: h.holdId,
        placedBy: [h.committee, h.member].filter(Boolean).join(' '),
        placedAt: h.placedAt,
      })),
    ...(congress.formalAt === undefined ? {} : { formalNoticeAt: congress.formalAt }),
    ...(congress.reviewEndsAt === undefined ? {} : { reviewEndsAt: congress.reviewEndsAt }),
    ...(congress.waiver === undefined ? {} : { waiver: congress.waiver }),
  };
}

export function notify(
  congress: CongressState,
  event: NotificationEvent,
): NotificationState | Refused {
  const result = nextNotificationState(toNotificationState(congress), event);
  return result.ok ? result.state : refused(result.code, result.message);
}
