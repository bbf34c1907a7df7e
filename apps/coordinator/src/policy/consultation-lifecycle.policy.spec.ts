import {
  type LifecycleEvent,
  type LifecycleState,
  type RecordedSignOff,
  type SignOffView,
  canRemoveCondition,
  canSignOff,
  countingSignOffs,
  openConsultation,
  transition,
} from './consultation-lifecycle.policy';
import type { ConsultationStatus } from './vocabulary';

const fms = (status: ConsultationStatus, revision = 1): LifecycleState => ({
  kind: 'fms-case',
  status,
  revision,
});
const other = (status: ConsultationStatus): LifecycleState => ({
  kind: 'arms-control',
  status,
  revision: 1,
});

describe('consultation lifecycle', () => {
  it('a new consultation is in review at revision 1', () => {
    expect(openConsultation('fms-case')).toEqual(fms('in-review'));
  });

  it.each<[string, LifecycleState, LifecycleEvent, ConsultationStatus, number]>([
    [
      'all cleared → approved',
      other('in-review'),
      { type: 'all-cleared', notificationRequired: false },
      'approved',
      1,
    ],
    [
      'all cleared on an FMS case above a §36(b) threshold → congressional review',
      fms('in-review'),
      { type: 'all-cleared', notificationRequired: true },
      'congressional-review',
      1,
    ],
    [
      'a non-concurrence → escalated',
      fms('in-review'),
      { type: 'non-concurrence' },
      'escalated',
      1,
    ],
    [
      'escalation approves → approved',
      fms('escalated'),
      { type: 'escalation-resolved', outcome: 'approve' },
      'approved',
      1,
    ],
    [
      'escalation approves an FMS case needing notification → congressional review',
      fms('escalated'),
      { type: 'escalation-resolved', outcome: 'approve', notificationRequired: true },
      'congressional-review',
      1,
    ],
    [
      'escalation denies → denied',
      fms('escalated'),
      { type: 'escalation-resolved', outcome: 'deny' },
      'denied',
      1,
    ],
    [
      'escalation remands → in review, new revision',
      fms('escalated', 2),
      { type: 'escalation-resolved', outcome: 'remand' },
      'in-review',
      3,
    ],
    [
      'an amendment in review → new revision',
      fms('in-review', 1),
      { type: 'amended' },
      'in-review',
      2,
    ],
    [
      'an amendment during escalation → back to review, new revision',
      fms('escalated', 1),
      { type: 'amended' },
      'in-review',
      2,
    ],
    ['withdrawal in review', fms('in-review'), { type: 'withdrawn' }, 'withdrawn', 1],
    ['withdrawal during escalation', fms('escalated'), { type: 'withdrawn' }, 'withdrawn', 1],
    [
      'withdrawal during congressional review',
      fms('congressional-review'),
      { type: 'withdrawn' },
      'withdrawn',
      1,
    ],
    [
      'the formal review period ends → cleared for offer',
      fms('congressional-review'),
      { type: 'formal-review-ended' },
      'cleared-for-offer',
      1,
    ],
    [
      'an emergency waiver → cleared for offer',
      fms('congressional-review'),
      { type: 'emergency-waiver' },
      'cleared-for-offer',
      1,
    ],
    [
      'a joint resolution → disapproved',
      fms('congressional-review'),
      { type: 'disapproved' },
      'disapproved',
      1,
    ],
  ])('%s', (_name, state, event, status, revision) => {
    const result = transition(state, event);
    expect(result).toMatchObject({ ok: true, state: { status, revision } });
    expect(result.ok && result.newRevision).toBe(revision !== state.revision);
  });

  const CLOSED: ConsultationStatus[] = [
    'approved',
    'denied',
    'cleared-for-offer',
    'disapproved',
    'withdrawn',
  ];
  const EVENTS: LifecycleEvent[] = [
    { type: 'all-cleared', notificationRequired: false },
    { type: 'non-concurrence' },
    { type: 'escalation-resolved', outcome: 'approve' },
    { type: 'amended' },
    { type: 'withdrawn' },
    { type: 'formal-review-ended' },
    { type: 'emergency-waiver' },
    { type: 'disapproved' },
  ];

  it.each(CLOSED.flatMap((status) => EVENTS.map((event) => [status, event.type, event] as const)))(
    'a %s consultation refuses "%s" as closed',
    (status, _type, event) => {
      expect(transition(fms(status), event)).toMatchObject({
        ok: false,
        code: 'CONSULTATION_CLOSED',
      });
    },
  );

  it.each<[ConsultationStatus, LifecycleEvent]>([
    ['in-review', { type: 'escalation-resolved', outcome: 'approve' }],
    ['in-review', { type: 'formal-review-ended' }],
    ['in-review', { type: 'emergency-waiver' }],
    ['in-review', { type: 'disapproved' }],
    ['escalated', { type: 'all-cleared', notificationRequired: false }],
    ['escalated', { type: 'non-concurrence' }],
    ['escalated', { type: 'formal-review-ended' }],
    ['escalated', { type: 'emergency-waiver' }],
    ['escalated', { type: 'disapproved' }],
    ['congressional-review', { type: 'all-cleared', notificationRequired: true }],
    ['congressional-review', { type: 'non-concurrence' }],
    ['congressional-review', { type: 'escalation-resolved', outcome: 'deny' }],
    ['congressional-review', { type: 'amended' }],
  ])('an open %s consultation refuses %j as an illegal transition', (status, event) => {
    expect(transition(fms(status), event)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('only an FMS case goes to congressional review', () => {
    expect(
      transition(other('in-review'), { type: 'all-cleared', notificationRequired: true }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_AN_FMS_CASE',
    });
  });
});

describe('sign-offs', () => {
  const view = (overrides: Partial<SignOffView> = {}): SignOffView => ({
    status: 'in-review',
    revision: 2,
    clearers: ['dod', 'nsc', 'cia'],
    signOffs: [
      {
        agency: 'dod',
        revision: 2,
        decision: 'concur-with-conditions',
        conditions: [{ id: 'c1', text: 'anti-tamper' }],
      },
    ],
    ...overrides,
  });
  const submission = (overrides: Partial<RecordedSignOff> = {}): RecordedSignOff => ({
    agency: 'nsc',
    revision: 2,
    decision: 'concur',
    ...overrides,
  });

  it('a clearer answers the current revision', () => {
    expect(canSignOff(view(), submission())).toEqual({ ok: true });
  });

  it.each<[string, SignOffView, RecordedSignOff, string]>([
    [
      'Treasury is not a clearing party',
      view(),
      submission({ agency: 'treasury' }),
      'NOT_A_CLEARING_PARTY',
    ],
    [
      'State/PM does not clear its own matter',
      view(),
      submission({ agency: 'state-pm' }),
      'NOT_A_CLEARING_PARTY',
    ],
    [
      'the consultation was approved',
      view({ status: 'approved' }),
      submission(),
      'CONSULTATION_CLOSED',
    ],
    [
      'the consultation was withdrawn',
      view({ status: 'withdrawn' }),
      submission(),
      'CONSULTATION_CLOSED',
    ],
    ['the consultation is escalated', view({ status: 'escalated' }), submission(), 'NOT_IN_REVIEW'],
    [
      'the sign-off is for an older revision',
      view(),
      submission({ revision: 1 }),
      'STALE_REVISION',
    ],
    [
      'the sign-off is for a revision that does not exist',
      view(),
      submission({ revision: 3 }),
      'UNKNOWN_REVISION',
    ],
    [
      'DoD resends the same answer',
      view(),
      submission({
        agency: 'dod',
        decision: 'concur-with-conditions',
        conditions: [{ id: 'c1', text: 'anti-tamper' }],
      }),
      'DUPLICATE_SIGN_OFF',
    ],
    [
      'DoD answers differently on the same revision',
      view(),
      submission({ agency: 'dod', decision: 'non-concur', rationale: 'no' }),
      'CONFLICTING_SIGN_OFF',
    ],
    [
      'DoD changes its conditions on the same revision',
      view(),
      submission({
        agency: 'dod',
        decision: 'concur-with-conditions',
        conditions: [{ id: 'c2', text: 'other' }],
      }),
      'CONFLICTING_SIGN_OFF',
    ],
    [
      'a concurrence with conditions states none',
      view(),
      submission({ decision: 'concur-with-conditions' }),
      'CONDITIONS_REQUIRED',
    ],
    [
      'a plain concurrence carries conditions',
      view(),
      submission({ conditions: [{ id: 'x', text: 'y' }] }),
      'CONDITIONS_NOT_ALLOWED',
    ],
    [
      'a non-concurrence gives no rationale',
      view(),
      submission({ decision: 'non-concur' }),
      'RATIONALE_REQUIRED',
    ],
  ])('is refused when %s', (_name, consultation, s, code) => {
    const result = canSignOff(consultation, s);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message.length).toBeGreaterThan(20);
  });

  it('after an amendment the older revision’s sign-offs no longer count', () => {
    const signOffs = [
      { agency: 'dod' as const, revision: 1, decision: 'concur' as const },
      { agency: 'nsc' as const, revision: 2, decision: 'concur' as const },
    ];
    expect(countingSignOffs(signOffs, 2).map((s) => s.agency)).toEqual(['nsc']);
  });

  it('an agency that signed revision 1 may sign revision 2', () => {
    expect(
      canSignOff(
        view({ signOffs: [{ agency: 'nsc', revision: 1, decision: 'concur' }] }),
        submission(),
      ).ok,
    ).toBe(true);
  });
});

describe('removing a condition', () => {
  const condition = { id: 'c1', imposedBy: 'dod' as const };
  const consulted = {
    conditionId: 'c1',
    withAgency: 'dod' as const,
    at: '2025-05-01T10:00:00Z',
    summary: 'DTSA agreed the anti-tamper condition is met by the new configuration',
  };

  it('the action office may remove it after a recorded consultation with the imposing agency', () => {
    expect(canRemoveCondition(condition, 'state-pm', [consulted])).toEqual({
      ok: true,
      basis: 'consulted-imposer',
      consultation: consulted,
    });
  });

  it('the imposing agency may withdraw its own condition', () => {
    expect(canRemoveCondition(condition, 'dod', [])).toEqual({
      ok: true,
      basis: 'withdrawn-by-imposer',
    });
  });

  it.each([
    ['without any recorded consultation', 'state-pm', [], 'CONSULTATION_WITH_IMPOSER_REQUIRED'],
    [
      'after consulting another agency',
      'state-pm',
      [{ ...consulted, withAgency: 'cia' as const }],
      'CONSULTATION_WITH_IMPOSER_REQUIRED',
    ],
    [
      'after a consultation about another condition',
      'state-pm',
      [{ ...consulted, conditionId: 'c9' }],
      'CONSULTATION_WITH_IMPOSER_REQUIRED',
    ],
    ['when NSC asks', 'nsc', [consulted], 'NOT_THE_ACTION_OFFICE'],
  ] as const)('is refused %s', (_name, requestedBy, consultations, code) => {
    expect(canRemoveCondition(condition, requestedBy, consultations)).toMatchObject({
      ok: false,
      code,
    });
  });
});
