/*
 * Two coordinators share the work on a three-server NATS cluster (one
 * durable consumer, one database): one is a real process started from the
 * sources, the other runs in this test. Under a steady flow of consultations
 * and sign-offs the process is killed with SIGKILL, in the middle of
 * whatever it was doing; the other carries on alone. What JetStream had
 * delivered to the dead one and never saw acknowledged is delivered again
 * after the ack wait. Counted as Jepsen counts: every acknowledged publish
 * in its consultation exactly once, every audit chain verifies, nothing
 * dead-lettered.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { authHeader, scriptsLib, waitFor } from '@icb/testing';
import { expectNothingLost, type Harness } from '../../apps/coordinator/test/harness';
import {
  closeCoordinators,
  pace,
  report,
  startCluster,
  startCoordinators,
  SteadyFlow,
  stopCluster,
  verdict,
} from './cluster-load';

const ROOT = resolve(__dirname, '..', '..');
const ACK_WAIT_MS = 5_000;

/** A coordinator process from the sources (swc), on the given environment; its output is kept for failures. */
function spawnCoordinator(env: Record<string, string>): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/coordinator/src/main.ts'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  }
  return { child, output };
}

/** Deliveries a coordinator process acknowledged, from its `/metrics`. */
async function ackedBy(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: authHeader() });
  const text = await res.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('icb_messages_acked_total{'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('coordinators sharing the work on a NATS cluster', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
  let instances: Harness[] = [];
  let spawned: ChildProcess | undefined;

  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    if (spawned && spawned.exitCode === null && spawned.signalCode === null) {
      spawned.kill('SIGKILL');
    }
    await closeCoordinators(instances);
    await stopCluster(cluster);
  });

  it('loses no acknowledged sign-off when one of two coordinators is killed mid-flow', async () => {
    instances = await startCoordinators(cluster!, 1, { ackWaitMs: ACK_WAIT_MS });
    const survivor = instances[0];
    const { freePort } = scriptsLib<{ freePort(): Promise<number> }>('infra');
    const port = await freePort();
    const other = spawnCoordinator({
      ...survivor.env,
      HTTP_PORT: String(port),
      MESSAGING_ACK_WAIT_MS: String(ACK_WAIT_MS),
    });
    spawned = other.child;
    await waitFor(
      async () => {
        if (other.child.exitCode !== null) {
          throw new Error(`the coordinator process exited: ${other.output.join('').slice(-2000)}`);
        }
        const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        return res?.status === 200;
      },
      { timeoutMs: 90_000, intervalMs: 250, description: 'the coordinator process to be healthy' },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${other.output.join('').slice(-2000)}`);
    });

    const flow = new SteadyFlow(survivor.bus);
    flow.start();
    // Both take deliveries from the shared consumer before one dies.
    await pace(6_000);
    const acked = await ackedBy(port);
    expect(acked).toBeGreaterThan(0);
    const killedAt = Date.now();
    other.child.kill('SIGKILL');
    await waitFor(() => other.child.signalCode === 'SIGKILL', {
      timeoutMs: 10_000,
      description: 'the coordinator process to die',
    });
    await pace(6_000);
    await flow.stop();

    const v = await verdict(instances, flow);
    report(
      'coordinator-kill',
      v,
      flow.recoveredAfter(killedAt),
      `; the killed one had acknowledged ${acked} deliveries; the survivor took over the rest after the ${ACK_WAIT_MS / 1000} s ack wait`,
    );
    expect(v.counts.acknowledged).toBeGreaterThan(50);
    expectNothingLost(v.counts, v.deadLettered);
  }, 240_000);
});
