/*
 * Signed positions (ADR 15): the coordinator applies an agency's message only
 * with a valid signature by a registered key of that agency, dead-letters it
 * with the reason otherwise, keeps the signature in the hash-chained log (the
 * timeline says it was verified; the exported log proves it with the public
 * keys alone), and replays a dead letter only as the message the bus stored:
 * a record DoD planted on its own dead-letter subject cannot speak for NSC.
 * Real nats-server, real FerretDB.
 */
import request from 'supertest';
import {
  AgencyKeyRegistry,
  subjectFor,
  verifyChain,
  verifyLogSignatures,
  withSignature,
  type Agency,
  type Envelope,
  type LogEntry,
} from '@icb/contracts';
import { envelopeFor } from '@icb/contracts/testing/message-cases';
import {
  DeadLetterService,
  NatsConnectionProvider,
  SubjectSpace,
  type DeadLetterEntry,
  type DeadLetterRecord,
} from '@icb/messaging';
import {
  authHeader,
  newAgencyKeyPair,
  signAs,
  testAgencyKeys,
  testEnv,
  waitFor,
} from '@icb/testing';
import { signingKeyFromJwk } from '@icb/contracts';
import { ConsultationView } from '../src/write/consultations/consultation-view';
import { anFmsCase, Harness, officer, startCoordinator } from './harness';

const signOff = (consultationId: string, agency: Agency, decision = 'concur' as const) => ({
  consultationId,
  agency,
  revision: 1,
  decision,
  officer,
  submittedAt: new Date().toISOString(),
});

/** An envelope as the agency's system would build it, not yet signed. */
function unsigned(agency: Agency, payload: ReturnType<typeof signOff>): Envelope {
  return {
    ...envelopeFor('signoff.submitted', payload as never, { publisher: agency }),
    time: new Date().toISOString(),
    classification: 'UNCLASSIFIED',
  };
}

async function openAndWait(h: Harness) {
  const payload = anFmsCase({ clearingParties: ['dod', 'nsc'] });
  await h.bus.publishAs('state-pm', 'consultation.opened', payload);
  const c = await waitFor(() => h.service.get(payload.consultationId), {
    description: 'the consultation',
  });
  const view = h.app.get(ConsultationView);
  await waitFor(() => ((view.versionOf(c.id) ?? 0) >= c.version ? true : undefined), {
    description: 'the read model',
  });
  return c;
}

function deadLetters(h: Harness, n: number, description: string): Promise<DeadLetterEntry[]> {
  return waitFor(
    async () => {
      const list = await h.app.get(DeadLetterService).list();
      return list.length >= n && list;
    },
    { description },
  );
}

/** NSC's acknowledgement, applied: every message published before it about `id` was processed. */
async function afterEarlierMessages(h: Harness, id: string): Promise<void> {
  await h.bus.publishAs('nsc', 'review.acknowledged', {
    consultationId: id,
    agency: 'nsc',
    revision: 1,
  });
  await waitFor(
    async () => (await h.service.get(id))?.reviews.find((r) => r.agency === 'nsc')?.acknowledgedAt,
    { description: 'the acknowledgement that follows' },
  );
}

