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
    state: 'pending',
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
    openedAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:01.000Z',
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
    const view = redactForAgency(aConsultation(), 'dod');
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

  it('is nothing for an agency that does not clear the consultation', () => {
    expect(redactForAgency(aConsultation(), 'cia')).toBeUndefined();
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

describe('a pending review', () => {
  it('carries the agency’s clock from the coordinator’s queue', () => {
    expect(
      toPendingReview({
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
      }),
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
