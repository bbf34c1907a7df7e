import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import type { Agency } from '@icb/contracts';
import { TestBus, testEnv, waitFor } from '@icb/testing';
import { anFmsCase, auditOf, Harness, officer, startCoordinator } from './harness';

const ROOT = path.resolve(__dirname, '../../..');

function spawnCoordinator(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/coordinator/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, HTTP_PORT: '0', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

describe('coordinator crash recovery', () => {
  let victim: ChildProcess | undefined;
  let h: Harness | undefined;
  let bus: TestBus | undefined;
  let mongo: MongoClient | undefined;

  afterEach(async () => {
    victim?.kill('SIGKILL');
    await h?.close();
    await bus?.close();
    await mongo?.close();
  });

  it('a coordinator killed with SIGKILL mid-flow resumes on restart with nothing lost and nothing doubled', async () => {
    // A short ack wait, so what the victim held unacked comes back quickly.
    const env = testEnv({ CLOCK_TICK_MS: '0', MESSAGING_ACK_WAIT_MS: '2000' });
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
    mongo = await MongoClient.connect(env.MONGO_URL);
    const versions = mongo.db().collection('consultation_versions');

    victim = spawnCoordinator(env);
    const agencies: Agency[] = ['dod', 'nsc', 'treasury'];
    const cases = Array.from({ length: 12 }, () => anFmsCase({ clearingParties: agencies }));
    // The stream must exist before we publish: wait for the coordinator's consumer.
    await waitFor(
      async () =>
        (await versions.estimatedDocumentCount()) >= 0 &&
        bus!.publishAs('state-pm', 'consultation.opened', cases[0]),
      {
        description: 'the victim to provision its stream',
        timeoutMs: 30_000,
      },
    );
    for (const c of cases.slice(1)) await bus.publishAs('state-pm', 'consultation.opened', c);
    for (const c of cases) {
      for (const agency of agencies) {
        await bus.publishAs(agency, 'signoff.submitted', {
          consultationId: c.consultationId,
          agency,
          revision: 1,
          decision: 'concur',
          officer,
          submittedAt: new Date().toISOString(),
        });
      }
    }
    // Kill it once it is part-way through.
    await waitFor(async () => (await versions.countDocuments()) >= 8, {
      description: 'the victim to commit a few changes',
      timeoutMs: 30_000,
    });
    const exited = new Promise((resolve) => victim!.once('exit', resolve));
    victim.kill('SIGKILL');
    await exited;
    victim = undefined;
    const committedAtKill = await versions.countDocuments();
    expect(committedAtKill).toBeLessThan(cases.length * (1 + agencies.length));

    h = await startCoordinator({ env, bus });
    for (const c of cases) {
      const done = await waitFor(
        async () => {
          const now = await h!.service.get(c.consultationId);
          return now?.status === 'congressional-review' && now;
        },
        { description: `case ${c.consultationId} to clear`, timeoutMs: 60_000 },
      );
      expect(done.signOffs.map((s) => s.agency).sort()).toEqual([...agencies].sort());
      expect(await auditOf(h).verify(c.consultationId)).toMatchObject({ ok: true });
    }
    // Every status change was published (the outbox survived the crash), once per version.
    for (const c of cases) {
      const changes = bus
        .of('consultation.status-changed', c.consultationId)
        .map((e) => (e.data as { to: string }).to);
      expect(changes).toContain('congressional-review');
    }
  });
});
