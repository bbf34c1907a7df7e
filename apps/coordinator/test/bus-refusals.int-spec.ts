/*
 * What an agency may not say on the bus goes to the dead-letter stream with
 * its reason, never applied and never silently dropped: a message only the
 * coordinator may publish, a message the catalog does not know, bytes that
 * are not UTF-8, control characters, an absurd envelope time, an event id
 * reused for another message. And one unreadable record on a dead-letter
 * subject does not break the operators' list. Real nats-server, real
 * FerretDB; messages are published raw, as an agency's system could.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import { subjectFor, type Agency } from '@icb/contracts';
import { DeadLetterService, NatsConnectionProvider, SubjectSpace } from '@icb/messaging';
import type { DeadLetterEntry } from '@icb/messaging';
import { authHeader, signAs, waitFor } from '@icb/testing';
import { EventLogRepository } from '../src/write/event-log/event-log.repository';
import { ConsultationView } from '../src/write/consultations/consultation-view';
import { anFmsCase, Harness, officer, startCoordinator } from './harness';

async function openAndWait(h: Harness, payload = anFmsCase({ clearingParties: ['dod', 'nsc'] })) {
  await h.bus.publishAs('state-pm', 'consultation.opened', payload);
  const c = await waitFor(() => h.service.get(payload.consultationId), {
    description: 'the consultation',
  });
  const view = h.app.get(ConsultationView);
  await waitFor(() => ((view.versionOf(c.id) ?? 0) >= c.version ? true : undefined), {
    description: 'the read model of the consultation',
  });
  return c;
}

const signOff = (consultationId: string, agency: Agency) => ({
  consultationId,
  agency,
  revision: 1,
  decision: 'concur' as const,
  officer,
  submittedAt: new Date().toISOString(),
});

/** Publishes these exact bytes on a contract subject (`icb.evt.…`), under a message id of its own. */
async function publishRaw(h: Harness, subject: string, body: string | Uint8Array): Promise<void> {
  const wire = new SubjectSpace(h.env.BUS_NAMESPACE).toWire(subject);
  await h.app.get(NatsConnectionProvider).js.publish(wire, body, { msgID: randomUUID() });
}

/** Waits until the dead-letter stream holds `n` entries, and returns them. */
function deadLetters(h: Harness, n: number, description: string): Promise<DeadLetterEntry[]> {
  return waitFor(
    async () => {
      const list = await h.app.get(DeadLetterService).list();
      return list.length >= n && list;
    },
    { description },
  );
}

/**
 * Proves every message published before it about `consultationId` was
 * processed (messages about one consultation are handled in order): NSC's
 * acknowledgement, applied.
 */
async function afterEarlierMessages(h: Harness, consultationId: string): Promise<void> {
  await h.bus.publishAs('nsc', 'review.acknowledged', {
    consultationId,
    agency: 'nsc',
    revision: 1,
  });
  await waitFor(
    async () =>
      (await h.service.get(consultationId))?.reviews.find((r) => r.agency === 'nsc')
        ?.acknowledgedAt,
    { description: 'the acknowledgement that follows' },
  );
}

