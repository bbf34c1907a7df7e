import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { envelopeFor } from '@icb/contracts/testing/message-cases';
import { InMemoryDeliveryLog } from './webhook-delivery-log';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  deliveryIdFor,
  parseRetryAfter,
  WebhookDeliverer,
  type RetryPolicy,
} from './webhook-delivery';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from './webhook-signature';
import { parseAllowedTargets, WebhookTargetGuard } from './webhook-targets';
import {
  createWebhookSubscription,
  InMemorySubscriptionStore,
  type WebhookSubscription,
} from './webhook-subscription';

// Whole seconds of the real clock: the first attempt's signature must be fresh for the library.
const START_MS = Math.floor(Date.now() / 1000) * 1000;
/** The allow-list a local receiver needs. */
const LOOPBACK = new WebhookTargetGuard(parseAllowedTargets('loopback'));

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

type Reply = (res: ServerResponse) => void;
const status =
  (code: number, headers: Record<string, string> = {}, text = ''): Reply =>
  (res) => {
    res.writeHead(code, headers).end(text);
  };
/** Never answers (the connection is closed when the server is). */
const silence: Reply = () => undefined;

/** A real HTTP receiver on 127.0.0.1 that answers from a script (the last reply repeats). */
class Receiver {
  readonly received: Received[] = [];
  readonly held: ServerResponse[] = [];
  private server?: Server;

  constructor(private readonly replies: Reply[]) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const index = Math.min(this.received.length, this.replies.length - 1);
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        this.replies[index](res);
        if (!res.writableEnded) this.held.push(res);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** A clock that moves only when the deliverer sleeps; sleep resolves at once and records the wait. */
function fakeTime() {
  let nowMs = START_MS;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => nowMs,
    sleep: (ms: number) => {
      sleeps.push(ms);
      nowMs += ms;
      return Promise.resolve();
    },
  };
}

