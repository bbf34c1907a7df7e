import { randomUUID } from 'node:crypto';
import type { Agency, Envelope } from '@icb/contracts';
import { subjectFor } from '@icb/contracts';
import { DeadLetterService } from '@icb/messaging';
import { testEnv, waitFor } from '@icb/testing';
import { EventLogRepository } from '../src/write/event-log/event-log.repository';
import { FakeClock } from '../src/time/clock';
import * as aggregate from '../src/write/consultations/consultation.aggregate';
import { ConsultationView } from '../src/write/consultations/consultation-view';
import { anFmsCase, auditOf, Harness, officer, startCoordinator } from './harness';

const DAY = 86_400_000;

async function openAndWait(h: Harness, payload = anFmsCase()) {
  await h.bus.publishAs('state-pm', 'consultation.opened', payload);
  const c = await waitFor(() => h.service.get(payload.consultationId), {
    description: 'the consultation',
  });
  // Committed is not yet relayed: wait for the read model too, which is
  // written last and which the clock scheduler reads.
  const view = h.app.get(ConsultationView);
  await waitFor(() => ((view.versionOf(c.id) ?? 0) >= c.version ? true : undefined), {
    description: 'the read model of the consultation',
  });
  return c;
}

function signOff(
  consultationId: string,
  agency: Agency,
  at: Date,
  decision: 'concur' | 'non-concur' = 'concur',
) {
  return {
    consultationId,
    agency,
    revision: 1,
    decision,
    ...(decision === 'non-concur'
      ? { rationale: 'The sale would upset the regional military balance.' }
      : {}),
    officer,
    submittedAt: at.toISOString(),
  } as const;
}

