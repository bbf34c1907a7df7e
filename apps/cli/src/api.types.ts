/**
 * The coordinator's REST answers, as the CLI reads them: readable names for
 * the types generated from its OpenAPI document
 * (docs/openapi/coordinator.json → libs/contracts/src/http/coordinator.api.ts,
 * `npm run generate`), so a field the coordinator renames breaks the CLI's
 * typecheck. `--json` prints the answer as it came.
 */
import type { components, paths } from '@icb/contracts/http/coordinator.api';

type Schemas = components['schemas'];
/** The JSON body of the 200 answer of `GET <path>`. */
type GetOk<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type HealthReport = GetOk<'/health'>;
export type HealthIndicator = NonNullable<HealthReport['details']>[string];

export type ConsultationSummary = Schemas['ConsultationSummaryDto'];
export type ConsultationPage = Schemas['ConsultationPageDto'];
/** `GET /consultations/{id}` for a consultation above the operator's clearance. */
export type WithheldConsultation = Schemas['WithheldConsultationDto'];
export type ConsultationDetail = Schemas['ConsultationDetailDto'];

export type AgencyReview = Schemas['AgencyReviewDto'];
export type AgencyQueueItem = Schemas['AgencyQueueItemDto'];
export type AgencyQueue = Schemas['AgencyQueueDto'];

export type Review = Schemas['ReviewDto'];
export type SignOffRecord = Schemas['SignOffRecordDto'];
export type ConditionRecord = Schemas['ConditionRecordDto'];
export type ClockRecord = Schemas['ClockRecordDto'];
export type EscalationStep = Schemas['EscalationStepDto'];
export type EscalationState = Schemas['EscalationStateDto'];
export type CongressState = Schemas['CongressStateDto'];
export type TimelineEntry = Schemas['TimelineEntryDto'];

export type UpcomingClock = Schemas['UpcomingClockDto'];
export type ConsultationStats = Schemas['ConsultationStatsDto'];

/** One page of `/consultations/{id}/audit/log`: entries as stored and hashed. */
export type AuditLogPage = Schemas['AuditLogPageDto'];
export type AuditVerification = Schemas['AuditVerificationDto'];

export type DeadLetterRecord = Schemas['DeadLetterRecordDto'];
export type DeadLetterList = Schemas['DeadLetterListDto'];
export type ReplayResult = Schemas['ReplayResultDto'];

/** `GET /dev/clock`; after an advance, `fired` counts the consultations the clocks that fell due changed. */
export type DevClock = Schemas['DevClockDto'];

/** The coordinator's verdict on a message (`GET /messages/{eventId}/verdict`, ADR 11). */
export type Verdict = Schemas['MessageVerdictDto'];

/** The query of `GET /consultations` (lists are sent comma-separated). */
export type ListQuery = NonNullable<paths['/consultations']['get']['parameters']['query']>;

/** One server-sent event from `/events` (the CLI's SSE parser; not a JSON answer). */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}
