import { envelopeFor, validPayload } from '@icb/contracts/testing/message-cases';
import { MessageContext, TransientMessageError } from '@icb/messaging';
import { MESSAGE_HANDLER } from '@icb/messaging/message-handler.decorator';
import { reviewIntakeHandlerFor, ReviewIntakeHandler } from './review-intake.handlers';
import { InMemoryDeliveryLog } from './webhook-delivery-log';
import { WebhookDeliverer } from './webhook-delivery';
import { createWebhookSubscription, InMemorySubscriptionStore } from './webhook-subscription';

function context(deliveryCount: number): MessageContext {
  return {
    subject: 'icb.evt.coordinator.review.requested.v1.dod',
    consumer: 'dod-adapter',
    stream: 'ICB_EVENTS',
    streamSequence: 1,
    deliveryCount,
    redelivered: deliveryCount > 1,
    working: () => undefined,
  };
}

/** A fetch that answers each URL with the next status of its script (the last one repeats). */
function scriptedFetch(script: Record<string, number[]>): {
  fetch: typeof fetch;
  calls: string[];
} {
  const calls: string[] = [];
  const fake = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    const statuses = script[url];
    const status = statuses.length > 1 ? (statuses.shift() as number) : statuses[0];
    return Promise.resolve(new Response(null, { status }));
  };
  return { fetch: fake, calls };
}

async function setUp(script: Record<string, number[]>) {
  const store = new InMemorySubscriptionStore();
  const log = new InMemoryDeliveryLog();
  const { fetch, calls } = scriptedFetch(script);
  const deliverer = new WebhookDeliverer({ store, log, fetch, retry: { maxAttempts: 3 } });
  const subscriptions = [];
  for (const url of Object.keys(script)) {
    const s = createWebhookSubscription({ agency: 'dod', url, events: ['review.requested'] });
    await store.save(s);
    subscriptions.push(s);
  }
  const Handler = reviewIntakeHandlerFor('dod');
  const handler = new Handler('dod', store, log, deliverer);
  return { handler, log, calls, subscriptions };
}

const envelope = () => envelopeFor('review.requested', validPayload('review.requested'));

describe('review intake', () => {
  it('is a handler of review.requested addressed to its agency only', () => {
    const Dod = reviewIntakeHandlerFor('dod');
    const Nsc = reviewIntakeHandlerFor('nsc');
    const meta = (cls: typeof ReviewIntakeHandler) =>
      Reflect.getMetadata(MESSAGE_HANDLER, cls.prototype.onReviewRequested) as unknown;
    expect(meta(Dod)).toEqual({
      message: 'review.requested',
      addressee: 'dod',
      publisher: 'coordinator',
    });
    expect(meta(Nsc)).toMatchObject({ addressee: 'nsc' });
    expect(meta(ReviewIntakeHandler)).toBeUndefined();
  });

  it('makes one attempt per delivery and asks the bus to redeliver while one is retryable', async () => {
    const { handler, log, calls, subscriptions } = await setUp({
      'https://a.example/hook': [204],
      'https://b.example/hook': [503, 200],
    });
    const e = envelope();
    await expect(handler.onReviewRequested(e, context(1))).rejects.toBeInstanceOf(
      TransientMessageError,
    );
    expect(calls).toHaveLength(2);

    // The redelivery tries only the subscription not yet settled.
    await handler.onReviewRequested(e, context(2));
    expect(calls).toEqual([
      'https://a.example/hook',
      'https://b.example/hook',
      'https://b.example/hook',
    ]);
    const b = await log.deliveries(subscriptions[1].id);
    expect(b.map((x) => [x.attempt, x.outcome])).toEqual([
      [2, 'delivered'],
      [1, 'retry'],
    ]);
  });

  it('logs a permanent failure and lets the message be acked', async () => {
    const { handler, log, subscriptions } = await setUp({ 'https://a.example/hook': [400] });
    await handler.onReviewRequested(envelope(), context(1));
    expect((await log.deliveries(subscriptions[0].id))[0]).toMatchObject({
      outcome: 'failed',
      httpStatus: 400,
    });
  });

  it('gives up, logged as failed, on the last delivery the consumer allows', async () => {
    const { handler, log, subscriptions } = await setUp({ 'https://a.example/hook': [503] });
    await handler.onReviewRequested(envelope(), context(3));
    expect((await log.deliveries(subscriptions[0].id))[0]).toMatchObject({
      attempt: 3,
      outcome: 'failed',
    });
  });
});
