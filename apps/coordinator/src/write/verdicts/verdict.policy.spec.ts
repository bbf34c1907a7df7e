import {
  type JudgedMessage,
  toDocument,
  verdictAsReadBy,
  verdictFromLog,
  verdictOf,
} from './verdict.policy';

const AT = '2026-03-02T14:00:00.000Z';
const message: JudgedMessage = {
  eventId: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
  message: 'signoff.submitted',
  party: 'dod',
  consultationId: '7a1f0c3e-5b2d-4e8f-9a6b-1c2d3e4f5a6b',
  classification: 'UNCLASSIFIED',
};
const consultation = { status: 'in-review', revision: 2, version: 7 };

describe('the verdict on a message', () => {
  it.each([
    [
      'applied: accepted, and it changed the consultation',
      { kind: 'applied', consultation } as const,
      { outcome: 'accepted', changed: true },
    ],
    [
      'refused by the rules: refused with their code and sentence',
      { kind: 'refused', code: 'STALE_REVISION', reason: 'amended', consultation } as const,
      { outcome: 'refused', changed: false, code: 'STALE_REVISION', reason: 'amended' },
    ],
    [
      'already so: accepted without a change, saying why',
      { kind: 'unchanged', code: 'DUPLICATE_SIGN_OFF', reason: 'already', consultation } as const,
      { outcome: 'accepted', changed: false, code: 'DUPLICATE_SIGN_OFF' },
    ],
  ])('a message %s', (_name, judgement, expected) => {
    expect(verdictOf(message, judgement, AT)).toMatchObject({
      ...expected,
      eventId: message.eventId,
      party: 'dod',
      consultation,
      decidedAt: AT,
    });
  });
});

describe('a verdict recovered from the log (the judging process stopped before recording it)', () => {
  const other = '11111111-2222-4333-8444-555555555555';

  it('is the refusal the log’s refusal notice names, with its code and reason', () => {
    const entries = [
      { eventId: message.eventId, type: 'signoff.submitted' },
      {
        eventId: other,
        type: 'message.refused',
        data: { refusedEventId: message.eventId, code: 'CONFLICTING_SIGN_OFF', reason: 'no' },
      },
    ];
    expect(verdictFromLog(message, entries, consultation, AT)).toMatchObject({
      outcome: 'refused',
      code: 'CONFLICTING_SIGN_OFF',
      reason: 'no',
    });
  });

  it('is accepted when the message is logged and no notice names it', () => {
    const entries = [
      { eventId: message.eventId, type: 'signoff.submitted' },
      {
        eventId: other,
        type: 'message.refused',
        data: { refusedEventId: other, code: 'X', reason: 'another message' },
      },
    ];
    expect(verdictFromLog(message, entries, consultation, AT)).toMatchObject({
      outcome: 'accepted',
      changed: true,
    });
  });

  it('is accepted without a change when the log never saw it', () => {
    expect(verdictFromLog(message, [], consultation, AT)).toMatchObject({
      outcome: 'accepted',
      changed: false,
    });
  });
});

describe('who reads a verdict', () => {
  const refused = toDocument(
    verdictOf(
      message,
      { kind: 'refused', code: 'NOT_IN_REVIEW', reason: 'escalated', consultation },
      AT,
    ),
    { markings: ['UNCLASSIFIED', 'SECRET//NOFORN'] },
  );

  it('an agency’s service account reads its own agency’s verdicts only', () => {
    const dod = { kind: 'service', agency: 'dod', clearance: 'TOP SECRET' } as const;
    const nsc = { kind: 'service', agency: 'nsc', clearance: 'TOP SECRET' } as const;
    expect(verdictAsReadBy(dod, refused)).toMatchObject({ code: 'NOT_IN_REVIEW' });
    expect(verdictAsReadBy(nsc, refused)).toBeUndefined();
  });

  it('the reason is withheld from a reader not cleared for every marking; the outcome and code stay', () => {
    const viewer = (clearance: 'SECRET' | 'CONFIDENTIAL') =>
      ({ kind: 'person', clearance }) as const;
    expect(verdictAsReadBy(viewer('SECRET'), refused)).toMatchObject({ reason: 'escalated' });
    expect(verdictAsReadBy(viewer('CONFIDENTIAL'), refused)).toMatchObject({
      outcome: 'refused',
      code: 'NOT_IN_REVIEW',
      reason: '[withheld]',
      withheld: true,
    });
  });
});
