import { InvalidWebhookSubscriptionError } from './webhook.errors';
import {
  createWebhookSubscription,
  InMemorySubscriptionStore,
  messageNameOfEventType,
  subscriptionWants,
  webhookUrlProblems,
  type NewWebhookSubscription,
} from './webhook-subscription';

const CREATED = new Date('2025-03-03T14:00:00Z');

function newSubscription(overrides: Partial<NewWebhookSubscription> = {}) {
  return createWebhookSubscription(
    {
      agency: 'dod',
      url: 'http://127.0.0.1:8080/hooks',
      events: ['review.requested'],
      ...overrides,
    },
    { now: () => CREATED },
  );
}

describe('webhook subscriptions', () => {
  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://localhost/hooks',
    'http://[::1]:9000/',
    'https://dod-tasker.mil.internal/icb?token=abc',
    'http://10.1.2.3/hooks',
  ])(
    'accepts %s (loopback and private hosts included: the bus runs on a closed network)',
    (url) => {
      expect(webhookUrlProblems(url)).toEqual([]);
    },
  );

  it.each([
    ['', 'url is required'],
    ['/hooks', 'url is not an absolute URL'],
    ['ftp://127.0.0.1/hooks', 'url scheme must be http or https, not ftp'],
    ['file:///etc/passwd', 'url scheme must be http or https, not file'],
    ['http://user:pass@127.0.0.1/hooks', 'url must not carry credentials'],
    ['https://user@example.org/hooks', 'url must not carry credentials'],
    ['http://127.0.0.1/hooks#frag', 'url must not have a fragment'],
  ])('refuses %j: %s', (url, problem) => {
    expect(webhookUrlProblems(url)).toContain(problem);
  });

  it('a new subscription is active, has a whsec_ secret, and de-duplicates its events', () => {
    const sub = newSubscription({ events: ['review', 'review'] });
    expect(sub).toMatchObject({
      agency: 'dod',
      active: true,
      events: ['review'],
      createdAt: CREATED,
    });
    expect(sub.secret).toMatch(/^whsec_/);
    expect(sub.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an unknown agency, a bad URL and bad event prefixes, listing every problem', () => {
    let error: unknown;
    try {
      newSubscription({ agency: 'fbi', url: 'ftp://x', events: ['Review!', ''] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidWebhookSubscriptionError);
    expect((error as InvalidWebhookSubscriptionError).code).toBe('WEBHOOK_SUBSCRIPTION_INVALID');
    expect((error as InvalidWebhookSubscriptionError).problems).toHaveLength(4);
  });

  it('refuses a subscription to no events', () => {
    expect(() => newSubscription({ events: [] })).toThrow(/at least one/);
  });

  it('event prefixes match on dot boundaries', () => {
    const sub = { events: ['review', 'signoff.submitted'] };
    expect(subscriptionWants(sub, 'review.requested')).toBe(true);
    expect(subscriptionWants(sub, 'review.hold-placed')).toBe(true);
    expect(subscriptionWants(sub, 'signoff.submitted')).toBe(true);
    expect(subscriptionWants(sub, 'reviewer.added')).toBe(false);
    expect(subscriptionWants({ events: ['review.req'] }, 'review.requested')).toBe(false);
  });

  it('reads the message name from a CloudEvents type', () => {
    expect(messageNameOfEventType('gov.icb.review.requested.v1')).toBe('review.requested');
    expect(messageNameOfEventType('com.example.thing')).toBeUndefined();
  });

  describe('InMemorySubscriptionStore', () => {
    it('finds the active subscriptions of an agency that want a message', async () => {
      const store = new InMemorySubscriptionStore();
      const wanted = newSubscription();
      const otherAgency = newSubscription({ agency: 'nsc' });
      const otherEvent = newSubscription({ events: ['signoff'] });
      const inactive = newSubscription();
      for (const s of [wanted, otherAgency, otherEvent, inactive]) await store.save(s);
      await store.deactivate(inactive.id, 'operator');

      const found = await store.findActive('dod', 'review.requested');
      expect(found.map((s) => s.id)).toEqual([wanted.id]);
    });

    it('deactivation records why and when, and callers cannot mutate what is stored', async () => {
      const store = new InMemorySubscriptionStore();
      const sub = newSubscription();
      await store.save(sub);
      sub.url = 'http://elsewhere/';
      const at = new Date('2025-03-04T00:00:00Z');
      const deactivated = await store.deactivate(sub.id, 'HTTP 410', at);
      expect(deactivated).toMatchObject({
        active: false,
        deactivatedReason: 'HTTP 410',
        deactivatedAt: at,
      });
      expect((await store.get(sub.id))?.url).toBe('http://127.0.0.1:8080/hooks');
      expect(await store.deactivate('nope', 'x')).toBeUndefined();
      expect(await store.delete(sub.id)).toBe(true);
      expect(await store.get(sub.id)).toBeUndefined();
    });
  });
});
