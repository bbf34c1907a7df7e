import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { subjectFor } from '@icb/contracts';
import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import { natsUrl, uniqueNamespace, waitFor } from '@icb/testing';
import { AgencyClient, type Delivery, type InvalidDelivery } from '../src';
import { NotPermittedError } from '../src/agency-client.errors';

describe('AgencyClient against a real nats-server', () => {
  let ns: string;
  let stream: string;
  let raw: NatsConnection;
  let jsm: JetStreamManager;
  const clients: AgencyClient[] = [];

  const wire = (subject: string): string => subject.replace(/^icb\./, `${ns}.`);

  const client = async <A extends 'dod' | 'treasury'>(
    agency: A,
    extra: { onInvalid?: (i: InvalidDelivery) => void } = {},
  ): Promise<AgencyClient<A>> => {
    const c = await AgencyClient.connect({
      agency,
      servers: natsUrl(),
      namespace: ns,
      ackWaitMs: 60_000,
      ...extra,
    });
    clients.push(c);
    return c;
  };

  /** Publishes a review request as the coordinator would (raw, with its own envelope). */
  const publishRequest = async (agency: 'dod' | 'treasury', body?: unknown): Promise<string> => {
    const data = { ...validPayload('review.requested'), agency, consultationId: randomUUID() };
    const envelope = body ?? envelopeFor('review.requested', data);
    const id = (envelope as { id?: string }).id ?? randomUUID();
    await jetstream(raw).publish(
      wire(subjectFor('review.requested', 'coordinator', data)),
      JSON.stringify(envelope),
      { msgID: id },
    );
    return data.consultationId;
  };

  /** Pulls deliveries from an iterator in the background, collecting them. */
  const collect = <N extends 'review.requested'>(it: AsyncGenerator<Delivery<N>>) => {
    const got: Delivery<N>[] = [];
    const done = (async () => {
      for await (const d of it) got.push(d);
    })();
    return { got, done };
  };

  beforeEach(async () => {
    ns = uniqueNamespace();
    stream = `${ns.toUpperCase()}_EVENTS`;
    raw = await connect({ servers: natsUrl(), name: 'agency-client-test' });
    jsm = await jetstreamManager(raw);
    await jsm.streams.add({ name: stream, subjects: [`${ns}.evt.>`] });
  });

  afterEach(async () => {
    await Promise.allSettled(clients.splice(0).map((c) => c.close()));
    await jsm.streams.delete(stream).catch(() => undefined);
    await raw.close();
  });

  it('publishes a sign-off as DoD on the right subject, with the id as Nats-Msg-Id', async () => {
    const dod = await client('dod');
    const payload = validPayload('signoff.submitted');
    const published = await dod.publish('signoff.submitted', payload);
    expect(published.duplicate).toBe(false);

    const stored = await jsm.streams.getMessage(stream, { seq: published.seq });
    expect(stored?.subject).toBe(`${ns}.evt.dod.signoff.submitted.v1`);
    expect(stored?.header.get('Nats-Msg-Id')).toBe(published.eventId);
    const envelope = stored!.json<{ id: string; source: string; type: string; data: unknown }>();
    expect(envelope).toMatchObject({
      id: published.eventId,
      source: '/icb/dod',
      type: 'gov.icb.signoff.submitted.v1',
      data: payload,
    });

    const again = await dod.publish('signoff.submitted', payload, { id: published.eventId });
    expect(again).toMatchObject({
      eventId: published.eventId,
      seq: published.seq,
      duplicate: true,
    });
  });

  it('refuses a Treasury-only message from DoD without sending it', async () => {
    const dod = await client('dod');
    await expect(
      // @ts-expect-error DoD may not publish a sanctions list (checked at run time too)
      dod.publish('sanctions.list-loaded', validPayload('sanctions.list-loaded')),
    ).rejects.toBeInstanceOf(NotPermittedError);
    expect((await jsm.streams.info(stream)).state.messages).toBe(0);
  });

  it("delivers DoD's review request to DoD only; ack settles it", async () => {
    const dod = await client('dod');
    const treasury = await client('treasury');
    const dodIn = collect(dod.reviewRequests());
    const treasuryIn = collect(treasury.reviewRequests());
    // Both consumers exist before the request is published.
    await waitFor(
      () =>
        Promise.all([
          jsm.consumers.info(stream, 'dod-system'),
          jsm.consumers.info(stream, 'treasury-system'),
        ]).then(() => true),
      { description: 'both consumers' },
    );

    const consultationId = await publishRequest('dod');
    const got = await waitFor(() => dodIn.got[0], { description: 'DoD to receive the request' });
    expect(got.envelope.data.consultationId).toBe(consultationId);
    expect(got.subject).toBe('icb.evt.coordinator.review.requested.v1.dod');

    const treasuryInfo = await jsm.consumers.info(stream, 'treasury-system');
    expect(treasuryInfo.config.filter_subject).toBe(
      `${ns}.evt.coordinator.review.requested.v1.treasury`,
    );
    expect(treasuryInfo.num_pending).toBe(0);
    expect(treasuryInfo.delivered.consumer_seq).toBe(0);
    expect(treasuryIn.got).toHaveLength(0);

    await got.ack();
    const dodInfo = await jsm.consumers.info(stream, 'dod-system');
    expect(dodInfo.num_ack_pending).toBe(0);
    expect(dodInfo.num_pending).toBe(0);

    await dod.close();
    await treasury.close();
    await Promise.all([dodIn.done, treasuryIn.done]);
  });

  it('redelivers a nak’d request', async () => {
    const dod = await client('dod');
    const dodIn = collect(dod.reviewRequests());
    await publishRequest('dod');
    const first = await waitFor(() => dodIn.got[0], { description: 'first delivery' });
    expect(first.deliveryCount).toBe(1);
    first.nak(50);
    const second = await waitFor(() => dodIn.got[1], { description: 'redelivery' });
    expect(second.envelope.id).toBe(first.envelope.id);
    expect(second.redelivered).toBe(true);
    expect(second.deliveryCount).toBe(2);
    await second.ack();
    expect((await jsm.consumers.info(stream, 'dod-system')).num_ack_pending).toBe(0);
  });

  it('terminates and reports an invalid incoming message instead of yielding it', async () => {
    const invalid: InvalidDelivery[] = [];
    const dod = await client('dod', { onInvalid: (i) => invalid.push(i) });
    const dodIn = collect(dod.reviewRequests());
    const bad = envelopeFor('review.requested', validPayload('review.requested'));
    await publishRequest('dod', { ...bad, data: { ...bad.data, revision: 'one' } });
    const goodId = await publishRequest('dod');

    const reported = await waitFor(() => invalid[0], { description: 'the invalid report' });
    expect(reported).toMatchObject({
      consumer: 'dod-system',
      subject: 'icb.evt.coordinator.review.requested.v1.dod',
      streamSequence: 1,
    });
    expect(reported.errors.join(' ')).toContain('/data/revision');
    const good = await waitFor(() => dodIn.got[0], { description: 'the valid request' });
    expect(good.envelope.data.consultationId).toBe(goodId);
    expect(dodIn.got).toHaveLength(1);
    await good.ack();
    // Terminated counts as settled: nothing pending, nothing to redeliver.
    const info = await waitFor(
      async () => {
        const i = await jsm.consumers.info(stream, 'dod-system');
        return i.num_ack_pending === 0 && i.num_redelivered === 0 ? i : undefined;
      },
      { description: 'consumer settled' },
    );
    expect(info.delivered.stream_seq).toBe(2);
  });

  it("delivers the coordinator's refusals addressed to the agency through refusals()", async () => {
    const treasury = await client('treasury');
    const refusals = treasury.refusals();
    const next = refusals.next();
    const data = validPayload('message.refused'); // addressed to treasury
    await waitFor(() => jsm.consumers.info(stream, 'treasury-system-refused').then(() => true), {
      description: 'the refusals consumer',
    });
    const envelope = envelopeFor('message.refused', data);
    await jetstream(raw).publish(
      wire(subjectFor('message.refused', 'coordinator', data)),
      JSON.stringify(envelope),
      { msgID: envelope.id },
    );
    const got = await next;
    expect(got.done).toBe(false);
    const refusal = got.value as Delivery<'message.refused'>;
    expect(refusal.envelope.data.code).toBe('STALE_REVISION');
    await refusal.ack();
    await refusals.return(undefined);
  });

  it('reuses an existing durable consumer', async () => {
    const dod = await client('dod', {});
    await dod.ensureConsumer('review.requested', dod.durable);
    const before = await jsm.consumers.info(stream, 'dod-system');
    await dod.ensureConsumer('review.requested', dod.durable);
    const after = await jsm.consumers.info(stream, 'dod-system');
    expect(after.created).toBe(before.created);
  });

  it('keeps publishing while the bus has no stream for it yet, with one event id: stored once when it is back', async () => {
    // A namespace whose stream does not exist yet: JetStream answers "no responders".
    const later = uniqueNamespace();
    const laterStream = `${later.toUpperCase()}_EVENTS`;
    const failures: string[] = [];
    const dod = await AgencyClient.connect({
      agency: 'dod',
      servers: natsUrl(),
      namespace: later,
      publishDeadlineMs: 30_000,
      onPublishRetry: (r) => {
        failures.push((r.error as Error).name);
        // The stream comes (back) after the first failed attempt.
        if (r.attempt === 1) {
          void jsm.streams.add({ name: laterStream, subjects: [`${later}.evt.>`] });
        }
      },
    });
    clients.push(dod);
    try {
      const published = await dod.publish('signoff.submitted', validPayload('signoff.submitted'));
      expect(failures.length).toBeGreaterThanOrEqual(1);
      expect(failures[0]).toBe('JetStreamNotEnabled');
      const info = await jsm.streams.info(laterStream);
      expect(info.state.messages).toBe(1);
      const stored = await jsm.streams.getMessage(laterStream, { seq: published.seq });
      expect(stored?.header.get('Nats-Msg-Id')).toBe(published.eventId);
    } finally {
      await jsm.streams.delete(laterStream).catch(() => undefined);
    }
  });

  it('gives up after publishDeadlineMs when the bus never answers', async () => {
    const nowhere = uniqueNamespace();
    const dod = await AgencyClient.connect({
      agency: 'dod',
      servers: natsUrl(),
      namespace: nowhere,
      publishDeadlineMs: 600,
    });
    clients.push(dod);
    await expect(
      dod.publish('signoff.submitted', validPayload('signoff.submitted')),
    ).rejects.toMatchObject({ name: 'JetStreamNotEnabled' });
  });
});