describe('coordinator guarantees', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0).reverse()) await h.close();
  });

  it('a sign-off delivered twice (redelivered, or re-published under a new message id) has exactly one effect', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(h);
    const payload = signOff(c.id, 'dod', h.clock.now());
    const first = await h.bus.publishAs('dod', 'signoff.submitted', payload);
    // The same event again, past JetStream's de-duplication (another Nats-Msg-Id).
    await h.bus.publishEnvelope(subjectFor('signoff.submitted', 'dod', payload), { ...first });
    const js = (
      h.bus as unknown as { js: { publish: (s: string, d: string, o: object) => Promise<unknown> } }
    ).js;
    await js.publish(`${h.env.BUS_NAMESPACE}.evt.dod.signoff.submitted.v1`, JSON.stringify(first), {
      msgID: randomUUID(),
    });
    await waitFor(async () => (await h.service.get(c.id))?.signOffs.length === 1, {
      description: 'the sign-off',
    });
    // A later message proves both copies were consumed before we look.
    await h.bus.publishAs('nsc', 'review.acknowledged', {
      consultationId: c.id,
      agency: 'nsc',
      revision: 1,
    });
    await waitFor(
      async () =>
        (await h.service.get(c.id))?.reviews.find((r) => r.agency === 'nsc')?.acknowledgedAt,
    );
    const after = await h.service.get(c.id);
    expect(after?.signOffs.filter((s) => s.agency === 'dod')).toHaveLength(1);
    const log = await h.app.get(EventLogRepository).entries(c.id);
    expect(log.filter((e) => e.eventId === first.id)).toHaveLength(1);
  });

  it('five agencies signing at the same instant, on two coordinator instances, are all recorded', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const clock = new FakeClock('2026-03-02T14:00:00.000Z');
    const a = await startCoordinator({ env, clock });
    harnesses.push(a);
    const b = await startCoordinator({ env, clock, bus: a.bus });
    harnesses.push(b);
    const fms = anFmsCase({ clearingParties: ['dod', 'nsc', 'cia', 'treasury'] });
    const c = await openAndWait(a, fms);
    // The four clearers and a fifth, non-clearing agency's answer (refused, but recorded on the timeline).
    const agencies: Agency[] = ['dod', 'nsc', 'cia', 'treasury', 'state-pm'];
    await Promise.all(
      agencies.map((agency) =>
        a.bus.publishAs(agency, 'signoff.submitted', signOff(c.id, agency, clock.now())),
      ),
    );
    const final = await waitFor(
      async () => {
        const now = await a.service.get(c.id);
        return now?.status === 'congressional-review' && now;
      },
      { description: 'all four sign-offs', timeoutMs: 20_000 },
    ).catch(async (error: Error) => {
      const now = await a.service.get(c.id);
      throw new Error(
        `${error.message}; state: ${JSON.stringify({ status: now?.status, signOffs: now?.signOffs.map((x) => x.agency), pending: now?.pendingAgencies, version: now?.version })}`,
      );
    });
    expect(final?.signOffs.map((s) => s.agency).sort()).toEqual(['cia', 'dod', 'nsc', 'treasury']);
    const refused = await a.bus.next('message.refused', (d) => d.consultationId === c.id);
    expect(refused.data.agency).toBe('state-pm');
    // Refused either as a non-clearer or, when it came last, because review is over.
    expect(['NOT_A_CLEARING_PARTY', 'NOT_IN_REVIEW']).toContain(refused.data.code);
    expect((await auditOf(a).verify(c.id))?.ok).toBe(true);
  });

  it('eight changes racing on one consultation in one process all commit, each exactly once', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(
      h,
      anFmsCase({ clearingParties: ['dod', 'nsc', 'cia', 'treasury'] }),
    );
    const agencies: Agency[] = ['dod', 'nsc', 'cia', 'treasury'];
    // Acknowledgements and holds straight through the service, bypassing the consumer's per-matter ordering.
    const results = await Promise.all(
      agencies.flatMap((agency) => [
        h.service.apply(
          c.id,
          { eventId: randomUUID(), type: 'review.acknowledged', actor: agency },
          (cur, ctx) =>
            aggregate.acknowledgeReview(cur, { consultationId: c.id, agency, revision: 1 }, ctx),
        ),
        h.service.apply(
          c.id,
          { eventId: randomUUID(), type: 'review.hold-placed', actor: agency },
          (cur, ctx) =>
            aggregate.placeReviewHold(
              cur,
              { consultationId: c.id, agency, reason: 'Review incomplete.' },
              ctx,
            ),
        ),
      ]),
    );
    expect(results.map((r) => r.outcome)).toEqual(Array(8).fill('applied'));
    const after = await h.service.get(c.id);
    expect(after?.version).toBe(c.version + 8);
    for (const agency of agencies) {
      const review = after?.reviews.find((r) => r.agency === agency);
      expect(review?.acknowledgedAt).toBeDefined();
      expect(review?.hold).toBeDefined();
    }
    expect(await auditOf(h).verify(c.id)).toEqual({
      ok: true,
      entries: expect.any(Number),
      head: expect.any(String),
    });
  });

  it('a clock fires exactly once with two coordinator instances ticking at the same instant', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const clock = new FakeClock('2026-03-02T14:00:00.000Z');
    const a = await startCoordinator({ env, clock });
    harnesses.push(a);
    const b = await startCoordinator({ env, clock, bus: a.bus });
    harnesses.push(b);
    const tt = anFmsCase({
      kind: 'technology-transfer',
      actionOffice: 'PM/DDTC',
      clearingParties: ['dod'],
    });
    const c = await openAndWait(a, tt);
    const dueAt = c.reviews.find((r) => r.agency === 'dod')!.dueAt;

    clock.set(new Date(new Date(dueAt).getTime() + 1000));
    await Promise.all([
      a.scheduler.tick(),
      b.scheduler.tick(),
      a.scheduler.tick(),
      b.scheduler.tick(),
    ]);

    const deemed = await a.bus.next('clock.deemed-concurrence', (d) => d.consultationId === c.id);
    expect(deemed.data).toMatchObject({
      agency: 'dod',
      ruleSource: expect.stringMatching(/10\(e\)/),
    });
    const after = await a.service.get(c.id);
    expect(after?.signOffs.filter((s) => s.basis === 'deemed-concurrence')).toHaveLength(1);
    const ids = new Set(a.bus.of('clock.deemed-concurrence', c.id).map((e: Envelope) => e.id));
    expect(ids.size).toBe(1);
    expect(after?.status).toBe('approved');
  });

  it('a non-concurrence climbs the NSC ladder and the Deputies Committee denies', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(h, anFmsCase({ clearingParties: ['dod', 'treasury'] }));
    await h.bus.publishAs('dod', 'signoff.submitted', signOff(c.id, 'dod', h.clock.now()));
    await h.bus.publishAs(
      'treasury',
      'signoff.submitted',
      signOff(c.id, 'treasury', h.clock.now(), 'non-concur'),
    );
    const raised = await h.bus.next('escalation.raised', (d) => d.consultationId === c.id);
    expect(raised.data).toMatchObject({
      ladder: 'nsc',
      level: 'pcc',
      triggeredBy: { agency: 'treasury', cause: 'non-concur' },
    });

    await h.bus.publishAs('nsc', 'escalation.decided', {
      consultationId: c.id,
      ladder: 'nsc',
      level: 'pcc',
      outcome: 'refer-up',
      rationale: 'Agencies remain divided; refer to the Deputies.',
      chair: 'NSC Senior Director',
      decidedAt: h.clock.now().toISOString(),
    });
    await h.bus.next(
      'escalation.raised',
      (d) => d.consultationId === c.id && d.level === 'deputies',
    );
    await h.bus.publishAs('nsc', 'escalation.decided', {
      consultationId: c.id,
      ladder: 'nsc',
      level: 'deputies',
      outcome: 'deny',
      rationale: 'Sanctions exposure outweighs the benefit.',
      chair: 'Deputy National Security Advisor',
      decidedAt: h.clock.now().toISOString(),
    });
    const decided = await h.bus.next('consultation.decided', (d) => d.consultationId === c.id);
    expect(decided.data.outcome).toBe('denied');
    const final = await h.service.get(c.id);
    expect(final?.status).toBe('denied');
    expect(final?.escalation?.history.map((s) => s.level)).toEqual(['pcc', 'deputies']);
  });

  it('a sign-off for an older revision is refused with the reason, on the timeline and to the agency', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(h, anFmsCase({ clearingParties: ['dod', 'nsc'] }));
    await h.bus.publishAs('state-pm', 'consultation.amended', {
      consultationId: c.id,
      revision: 2,
      changes: { summary: 'Quantity reduced to 80 interceptors.' },
      reason: 'Purchaser revised its Letter of Request.',
    });
    await waitFor(async () => (await h.service.get(c.id))?.revision === 2, {
      description: 'revision 2',
    });
    const stale = await h.bus.publishAs(
      'dod',
      'signoff.submitted',
      signOff(c.id, 'dod', h.clock.now()),
    );
    const refusal = await h.bus.next('message.refused', (d) => d.refusedEventId === stale.id);
    expect(refusal.data).toMatchObject({
      agency: 'dod',
      code: 'STALE_REVISION',
      refusedMessage: 'signoff.submitted',
    });
    expect(refusal.data.reason).toMatch(/revision/);
    const detail = await h.service.get(c.id);
    expect(detail?.signOffs).toHaveLength(0);
    const log = await h.app.get(EventLogRepository).entries(c.id);
    expect(log.find((e) => e.eventId === stale.id)?.summary).toMatch(/Refused .*STALE_REVISION/);
  });

  it('a payload that speaks for another agency than its publisher is dead-lettered, not applied', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(h, anFmsCase({ clearingParties: ['dod', 'treasury'] }));
    // DoD's system sends a sign-off claiming to be Treasury's.
    await h.bus.publishAs('dod', 'signoff.submitted', signOff(c.id, 'treasury', h.clock.now()));
    const [entry] = await waitFor(async () => {
      const l = await h.app.get(DeadLetterService).list();
      return l.length > 0 && l;
    });
    expect(entry.record.code).toBe('AGENCY_MISMATCH');
    expect((await h.service.get(c.id))?.signOffs).toHaveLength(0);
  });

  it('the audit verify operation finds an entry edited in the database', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(h, anFmsCase({ clearingParties: ['dod', 'nsc'] }));
    await h.bus.publishAs('dod', 'signoff.submitted', signOff(c.id, 'dod', h.clock.now()));
    await waitFor(async () => (await h.service.get(c.id))?.signOffs.length === 1);
    expect(await auditOf(h).verify(c.id)).toMatchObject({ ok: true });

    const log = h.app.get(EventLogRepository);
    const entries = await log.entries(c.id);
    const target = entries.find((e) => e.type === 'signoff.submitted')!;
    await log.tamper(c.id, target.seq, { data: { ...target.data, decision: 'non-concur' } });
    expect(await auditOf(h).verify(c.id)).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      problem: 'altered',
    });
  });

  it('a review deadline missed on an FMS case is reported overdue and escalates', async () => {
    const h = await startCoordinator();
    harnesses.push(h);
    const c = await openAndWait(h, anFmsCase({ clearingParties: ['dod', 'nsc'] }));
    const due = new Date(c.reviews[0].dueAt).getTime();
    h.clock.set(new Date(due - 2 * DAY));
    await h.scheduler.tick();
    await h.bus.next('clock.deadline-approaching', (d) => d.consultationId === c.id);
    h.clock.set(new Date(due + 1000));
    await h.scheduler.tick();
    await h.bus.next('clock.overdue', (d) => d.consultationId === c.id && d.clock === 'review');
    await h.bus.next(
      'escalation.raised',
      (d) => d.consultationId === c.id && d.triggeredBy.cause === 'missed-deadline',
    );
  });
});