describe('WebhookDeliverer', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.stop();
    receiver = undefined;
  });

  async function setup(replies: Reply[], retry: Partial<RetryPolicy> = {}, maxInFlight?: number) {
    receiver = new Receiver(replies);
    const url = await receiver.start();
    const time = fakeTime();
    const store = new InMemorySubscriptionStore();
    const log = new InMemoryDeliveryLog();
    const subscription: WebhookSubscription = createWebhookSubscription(
      { agency: 'dod', url, events: ['review.requested'] },
      { now: () => new Date(time.now()) },
    );
    await store.save(subscription);
    const deliverer = new WebhookDeliverer({
      store,
      log,
      targets: LOOPBACK,
      retry: { attemptTimeoutMs: 2_000, ...retry },
      now: time.now,
      sleep: time.sleep,
      random: () => 0.5,
      ...(maxInFlight !== undefined && { maxInFlightPerSubscription: maxInFlight }),
    });
    return { receiver, time, store, log, subscription, deliverer };
  }

  const event = () => envelopeFor('review.requested');

  it('delivers a signed CloudEvent that the receiver verifies with the subscription secret', async () => {
    const { receiver, time, log, subscription, deliverer } = await setup([status(204)]);
    const envelope = event();

    const result = await deliverer.deliver(subscription, envelope);

    expect(result).toEqual({
      deliveryId: deliveryIdFor(subscription.id, envelope.id),
      outcome: 'delivered',
      attempts: 1,
      httpStatus: 204,
      delaysMs: [],
    });
    const [req] = receiver.received;
    expect(req.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(req.headers['webhook-id']).toBe(result.deliveryId);
    expect(req.headers['webhook-timestamp']).toBe(String(time.now() / 1000));
    expect(req.headers['icb-event-id']).toBe(envelope.id);
    expect(req.headers['icb-event-type']).toBe('gov.icb.review.requested.v1');
    expect(req.headers['icb-delivery-attempt']).toBe('1');
    expect(JSON.parse(req.body)).toEqual(envelope);
    const headers = req.headers as Record<string, string>;
    expect(new Webhook(subscription.secret).verify(req.body, headers)).toEqual(envelope);
    expect(() => new Webhook(generateWebhookSecret()).verify(req.body, headers)).toThrow(
      /No matching signature/,
    );
    expect(await log.deliveries(subscription.id)).toEqual([
      expect.objectContaining({
        outcome: 'delivered',
        attempt: 1,
        httpStatus: 204,
        eventId: envelope.id,
      }),
    ]);
    expect(time.sleeps).toEqual([]);
  });

  it('500, 500, then 200 is delivered on attempt 3 after full-jitter exponential backoff', async () => {
    const { receiver, time, log, subscription, deliverer } = await setup(
      [status(500, {}, 'boom'), status(500), status(200)],
      { baseDelayMs: 1_000, factor: 3 },
    );

    const result = await deliverer.deliver(subscription, event());

    // random() = 0.5: half of 1000 * 3^0, then half of 1000 * 3^1.
    expect(result).toMatchObject({ outcome: 'delivered', attempts: 3, delaysMs: [500, 1_500] });
    expect(time.sleeps).toEqual([500, 1_500]);
    expect(receiver.received.map((r) => r.headers['icb-delivery-attempt'])).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const entries = await log.deliveries(subscription.id);
    expect(entries.map((e) => [e.attempt, e.outcome, e.httpStatus])).toEqual([
      [3, 'delivered', 200],
      [2, 'retry', 500],
      [1, 'retry', 500],
    ]);
    expect(entries[2]).toMatchObject({
      error: 'HTTP 500: boom',
      at: new Date(START_MS),
      nextAttemptAt: new Date(START_MS + 500),
    });
    expect(entries[1]).toMatchObject({
      at: new Date(START_MS + 500),
      nextAttemptAt: new Date(START_MS + 2_000),
    });
    expect(entries[0].nextAttemptAt).toBeUndefined();
  });

  it('a 400 is a permanent failure: no retry', async () => {
    const { receiver, log, subscription, deliverer } = await setup([status(400, {}, 'bad event')]);

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      httpStatus: 400,
      error: 'HTTP 400: bad event',
    });
    expect(receiver.received).toHaveLength(1);
    expect((await log.deliveries(subscription.id)).map((e) => e.outcome)).toEqual(['failed']);
  });

  it('a redirect is not followed and is a permanent failure', async () => {
    const { receiver, subscription, deliverer } = await setup([
      status(302, { location: 'http://127.0.0.1:1/' }),
    ]);
    expect(await deliverer.deliver(subscription, event())).toMatchObject({
      outcome: 'failed',
      httpStatus: 302,
    });
    expect(receiver.received).toHaveLength(1);
  });

  it('a redirect to another host is not followed: the other host receives nothing', async () => {
    const elsewhere = new Receiver([status(204)]);
    const elsewhereUrl = await elsewhere.start();
    try {
      const { receiver, log, subscription, deliverer } = await setup([
        status(307, { location: elsewhereUrl.replace('127.0.0.1', 'localhost') }),
      ]);
      const result = await deliverer.deliver(subscription, event());
      expect(result).toMatchObject({ outcome: 'failed', attempts: 1, httpStatus: 307 });
      expect(result.error).toMatch(/redirect to http:\/\/localhost:\d+\/hooks not followed/);
      expect(receiver.received).toHaveLength(1);
      expect(elsewhere.received).toHaveLength(0);
      expect((await log.deliveries(subscription.id)).map((e) => e.outcome)).toEqual(['failed']);
    } finally {
      await elsewhere.stop();
    }
  });

  describe('the allow-list at each attempt', () => {
    async function deliverVia(targets: WebhookTargetGuard, url?: (local: string) => string) {
      receiver = new Receiver([status(204)]);
      const local = await receiver.start();
      const store = new InMemorySubscriptionStore();
      const subscription = createWebhookSubscription({
        agency: 'dod',
        url: url ? url(local) : local,
        events: ['review'],
      });
      await store.save(subscription);
      const deliverer = new WebhookDeliverer({ store, targets, sleep: () => Promise.resolve() });
      return {
        result: await deliverer.deliver(subscription, event()),
        received: receiver.received,
      };
    }

    it('refuses, without sending or retrying, a target no longer on the list', async () => {
      const shrunk = new WebhookTargetGuard(parseAllowedTargets('https://hooks.dod.example.mil'));
      const { result, received } = await deliverVia(shrunk);
      expect(result).toMatchObject({ outcome: 'failed', attempts: 1 });
      expect(result.error).toMatch(
        /WEBHOOK_TARGET_NOT_ALLOWED.*not on this adapter's webhook allow-list/,
      );
      expect(received).toHaveLength(0);
    });

    it('refuses a target with no list configured at all', async () => {
      const { result, received } = await deliverVia(new WebhookTargetGuard({}));
      expect(result.error).toMatch(/WEBHOOK_TARGETS_NOT_CONFIGURED/);
      expect(received).toHaveLength(0);
    });

    it('connects to the address the guard resolved, and refuses a name that resolves to link-local', async () => {
      const named = (local: string) => local.replace('127.0.0.1', 'hooks.dod.test');
      const list = (local: string) => parseAllowedTargets(new URL(named(local)).origin);
      receiver = new Receiver([status(204)]);
      const local = await receiver.start();
      const resolved: string[][] = [['127.0.0.1'], ['169.254.169.254']];
      const rebinding = new WebhookTargetGuard(list(local), () =>
        Promise.resolve(resolved.shift() ?? ['169.254.169.254']),
      );
      const store = new InMemorySubscriptionStore();
      const deliverer = new WebhookDeliverer({ store, targets: rebinding });
      const subscription = createWebhookSubscription({
        agency: 'dod',
        url: named(local),
        events: ['review'],
      });
      await store.save(subscription);
      // First lookup: loopback, delivered. Second (DNS rebinding): the metadata address, refused.
      expect(await deliverer.deliver(subscription, event())).toMatchObject({
        outcome: 'delivered',
      });
      const refused = await deliverer.deliver(subscription, event());
      expect(refused).toMatchObject({ outcome: 'failed', attempts: 1 });
      expect(refused.error).toMatch(/169\.254\.169\.254 is a link-local or cloud-metadata address/);
      expect(receiver.received).toHaveLength(1);
    });
  });

  it('410 Gone deactivates the subscription and stops', async () => {
    const { receiver, store, log, subscription, deliverer } = await setup([status(410)]);

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({ outcome: 'deactivated', attempts: 1, httpStatus: 410 });
    expect(await store.get(subscription.id)).toMatchObject({
      active: false,
      deactivatedReason: 'HTTP 410',
    });
    expect((await log.deliveries(subscription.id)).map((e) => e.outcome)).toEqual(['deactivated']);
    // Nothing more is sent to it.
    const again = await deliverer.deliver((await store.get(subscription.id))!, event());
    expect(again).toMatchObject({ outcome: 'skipped', attempts: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('a receiver that never answers times out and the delivery is retried', async () => {
    const { receiver, log, subscription, deliverer } = await setup([silence, status(200)], {
      attemptTimeoutMs: 150,
    });

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({ outcome: 'delivered', attempts: 2, delaysMs: [500] });
    expect(receiver.received).toHaveLength(2);
    const [, first] = await log.deliveries(subscription.id);
    expect(first).toMatchObject({ attempt: 1, outcome: 'retry', error: 'timed out after 150 ms' });
    expect(first.httpStatus).toBeUndefined();
  });

  it('honours Retry-After (seconds and HTTP dates) on 429 and 503, capped', async () => {
    const { time, subscription, deliverer } = await setup(
      [
        status(429, { 'retry-after': '7' }),
        status(503, { 'retry-after': new Date(START_MS + 7_000 + 20_000).toUTCString() }),
        status(503, { 'retry-after': '86400' }),
        status(200),
      ],
      { maxRetryAfterMs: 60_000 },
    );

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({ outcome: 'delivered', attempts: 4 });
    expect(time.sleeps).toEqual([7_000, 20_000, 60_000]);
  });

  it('after max attempts the delivery fails with the last error', async () => {
    const { receiver, log, subscription, deliverer } = await setup(
      [status(500), status(408), status(502, {}, 'bad gateway')],
      { maxAttempts: 3 },
    );

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({
      outcome: 'failed',
      attempts: 3,
      httpStatus: 502,
      error: 'HTTP 502: bad gateway',
      delaysMs: [500, 1_000],
    });
    expect(receiver.received).toHaveLength(3);
    expect((await log.deliveries(subscription.id)).map((e) => [e.attempt, e.outcome])).toEqual([
      [3, 'failed'],
      [2, 'retry'],
      [1, 'retry'],
    ]);
  });

  it('an endpoint that refuses connections is retried, then fails with the network error', async () => {
    const { receiver, store, log, time, deliverer } = await setup([status(200)], {
      maxAttempts: 2,
    });
    await receiver.stop();
    const [subscription] = await store.list();

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({
      outcome: 'failed',
      attempts: 2,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(time.sleeps).toEqual([500]);
    expect((await log.deliveries(subscription.id))[0].httpStatus).toBeUndefined();
  });

  it('stops retrying when the subscription is deactivated meanwhile', async () => {
    const { receiver, store, log, time, subscription } = await setup([status(503)]);
    const deliverer = new WebhookDeliverer({
      store,
      log,
      targets: LOOPBACK,
      now: time.now,
      random: () => 0.5,
      // An operator deactivates it while the deliverer waits to retry.
      sleep: async (ms) => {
        await time.sleep(ms);
        await store.deactivate(subscription.id, 'operator');
      },
    });

    const result = await deliverer.deliver(subscription, event());

    expect(result).toMatchObject({ outcome: 'skipped', attempts: 1, httpStatus: 503 });
    expect(receiver.received).toHaveLength(1);
  });

  it('the delivery log lists attempts newest first, up to a limit', async () => {
    const { log, subscription, deliverer } = await setup([status(200)]);
    const events = [event(), event(), event()];
    for (const e of events) await deliverer.deliver(subscription, e);

    const all = await log.deliveries(subscription.id);
    expect(all.map((e) => e.eventId)).toEqual(events.map((e) => e.id).reverse());
    expect((await log.deliveries(subscription.id, { limit: 2 })).map((e) => e.eventId)).toEqual([
      events[2].id,
      events[1].id,
    ]);
    expect(await log.deliveries('another-subscription')).toEqual([]);
  });

  it('the same event sent twice keeps one delivery id, so the receiver can de-duplicate', async () => {
    const { receiver, subscription, deliverer } = await setup([status(200)]);
    const envelope = event();

    const first = await deliverer.deliver(subscription, envelope);
    const second = await deliverer.deliver(subscription, envelope);
    const other = await deliverer.deliver(subscription, event());

    expect(second.deliveryId).toBe(first.deliveryId);
    expect(other.deliveryId).not.toBe(first.deliveryId);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      first.deliveryId,
      first.deliveryId,
      other.deliveryId,
    ]);
    expect(deliveryIdFor('another-subscription', envelope.id)).not.toBe(first.deliveryId);
  });

  it('sends at most 4 requests at a time to one subscription', async () => {
    const { receiver, subscription, deliverer } = await setup([silence], {
      attemptTimeoutMs: 30_000,
    });

    const results = Array.from({ length: 10 }, () => deliverer.deliver(subscription, event()));
    await pollUntil(() => receiver.held.length === 4);
    // Each answer frees a slot for one waiting request; never more than 4 open.
    for (let answered = 0; answered < 10; answered++) {
      await pollUntil(() => receiver.held.length > answered);
      expect(receiver.received.length - answered).toBeLessThanOrEqual(4);
      receiver.held[answered].writeHead(200).end();
    }

    expect((await Promise.all(results)).map((r) => r.outcome)).toEqual(Array(10).fill('delivered'));
  });
});

describe('retry schedule', () => {
  it('full jitter draws from [0, min(max, base * factor^(n-1)))', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1_000, factor: 2, maxDelayMs: 5_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, () => 0.999))).toEqual([
      999, 1_998, 3_996, 4_995, 4_995,
    ]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    expect(parseRetryAfter('120', START_MS)).toBe(120_000);
    expect(parseRetryAfter(new Date(START_MS + 30_000).toUTCString(), START_MS)).toBe(30_000);
    expect(parseRetryAfter(new Date(START_MS - 30_000).toUTCString(), START_MS)).toBe(0);
    expect(parseRetryAfter('soon', START_MS)).toBeUndefined();
    expect(parseRetryAfter(null, START_MS)).toBeUndefined();
  });

  it('refuses an impossible policy at construction', () => {
    const deps = {
      store: new InMemorySubscriptionStore(),
      log: new InMemoryDeliveryLog(),
      targets: LOOPBACK,
    };
    expect(() => new WebhookDeliverer({ ...deps, retry: { maxAttempts: 0 } })).toThrow(
      /maxAttempts/,
    );
    expect(() => new WebhookDeliverer({ ...deps, maxInFlightPerSubscription: 0 })).toThrow(
      /maxInFlightPerSubscription/,
    );
  });
});

/** Polls a condition with a deadline (no fixed sleeps). */
async function pollUntil(condition: () => boolean, deadlineMs = 5_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
