import type { Agency } from '@icb/contracts';
import { waitFor } from '@icb/testing';
import { anFmsCase, Harness, officer, startCoordinator } from './harness';

const DAY = 86_400_000;

describe('coordinator: an FMS case from opening to cleared for offer, through the bus', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startCoordinator();
  });

  afterEach(async () => {
    await h.close();
  });

  it('clears interagency review, runs congressional notification with a hold and a 30-day period, then clears for offer', async () => {
    const { bus, clock, service, scheduler } = h;
    const fms = anFmsCase();
    const id = fms.consultationId;
    await bus.publishAs('state-pm', 'consultation.opened', fms);

    // The coordinator asks every clearing agency for its review.
    await waitFor(() => bus.of('review.requested', id).length >= 3, {
      description: 'review requests',
    });
    const opened = await waitFor(() => service.get(id));
    const clearers = opened.clearers;
    expect(clearers).toEqual(expect.arrayContaining<Agency>(['dod', 'nsc', 'treasury', 'cia']));
    expect(
      bus
        .of('review.requested', id)
        .map((e) => (e.data as { agency: string }).agency)
        .sort(),
    ).toEqual([...clearers].sort());

    // Every agency answers; DoD imposes a security condition.
    for (const agency of clearers) {
      const conditional = agency === 'dod';
      await bus.publishAs(agency, 'signoff.submitted', {
        consultationId: id,
        agency,
        revision: 1,
        decision: conditional ? 'concur-with-conditions' : 'concur',
        ...(conditional
          ? { conditions: [{ id: 'DOD-SEC-1', text: 'Anti-tamper protection required.' }] }
          : {}),
        officer,
        submittedAt: clock.now().toISOString(),
      });
    }
    await bus.next(
      'consultation.status-changed',
      (d) => d.consultationId === id && d.to === 'congressional-review',
    );
    const cleared = await service.get(id);
    expect(cleared?.conditions).toEqual([
      expect.objectContaining({ id: 'DOD-SEC-1', agency: 'dod', status: 'active' }),
    ]);
    expect(cleared?.congress).toMatchObject({ required: true, reviewDays: 30 });

    // Informal notice, a hold, the formal notice refused while held, lifted, formal notice.
    await bus.publishAs('state-pm', 'congress.informal-notice-sent', {
      consultationId: id,
      committees: ['SFRC', 'HFAC'],
      sentAt: clock.now().toISOString(),
    });
    await bus.publishAs('state-pm', 'congress.hold-placed', {
      consultationId: id,
      committee: 'SFRC',
      holdId: 'SFRC-1',
      note: 'Members asked for an end-use monitoring briefing.',
    });
    const early = await bus.publishAs('state-pm', 'congress.formal-notice-sent', {
      consultationId: id,
      transmittalNumber: '26-17',
      sentAt: clock.now().toISOString(),
      reviewDays: 30,
    });
    const refusal = await bus.next('message.refused', (d) => d.refusedEventId === early.id);
    expect(refusal.data.agency).toBe('state-pm');
    expect(refusal.data.reason).toMatch(/hold/i);

    await bus.publishAs('state-pm', 'congress.hold-lifted', {
      consultationId: id,
      committee: 'SFRC',
      holdId: 'SFRC-1',
      note: 'Briefing given.',
    });
    clock.advance(2 * DAY);
    await bus.publishAs('state-pm', 'congress.formal-notice-sent', {
      consultationId: id,
      transmittalNumber: '26-17',
      sentAt: clock.now().toISOString(),
      reviewDays: 30,
    });
    await waitFor(async () => (await service.get(id))?.congress?.step === 'formal-review', {
      description: 'the formal review to start',
    });

    // The review period runs in calendar days on the coordinator's clock.
    clock.advance(29 * DAY);
    await scheduler.tick();
    expect((await service.get(id))?.status).toBe('congressional-review');

    clock.advance(2 * DAY);
    await scheduler.tick();
    await bus.next('congress.cleared-for-offer', (d) => d.consultationId === id);
    await bus.next(
      'consultation.status-changed',
      (d) => d.consultationId === id && d.to === 'cleared-for-offer',
    );
    expect((await service.get(id))?.status).toBe('cleared-for-offer');
  });

  it('a sale below the threshold is approved without congressional notification', async () => {
    const { bus, service, clock } = h;
    const fms = anFmsCase({
      attributes: {
        ...anFmsCase().attributes,
        values: [{ category: 'major-defense-equipment', amountUsd: 5_000_000 }],
      },
    });
    await bus.publishAs('state-pm', 'consultation.opened', fms);
    const opened = await waitFor(() => service.get(fms.consultationId));
    for (const agency of opened.clearers) {
      await bus.publishAs(agency, 'signoff.submitted', {
        consultationId: fms.consultationId,
        agency,
        revision: 1,
        decision: agency === 'cia' ? 'no-equity' : 'concur',
        officer,
        submittedAt: clock.now().toISOString(),
      });
    }
    const decided = await bus.next(
      'consultation.decided',
      (d) => d.consultationId === fms.consultationId,
    );
    expect(decided.data.outcome).toBe('approved');
    expect((await service.get(fms.consultationId))?.congress?.required).toBe(false);
  });
});
