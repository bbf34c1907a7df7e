import { Injectable } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { AdapterBucket, keyToken } from '../state/adapter-bucket';
import {
  subscriptionWants,
  type SubscriptionStore,
  type WebhookSubscription,
} from './webhook-subscription';

/** A subscription as stored: dates as ISO strings. */
type StoredSubscription = Omit<WebhookSubscription, 'createdAt' | 'deactivatedAt'> & {
  createdAt: string;
  deactivatedAt?: string;
};

const PREFIX = 'subscriptions';
const keyOf = (id: string) => `${PREFIX}.${keyToken(id)}`;

function toStored(s: WebhookSubscription): StoredSubscription {
  const { createdAt, deactivatedAt, ...rest } = s;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    ...(deactivatedAt && { deactivatedAt: deactivatedAt.toISOString() }),
  };
}

function fromStored(s: StoredSubscription): WebhookSubscription {
  const { createdAt, deactivatedAt, ...rest } = s;
  return {
    ...rest,
    createdAt: new Date(createdAt),
    ...(deactivatedAt !== undefined && { deactivatedAt: new Date(deactivatedAt) }),
  };
}

/** Most compare-and-set rounds a deactivation tries before giving up. */
const MAX_CAS_ROUNDS = 10;

/**
 * The agency's webhook subscriptions in the adapter's KV bucket, one key each
 * (`subscriptions.<id>`): they survive a restart and every instance of the
 * adapter sees the same ones.
 */
@Injectable()
export class KvSubscriptionStore implements SubscriptionStore {
  constructor(private readonly bucket: AdapterBucket) {}

  async save(subscription: WebhookSubscription): Promise<void> {
    await this.bucket.put(keyOf(subscription.id), toStored(subscription));
  }

  async get(id: string): Promise<WebhookSubscription | undefined> {
    const found = await this.bucket.get<StoredSubscription>(keyOf(id));
    return found && fromStored(found.value);
  }

  async list(filter: { agency?: Agency; active?: boolean } = {}): Promise<WebhookSubscription[]> {
    const all = (await this.bucket.values<StoredSubscription>(`${PREFIX}.*`)).map((e) =>
      fromStored(e.value),
    );
    return all
      .filter(
        (s) =>
          (filter.agency === undefined || s.agency === filter.agency) &&
          (filter.active === undefined || s.active === filter.active),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async findActive(agency: Agency, messageName: string): Promise<WebhookSubscription[]> {
    const active = await this.list({ agency, active: true });
    return active.filter((s) => subscriptionWants(s, messageName));
  }

  async deactivate(
    id: string,
    reason: string,
    at = new Date(),
  ): Promise<WebhookSubscription | undefined> {
    // Compare-and-set, so a concurrent change (another instance, a delete) is not overwritten.
    for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
      const found = await this.bucket.get<StoredSubscription>(keyOf(id));
      if (!found) return undefined;
      const current = fromStored(found.value);
      if (!current.active) return current;
      const next: WebhookSubscription = {
        ...current,
        active: false,
        deactivatedReason: reason,
        deactivatedAt: at,
      };
      if ((await this.bucket.update(keyOf(id), toStored(next), found.revision)) !== undefined) {
        return next;
      }
    }
    throw new Error(`webhook subscription ${id} keeps changing: not deactivated`);
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.bucket.get(keyOf(id)))) return false;
    await this.bucket.remove(keyOf(id));
    return true;
  }
}
