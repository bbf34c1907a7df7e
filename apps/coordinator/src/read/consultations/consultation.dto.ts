/**
 * The operators' HTTP view of consultations: the query parameters (validated
 * by the global ValidationPipe) and the response shapes, documented by the
 * Swagger plugin from their types and JSDoc (ADR 23: its generated
 * swagger.metadata.ts, so the document comes out the same from every build);
 * an `@ApiProperty` states only what the plugin cannot read (formats,
 * integers, bounds, enums in their order). Response classes `implement` the
 * model, so a model change that breaks them is a compile error.
 *
 * One file per shape: the list queries (`consultation-query.dto.ts`), the
 * summary (`consultation-summary.dto.ts`), an agency's queue
 * (`agency-queue.dto.ts`), the figures (`consultation-stats.dto.ts`), and the
 * consultation in full (`consultation-detail.dto.ts`) with what it records
 * (`consultation-records.dto.ts`, `consultation-escalation.dto.ts`,
 * `consultation-congress.dto.ts`). This index re-exports them.
 */
export {
  AgencyParamDto,
  ConsultationIdParamDto,
  DEFAULT_PAGE_SIZE,
  ListConsultationsQueryDto,
  MAX_PAGE_SIZE,
  PageQueryDto,
  consultationQuery,
} from './consultation-query.dto';

/** Every error answer, in the one shape every service's document declares. */
export { ApiErrorDto } from '@icb/runtime';

export {
  ConsultationPageDto,
  ConsultationSummaryDto,
  daysLeft,
  toSummary,
} from './consultation-summary.dto';
export {
  AgencyQueueDto,
  AgencyQueueItemDto,
  AgencyReviewDto,
  toQueueItem,
} from './agency-queue.dto';
export {
  ConsultationStatsDto,
  UpcomingClockDto,
  fillCounts,
  toUpcomingClock,
} from './consultation-stats.dto';
export {
  AssessmentRecordDto,
  ClockRecordDto,
  ConditionRecordDto,
  ReviewDto,
  ScreeningRecordDto,
  SignOffRecordDto,
} from './consultation-records.dto';
export { EscalationStateDto } from './consultation-escalation.dto';
export { CongressStateDto } from './consultation-congress.dto';
export {
  ConsultationDetailDto,
  ConsultationDto,
  TimelineEntryDto,
  WithheldConsultationDto,
  toDetail,
  toTimelineEntry,
} from './consultation-detail.dto';
