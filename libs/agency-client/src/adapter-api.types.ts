/**
 * The request and response bodies of an agency adapter's review API, as its
 * OpenAPI document states them: aliases of the types generated from
 * docs/openapi/<adapter>.json (libs/contracts/src/http, `npm run generate`).
 * The five adapters serve the same review API from libs/agency-adapter; the
 * drift test (scripts/generate-api-types.spec.ts) checks that these schemas
 * are the same in every adapter's document, so DoD's stand for all.
 */
import type { components } from '@icb/contracts/http/dod-adapter.api';

type Schemas = components['schemas'];

export type SignOffBody = Schemas['SignOffBodyDto'];
export type AcknowledgeBody = Schemas['AcknowledgeBodyDto'];
export type HoldBody = Schemas['HoldBodyDto'];
export type ExtensionBody = Schemas['ExtensionBodyDto'];
export type ConditionRemovalAnswerBody = Schemas['ConditionRemovalAnswerBodyDto'];
export type PendingReviewList = Schemas['PendingReviewListDto'];
export type ReviewDetail = Schemas['ReviewDetailDto'];
export type Verdict = Schemas['VerdictDto'];
/** An answer the coordinator accepted (`verdict.outcome: 'accepted'`) or has not judged yet (`'pending'`). */
export type PublishedEvent = Schemas['PublishedEventDto'];
/** An error answer (`code`, `message`; a refusal carries the coordinator's `verdict`). */
export type ApiErrorBody = Schemas['ApiErrorDto'];
