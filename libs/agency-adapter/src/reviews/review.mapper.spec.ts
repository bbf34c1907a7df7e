import type { CoordinatorConsultation, CoordinatorTimelineEntry } from './coordinator.types';
import { redactForAgency, timelineVisibleTo, toPendingReview } from './review.mapper';

const ID = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';

function entry(
  seq: number,
  actor: string,
  data?: Record<string, unknown>,
): CoordinatorTimelineEntry {
  return {
    seq,
    at: '2026-03-01T09:00:00.000Z',
    type: 't',
    actor,
    summary: `${actor} did ${seq}`,
    eventId: `e${seq}`,
    ...(data && { data }),
  };
}

function aConsultation(overrides: Partial<CoordinatorConsultation> = {}): CoordinatorConsultation {
  const review = (agency: 'dod' | 'nsc') => ({
    agency,
    revision: 2,
    requestedAt: '2026-03-01T09:00:00.000Z',
    dueAt: '2026-03-31T09:00:00.000Z',
    state: 'pending' as const,
    pausedDays: 3,
  });
  return {
    id: ID,
    kind: 'fms-case',
    actionOffice: 'PM/DS',
    title: 'Australia - AIM-120D missiles',
    summary: 'LOR',
    classification: 'CUI//SP-EXPT//NOFORN',
    precedence: 'PRIORITY',
    status: 'in-review',
    revision: 2,
    clearers: ['dod', 'nsc'],
    reviews: [review('dod'), review('nsc')],
    signOffs: [
      {
        agency: 'dod',
        revision: 1,
        decision: 'concur-with-conditions',
        conditions: [{ id: 'DOD-1', text: 'Anti-tamper' }],
        officer: { name: 'A', title: 'B' },
        submittedAt: '2026-03-02T09:00:00.000Z',
        recordedAt: '2026-03-02T09:00:01.000Z',
        eventId: 'e-dod',
        basis: 'submitted',
      },
      {
        agency: 'nsc',
        revision: 1,
        decision: 'non-concur',
        rationale: 'secret reasons',
        submittedAt: '2026-03-02T09:00:00.000Z',
        recordedAt: '2026-03-02T09:00:01.000Z',
        eventId: 'e-nsc',
        basis: 'submitted',
      },
    ],
    conditions: [
      {
        id: 'DOD-1',
        text: 'Anti-tamper',
        agency: 'dod',
        revision: 1,
        imposedAt: '2026-03-02T09:00:01.000Z',
        status: 'active',
      },
      {
        id: 'NSC-1',
        text: 'NSC only',
        agency: 'nsc',
        revision: 1,
        imposedAt: '2026-03-02T09:00:01.000Z',
        status: 'active',
      },
    ],
    clocks: [],
    screenings: [],
    assessments: [],
    pendingAgencies: ['dod'],
    openedAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:01.000Z',
    version: 4,
    timeline: [
      entry(1, 'state-pm'),
      entry(2, 'coordinator'),
      entry(3, 'coordinator', { agency: 'dod' }),
      entry(4, 'coordinator', { agency: 'nsc' }),
      entry(5, 'dod'),
      entry(6, 'nsc'),
    ],
    attributes: { country: 'AU' },
    ...overrides,
  };
}