describe('what an agency may not say is dead-lettered with its reason', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0).reverse()) await h.close();
  });

  async function start(): Promise<Harness> {
    const h = await startCoordinator({ api: true });
    harnesses.push(h);
    return h;
  }

  it('a consultation.decided forged by DoD, and a message the catalog does not know, are dead-lettered by the coordinator and change nothing', async () => {
    const h = await start();
    const c = await openAndWait(h);
    const decision = validPayload('consultation.decided', { consultationId: c.id });
    const forged = {
      ...envelopeFor('consultation.decided', decision, { publisher: 'dod' }),
      time: new Date().toISOString(),
    };
    await publishRaw(h, 'icb.evt.dod.consultation.decided.v1', JSON.stringify(forged));
    const unknown = { ...forged, id: randomUUID(), type: 'gov.icb.consultation.forged.v1' };
    await publishRaw(h, 'icb.evt.dod.consultation.forged.v1', JSON.stringify(unknown));

    const entries = await deadLetters(h, 2, 'both dead letters');
    expect(entries.map((e) => e.record)).toEqual([
      expect.objectContaining({
        code: 'PUBLISHER_NOT_ALLOWED',
        reason:
          'dod may not publish consultation.decided: the catalog lets only coordinator publish it',
        consumer: 'coordinator',
        subject: `${h.env.BUS_NAMESPACE}.evt.dod.consultation.decided.v1`,
      }),
      expect.objectContaining({
        code: 'UNKNOWN_SUBJECT',
        consumer: 'coordinator',
        reason: 'no message in the catalog is published on icb.evt.dod.consultation.forged.v1',
      }),
    ]);
    await afterEarlierMessages(h, c.id);
    expect((await h.service.get(c.id))?.status).toBe(c.status);
    const log = await h.app.get(EventLogRepository).entries(c.id);
    expect(log.filter((e) => e.eventId === forged.id || e.eventId === unknown.id)).toEqual([]);
  });

  it('a sign-off whose bytes are not UTF-8, or that carries NUL, is dead-lettered and not applied', async () => {
    const h = await start();
    const c = await openAndWait(h);
    const subject = subjectFor('signoff.submitted', 'dod', signOff(c.id, 'dod'));
    const envelope = (data: object) => ({
      ...envelopeFor('signoff.submitted', data as never, { publisher: 'dod' }),
      time: new Date().toISOString(),
      classification: 'UNCLASSIFIED',
    });
    const text = JSON.stringify(
      envelope({ ...signOff(c.id, 'dod'), rationale: 'Concur, see ANNEX' }),
    );
    const at = text.indexOf('ANNEX');
    // A Latin-1 "é" where UTF-8 needs two bytes.
    const latin1 = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.of(0xe9),
      Buffer.from(text.slice(at)),
    ]);
    await publishRaw(h, subject, latin1);
    const nul = envelope({ ...signOff(c.id, 'dod'), rationale: 'Concur.\u0000' });
    await publishRaw(h, subject, JSON.stringify(nul));

    const entries = await deadLetters(h, 2, 'both dead letters');
    expect(entries.map((e) => e.record.code)).toEqual(['INVALID_UTF8', 'CONTROL_CHARACTER']);
    expect(entries[0].record.reason).toMatch(/not valid UTF-8 \(byte \d+: 0xe9\)/);
    expect(entries[0].record.encoding).toBe('base64');
    expect(entries[1].record).toMatchObject({
      eventId: nul.id,
      reason: expect.stringMatching(/data\.rationale contains U\+0000/),
    });
    await afterEarlierMessages(h, c.id);
    expect((await h.service.get(c.id))?.signOffs).toEqual([]);
  });

  it('an agency message dated in 2099 or in 1970 is dead-lettered and not applied', async () => {
    const h = await start();
    const c = await openAndWait(h);
    for (const time of ['2099-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z']) {
      await h.bus.publishAs('dod', 'signoff.submitted', signOff(c.id, 'dod'), {
        time: new Date(time),
      });
    }
    const entries = await deadLetters(h, 2, 'both dead letters');
    expect(entries.map((e) => [e.record.code, e.record.reason])).toEqual([
      [
        'IMPLAUSIBLE_TIME',
        expect.stringMatching(/^time 2099-01-01T00:00:00.000Z lies more than 24 hours after/),
      ],
      [
        'IMPLAUSIBLE_TIME',
        expect.stringMatching(/^time 1970-01-01T00:00:00.000Z lies more than 366 days before/),
      ],
    ]);
    await afterEarlierMessages(h, c.id);
    expect((await h.service.get(c.id))?.signOffs).toEqual([]);
  });

  it('an event id reused for another sign-off is dead-lettered as a conflict; the same sign-off again changes nothing and is not', async () => {
    const h = await start();
    const c = await openAndWait(h);
    const first = await h.bus.publishAs('dod', 'signoff.submitted', signOff(c.id, 'dod'));
    await waitFor(async () => (await h.service.get(c.id))?.signOffs.length === 1, {
      description: 'the sign-off',
    });
    const subject = subjectFor('signoff.submitted', 'dod', first.data);
    // The same message again, sent later (a retry: new time, new submittedAt), under a new message id.
    // Signed again by DoD, as its adapter would (ADR 15).
    const retry = signAs('dod', {
      ...first,
      time: new Date().toISOString(),
      data: { ...first.data, submittedAt: new Date().toISOString() },
    });
    await publishRaw(h, subject, JSON.stringify(retry));
    // The same id saying something else, under a new message id.
    const conflicting = signAs('dod', {
      ...first,
      data: { ...first.data, decision: 'non-concur', rationale: 'We object after all.' },
    });
    await publishRaw(h, subject, JSON.stringify(conflicting));

    const [entry, ...more] = await deadLetters(h, 1, 'the conflict');
    expect(more).toEqual([]);
    expect(entry.record).toMatchObject({
      code: 'EVENT_ID_CONFLICT',
      eventId: first.id,
      consumer: 'coordinator',
      reason: expect.stringContaining(
        `event id ${first.id} was already applied to consultation ${c.id}`,
      ),
    });
    const after = await h.service.get(c.id);
    expect(after?.signOffs.map((s) => s.decision)).toEqual(['concur']);
  });

  it('a record on a dead-letter subject that is not JSON is listed as unreadable with the others, and its replay is refused with a 422', async () => {
    const h = await start();
    const http = request.agent(h.http!.getHttpServer()).set(authHeader('officer'));
    const space = new SubjectSpace(h.env.BUS_NAMESPACE);
    await h.app
      .get(NatsConnectionProvider)
      .js.publish(space.deadLetterSubject('coordinator'), 'not a record {');
    // And a real dead letter after it.
    await publishRaw(h, 'icb.evt.dod.signoff.submitted.v1', '{"specversion":"1.0"}');

    const list = await waitFor(
      async () => {
        const res = await http.get('/dead-letters');
        expect(res.status).toBe(200);
        const body = res.body as { total: number; items: DeadLetterEntry[] };
        return body.items.length === 2 && body;
      },
      { description: 'both entries' },
    );
    expect(list.total).toBe(2);
    const [unreadable, invalid] = list.items;
    expect(unreadable).toMatchObject({
      unreadable: true,
      record: { code: 'UNREADABLE_RECORD', reason: expect.stringMatching(/it is not JSON/) },
    });
    expect(invalid.unreadable).toBeUndefined();
    expect(invalid.record).toMatchObject({ code: 'INVALID_MESSAGE', consumer: 'coordinator' });

    const replay = await http.post(`/dead-letters/${unreadable.seq}/replay`).expect(422);
    expect((replay.body as { message: string }).message).toMatch(
      /not a dead-letter record.*discard it/,
    );
    await http.delete(`/dead-letters/${unreadable.seq}`).expect(204);
    const rest = (await http.get('/dead-letters').expect(200)).body as { items: DeadLetterEntry[] };
    expect(rest.items.map((e) => e.seq)).toEqual([invalid.seq]);
  });
});
