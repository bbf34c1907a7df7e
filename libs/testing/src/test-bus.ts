import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { jetstream, JetStreamClient } from '@nats-io/jetstream';
import {
  Envelope,
  isAgency,
  MessageName,
  Party,
  PayloadOf,
  subjectFor,
  withSignature,
} from '@icb/contracts';
import { envelopeFor } from '@icb/contracts/testing/message-cases';
import { testAgencyKeys } from './test-keys';
import { waitFor } from './wait-for';

/**
 * A test's window on the bus: publishes as any party (the way an agency's
 * system would, with its own envelope) and records every event published in
 * the test's namespace, so a test can await the one it expects.
 */
export class TestBus {
  readonly events: Envelope[] = [];
  /** The same events by consultation (envelope `subject`), so a lookup does not scan them all. */
  private readonly bySubject = new Map<string, Envelope[]>();
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly sub: Subscription,
    readonly namespace: string,
  ) {}

  static async connect(natsUrl: string, namespace: string): Promise<TestBus> {
    // NATS_URL may list every server of a cluster, comma-separated.
    const servers = natsUrl.split(',').map((s) => s.trim());
    const nc: NatsConnection = await connect({
      servers,
      name: 'test-bus',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    const sub = nc.subscribe(`${namespace}.evt.>`);
    const bus = new TestBus(nc, jetstream(nc), sub, namespace);
    void (async () => {
      for await (const m of sub) {
        try {
          const e = m.json<Envelope>();
          bus.events.push(e);
          const list = bus.bySubject.get(e.subject);
          if (list) list.push(e);
          else bus.bySubject.set(e.subject, [e]);
        } catch {
          // not JSON: a test publishing garbage on purpose
        }
      }
    })();
    await nc.flush();
    return bus;
  }

  /**
   * Publishes `payload` as `party`, durably, and returns the envelope; an
   * agency's is signed with its test key (testAgencyKeys), as its adapter would.
   */
  async publishAs<N extends MessageName>(
    party: Party,
    name: N,
    payload: PayloadOf<N>,
    opts: { id?: string; time?: Date } = {},
  ): Promise<Envelope<PayloadOf<N>>> {
    const unsigned = {
      ...envelopeFor(name, payload, { publisher: party, id: opts.id ?? randomUUID() }),
      time: (opts.time ?? new Date()).toISOString(),
      classification: (payload as { classification?: string }).classification ?? 'UNCLASSIFIED',
    };
    const envelope = isAgency(party) ? signAs(party, unsigned) : unsigned;
    await this.publishEnvelope(subjectFor(name, party as never, payload), envelope);
    return envelope;
  }

  /**
   * Publishes an envelope as it is (signed or not: tests of forgeries), on a contract subject (`icb.evt.…`);
   * `msgId` (JetStream's de-duplication id) defaults to the envelope id.
   */
  async publishEnvelope(contractSubject: string, envelope: unknown, msgId?: string): Promise<void> {
    const id = msgId ?? (envelope as { id?: string }).id ?? randomUUID();
    await this.js.publish(this.wire(contractSubject), JSON.stringify(envelope), { msgID: id });
  }

  private wire(subject: string): string {
    return subject.replace(/^icb\./, `${this.namespace}.`);
  }

  /** Events of one message name (`consultation.status-changed`), in arrival order. */
  of(name: MessageName, consultationId?: string): Envelope[] {
    const type = `gov.icb.${name}.v`;
    const pool = consultationId ? (this.bySubject.get(consultationId) ?? []) : this.events;
    return pool.filter((e) => e.type.startsWith(type));
  }

  /** Every event about one consultation (envelope `subject`), in arrival order. */
  about(consultationId: string): Envelope[] {
    return [...(this.bySubject.get(consultationId) ?? [])];
  }

  /** Waits for an event of that name matching `where`. */
  async next<N extends MessageName>(
    name: N,
    where: (data: PayloadOf<N>, e: Envelope<PayloadOf<N>>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Envelope<PayloadOf<N>>> {
    return waitFor(
      () => (this.of(name) as Envelope<PayloadOf<N>>[]).find((e) => where(e.data, e)),
      { timeoutMs, description: `a ${name} event` },
    );
  }

  async close(): Promise<void> {
    this.sub.unsubscribe();
    await this.nc.close();
  }
}

/**
 * The envelope signed with `agency`'s test key (a new object): for tests
 * that build an envelope by hand and expect it applied.
 */
export function signAs<E extends object>(agency: Party, envelope: E): E & { jws: string } {
  if (!isAgency(agency)) throw new Error(`${agency} has no test signing key`);
  return withSignature(envelope, testAgencyKeys().signers[agency]);
}
