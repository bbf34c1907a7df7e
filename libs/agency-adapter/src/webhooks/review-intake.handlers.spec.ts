import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { Envelope, ReviewRequestedV1 } from '@icb/contracts';
import type { AppConfig } from '@icb/config';
import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import { classifyError, JetStreamContext, TransientMessageError } from '@icb/messaging';
import { reviewIntakeHandlerFor, ReviewIntakeHandler } from './review-intake.handlers';
import { newDelivery, type WebhookDeliveryRecord } from './webhook-delivery.policy';
import { createWebhookSubscription, InMemorySubscriptionStore } from './webhook-subscription';

/** The handler's arguments for one delivery: `@Payload()` and `@Ctx()`. */
function delivery(
  e: Envelope<ReviewRequestedV1>,
  deliveryCount: number,
): [ReviewRequestedV1, JetStreamContext] {
  return [
    e.data,
    new JetStreamContext([
      undefined as never,
      e,
      {
        subject: 'icb.evt.coordinator.review.requested.v1.dod',
        consumer: 'dod-adapter',
        stream: 'ICB_EVENTS',
        streamSequence: 1,
        deliveryCount,
        redelivered: deliveryCount > 1,
        working: () => undefined,
      },
    ]),
  ];
}

/** The repository's create-if-absent, in memory: what the KV bucket does with `create`. */
class FakeDeliveries {
  readonly records = new Map<string, WebhookDeliveryRecord>();
  enqueue(subscriptionId: string, envelope: Envelope, now: Date) {
    const fresh = newDelivery(subscriptionId, envelope, now);
    const existing = this.records.get(fresh.deliveryId);
    if (!existing) this.records.set(fresh.deliveryId, fresh);
    const current = existing ?? fresh;
    return Promise.resolve({
      created: !existing,
      ...(current.state === 'pending' && { pending: current }),
    });
  }
}

async function setUp(clearance: AppConfig['AGENCY_CLEARANCE'] = 'TOP SECRET') {
  const store = new InMemorySubscriptionStore();
  const deliveries = new FakeDeliveries();
  const scheduled: string[] = [];
  const worker = { schedule: (d: WebhookDeliveryRecord) => scheduled.push(d.deliveryId) };
  const wanted = createWebhookSubscription({
    agency: 'dod',
    url: 'https://a.example/hook',
    events: ['review'],
  });
  const other = createWebhookSubscription({
    agency: 'dod',
    url: 'https://b.example/hook',
    events: ['consultation'],
  });
  const inactive = createWebhookSubscription({
    agency: 'dod',
    url: 'https://c.example/hook',
    events: ['review.requested'],
  });
  for (const s of [wanted, other, inactive]) await store.save(s);
  await store.deactivate(inactive.id, 'HTTP 410');
  const Handler = reviewIntakeHandlerFor('dod');
  const config = { AGENCY_CLEARANCE: clearance } as AppConfig;
  const handler = new Handler('dod', store, deliveries, worker, config);
  return { handler, deliveries, scheduled, wanted };
}

const envelope = () => envelopeFor('review.requested', validPayload('review.requested'));

describe('review intake', () => {
  it('is a handler of review.requested addressed to its agency only', () => {
    const Dod = reviewIntakeHandlerFor('dod');
    const Nsc = reviewIntakeHandlerFor('nsc');
    const pattern = (cls: typeof ReviewIntakeHandler) =>
      Reflect.getMetadata(PATTERN_METADATA, cls.prototype.onReviewRequested) as unknown;
    const extras = (cls: typeof ReviewIntakeHandler) =>
      Reflect.getMetadata(PATTERN_EXTRAS_METADATA, cls.prototype.onReviewRequested) as unknown;
    expect(pattern(Dod)).toEqual(['review.requested']);
    expect(extras(Dod)).toEqual({ addressee: 'dod', publisher: 'coordinator' });
    expect(extras(Nsc)).toMatchObject({ addressee: 'nsc' });
    expect(pattern(ReviewIntakeHandler)).toBeUndefined();
  });

  it('records one pending delivery per active subscription that wants the request, and schedules it', async () => {
    const { handler, deliveries, scheduled, wanted } = await setUp();
    const e = envelope();
    await handler.onReviewRequested(...delivery(e, 1));
    expect([...deliveries.records.values()]).toEqual([
      expect.objectContaining({ subscriptionId: wanted.id, eventId: e.id, state: 'pending' }),
    ]);
    expect(scheduled).toEqual([...deliveries.records.keys()]);
  });

  it('keeps and pushes a request marked above the agency’s clearance with its text withheld', async () => {
    const { handler, deliveries } = await setUp('SECRET');
    const e = envelopeFor(
      'review.requested',
      validPayload('review.requested', {
        title: 'Operation GLASS',
        summary: 'glass summary',
        classification: 'TOP SECRET//NOFORN',
      }),
    );
    e.classification = 'TOP SECRET//NOFORN';
    await handler.onReviewRequested(...delivery(e, 1));
    const [record] = [...deliveries.records.values()];
    expect(record.envelope).toMatchObject({
      id: e.id,
      withheld: true,
      classification: 'TOP SECRET//NOFORN',
      data: { title: '[withheld]', summary: '[withheld]', agency: 'dod', dueAt: e.data.dueAt },
    });
    expect(JSON.stringify(record)).not.toMatch(/glass/i);
  });

  it('keeps a request the agency is cleared for as it came', async () => {
    const { handler, deliveries } = await setUp('SECRET');
    const e = envelopeFor(
      'review.requested',
      validPayload('review.requested', { classification: 'SECRET//NOFORN' }),
    );
    e.classification = 'SECRET//NOFORN';
    await handler.onReviewRequested(...delivery(e, 1));
    expect([...deliveries.records.values()][0].envelope).toEqual(e);
  });

  it('adds no delivery when the same request comes again', async () => {
    const { handler, deliveries } = await setUp();
    const e = envelope();
    await handler.onReviewRequested(...delivery(e, 1));
    await handler.onReviewRequested(...delivery(e, 2));
    expect(deliveries.records.size).toBe(1);
  });

  it('a bucket that does not answer in time is a transient failure: retried, never dead-lettered', async () => {
    const { handler, deliveries } = await setUp();
    const timeout = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    deliveries.enqueue = () => Promise.reject(timeout);
    const error = (await handler
      .onReviewRequested(...delivery(envelope(), 9))
      .catch((e: unknown) => e)) as TransientMessageError;
    expect(error).toBeInstanceOf(TransientMessageError);
    expect(error.code).toBe('ADAPTER_STATE_UNAVAILABLE');
    expect(error.cause).toBe(timeout);
    expect(classifyError(error)).toBe('transient');
  });

  it('any other failure is left as it is (counted, then dead-lettered)', async () => {
    const { handler, deliveries } = await setUp();
    const bug = new TypeError('x is undefined');
    deliveries.enqueue = () => Promise.reject(bug);
    await expect(handler.onReviewRequested(...delivery(envelope(), 1))).rejects.toBe(bug);
  });
});
