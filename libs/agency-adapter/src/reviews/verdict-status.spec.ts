import { refusalStatus, statusUrlOf } from './verdict-status';

describe('the HTTP status of a coordinator refusal', () => {
  it.each([
    // Conflicts with the consultation as it stands: a retry with fresh data may pass.
    ['STALE_REVISION', 409],
    ['NOT_A_CLEARING_PARTY', 409],
    ['CONSULTATION_CLOSED', 409],
    ['NOT_IN_REVIEW', 409],
    ['ALREADY_ANSWERED', 409],
    ['REMOVAL_ALREADY_REQUESTED', 409],
    ['UNKNOWN_CONDITION', 409],
    ['A_CODE_ADDED_LATER', 409],
    // Never acceptable as sent: the content, or who says it.
    ['RATIONALE_REQUIRED', 422],
    ['EXTENSION_TOO_LONG', 422],
    ['REVIEW_PERIOD_MISMATCH', 422],
    ['AGENCY_MISMATCH', 422],
    ['NOT_THE_IMPOSING_AGENCY', 422],
  ])('%s is answered %i', (code, status) => {
    expect(refusalStatus(code)).toBe(status);
  });

  it('the status URL is the adapter’s verdict resource of the event', () => {
    expect(statusUrlOf('0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21')).toBe(
      '/messages/0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21/verdict',
    );
  });
});
