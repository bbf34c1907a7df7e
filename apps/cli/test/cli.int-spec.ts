import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { configureService } from '@icb/runtime';
import { testAgencyKeys, testEnv, testOperators, waitFor } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import type { ConsultationDetail, ConsultationPage } from '../src/api.types';
import { main } from '../src/main';

const ROOT = join(__dirname, '..', '..', '..');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

describe('the icb CLI against a running coordinator and NATS', () => {
  let app: NestExpressApplication | undefined;
  let env: Record<string, string>;
  let dir: string;

  /** Starts `icb <argv>` in-process with the real HTTP and NATS clients; `output()` reads what it wrote so far. */
  function start(
    argv: string[],
    signal?: AbortSignal,
  ): { done: Promise<number>; output: () => CliRun } {
    const run = { code: -1, stdout: '', stderr: '' };
    const done = main(argv, {
      env,
      signal,
      stdout: { write: (s: string) => (run.stdout += s) },
      stderr: { write: (s: string) => (run.stderr += s) },
    }).then((code) => (run.code = code));
    return { done, output: () => run };
  }

  async function icb(...argv: string[]): Promise<CliRun> {
    const run = start(argv);
    await run.done;
    return run.output();
  }

  async function aRequestFile(): Promise<string> {
    const { consultationId: _id, kind: _kind, ...request } = validPayload('consultation.opened');
    const file = join(dir, `request-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify({ ...request, classification: 'UNCLASSIFIED' }));
    return file;
  }

  beforeAll(async () => {
    const coordinatorEnv = testEnv({ CLOCK_TICK_MS: '0' });
    const moduleRef = await Test.createTestingModule({
      imports: [CoordinatorModule.forRoot({ env: coordinatorEnv })],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>();
    configureService(app, COORDINATOR_API);
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
    const { port } = app.getHttpServer().address() as AddressInfo;
    env = {
      ICB_API_URL: `http://127.0.0.1:${port}`,
      NATS_URL: coordinatorEnv.NATS_URL,
      BUS_NAMESPACE: coordinatorEnv.BUS_NAMESPACE,
      // Each agency's test key: icb signs what it publishes as an agency (ADR 15).
      AGENCY_SIGNING_KEYS: coordinatorEnv.AGENCY_SIGNING_KEYS,
      ICB_USER: testOperators().officer.username,
      ICB_PASSWORD: testOperators().officer.password,
    };
    dir = await mkdtemp(join(tmpdir(), 'icb-cli-'));
  });

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens a consultation, which then shows in the list; each clearer signs off and show has the sign-offs', async () => {
    const opened = await icb('open', 'fms-case', '--file', await aRequestFile());
    expect(opened.stderr).toContain('published consultation.opened as state-pm');
    expect(opened.code).toBe(0);
    const id = opened.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await waitFor(
      async () => {
        const run = await icb('ls', '--json');
        const page = JSON.parse(run.stdout) as ConsultationPage;
        return page.items.find((c) => c.id === id);
      },
      { description: `consultation ${id} in icb ls` },
    );
    expect(listed).toMatchObject({ kind: 'fms-case', status: 'in-review' });

    const before = JSON.parse((await icb('show', id, '--json')).stdout) as ConsultationDetail;
    expect(before.clearers.length).toBeGreaterThan(0);
    for (const agency of before.clearers) {
      const signed = await icb(
        'signoff',
        id,
        '--agency',
        agency,
        '--decision',
        'concur',
        '--officer',
        'A. Reviewer, Director',
      );
      expect(signed.stderr).toContain(`published signoff.submitted as ${agency}`);
      expect(signed.code).toBe(0);
    }

    const after = await waitFor(
      async () => {
        const d = JSON.parse((await icb('show', id, '--json')).stdout) as ConsultationDetail;
        return d.signOffs.length === before.clearers.length && d;
      },
      { description: 'every clearer’s sign-off in icb show' },
    );
    expect(after.signOffs.map((s) => s.agency).sort()).toEqual([...before.clearers].sort());
    expect(
      after.signOffs.every((s) => s.decision === 'concur' && s.officer?.name === 'A. Reviewer'),
    ).toBe(true);
    expect(after.status).not.toBe('in-review');

    const human = await icb('show', id);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('clearers (revision 1)');
    expect(human.stdout).toContain('A. Reviewer, Director');

    const audit = await icb('audit', 'verify', id);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^ok\s+\d+ entries/);

    // The same log exported and checked here, every agency's signature with the public keys (ADR 15).
    const keys = join(dir, 'agency-keys.json');
    await writeFile(keys, JSON.stringify(testAgencyKeys().registry));
    const offline = await icb('audit', 'verify', id, '--keys', keys, '--json');
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({
      ok: true,
      chain: { ok: true },
      // The opening and each clearer's sign-off.
      signatures: { verified: before.clearers.length + 1, failed: 0 },
    });
  });

  it('drops a condition: State/PM asks, DoD refuses then agrees, each command answered with the coordinator’s verdict', async () => {
    const opened = await icb('open', 'fms-case', '--file', await aRequestFile());
    expect(opened.stderr).toContain('accepted by the coordinator: in-review, revision 1');
    const id = opened.stdout.trim();
    const signed = await icb(
      'signoff',
      id,
      '--agency',
      'dod',
      '--decision',
      'concur-with-conditions',
      '--condition',
      'DOD-AT-1 [technology-security]: Anti-tamper protection on all guidance sections',
    );
    expect(signed.stderr).toContain('accepted by the coordinator');
    expect(signed.code).toBe(0);

    const conditionOf = async () => {
      const d = JSON.parse((await icb('show', id, '--json')).stdout) as ConsultationDetail;
      return d.conditions.find((k) => k.id === 'DOD-AT-1');
    };
    const ask = (justification: string) =>
      icb(
        'condition',
        'request-removal',
        id,
        'DOD-AT-1',
        '--justification',
        justification,
        '--json',
      );
    const answer = (decision: '--agree' | '--refuse', comment: string) =>
      icb(
        'condition',
        'answer-removal',
        id,
        'DOD-AT-1',
        '--agency',
        'dod',
        decision,
        '--comment',
        comment,
      );

    const asked = await ask('The purchaser already fits anti-tamper.');
    expect(asked.code).toBe(0);
    const report = JSON.parse(asked.stdout) as { eventId: string; verdict: { outcome: string } };
    expect(report.verdict.outcome).toBe('accepted');
    // Accepted means recorded: no waiting needed to see it.
    expect(await conditionOf()).toMatchObject({ status: 'removal-requested' });

    expect((await answer('--refuse', 'The seeker is new.')).code).toBe(0);
    expect(await conditionOf()).toMatchObject({ status: 'retained' });

    expect((await ask('Fielded for a year now.')).code).toBe(0);
    expect((await answer('--agree', 'Fielded and assessed.')).code).toBe(0);
    expect(await conditionOf()).toMatchObject({
      status: 'removed',
      removal: { agreed: true, comment: 'Fielded and assessed.' },
    });

    // Nobody asked any more: the coordinator refuses, and the CLI exits 4 with its code.
    const late = await answer('--refuse', 'Changed my mind.');
    expect(late.code).toBe(4);
    expect(late.stderr).toContain('NO_REMOVAL_REQUESTED');

    const verdict = await icb('verdict', report.eventId, '--json');
    expect(verdict.code).toBe(0);
    expect(JSON.parse(verdict.stdout)).toMatchObject({
      eventId: report.eventId,
      message: 'condition.removal-requested',
      party: 'state-pm',
      outcome: 'accepted',
    });
  });

  it('watch --json prints the events of the bus as they happen, until Ctrl-C', async () => {
    const ctrlC = new AbortController();
    const watch = start(['watch', '--type', 'consultation.opened', '--json'], ctrlC.signal);
    await waitFor(() => watch.output().stderr.includes('watching'), {
      description: 'the event stream to open',
    });
    const opened = await icb('open', 'security-cooperation', '--file', await aRequestFile());
    const id = opened.stdout.trim();
    const envelope = await waitFor(
      () =>
        watch
          .output()
          .stdout.split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { subject: string; type: string; source: string })
          .find((e) => e.subject === id),
      { description: `the consultation.opened event of ${id} in icb watch` },
    );
    expect(envelope).toMatchObject({
      type: 'gov.icb.consultation.opened.v1',
      source: '/icb/state-pm',
    });
    ctrlC.abort();
    expect(await watch.done).toBe(0);
  });

  it('publish of an invalid payload exits 2 with the validation errors and sends nothing', async () => {
    const file = join(dir, 'invalid.json');
    await writeFile(file, JSON.stringify({ consultationId: 'not-a-uuid' }));
    const run = await icb('publish', 'consultation.withdrawn', '--as', 'state-pm', '--file', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid consultation.withdrawn payload');
    expect(run.stderr).toContain('  - /consultationId');
  });

  it('a sign-off with an invalid decision exits 2', async () => {
    const run = await icb(
      'signoff',
      '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13',
      '--agency',
      'dod',
      '--decision',
      'maybe',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('decision must be one of');
  });

  it('show of an unknown consultation exits 3', async () => {
    const run = await icb('show', '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no consultation 0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80');
  });

  it('status --json reports the coordinator up, with its figures', async () => {
    const run = await icb('status', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      coordinator: { url: env.ICB_API_URL, up: true },
      stats: { byStatus: expect.any(Object), closestClocks: expect.any(Array) },
    });
  });

  it('dlq ls lists the dead letters (none here) and clock says the dev clock is off', async () => {
    const dlq = await icb('dlq', 'ls', '--json');
    expect(dlq.code).toBe(0);
    expect(JSON.parse(dlq.stdout)).toEqual({ total: 0, items: [] });

    const clock = await icb('clock');
    expect(clock.code).toBe(3);
    expect(clock.stderr).toContain('DEV_CLOCK=true');
  });

  it('exits 6 with a hint without sign-in, with a wrong password, and for a viewer that would act', async () => {
    const saved = env;
    try {
      env = { ...saved, ICB_USER: '', ICB_PASSWORD: '' };
      const anonymous = await icb('ls');
      expect(anonymous.code).toBe(6);
      expect(anonymous.stderr).toContain('the coordinator needs a signed-in operator');
      expect(anonymous.stderr).toContain('ICB_USER and ICB_PASSWORD');

      env = { ...saved, ICB_PASSWORD: 'not-the-password' };
      const wrongRun = await icb('ls');
      expect(wrongRun.code).toBe(6);
      expect(wrongRun.stderr).toContain('refused the sign-in of officer');

      const viewer = testOperators().viewer;
      env = { ...saved, ICB_USER: viewer.username, ICB_PASSWORD: viewer.password };
      expect((await icb('ls')).code).toBe(0);
      const replay = await icb('dlq', 'replay', '1', '--json');
      expect(replay.code).toBe(6);
      expect(replay.stdout + replay.stderr).toContain('FORBIDDEN');
    } finally {
      env = saved;
    }
  });

  it('ls against a dead API URL exits 5 with the hint (the real entry point, as a process)', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'ls'],
      { cwd: ROOT, env: { ...process.env, ICB_API_URL: 'http://127.0.0.1:9' } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(5);
    expect(result.stderr).toBe(
      'error: cannot reach the coordinator at http://127.0.0.1:9 — is the stack running (npm start)? (or point --api / ICB_API_URL at it)\n',
    );
  });
});
