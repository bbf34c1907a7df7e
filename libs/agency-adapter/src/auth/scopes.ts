import type { Agency } from '@icb/contracts';

/**
 * The scopes of the agency adapters' REST interfaces (ADR 18): one per kind
 * of operation, named `<resource>:<action>`, carried space-separated in the
 * access token's `scope` claim. Every route declares the ones it needs with
 * `@RequireScopes`.
 */
export const ADAPTER_SCOPES = {
  /** Read the agency's reviews (`GET /reviews`, `GET /reviews/{id}`). */
  reviewsRead: 'reviews:read',
  /** Acknowledge receipt of a review request. */
  reviewsAcknowledge: 'reviews:acknowledge',
  /** Sign off (concur, concur with conditions, non-concur); DoD's technical review too. */
  reviewsSignOff: 'reviews:sign-off',
  /** Place or release a hold on the agency's review. */
  reviewsHold: 'reviews:hold',
  /** Ask for more days. */
  reviewsExtension: 'reviews:extension',
  /** Answer a request to drop a condition the agency imposed. */
  reviewsConditions: 'reviews:conditions',
  /** Read the coordinator's verdict on one of the agency's answers. */
  verdictsRead: 'verdicts:read',
  /** Read the intelligence assessments released to the agency. */
  intelRead: 'intel:read',
  /** List webhook subscriptions and their delivery logs. */
  webhooksRead: 'webhooks:read',
  /** Register and delete webhook subscriptions. */
  webhooksManage: 'webhooks:manage',
  /** State/PM: file a request in its own formats (`POST /requests/*`). */
  requestsFile: 'requests:file',
  /** State/PM: amend, withdraw, proceed, change clearers, ask to drop a condition. */
  consultationsManage: 'consultations:manage',
  /** State/PM: the congressional steps (notices, holds, waiver, disapproval). */
  congressSteps: 'congress:steps',
  /** NSC: read open escalations. */
  escalationsRead: 'escalations:read',
  /** NSC: decide an escalation. */
  escalationsDecide: 'escalations:decide',
  /** CIA: release an assessment to the agencies. */
  intelRelease: 'intel:release',
  /** Treasury: read the sanctions list in use, screen parties ad hoc (nothing published). */
  sanctionsRead: 'sanctions:read',
  /** Treasury: reload the list and re-screen the open matters. */
  sanctionsReload: 'sanctions:reload',
} as const;

export type AdapterScope = (typeof ADAPTER_SCOPES)[keyof typeof ADAPTER_SCOPES];

const S = ADAPTER_SCOPES;

/** What every adapter serves (libs/agency-adapter). */
export const SHARED_ADAPTER_SCOPES: readonly AdapterScope[] = [
  S.reviewsRead,
  S.reviewsAcknowledge,
  S.reviewsSignOff,
  S.reviewsHold,
  S.reviewsExtension,
  S.reviewsConditions,
  S.verdictsRead,
  S.intelRead,
  S.webhooksRead,
  S.webhooksManage,
];

/** Every scope an agency's adapter knows: the shared ones and the agency's own. */
export const AGENCY_SCOPES: Readonly<Record<Agency, readonly AdapterScope[]>> = {
  'state-pm': [...SHARED_ADAPTER_SCOPES, S.requestsFile, S.consultationsManage, S.congressSteps],
  dod: [...SHARED_ADAPTER_SCOPES],
  nsc: [...SHARED_ADAPTER_SCOPES, S.escalationsRead, S.escalationsDecide],
  cia: [...SHARED_ADAPTER_SCOPES, S.intelRelease],
  treasury: [...SHARED_ADAPTER_SCOPES, S.sanctionsRead, S.sanctionsReload],
};

/** The audience an agency's adapter accepts (`aud`): e.g. `icb:dod-adapter`. */
export function adapterAudience(agency: Agency): string {
  return `icb:${agency}-adapter`;
}

/** The issuer of the tokens an adapter issues itself, unless ADAPTER_AUTH_ISSUER says otherwise. */
export function defaultAdapterIssuer(agency: Agency): string {
  return `urn:icb:${agency}-adapter`;
}

/** The space-separated `scope` claim as a set. */
export function parseScope(value: unknown): Set<string> {
  if (typeof value !== 'string') return new Set();
  return new Set(value.split(' ').filter((s) => s !== ''));
}

/** What each scope allows, for the OpenAPI documents. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<AdapterScope, string>> = {
  'reviews:read': 'Read the agency’s reviews',
  'reviews:acknowledge': 'Acknowledge a review request',
  'reviews:sign-off': 'Sign off on a review (DoD: its technical review too)',
  'reviews:hold': 'Place or release a hold',
  'reviews:extension': 'Ask for more days',
  'reviews:conditions': 'Answer a request to drop a condition the agency imposed',
  'verdicts:read': 'Read the coordinator’s verdict on an answer',
  'intel:read': 'Read the assessments released to the agency',
  'webhooks:read': 'List webhook subscriptions and deliveries',
  'webhooks:manage': 'Register and delete webhook subscriptions',
  'requests:file': 'State/PM: file requests in its own formats',
  'consultations:manage':
    'State/PM: amend, withdraw, proceed, change clearers, ask to drop a condition',
  'congress:steps': 'State/PM: congressional notices, holds, waiver, disapproval',
  'escalations:read': 'NSC: read open escalations',
  'escalations:decide': 'NSC: decide an escalation',
  'intel:release': 'CIA: release an assessment',
  'sanctions:read': 'Treasury: read the list in use, screen parties ad hoc',
  'sanctions:reload': 'Treasury: reload the list and re-screen',
};
