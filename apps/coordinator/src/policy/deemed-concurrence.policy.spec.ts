import {
  canExtend,
  canProceedWithoutClearance,
  deemedConcurrence,
  deemedConcurrenceRule,
  referralDueAt,
} from './deemed-concurrence.policy';
import { CONSULTATION_KINDS } from './vocabulary';

const referral = {
  kind: 'technology-transfer' as const,
  referredAt: '2025-01-31T15:00:00Z',
  extensionsGranted: 0,
};

describe('which kinds have deemed concurrence', () => {
  it.each(CONSULTATION_KINDS.map((kind) => [kind, kind === 'technology-transfer']))(
    '%s: %s',
    (kind, has) => {
      expect(deemedConcurrenceRule(kind, '2025-06-01') !== undefined).toBe(has);
    },
  );

  it('the export-license rule names EAA 1979 §10(e) and its text', () => {
    expect(deemedConcurrenceRule('technology-transfer', '2025-06-01')).toMatchObject({
      ruleId: 'EAA-1979-10E',
      periodDays: 30,
      extensionDays: 30,
      maxExtensions: 1,
      source: expect.stringContaining('§10(e)'),
      text: expect.stringContaining('deemed'),
    });
  });

  it('there was no such rule before the Act', () => {
    expect(deemedConcurrenceRule('technology-transfer', '1979-09-28')).toBeUndefined();
  });
});

describe('the one extension (EAA 1979 §10(e))', () => {
  it('a referral of Jan 31 is due at the end of Mar 2; one extension moves it to Apr 1', () => {
    expect(referralDueAt(referral)?.toISOString()).toBe('2025-03-02T23:59:59.999Z');
    expect(canExtend(referral, '2025-03-02T23:00:00Z')).toMatchObject({
      ok: true,
      ruleId: 'EAA-1979-10E',
      dueAt: new Date('2025-04-01T23:59:59.999Z'),
    });
  });

  it.each([
    ['asked on the last day of the period', referral, '2025-03-02T23:59:59.999Z', true],
    [
      'asked after the period ended',
      referral,
      '2025-03-03T00:00:00Z',
      'EXTENSION_REQUESTED_TOO_LATE',
    ],
    [
      'a second extension, even asked in time',
      { ...referral, extensionsGranted: 1 },
      '2025-02-01T00:00:00Z',
      'EXTENSION_ALREADY_GRANTED',
    ],
    [
      'an FMS case has no referral period',
      { ...referral, kind: 'fms-case' as const },
      '2025-02-01T00:00:00Z',
      'NO_DEEMED_CONCURRENCE',
    ],
  ])('%s', (_name, r, at, expected) => {
    const result = canExtend(r, at);
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code: expected });
  });
});

describe('deemed concurrence', () => {
  it('a silent agency is deemed to concur just after its deadline, with the rule on record', () => {
    expect(
      deemedConcurrence({ ...referral, answered: false }, '2025-03-03T00:00:00Z'),
    ).toMatchObject({
      ok: true,
      ruleId: 'EAA-1979-10E',
      deemedAt: new Date('2025-03-03T00:00:00.000Z'),
    });
  });

  it('an extension holds off deemed concurrence until the extended deadline', () => {
    const extended = { ...referral, extensionsGranted: 1, answered: false };
    expect(deemedConcurrence(extended, '2025-03-03T00:00:00Z')).toMatchObject({
      ok: false,
      code: 'DEADLINE_NOT_PASSED',
    });
    expect(deemedConcurrence(extended, '2025-04-02T00:00:00Z').ok).toBe(true);
  });

  it.each([
    ['the agency answered', { ...referral, answered: true }, 'ALREADY_ANSWERED'],
    [
      'the kind has none',
      { ...referral, kind: 'arms-control' as const, answered: false },
      'NO_DEEMED_CONCURRENCE',
    ],
  ])('is refused when %s', (_name, r, code) => {
    expect(deemedConcurrence(r, '2025-06-01T00:00:00Z')).toMatchObject({ ok: false, code });
  });
});

describe('proceeding without a delaying office (2 FAM 1211)', () => {
  const request = {
    requestedBy: 'state-pm' as const,
    delayingAgency: 'cia' as const,
    delayingDueAt: '2025-03-02T23:59:59.999Z',
    delayingAgencyAnswered: false,
  };

  it('the action office may proceed after the deadline, on the record of rule 2-FAM-1211', () => {
    expect(canProceedWithoutClearance(request, '2025-03-03T00:00:00Z')).toMatchObject({
      ok: true,
      excused: 'cia',
      ruleId: '2-FAM-1211',
    });
  });

  it.each([
    ['before the deadline', request, '2025-03-02T23:59:59.999Z', 'DEADLINE_NOT_PASSED'],
    [
      'when DoD, not the action office, asks',
      { ...request, requestedBy: 'dod' as const },
      '2025-03-04T00:00:00Z',
      'NOT_THE_ACTION_OFFICE',
    ],
    [
      'when the office has answered',
      { ...request, delayingAgencyAnswered: true },
      '2025-03-04T00:00:00Z',
      'ALREADY_ANSWERED',
    ],
  ])('is refused %s', (_name, r, at, code) => {
    expect(canProceedWithoutClearance(r, at)).toMatchObject({ ok: false, code });
  });
});
