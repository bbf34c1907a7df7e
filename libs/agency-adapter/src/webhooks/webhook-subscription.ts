import { randomUUID } from 'node:crypto';
import { isAgency, type Agency } from '@icb/contracts';
import { InvalidWebhookSubscriptionError } from './webhook.errors';
import { generateWebhookSecret } from './webhook-signature';

/**
 * An agency system's request to be pushed events by HTTP POST.
 *
 * `events` are message-name prefixes matched on dot boundaries: `review`
 * matches `review.requested` and `review.hold-placed`; `review.requested`
 * matches only itself; `review.req` matches nothing.
 */
export interface WebhookSubscription {
  id: string;
  agency: Agency;
  url: string;
  /** `whsec_<base64>`; the Standard Webhooks key of every delivery. Never log it. */
  secret: string;
  events: string[];
  active: boolean;
  createdAt: Date;
  /** Why it was deactivated (e.g. the endpoint answered 410 Gone), when it was. */
  deactivatedReason?: string;
  deactivatedAt?: Date;
}

export interface NewWebhookSubscription {
  agency: string;
  url: string;
  events: string[];
}

/** A message-name prefix (`review`, `review.requested`). */
export const EVENT_PREFIX = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * The webhook URLs the HTTP API accepts, as its document states them: http or
 * https, a host name (not a punycode `xn--` label) or a dotted IPv4 address,
 * a port up to 65535, a path and query of URI characters, no credentials and
 * no fragment. Every URL it matches passes webhookUrlProblems.
 */
export const WEBHOOK_URL_PATTERN =
  /^[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:(?:(?![Xx][Nn]--)[A-Za-z0-9-]+\.)*(?![Xx][Nn]--)[A-Za-z][A-Za-z0-9-]*|(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))(?::(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(?:[/?][A-Za-z0-9._~!$&'()*+,;=:@/?-]*)?$/;
const MAX_URL_LENGTH = 2048;
const MAX_EVENTS = 64;

/**
 * Problems with a webhook URL; empty when it is acceptable. http and https
 * only, no user:password in it (secrets belong in the signing secret), no
 * fragment. Where it may point is the adapter's allow-list's business
 * (webhook-targets.ts), checked by the service at registration and by the
 * deliverer at every attempt.
 */
export function webhookUrlProblems(url: string): string[] {
  if (typeof url !== 'string' || url.trim() === '') return ['url is required'];
  if (url.length > MAX_URL_LENGTH) return [`url is longer than ${MAX_URL_LENGTH} characters`];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return ['url is not an absolute URL'];
  }
  const problems: string[] = [];
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    problems.push(`url scheme must be http or https, not ${parsed.protocol.replace(/:$/, '')}`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    problems.push('url must not carry credentials');
  }
  if (parsed.hostname === '') problems.push('url has no host');
  if (parsed.hash !== '') problems.push('url must not have a fragment');
  return problems;
}

/** Problems with the event prefixes; empty when they are acceptable. */
export function eventPrefixProblems(events: unknown): string[] {
  if (!Array.isArray(events) || events.length === 0) {
    return ['events must list at least one message-name prefix'];
  }
  if (events.length > MAX_EVENTS) return [`events must list at most ${MAX_EVENTS} prefixes`];
  return events
    .filter((e) => typeof e !== 'string' || !EVENT_PREFIX.test(e))
    .map(
      (e) => `events: ${JSON.stringify(e)} is not a message-name prefix like "review.requested"`,
    );
}

export interface CreateWebhookSubscriptionDeps {
  now?: () => Date;
  newId?: () => string;
  newSecret?: () => string;
}

/** A validated, active subscription with a fresh id and secret; throws InvalidWebhookSubscriptionError. */
export function createWebhookSubscription(
  input: NewWebhookSubscription,
  deps: CreateWebhookSubscriptionDeps = {},
): WebhookSubscription {
  const { now = () => new Date(), newId = randomUUID, newSecret = generateWebhookSecret } = deps;
  const problems = [
    ...(isAgency(input.agency) ? [] : [`agency ${JSON.stringify(input.agency)} is not an agency`]),
    ...webhookUrlProblems(input.url),
    ...eventPrefixProblems(input.events),
  ];
  if (problems.length > 0 || !isAgency(input.agency)) {
    throw new InvalidWebhookSubscriptionError(problems);
  }
  return {
    id: newId(),
    agency: input.agency,
    url: new URL(input.url).href,
    secret: newSecret(),
    events: [...new Set(input.events)],
    active: true,
    createdAt: now(),
  };
}

/** The message name in a CloudEvents type: `gov.icb.review.requested.v1` → `review.requested`. */
export function messageNameOfEventType(eventType: string): string | undefined {
  return /^gov\.icb\.(.+)\.v\d+$/.exec(eventType)?.[1];
}

/** Whether a subscription asks for this message (by name, e.g. `review.requested`). */
export function subscriptionWants(
  subscription: Pick<WebhookSubscription, 'events'>,
  messageName: string,
): boolean {
  return subscription.events.some((p) => messageName === p || messageName.startsWith(`${p}.`));
}

/**
 * Where subscriptions live. Only an in-memory implementation exists so far;
 * the adapter wiring will decide where they are persisted (the adapters own no
 * database today), and that implementation must pass the same behaviour.
 */
export interface SubscriptionStore {
  /** Inserts or replaces by id. */
  save(subscription: WebhookSubscription): Promise<void>;
  get(id: string): Promise<WebhookSubscription | undefined>;
  /** Oldest first. */
  list(filter?: { agency?: Agency; active?: boolean }): Promise<WebhookSubscription[]>;
  /** Active subscriptions of an agency that want this message name. */
  findActive(agency: Agency, messageName: string): Promise<WebhookSubscription[]>;
  /** Marks it inactive with a reason; returns it, or undefined when there is no such subscription. */
  deactivate(id: string, reason: string, at?: Date): Promise<WebhookSubscription | undefined>;
  delete(id: string): Promise<boolean>;
}

/** For tests and a single-process adapter: keeps copies, so callers cannot mutate what is stored. */
export class InMemorySubscriptionStore implements SubscriptionStore {
  private readonly byId = new Map<string, WebhookSubscription>();

  save(subscription: WebhookSubscription): Promise<void> {
    this.byId.set(subscription.id, structuredClone(subscription));
    return Promise.resolve();
  }

  get(id: string): Promise<WebhookSubscription | undefined> {
    const found = this.byId.get(id);
    return Promise.resolve(found && structuredClone(found));
  }

  list(filter: { agency?: Agency; active?: boolean } = {}): Promise<WebhookSubscription[]> {
    const all = [...this.byId.values()].filter(
      (s) =>
        (filter.agency === undefined || s.agency === filter.agency) &&
        (filter.active === undefined || s.active === filter.active),
    );
    return Promise.resolve(structuredClone(all));
  }

  async findActive(agency: Agency, messageName: string): Promise<WebhookSubscription[]> {
    const active = await this.list({ agency, active: true });
    return active.filter((s) => subscriptionWants(s, messageName));
  }

  deactivate(
    id: string,
    reason: string,
    at = new Date(),
  ): Promise<WebhookSubscription | undefined> {
    const found = this.byId.get(id);
    if (!found) return Promise.resolve(undefined);
    if (found.active) {
      found.active = false;
      found.deactivatedReason = reason;
      found.deactivatedAt = at;
    }
    return Promise.resolve(structuredClone(found));
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.byId.delete(id));
  }
}
