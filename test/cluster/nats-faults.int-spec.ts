/*
 * The bus on a three-server NATS JetStream cluster (streams and KV buckets
 * with three replicas) loses servers while agencies publish a steady flow of
 * consultations and sign-offs: the events stream's leader killed with
 * SIGKILL and restarted, a follower killed and restarted, every server
 * restarted one after the other. Counted as Jepsen counts: every publish
 * JetStream acknowledged must be in its consultation exactly once, every
 * audit chain must verify, nothing may be dead-lettered; the time from the
 * kill to the first acknowledged publish is printed with the counts.
 *
 * Real servers, real time: `npm run test:cluster` (jest.cluster.config.js),
 * not part of `npm test`.
 */
import { waitClusterFormed, waitFor } from '@icb/testing';
import { expectNothingLost, type Harness } from '../../apps/coordinator/test/harness';
import {
  closeCoordinators,
  eventsStreamPeers,
  nodeNamed,
  pace,
  report,
  startCluster,
  startCoordinators,
  SteadyFlow,
  stopCluster,
  verdict,
} from './cluster-load';

/** Load before the fault, and after it once the cluster is whole again. */
const BEFORE_MS = 4_000;
const AFTER_MS = 4_000;

describe('the bus on a three-server NATS cluster', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
  let instances: Harness[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await stopCluster(cluster);
  });
  afterEach(async () => {
    await closeCoordinators(instances);
    // Whatever a test did, the next one starts on three servers.
    for (const node of cluster!.nodes) await node.start();
    await waitClusterFormed(cluster!);
  });

  it('keeps every acknowledged sign-off, exactly once, when the stream leader is killed and restarted', async () => {
    instances = await startCoordinators(cluster!, 1);
    const h = instances[0];
    const before = await eventsStreamPeers(h);
    expect(before.replicas).toBe(3);
    expect(before.followers).toHaveLength(2);
    const flow = new SteadyFlow(h.bus);
    flow.start();
    await pace(BEFORE_MS);

    const leader = nodeNamed(cluster!, before.leader);
    const killedAt = Date.now();
    await leader.kill();
    // A new leader among the two left, and publishes acknowledged again.
    const after = await waitFor(
      async () => {
        const p = await eventsStreamPeers(h);
        return p.leader !== '' && p.leader !== before.leader && p;
      },
      { timeoutMs: 30_000, intervalMs: 200, description: 'a new leader of the events stream' },
    );
    await waitFor(() => flow.recoveredAfter(killedAt) !== undefined, {
      timeoutMs: 30_000,
      intervalMs: 100,
      description: 'a publish acknowledged after the kill',
    });
    await leader.start();
    await waitClusterFormed(cluster!);
    await pace(AFTER_MS);
    await flow.stop();

    const v = await verdict(instances, flow);
    report(
      'leader-kill',
      v,
      flow.recoveredAfter(killedAt),
      `; leader ${before.leader} -> ${after.leader}, ${flow.failedSince(killedAt)} publishes refused meanwhile`,
    );
    expect(v.counts.acknowledged).toBeGreaterThan(50);
    expectNothingLost(v.counts, v.deadLettered);
  }, 240_000);

  it('keeps every acknowledged sign-off, exactly once, when a follower is killed and restarted', async () => {
    instances = await startCoordinators(cluster!, 1);
    const h = instances[0];
    const before = await eventsStreamPeers(h);
    const flow = new SteadyFlow(h.bus);
    flow.start();
    await pace(BEFORE_MS);

    const follower = nodeNamed(cluster!, before.followers[0]);
    const killedAt = Date.now();
    await follower.kill();
    // Two of three replicas are a quorum: publishing goes on with one server down.
    await pace(AFTER_MS);
    const during = flow.answers.filter((a) => a.at >= killedAt);
    await follower.start();
    await waitClusterFormed(cluster!);
    await pace(AFTER_MS);
    await flow.stop();

    const v = await verdict(instances, flow);
    report(
      'follower-kill',
      v,
      flow.recoveredAfter(killedAt),
      `; ${during.filter((a) => a.acked).length} acked while ${follower.name} was down`,
    );
    expect(during.filter((a) => a.acked).length).toBeGreaterThan(0);
    expectNothingLost(v.counts, v.deadLettered);
  }, 240_000);

  it('keeps every acknowledged sign-off, exactly once, through a rolling restart of all three servers', async () => {
    instances = await startCoordinators(cluster!, 1);
    const h = instances[0];
    const flow = new SteadyFlow(h.bus);
    flow.start();
    await pace(BEFORE_MS);

    const restartedAt = Date.now();
    const downFor: string[] = [];
    for (const node of cluster!.nodes) {
      const down = Date.now();
      await node.stop();
      await node.start();
      // The next goes down only once this one has caught up: a quorum stays.
      await waitClusterFormed(cluster!);
      downFor.push(`${node.name} ${((Date.now() - down) / 1000).toFixed(1)} s`);
      await pace(1_000);
    }
    await pace(AFTER_MS);
    await flow.stop();

    const v = await verdict(instances, flow);
    report(
      'rolling-restart',
      v,
      flow.recoveredAfter(restartedAt),
      `; down and back: ${downFor.join(', ')}; ${flow.failedSince(restartedAt)} publishes refused meanwhile`,
    );
    expectNothingLost(v.counts, v.deadLettered);
  }, 300_000);
});
