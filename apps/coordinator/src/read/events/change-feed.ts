import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { Msg, Subscription } from '@nats-io/nats-core';
import { Envelope, parseEventSubject } from '@icb/contracts';
import {
  MESSAGING_OPTIONS,
  MessagingOptions,
  NatsConnectionProvider,
  SubjectSpace,
} from '@icb/messaging';
import { Observable, Subject } from 'rxjs';

/** One event seen on the bus. */
export interface BusEvent {
  /** Message name, e.g. `consultation.status-changed`. */
  name: string;
  /** The party that published it. */
  publisher: string;
  /** Contract subject (`icb.evt.…`), whatever the namespace. */
  subject: string;
  envelope: Envelope;
}

/**
 * Every event published on the bus, as it happens, for live views. One core
 * NATS subscription on the namespace's event subjects (it sees what JetStream
 * stores, without a consumer to manage); nothing is replayed, and a slow
 * viewer does not hold back the coordinator's consumers.
 */
/**
 * Messages whose payload is for their addressee alone, never streamed to
 * operators; and the coordinator's notices to agencies (ADR 17), copies of
 * what the feed already shows once.
 */
const WITHHELD_FROM_OPERATORS = new Set<string>(['intel.assessment-released', 'notice.forwarded']);

@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ChangeFeed');
  private readonly space: SubjectSpace;
  private readonly subject = new Subject<BusEvent>();
  private subscription?: Subscription;

  /** Hot: a subscriber sees the events published after it subscribed. */
  readonly events$: Observable<BusEvent> = this.subject.asObservable();

  constructor(
    private readonly nats: NatsConnectionProvider,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.space = new SubjectSpace(options.namespace);
  }

  /** After every module's init: the messaging module connects in its own. */
  onApplicationBootstrap(): void {
    this.subscription = this.nats.connection.subscribe(this.space.eventsFilter, {
      callback: (error, msg) => this.receive(error, msg),
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.subject.complete();
  }

  private receive(error: Error | null, msg: Msg): void {
    if (error) {
      this.logger.warn(`subscription error: ${error.message}`);
      return;
    }
    const subject = this.space.fromWire(msg.subject);
    const parsed = parseEventSubject(subject);
    if (!parsed) return;
    // Released intelligence is for its addressee only: operators see the
    // coordinator's content-free `intel.assessment-available` instead.
    if (WITHHELD_FROM_OPERATORS.has(parsed.name)) return;
    let envelope: Envelope;
    try {
      envelope = msg.json<Envelope>();
    } catch {
      this.logger.warn(`not JSON on ${msg.subject}: ignored`);
      return;
    }
    this.subject.next({ name: parsed.name, publisher: parsed.publisher, subject, envelope });
  }
}
