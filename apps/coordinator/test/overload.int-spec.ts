/*
 * One coordinator, a short ack wait (2 s), and a burst of openings and
 * sign-offs far above what it processes within the ack wait: JetStream
 * redelivers what it holds unacknowledged past the ack wait, so an
 * overloaded consumer also receives copies of what it is already working
 * on. Overload may make it slow; it must not make it lose or dead-letter
 * anything, and the backlog must drain by itself.
 *
 * Counted as Jepsen counts: every publish JetStream acknowledged is recorded
 * and checked against the consultations once the backlog has drained; beside
 * it, how much was redelivered, nak'd, given up by JetStream after the last
 * allowed delivery, and dead-lettered.
 */
import type { Agency } from '@icb/contracts';
import { DeadLetterService, NatsConnectionProvider, SubjectSpace } from '@icb/messaging';
import {
  anFmsCase,
  checkApplied,
  expectNothingLost,
  consumerState,
  Harness,
  officer,
  PublishLedger,
  startCoordinator,
  waitUntilSettled,
} from './harness';

/**
 * 300 consultations, nine messages each: 2,700 messages, several times what
 * the coordinator processes within one ack wait on a 2-core machine.
 */
const CONSULTATIONS = 300;
const CLEARERS: Agency[] = ['dod', 'nsc', 'cia', 'treasury'];
/** How long the backlog may take to drain by itself. */
const DRAIN_DEADLINE_MS = 100_000;

describe('a coordinator under overload', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a burst beyond what the coordinator processes within the ack wait loses nothing, dead-letters nothing, is not redelivered and drains by itself', async () => {
    const started = Date.now();
    // A 2 s ack wait; MESSAGING_MAX_IN_FLIGHT and MESSAGING_MAX_DELIVER as configured (64, 8).
    h = await startCoordinator({ api: true, messaging: { ackWaitMs: 2_000 } });
    const stream = new SubjectSpace(h.env.BUS_NAMESPACE).eventsStream;
    // JetStream's notice that it stopped redelivering a message never acknowledged.
    const gaveUp = h.app
      .get(NatsConnectionProvider)
      .connection.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.coordinator`);
    let maxDeliveriesReached = 0;
    void (async () => {
      for await (const _ of gaveUp) maxDeliveriesReached++;
    })();
    const ledger = new PublishLedger(h.bus);

    // How the consumer fares from the burst on (sampled for the report, not waited on).
    const peak = { ackPending: 0, redelivered: 0 };
    const sampler = setInterval(() => {
      consumerState(h!).then(
        (s) => {
          peak.ackPending = Math.max(peak.ackPending, s.ackPending);
          peak.redelivered = Math.max(peak.redelivered, s.redelivered);
        },
        () => undefined,
      );
    }, 500);

    // The burst, as fast as JetStream takes it: every opening, then each clearer's
    // acknowledgement and sign-off.
    const cases = Array.from({ length: CONSULTATIONS }, () =>
      anFmsCase({ clearingParties: CLEARERS }),
    );
    const burstStart = Date.now();
    for (const opening of cases) void ledger.publish('state-pm', 'consultation.opened', opening);
    await ledger.settled();
    for (const { consultationId } of cases) {
      for (const agency of CLEARERS) {
        void ledger.publish(agency, 'review.acknowledged', { consultationId, agency, revision: 1 });
      }
      for (const agency of CLEARERS) {
        void ledger.publish(agency, 'signoff.submitted', {
          consultationId,
          agency,
          revision: 1,
          decision: 'concur',
          officer,
          submittedAt: h.clock.now().toISOString(),
        });
      }
    }
    await ledger.settled();
    const published = Date.now();

    let settled: Awaited<ReturnType<typeof waitUntilSettled>> | Error;
    try {
      settled = await waitUntilSettled([h], { timeoutMs: DRAIN_DEADLINE_MS });
    } catch (error) {
      settled = error as Error;
    } finally {
      clearInterval(sampler);
    }
    const drained = Date.now();

    const { counts, problems } = await checkApplied([h], ledger);
    const deadLettered = await h.app.get(DeadLetterService).count();
    const deadLetters = await h.app.get(DeadLetterService).list({ limit: 1000 });
    const byCode: Record<string, number> = {};
    for (const d of deadLetters) byCode[d.record.code] = (byCode[d.record.code] ?? 0) + 1;
    const consumer = await consumerState(h);
    gaveUp.unsubscribe();
    const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

    console.log(
      `overload, one coordinator, 2 s ack wait: ` +
        JSON.stringify({
          ...counts,
          deadLettered,
          deadLetteredBy: byCode,
          deliveries: consumer.deliveries,
          redeliveries: consumer.deliveries - counts.acknowledged,
          nakd: settled instanceof Error ? undefined : settled.deliveries.nakd,
          maxDeliveriesReached,
          peakAckPending: peak.ackPending,
          peakRedeliveredUnacked: peak.redelivered,
          drainedByItself: !(settled instanceof Error),
        }) +
        `\npublished in ${seconds(burstStart, published)}, ` +
        (settled instanceof Error
          ? `not drained after ${seconds(published, drained)}: ${settled.message}`
          : `drained ${seconds(published, drained)} later`) +
        `, checked in ${seconds(drained)}, whole test ${seconds(started)}` +
        (problems.length ? `\n${problems.slice(0, 40).join('\n')}` : ''),
    );
    expect(settled).not.toBeInstanceOf(Error);
    expectNothingLost(counts, deadLettered);
    // No redelivery storm: what the coordinator holds is kept alive
    // (in-progress acks); only the few the client has buffered and not yet
    // taken can outlive this test's 2 s ack wait on a busy machine (0 to 13
    // of 2,700 seen). The code before redelivered nearly every message.
    expect(consumer.deliveries - counts.acknowledged).toBeLessThanOrEqual(
      Math.ceil(counts.acknowledged / 20),
    );
  }, 180_000);
});
