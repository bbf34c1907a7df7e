/** Shared property formats and vocabularies of the consultation response and query shapes. */
import { CLOCK_KINDS, ESCALATION_LEVELS } from '@icb/contracts';
import type {
  ConditionRecord,
  NotificationStep,
  Review,
} from '../../write/consultations/consultation.model';

export const ISO = {
  type: String,
  format: 'date-time',
  example: '2026-03-02T14:30:00.000Z',
} as const;
export const UUID = {
  type: String,
  format: 'uuid',
  example: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
} as const;
export const LEVELS = [...new Set(ESCALATION_LEVELS)];
export const CLOCK_RECORD_KINDS = [...CLOCK_KINDS, 'reminder', 'congress-review'] as const;
export const NOTIFICATION_STEPS: readonly NotificationStep[] = [
  'awaiting-clearance',
  'not-required',
  'awaiting-informal',
  'informal-review',
  'formal-review',
  'cleared-for-offer',
  'waived',
  'disapproved',
];
export const REVIEW_STATES: readonly Review['state'][] = [
  'pending',
  'answered',
  'deemed',
  'waived',
];
export const CONDITION_STATUSES: readonly ConditionRecord['status'][] = [
  'active',
  'removal-requested',
  'removed',
  'retained',
  'superseded',
];
