import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import { type Agency, isMessageVerdict, type MessageVerdict, verdictSubject } from '@icb/contracts';
import {
  MESSAGING_OPTIONS,
  type MessagingOptions,
  NatsConnectionProvider,
  SubjectSpace,
} from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';

/** Interest in one event's verdict, registered before the event is published. */
export interface ExpectedVerdict {
  /** Resolves when the coordinator announces its verdict (never rejects). */
  readonly verdict: Promise<MessageVerdict>;
  /** No longer interested (answered, or given up). */
  cancel(): void;
}

/**
 * Hears the coordinator's verdicts on this agency's messages, announced on
 * `icb.rpc.coordinator.verdict.<agency>` (ADR 11): one subscription for the
 * adapter's life, handed to whoever waits for that event id. An announcement
 * nobody waits for is dropped; one missed (no connection then) is read from
 * the coordinator's REST API by whoever waited.
 */
@Injectable()
export class VerdictListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Verdicts');
  private readonly waiting = new Map<string, Set<(v: MessageVerdict) => void>>();
  private readonly subject: string;
  private subscription?: Subscription;

  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    private readonly nats: NatsConnectionProvider,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.subject = new SubjectSpace(options.namespace).toWire(verdictSubject(agency));
  }

  onApplicationBootstrap(): void {
    const subscription = this.nats.connection.subscribe(this.subject, {
      callback: (error, msg) => {
        if (!error) this.deliver(msg.string());
      },
    });
    this.subscription = subscription;
    void subscription.closed.then((error) => {
      if (error) {
        this.logger.warn(
          `cannot hear verdicts on ${this.subject} (${error.message}): answers read them from the coordinator`,
        );
      }
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** Waits for the verdict on `eventId`: register before publishing the event. */
  expect(eventId: string): ExpectedVerdict {
    let resolve!: (v: MessageVerdict) => void;
    const verdict = new Promise<MessageVerdict>((r) => (resolve = r));
    const waiters = this.waiting.get(eventId) ?? new Set();
    waiters.add(resolve);
    this.waiting.set(eventId, waiters);
    return {
      verdict,
      cancel: () => {
        waiters.delete(resolve);
        if (waiters.size === 0 && this.waiting.get(eventId) === waiters) {
          this.waiting.delete(eventId);
        }
      },
    };
  }

  /** How many events are waited for. */
  get size(): number {
    return this.waiting.size;
  }

  /** How many verdicts reached someone waiting for them (since the adapter started). */
  get delivered(): number {
    return this.deliveredCount;
  }

  private deliveredCount = 0;

  private deliver(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    if (!isMessageVerdict(parsed) || parsed.party !== this.agency) return;
    const waiters = this.waiting.get(parsed.eventId);
    if (!waiters) return;
    this.waiting.delete(parsed.eventId);
    this.deliveredCount++;
    for (const resolve of waiters) resolve(parsed);
  }
}
