/**
 * The coordinator's REST API responses the adapter reads, under the names the
 * adapters use: aliases of the types generated from the coordinator's OpenAPI
 * document (docs/openapi/coordinator.json → libs/contracts/src/http, `npm run
 * generate`), so a field the coordinator renames breaks the adapters'
 * typecheck. The library depends on the contracts, never on the app.
 */
import type { components } from '@icb/contracts/http/coordinator.api';

type Schemas = components['schemas'];

/** `GET /agencies/{agency}/queue`. */
export type CoordinatorQueue = Schemas['AgencyQueueDto'];
export type CoordinatorQueueItem = Schemas['AgencyQueueItemDto'];
/** The agency's review clock, as the queue lists it. */
export type CoordinatorReviewClock = Schemas['AgencyReviewDto'];

/** `GET /consultations/{id}` within the adapter's clearance. */
export type CoordinatorConsultation = Schemas['ConsultationDetailDto'];
export type CoordinatorReview = Schemas['ReviewDto'];
export type CoordinatorSignOff = Schemas['SignOffRecordDto'];
export type CoordinatorCondition = Schemas['ConditionRecordDto'];
export type CoordinatorTimelineEntry = Schemas['TimelineEntryDto'];
/** `GET /consultations/{id}` above the adapter's clearance: the summary only. */
export type CoordinatorWithheldConsultation = Schemas['WithheldConsultationDto'];
