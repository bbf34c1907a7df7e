/**
 * The operators' HTTP view of consultations: the query parameters (validated
 * by the global ValidationPipe) and the response shapes. Every property has an
 * explicit `@ApiProperty`: the swc test build does not run the swagger CLI
 * plugin, and the checked-in OpenAPI document must come out the same from
 * every build. Response classes `implement` the model, so a model change that
 * breaks them is a compile error.
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
