/*
 * The coordinator's verdict on each message (ADR 11): recorded by envelope
 * id before the message is acked, served at GET /messages/{eventId}/verdict,
 * and announced on icb.rpc.coordinator.verdict.<party> to the publisher
 * alone. Real nats-server and FerretDB.
 */
import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import request from 'supertest';
import type { Agency, MessageVerdict, Party } from '@icb/contracts';
import { authHeader, waitFor } from '@icb/testing';
import * as aggregate from '../src/write/consultations/consultation.aggregate';
import { anFmsCase, Harness, officer, startCoordinator } from './harness';

describe('the coordinator’s verdict on each message', () => {
  let h: Harness;
  let nc: NatsConnection;
  const heard: { subject: string; verdict: MessageVerdict }[] = [];

  const verdictOf = async (eventId: string): Promise<MessageVerdict | undefined> => {
    const res = await request(h.http!.getHttpServer())
      .get(`/messages/${eventId}/verdict`)
      .set(authHeader());
    return res.status === 200 ? (res.body as MessageVerdict) : undefined;
  };
  const judged = (eventId: string) =>
    waitFor(() => verdictOf(eventId), { description: `the verdict on ${eventId}` });

  const signOff = (consultationId: string, agency: Agency, decision = 'concur' as const) => ({
    consultationId,
    agency,
    revision: 1,
    decision,
    officer,
    submittedAt: new Date().toISOString(),
  });

  async function anOpenCase(clearingParties: Agency[] = ['dod', 'nsc']): Promise<string> {
    const c = anFmsCase({ clearingParties });
    const opening = await h.bus.publishAs('state-pm', 'consultation.opened', c);
    await judged(opening.id);
    return c.consultationId;
  }

  beforeAll(async () => {
    h = await startCoordinator({ api: true });
    nc = await connect({ servers: h.env.NATS_URL });
    const sub = nc.subscribe(`${h.env.BUS_NAMESPACE}.rpc.coordinator.verdict.*`);
    void (async () => {
      for await (const m of sub) heard.push({ subject: m.subject, verdict: m.json() });
    })();
    await nc.flush();
  });

  afterAll(async () => {
    await nc?.close();
    await h?.close();
  });

  const announcedTo = (eventId: string): string[] =>
    heard.filter((x) => x.verdict.eventId === eventId).map((x) => x.subject.split('.').pop()!);

  it('an accepted message’s verdict has the consultation’s new version, and is announced to its publisher alone', async () => {
    const id = await anOpenCase();
    const sent = await h.bus.publishAs('dod', 'signoff.submitted', signOff(id, 'dod'));

    const verdict = await judged(sent.id);
    const stored = await h.service.get(id);
    expect(verdict).toEqual({
      eventId: sent.id,
      message: 'signoff.submitted',
      party: 'dod',
      consultationId: id,
      outcome: 'accepted',
      changed: true,
      consultation: { status: 'in-review', revision: 1, version: stored!.version },
      decidedAt: h.clock.now().toISOString(),
    });
    await waitFor(() => announcedTo(sent.id).length > 0, { description: 'the announcement' });
    expect(announcedTo(sent.id)).toEqual(['dod']);
    expect(heard.find((x) => x.verdict.eventId === sent.id)?.verdict).toEqual(verdict);
  });

  it('a refusal’s verdict has the rules’ code and sentence; a repeat of what is already so is accepted without a change', async () => {
    const id = await anOpenCase();
    const first = await h.bus.publishAs('dod', 'signoff.submitted', signOff(id, 'dod'));
    expect(await judged(first.id)).toMatchObject({ outcome: 'accepted', changed: true });

    const same = await h.bus.publishAs('dod', 'signoff.submitted', signOff(id, 'dod'));
    expect(await judged(same.id)).toMatchObject({
      outcome: 'accepted',
      changed: false,
      code: 'DUPLICATE_SIGN_OFF',
    });

    const conflicting = await h.bus.publishAs('dod', 'signoff.submitted', {
      ...signOff(id, 'dod'),
      decision: 'non-concur',
      rationale: 'On second thought.',
    });
    const refused = await judged(conflicting.id);
    expect(refused).toMatchObject({
      outcome: 'refused',
      changed: false,
      code: 'CONFLICTING_SIGN_OFF',
      consultation: { status: 'in-review', revision: 1 },
    });
    expect(refused?.reason).toEqual(expect.any(String));

    const stranger = await h.bus.publishAs('cia', 'signoff.submitted', signOff(id, 'cia'));
    expect(await judged(stranger.id)).toMatchObject({
      outcome: 'refused',
      code: 'NOT_A_CLEARING_PARTY',
      party: 'cia',
    });
  });

  it('a message dead-lettered for speaking for another agency is refused with AGENCY_MISMATCH', async () => {
    const id = await anOpenCase();
    const forged = await h.bus.publishAs('dod', 'signoff.submitted', signOff(id, 'nsc'));
    const verdict = await judged(forged.id);
    expect(verdict).toMatchObject({
      outcome: 'refused',
      code: 'AGENCY_MISMATCH',
      party: 'dod',
      consultationId: id,
    });
    expect(verdict).not.toHaveProperty('consultation');
    expect((await h.service.get(id))?.signOffs).toEqual([]);
  });

  it('a message judged by a process that stopped before recording the verdict gets it from the log on redelivery', async () => {
    const id = await anOpenCase();
    const at = (party: Party, eventId: string, type: string) => ({ eventId, type, actor: party });

    // Applied and refused by "a process" that then stopped: the changes are
    // committed and logged, no verdict recorded.
    const applied = randomUUID();
    const payload = signOff(id, 'dod');
    await h.service.apply(id, at('dod', applied, 'signoff.submitted'), (c, ctx) =>
      aggregate.submitSignOff(c, payload, ctx),
    );
    const refusedId = randomUUID();
    const conflicting = { ...payload, decision: 'non-concur' as const, rationale: 'No.' };
    await h.service.apply(
      id,
      at('dod', refusedId, 'signoff.submitted'),
      (c, ctx) => aggregate.submitSignOff(c, conflicting, ctx),
      { refusalNotice: { agency: 'dod' } },
    );
    expect(await verdictOf(applied)).toBeUndefined();

    // The messages come again (as after the crash): nothing applied twice, the verdicts recovered.
    await h.bus.publishAs('dod', 'signoff.submitted', payload, { id: applied });
    await h.bus.publishAs('dod', 'signoff.submitted', conflicting, { id: refusedId });
    expect(await judged(applied)).toMatchObject({ outcome: 'accepted', changed: true });
    expect(await judged(refusedId)).toMatchObject({
      outcome: 'refused',
      code: 'CONFLICTING_SIGN_OFF',
    });
    expect((await h.service.get(id))?.signOffs.map((s) => s.eventId)).toEqual([applied]);
  });

  it('there is no verdict on a message not judged; a reader not cleared for its marking gets no reason', async () => {
    await request(h.http!.getHttpServer())
      .get(`/messages/${randomUUID()}/verdict`)
      .set(authHeader())
      .expect(404);

    const id = await anOpenCase();
    const secret = await h.bus.publishAs('cia', 'signoff.submitted', {
      ...signOff(id, 'cia'),
    });
    await judged(secret.id);
    // The envelope was UNCLASSIFIED: even an uncleared viewer reads the reason.
    const plain = await request(h.http!.getHttpServer())
      .get(`/messages/${secret.id}/verdict`)
      .set(authHeader('uncleared'))
      .expect(200);
    expect((plain.body as MessageVerdict).reason).toMatch(/cia/);

    const marked = anFmsCase({ clearingParties: ['dod'], classification: 'SECRET//NOFORN' });
    const opening = await h.bus.publishAs('state-pm', 'consultation.opened', marked);
    await judged(opening.id);
    const refused = await h.bus.publishAs('nsc', 'signoff.submitted', {
      ...signOff(marked.consultationId, 'nsc'),
    });
    await judged(refused.id);
    const withheld = await request(h.http!.getHttpServer())
      .get(`/messages/${refused.id}/verdict`)
      .set(authHeader('uncleared'))
      .expect(200);
    expect(withheld.body).toMatchObject({
      outcome: 'refused',
      code: 'NOT_A_CLEARING_PARTY',
      reason: '[withheld]',
      withheld: true,
    });
  });
});
