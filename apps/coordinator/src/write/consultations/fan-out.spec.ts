import { createBusValidator, MESSAGES } from '@icb/contracts';
import { noticeId, noticesOf } from './fan-out';

const consultation = {
  id: '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13',
  clearers: ['dod', 'nsc', 'treasury'] as const,
  escalated: false,
  classification: 'SECRET//NOFORN',
};

describe('fan-out: the notices of one message', () => {
  const signOff = {
    name: 'signoff.submitted',
    publisher: 'nsc' as const,
    eventId: '9a3e1f5c-7b2d-4c8e-a1f6-3d5b7e9c0a24',
    occurredAt: '2026-06-01T12:00:00.000Z',
    data: {
      consultationId: consultation.id,
      agency: 'nsc',
      revision: 2,
      decision: 'non-concur',
      rationale: 'NSC objects because of the end user.',
      officer: { name: 'A. Officer', title: 'Director' },
    },
  };

  it('tells each recipient who signed and the position, never the rationale or the officer', () => {
    const notices = noticesOf(signOff, { ...consultation, clearers: [...consultation.clearers] });
    expect(notices.map((n) => n.payload.recipient)).toEqual(['dod', 'state-pm', 'treasury']);
    expect(notices[0]).toEqual({
      id: noticeId(signOff.eventId, 'dod'),
      payload: {
        consultationId: consultation.id,
        recipient: 'dod',
        message: 'signoff.submitted',
        eventId: signOff.eventId,
        publisher: 'nsc',
        occurredAt: signOff.occurredAt,
        summary: 'signoff.submitted from nsc: nsc, non-concur, revision 2',
        agency: 'nsc',
        revision: 2,
        decision: 'non-concur',
      },
    });
    expect(JSON.stringify(notices)).not.toMatch(/objects|Officer|Director/);
  });

  it('gives every copy its own id, the same on every relay', () => {
    const ids = noticesOf(signOff, { ...consultation, clearers: [...consultation.clearers] }).map(
      (n) => n.id,
    );
    expect(new Set(ids).size).toBe(3);
    expect(ids).toEqual(
      noticesOf(signOff, { ...consultation, clearers: [...consultation.clearers] }).map(
        (n) => n.id,
      ),
    );
    expect(ids).not.toContain(signOff.eventId);
  });

  it('builds payloads the bus validator accepts, for every message the policy forwards', () => {
    const validator = createBusValidator();
    const samples = [
      signOff,
      {
        ...signOff,
        name: 'consultation.status-changed',
        publisher: 'coordinator' as const,
        data: { from: 'in-review', to: 'escalated', revision: 1 },
      },
      {
        ...signOff,
        name: 'consultation.decided',
        publisher: 'coordinator' as const,
        data: { outcome: 'approved', revision: 1 },
      },
      {
        ...signOff,
        name: 'escalation.raised',
        publisher: 'coordinator' as const,
        data: {},
      },
    ];
    let checked = 0;
    for (const sample of samples) {
      for (const notice of noticesOf(sample, {
        ...consultation,
        clearers: [...consultation.clearers],
      })) {
        const result = validator.validatePayload('notice.forwarded', notice.payload);
        expect({ notice: notice.payload, errors: result.ok ? [] : result.errors }).toEqual({
          notice: notice.payload,
          errors: [],
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(6);
    expect(MESSAGES['notice.forwarded'].publishers).toEqual(['coordinator']);
  });
});
