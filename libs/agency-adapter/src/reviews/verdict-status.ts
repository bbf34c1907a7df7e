/**
 * How an adapter answers the coordinator's verdict over HTTP (ADR 11): a
 * refusal is a 422 when the message could never be accepted as sent, whatever
 * the consultation's state (its content breaks a rule, or its sender may not
 * say it), and a 409 when it conflicts with the consultation as it stands
 * now (closed, another revision, not in review, already answered...).
 */
export const UNPROCESSABLE_REFUSALS: ReadonlySet<string> = new Set([
  // The content breaks a rule of the coordinator's.
  'RATIONALE_REQUIRED',
  'CONDITIONS_REQUIRED',
  'CONDITIONS_NOT_ALLOWED',
  'WAIVER_JUSTIFICATION_REQUIRED',
  'INVALID_REVIEW_PERIOD',
  'REVIEW_PERIOD_MISMATCH',
  'EXTENSION_TOO_LONG',
  'LEVEL_NOT_ON_LADDER',
  'UNKNOWN_ACTION_OFFICE',
  'NO_CLEARERS',
  'ACTION_OFFICE_IS_NOT_A_CLEARER',
  'WRONG_CONSULTATION',
  // Its sender may not say it, on any consultation.
  'AGENCY_MISMATCH',
  'NOT_THE_ACTION_OFFICE',
  'NOT_THE_CHAIR',
  'NOT_THE_IMPOSING_AGENCY',
]);

/** The HTTP status of a refusal with this code. */
export function refusalStatus(code: string): 409 | 422 {
  return UNPROCESSABLE_REFUSALS.has(code) ? 422 : 409;
}

/** Where an adapter's caller reads the verdict on one of its messages later. */
export function statusUrlOf(eventId: string): string {
  return `/messages/${encodeURIComponent(eventId)}/verdict`;
}