describe('signed positions', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0).reverse()) await h.close();
  });
  async function start(env?: Record<string, string>): Promise<Harness> {
    const h = await startCoordinator({ api: true, env });
    harnesses.push(h);
    return h;
  }

  it('applies a signed sign-off, shows its verified signature on the timeline, and the exported log proves it with the public keys alone', async () => {
    const h = await start();
    const c = await openAndWait(h);
    const sent = await h.bus.publishAs('dod', 'signoff.submitted', signOff(c.id, 'dod'));
    await waitFor(async () => (await h.service.get(c.id))?.signOffs.length === 1, {
      description: 'the sign-off',
    });
    const http = request(h.http!.getHttpServer());
    const detail = await http.get(`/consultations/${c.id}`).set(authHeader()).expect(200);
    const position = (
      detail.body as { timeline: { eventId: string; signature?: unknown }[] }
    ).timeline.find((e) => e.eventId === sent.id);
    expect(position?.signature).toEqual({
      kid: 'dod-test-1',
      verified: true,
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const page = await http
      .get(`/consultations/${c.id}/audit/log?limit=1`)
      .set(authHeader())
      .expect(200);
    expect(page.body).toMatchObject({ consultationId: c.id, next: 1 });
    const entries: LogEntry[] = [];
    let next: number | undefined = 0;
    let head = { seq: 0, hash: '' };
    while (next !== undefined) {
      const res = await http
        .get(`/consultations/${c.id}/audit/log?after=${next}&limit=2`)
        .set(authHeader())
        .expect(200);
      const body = res.body as { entries: LogEntry[]; head: typeof head; next?: number };
      entries.push(...body.entries);
      head = body.head;
      next = body.next;
    }
    const keys = AgencyKeyRegistry.parse(testAgencyKeys().registry);
    expect(verifyChain(entries, head)).toMatchObject({ ok: true });
    const report = verifyLogSignatures(entries, keys);
    // state-pm's opening and DoD's sign-off.
    expect(report).toEqual({ verified: 2, failures: [] });

    // Who cannot read the consultation cannot export its log.
    const secret = anFmsCase({ classification: 'SECRET' });
    await h.bus.publishAs('state-pm', 'consultation.opened', secret);
    await waitFor(() => h.service.get(secret.consultationId), {
      description: 'the SECRET consultation',
    });
    const refused = await http
      .get(`/consultations/${secret.consultationId}/audit/log`)
      .set(authHeader('confidential'))
      .expect(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      message: expect.stringMatching(/above your clearance/),
    });
  });

  it('dead-letters an unsigned, forged, foreign, unknown or retired signature with its reason, and applies none', async () => {
    // DoD's first key was retired yesterday; its second key is the one in use.
    const retired = newAgencyKeyPair('dod-retired');
    const registry = testAgencyKeys().registry;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const env = testEnv({
      CLOCK_TICK_MS: '0',
      AGENCY_KEYS: JSON.stringify({
        keys: [
          ...registry.keys,
          {
            ...retired.publicJwk,
            agency: 'dod',
            effectiveFrom: '2020-01-01T00:00:00Z',
            effectiveUntil: yesterday,
          },
        ],
      }),
    });
    const h = await start(env);
    const c = await openAndWait(h);
    const subject = subjectFor('signoff.submitted', 'dod', signOff(c.id, 'dod'));
    const stranger = signingKeyFromJwk(newAgencyKeyPair('dod-test-1').privateJwk);
    const cases: [string, Envelope][] = [
      ['SIGNATURE_MISSING', unsigned('dod', signOff(c.id, 'dod'))],
      [
        'SIGNATURE_INVALID',
        // Signed, then its officer changed.
        (() => {
          const e = signAs('dod', unsigned('dod', signOff(c.id, 'dod')));
          return {
            ...e,
            data: { ...(e.data as object), officer: { name: 'Someone Else', title: 'Director' } },
          };
        })(),
      ],
      ['SIGNER_NOT_PUBLISHER', signAs('nsc', unsigned('dod', signOff(c.id, 'dod')))],
      [
        'UNKNOWN_SIGNING_KEY',
        withSignature(unsigned('dod', signOff(c.id, 'dod')), { ...stranger, kid: 'dod-9' }),
      ],
      ['SIGNATURE_INVALID', withSignature(unsigned('dod', signOff(c.id, 'dod')), stranger)],
      [
        'SIGNING_KEY_NOT_EFFECTIVE',
        withSignature(unsigned('dod', signOff(c.id, 'dod')), signingKeyFromJwk(retired.privateJwk)),
      ],
    ];
    for (const [, envelope] of cases) await h.bus.publishEnvelope(subject, envelope);

    const entries = await deadLetters(h, cases.length, 'every forgery dead-lettered');
    expect(entries.map((e) => [e.record.code, e.record.eventId, e.record.consumer])).toEqual(
      cases.map(([code, e]) => [code, e.id, 'coordinator']),
    );
    expect(entries.find((e) => e.record.code === 'SIGNATURE_MISSING')?.record.reason).toBe(
      'the envelope carries no jws signature',
    );
    await afterEarlierMessages(h, c.id);
    expect((await h.service.get(c.id))?.signOffs).toEqual([]);
    process.stderr.write(
      `[abuse] signatures: ${cases.length} tried, ${entries.length} dead-lettered, ` +
        `${(await h.service.get(c.id))?.signOffs.length ?? 0} applied\n`,
    );
  });

  it('refuses to replay a forged NSC non-concurrence DoD planted on its own dead-letter subject; a genuine dead letter still replays', async () => {
    const h = await start();
    const c = await openAndWait(h);
    const http = request(h.http!.getHttpServer());
    const space = new SubjectSpace(h.env.BUS_NAMESPACE);
    const js = h.app.get(NatsConnectionProvider).js;

    // A genuine dead letter: DoD's sign-off sent without its signature.
    const genuine = unsigned('dod', signOff(c.id, 'dod'));
    const wireSubject = space.toWire(subjectFor('signoff.submitted', 'dod', genuine.data as never));
    await h.bus.publishEnvelope(
      subjectFor('signoff.submitted', 'dod', genuine.data as never),
      genuine,
    );
    const [real] = await deadLetters(h, 1, 'the genuine dead letter');

    // What DoD's identity may publish: a record on icb.dlq.dod-adapter carrying NSC's "non-concurrence".
    const nscSubject = space.toWire(subjectFor('signoff.submitted', 'nsc', signOff(c.id, 'nsc')));
    const forgedBody = JSON.stringify(unsigned('nsc', signOff(c.id, 'nsc', 'non-concur' as never)));
    const record = (patch: Partial<DeadLetterRecord>): DeadLetterRecord => ({
      code: 'HANDLER_FAILED',
      reason: 'temporary failure',
      subject: nscSubject,
      consumer: 'dod-adapter',
      stream: space.eventsStream,
      streamSequence: real.record.streamSequence,
      deliveryCount: 1,
      headers: {},
      data: forgedBody,
      encoding: 'utf8',
      deadLetteredAt: new Date().toISOString(),
      ...patch,
    });
    const plant = (r: DeadLetterRecord, consumer = 'dod-adapter') =>
      js.publish(space.deadLetterSubject(consumer), JSON.stringify(r));
    await plant(record({}));
    await plant(record({ streamSequence: 9_999_999 }));
    await plant(
      record({ subject: wireSubject, data: real.record.data.replace('"concur"', '"non-concur"') }),
    );
    await plant(record({ consumer: 'coordinator' }));
    const all = await deadLetters(h, 5, 'the planted records');
    const planted = all.filter((e) => e.seq !== real.seq);

    for (const entry of planted) {
      const res = await http
        .post(`/dead-letters/${entry.seq}/replay`)
        .set(authHeader())
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'DEAD_LETTER_NOT_ORIGINAL' });
    }
    const reasons = await Promise.all(
      planted.map(
        async (e) =>
          (
            (await http.post(`/dead-letters/${e.seq}/replay`).set(authHeader())).body as {
              message: string;
            }
          ).message,
      ),
    );
    expect(reasons[0]).toMatch(/is not what it holds/);
    expect(reasons[1]).toMatch(/has no message 9999999 yet/);
    expect(reasons[2]).toMatch(/is not what it holds/);
    expect(reasons[3]).toMatch(/not on the dead-letter subject of its consumer coordinator/);

    // The genuine one replays: the original bytes, checked again (and dead-lettered again: still unsigned).
    const replayed = await http
      .post(`/dead-letters/${real.seq}/replay`)
      .set(authHeader())
      .expect(200);
    expect(replayed.body).toMatchObject({ seq: real.seq, subject: wireSubject });
    const again = await waitFor(
      async () =>
        (await h.app.get(DeadLetterService).list()).find(
          (e) =>
            e.seq > real.seq &&
            e.record.code === 'SIGNATURE_MISSING' &&
            e.record.consumer === 'coordinator',
        ),
      { description: 'the replayed message, checked again' },
    );
    expect(again.record.data).toBe(real.record.data);
    expect(again.record.headers['Icb-Replayed-From']).toEqual([
      `${space.deadLetterStream}:${real.seq}`,
    ]);

    await afterEarlierMessages(h, c.id);
    const after = await h.service.get(c.id);
    expect(after?.signOffs).toEqual([]);
    expect(
      (await h.app.get(DeadLetterService).list()).filter((e) =>
        planted.some((p) => p.seq === e.seq),
      ),
    ).toHaveLength(4);
  });

  it('replays a dead letter whose original left the events stream only when its agency signed it', async () => {
    const h = await start();
    const c = await openAndWait(h);
    const http = request(h.http!.getHttpServer());
    const space = new SubjectSpace(h.env.BUS_NAMESPACE);
    // A signed sign-off dead-lettered for a reason of its own (a reused id conflict needs no set-up: an invalid revision does).
    const signed = signAs('dod', unsigned('dod', { ...signOff(c.id, 'dod'), revision: 0 }));
    await h.bus.publishEnvelope(
      subjectFor('signoff.submitted', 'dod', signed.data as never),
      signed,
    );
    const [entry] = await deadLetters(h, 1, 'the dead letter');
    expect(entry.record.code).toBe('INVALID_MESSAGE');
    // The original is removed from the events stream (retention, or an operator).
    await h.app
      .get(NatsConnectionProvider)
      .manager.streams.deleteMessage(space.eventsStream, entry.record.streamSequence, false);
    // DoD forges a copy of that record with its data changed: its signature no longer holds.
    const forged = { ...entry.record, data: entry.record.data.replace('"concur"', '"non-concur"') };
    await h.app
      .get(NatsConnectionProvider)
      .js.publish(space.deadLetterSubject('coordinator'), JSON.stringify(forged));
    const [, copy] = await deadLetters(h, 2, 'the forged copy');
    const refused = await http
      .post(`/dead-letters/${copy.seq}/replay`)
      .set(authHeader())
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'DEAD_LETTER_SIGNATURE_REFUSED',
      message: expect.stringMatching(/SIGNATURE_INVALID/),
    });
    // The genuine record, signed by DoD, still replays.
    await http.post(`/dead-letters/${entry.seq}/replay`).set(authHeader()).expect(200);
    await waitFor(
      async () =>
        (await h.app.get(DeadLetterService).list()).some(
          (e) => e.seq > copy.seq && e.record.eventId === signed.id,
        ),
      { description: 'the replayed copy, checked again' },
    );
  });
});