describe('an agency’s view of a consultation', () => {
  it('keeps only the agency’s own review, sign-offs, conditions and timeline', () => {
    const view = redactForAgency(aConsultation(), 'dod', 'TOP SECRET');
    expect(view).toMatchObject({ id: ID, revision: 2, status: 'in-review' });
    expect(view?.review).toEqual({
      revision: 2,
      state: 'pending',
      requestedAt: '2026-03-01T09:00:00.000Z',
      dueAt: '2026-03-31T09:00:00.000Z',
    });
    expect(view?.signOffs.map((s) => s.eventId)).toEqual(['e-dod']);
    expect(view?.conditions.map((c) => c.id)).toEqual(['DOD-1']);
    expect(view?.timeline.map((e) => e.seq)).toEqual([2, 3, 5]);
    expect(JSON.stringify(view)).not.toMatch(/nsc|secret reasons|"country"/i);
  });

  it('withholds every free text of a consultation marked above the agency’s clearance', () => {
    const c = aConsultation({
      classification: 'TOP SECRET//NOFORN',
      title: 'Operation GLASS',
      summary: 'glass summary',
      reference: 'REF-GLASS',
      reviews: [
        {
          agency: 'dod',
          revision: 2,
          requestedAt: '2026-03-01T09:00:00.000Z',
          dueAt: '2026-03-31T09:00:00.000Z',
          state: 'pending',
          hold: { reason: 'glass hold', placedAt: '2026-03-02T09:00:00.000Z' },
        },
      ],
      signOffs: [
        {
          agency: 'dod',
          revision: 1,
          decision: 'concur-with-conditions',
          conditions: [{ id: 'DOD-1', text: 'glass condition' }],
          rationale: 'glass rationale',
          submittedAt: '2026-03-02T09:00:00.000Z',
          recordedAt: '2026-03-02T09:00:01.000Z',
          eventId: 'e-dod',
          basis: 'submitted',
        },
      ],
      conditions: [
        {
          id: 'DOD-1',
          text: 'glass condition',
          agency: 'dod',
          revision: 1,
          imposedAt: '2026-03-02T09:00:01.000Z',
          status: 'active',
          removal: {
            justification: 'glass justification',
            requestedAt: '2026-03-03T09:00:00.000Z',
            comment: 'glass comment',
          },
        },
      ],
      timeline: [{ ...entry(2, 'coordinator'), summary: 'glass opened' }],
    });
    for (const clearance of ['SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED'] as const) {
      const view = redactForAgency(c, 'dod', clearance);
      expect(view).toMatchObject({
        id: ID,
        classification: 'TOP SECRET//NOFORN',
        status: 'in-review',
        title: '[withheld]',
        summary: '[withheld]',
        withheld: true,
        review: { state: 'pending', hold: { reason: '[withheld]' } },
        signOffs: [{ decision: 'concur-with-conditions', rationale: '[withheld]' }],
        conditions: [{ id: 'DOD-1', text: '[withheld]', removal: { comment: '[withheld]' } }],
        timeline: [{ seq: 2, summary: '[withheld]' }],
      });
      expect(view).not.toHaveProperty('reference');
      expect(JSON.stringify(view)).not.toMatch(/glass/i);
    }
    // Cleared: everything, and no withheld flag.
    const cleared = redactForAgency(c, 'dod', 'TOP SECRET');
    expect(cleared).toMatchObject({ title: 'Operation GLASS', reference: 'REF-GLASS' });
    expect(cleared).not.toHaveProperty('withheld');
  });

  it('treats a marking it cannot parse as TOP SECRET', () => {
    const view = redactForAgency(aConsultation({ classification: 'COSMIC' }), 'dod', 'SECRET');
    expect(view).toMatchObject({ title: '[withheld]', withheld: true });
    // CUI and UNCLASSIFIED need no clearance.
    expect(redactForAgency(aConsultation(), 'dod', 'UNCLASSIFIED')).not.toHaveProperty('withheld');
  });

  it('is nothing for an agency that does not clear the consultation', () => {
    expect(redactForAgency(aConsultation(), 'cia', 'TOP SECRET')).toBeUndefined();
  });

  it.each([
    ['dod', undefined, true],
    ['coordinator', undefined, true],
    ['coordinator', 'dod', true],
    ['coordinator', 'nsc', false],
    ['nsc', undefined, false],
    ['clock', undefined, false],
  ])('a timeline entry by %s about %s is visible to DoD: %s', (actor, about, visible) => {
    expect(timelineVisibleTo(entry(1, actor, about ? { agency: about } : undefined), 'dod')).toBe(
      visible,
    );
  });
});

/** What a queue item says of its consultation beyond what a pending review shows. */
const QUEUE_SUMMARY = {
  pendingAgencies: ['dod' as const],
  nextDueAt: '2026-03-03T09:00:00.000Z',
  daysLeft: 2,
  overdue: false,
  escalationLevel: null,
  congressStep: null,
  openedAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

const queueItem = (classification: string) => ({
  ...QUEUE_SUMMARY,
  id: ID,
  kind: 'fms-case' as const,
  title: 'Operation GLASS',
  status: 'in-review' as const,
  precedence: 'FLASH' as const,
  classification,
  revision: 1,
  review: {
    revision: 1,
    requestedAt: '2026-03-01T09:00:00.000Z',
    dueAt: '2026-03-03T09:00:00.000Z',
    daysLeft: 2,
    overdue: false,
    hold: { reason: 'glass hold', placedAt: '2026-03-02T09:00:00.000Z' },
  },
});

describe('a pending review', () => {
  it('is listed with its clock but its title and reasons withheld above the agency’s clearance', () => {
    const item = toPendingReview(queueItem('TOP SECRET'), 'SECRET');
    expect(item).toMatchObject({
      id: ID,
      title: '[withheld]',
      withheld: true,
      classification: 'TOP SECRET',
      dueAt: '2026-03-03T09:00:00.000Z',
      hold: { reason: '[withheld]' },
    });
    expect(JSON.stringify(item)).not.toMatch(/glass/i);
    expect(toPendingReview(queueItem('SECRET//NOFORN'), 'SECRET')).toMatchObject({
      title: 'Operation GLASS',
      hold: { reason: 'glass hold' },
    });
    expect(toPendingReview(queueItem('SECRET'), 'SECRET')).not.toHaveProperty('withheld');
  });

  it('carries the agency’s clock from the coordinator’s queue', () => {
    expect(
      toPendingReview(
        {
          ...QUEUE_SUMMARY,
          id: ID,
          kind: 'fms-case',
          title: 'T',
          status: 'in-review',
          precedence: 'FLASH',
          classification: 'SECRET',
          revision: 1,
          review: {
            revision: 1,
            requestedAt: '2026-03-01T09:00:00.000Z',
            dueAt: '2026-03-03T09:00:00.000Z',
            daysLeft: 2,
            overdue: false,
            acknowledgeBy: '2026-03-01T13:00:00.000Z',
          },
        },
        'TOP SECRET',
      ),
    ).toEqual({
      id: ID,
      title: 'T',
      kind: 'fms-case',
      revision: 1,
      dueAt: '2026-03-03T09:00:00.000Z',
      daysLeft: 2,
      overdue: false,
      acknowledgeBy: '2026-03-01T13:00:00.000Z',
      precedence: 'FLASH',
      classification: 'SECRET',
    });
  });
});
