/*
 * Two coordinator instances share one durable consumer and one database
 * under a steady load, not one burst: consultations open one after another,
 * and each one's clearing agencies acknowledge, then sign off, in waves a few
 * seconds apart, several messages of a wave at once. The instances take turns
 * on the same consultation across many versions, and race on it within a
 * wave. (The issue this guards against: one instance pruned a superseded
 * version, the other, starting from an older version it remembered, committed
 * into the freed version id, and an NSC sign-off JetStream had acknowledged
 * was never applied.)
 *
 * Counted as Jepsen counts: every publish JetStream acknowledged is recorded;
 * once the consumer has drained, each must be in its consultation exactly
 * once (on the timeline; a sign-off also among the sign-offs), every audit
 * chain must verify against what its consultation records, and nothing may be
 * dead-lettered.
 */
import type { Agency } from '@icb/contracts';
import { DeadLetterService } from '@icb/messaging';
import { testEnv } from '@icb/testing';
import { FakeClock } from '../src/time/clock';
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

const INSTANCES = 2;
const CONSULTATIONS = 60;
/** One consultation opens every … ms: 60 in 24 s. */
const OPEN_EVERY_MS = 400;
/**
 * Between one consultation's waves: longer than the 5 s batches in which
 * superseded versions were removed when the issue was found, so one
 * instance's memory of a consultation can be older than what the other has
 * cleaned up since.
 */
const WAVE_GAP_MS = 6_000;
const CLEARERS: Agency[] = ['dod', 'nsc', 'cia', 'treasury'];
/** What the clearers send, wave by wave; the messages of one wave are published at once. */
const WAVES: { message: 'review.acknowledged' | 'signoff.submitted'; agencies: Agency[] }[] = [
  { message: 'review.acknowledged', agencies: CLEARERS },
  { message: 'signoff.submitted', agencies: ['treasury', 'dod'] },
  { message: 'signoff.submitted', agencies: ['nsc', 'cia'] },
];

/** Real time passing, to pace the load generator; never to wait for a result. */
const pace = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coordinators under sustained load', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0).reverse()) await h.close();
  });

  it('every sign-off JetStream acknowledged is applied exactly once with two coordinators under sustained load', async () => {
    const started = Date.now();
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const clock = new FakeClock('2026-03-02T14:00:00.000Z');
    // The production ack wait: this test is about changes lost, not about overload.
    const messaging = { ackWaitMs: 30_000 };
    const first = await startCoordinator({ env, clock, messaging, api: true });
    harnesses.push(first);
    const instances = [first];
    while (instances.length < INSTANCES) {
      const h = await startCoordinator({ env, clock, messaging, api: true, bus: first.bus });
      harnesses.push(h);
      instances.push(h);
    }
    const ledger = new PublishLedger(first.bus);

    // The schedule: each consultation opens, then its waves follow WAVE_GAP_MS apart.
    const schedule: { at: number; fire: () => void }[] = [];
    for (let i = 0; i < CONSULTATIONS; i++) {
      const opening = anFmsCase({ clearingParties: CLEARERS });
      const consultationId = opening.consultationId;
      const openAt = i * OPEN_EVERY_MS;
      schedule.push({
        at: openAt,
        fire: () => void ledger.publish('state-pm', 'consultation.opened', opening),
      });
      WAVES.forEach(({ message, agencies }, w) =>
        schedule.push({
          at: openAt + 1_000 + w * WAVE_GAP_MS,
          fire: () => {
            for (const agency of agencies) {
              if (message === 'review.acknowledged') {
                void ledger.publish(agency, message, { consultationId, agency, revision: 1 });
              } else {
                void ledger.publish(agency, message, {
                  consultationId,
                  agency,
                  revision: 1,
                  decision: 'concur',
                  officer,
                  submittedAt: clock.now().toISOString(),
                });
              }
            }
          },
        }),
      );
    }
    schedule.sort((a, b) => a.at - b.at);
    const loadStart = Date.now();
    for (const step of schedule) {
      const wait = loadStart + step.at - Date.now();
      if (wait > 0) await pace(wait);
      step.fire();
    }
    await ledger.settled();
    const loaded = Date.now();

    const settled = await waitUntilSettled(instances, { timeoutMs: 90_000 }).catch(
      (error: Error) => error,
    );
    const drained = Date.now();
    const { counts, problems } = await checkApplied(instances, ledger);
    const deadLettered = await first.app.get(DeadLetterService).count();
    const consumer = await consumerState(first);
    const seconds = (from: number, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

    console.log(
      `sustained load on ${INSTANCES} coordinators: ` +
        JSON.stringify({
          published: ledger.sent.length,
          ...counts,
          deadLettered,
          redeliveries: consumer.deliveries - counts.acknowledged,
          nakd: settled instanceof Error ? undefined : settled.deliveries.nakd,
        }) +
        `\nload ${seconds(loadStart, loaded)}, ` +
        (settled instanceof Error
          ? `not drained after ${seconds(loaded, drained)}: ${settled.message}`
          : `drained ${seconds(loaded, drained)} later`) +
        `, checked in ${seconds(drained)}, whole test ${seconds(started)}` +
        (problems.length ? `\n${problems.slice(0, 40).join('\n')}` : ''),
    );
    expect(settled).not.toBeInstanceOf(Error);
    expectNothingLost(counts, deadLettered);
  }, 180_000);
});
