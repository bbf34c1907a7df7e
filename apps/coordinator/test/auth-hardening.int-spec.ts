/*
 * Sign-in hardening (ADR 8, issue 11): scrypt off the event loop, one shared
 * and bounded lock-out table in NATS KV for every coordinator instance, a
 * per-client limit on sign-in attempts, and failing closed when the table
 * cannot be reached. Real nats-server and FerretDB, coordinators in-process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scryptSync } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Kvm } from '@nats-io/kv';
import { NatsConnectionProvider } from '@icb/messaging';
import { startHttpService, testEnv, testOperators } from '@icb/testing';
import { CoordinatorModule } from '../src/app.module';
import { COORDINATOR_API } from '../src/coordinator.api';
import { Clock, FakeClock } from '../src/time/clock';
import { PASSWORD_VERIFIER, type PasswordVerifier } from '../src/auth/auth.service';
import {
  FAILED_SIGN_IN_WINDOW_MS,
  KvFailedSignIns,
  MAX_FAILED_SIGN_INS,
} from '../src/auth/failed-sign-ins';
import { verifyPassword } from '../src/auth/operator-accounts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../../scripts/lib/operators.js') as {
  toAccount(
    credential: Record<string, unknown> & { kind: 'person' | 'service'; secret: string },
    options?: { N?: number },
  ): unknown;
};

/** scrypt as the stack's accounts use it (N = 2^15, 32 MiB). */
const SLOW_N = 32768;
const SLOW_PASSWORD = 'slow-but-right-1';

/** The test accounts plus `slow`, hashed at full cost. */
function accountsWithSlowOne(): string {
  const accounts = JSON.parse(testOperators().accountsJson) as { accounts: unknown[] };
  const slow = lib.toAccount(
    {
      username: 'slow',
      name: 'Full-cost hash',
      roles: ['viewer'],
      clearance: 'SECRET',
      kind: 'person',
      secret: SLOW_PASSWORD,
    },
    { N: SLOW_N },
  );
  return JSON.stringify({ accounts: [...accounts.accounts, slow] });
}

async function boot(
  env: Record<string, string>,
  overrides: [unknown, unknown][] = [],
): Promise<NestExpressApplication> {
  return startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title, [
    [Clock, new FakeClock('2026-03-10T12:00:00.000Z')],
    ...overrides,
  ]);
}

const login = (app: NestExpressApplication, username: string, password: string) =>
  request(app.getHttpServer()).post('/auth/login').send({ username, password });

describe('sign-in hardening (ADR 8)', () => {
  const apps: NestExpressApplication[] = [];
  const ops = testOperators();
  /** What happens, in order: password checks starting and ending, other requests answered. */
  const events: string[] = [];
  const recordingVerifier: PasswordVerifier = (stored, password) => {
    events.push('verify-start');
    return verifyPassword(stored, password).finally(() => events.push('verify-end'));
  };
  let a: NestExpressApplication;
  let b: NestExpressApplication;

  beforeAll(async () => {
    // Two instances of one deployment: one namespace, one database, one KV bucket.
    const env = testEnv({ CLOCK_TICK_MS: '0', OPERATORS: accountsWithSlowOne() });
    a = await boot(env, [[PASSWORD_VERIFIER, recordingVerifier]]);
    apps.push(a);
    b = await boot(env);
    apps.push(b);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('shares the lock-out between coordinator instances: failures on either count on both', async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await login(i % 2 ? a : b, 'viewer', `wrong-${i}`).expect(401);
    }
    for (const app of [a, b]) {
      const refused = await login(app, 'viewer', ops.viewer.password).expect(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(FAILED_SIGN_IN_WINDOW_MS / 1000 - 60);
      expect(retryAfter).toBeLessThanOrEqual(FAILED_SIGN_IN_WINDOW_MS / 1000);
      expect(refused.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'SIGN_IN_LOCKED_OUT',
        message: expect.stringMatching(/too many failed sign-ins/),
      });
    }
    // Basic is refused too, on both; another username is not.
    const basic = `Basic ${Buffer.from(`viewer:${ops.viewer.password}`).toString('base64')}`;
    await request(b.getHttpServer()).get('/auth/me').set('authorization', basic).expect(429);
    await login(a, 'officer', ops.officer.password).expect(200);
  });

  it('checks passwords off the event loop: a request is answered while a full-cost scrypt runs', async () => {
    // What one check would block the loop for if it ran synchronously.
    const started = process.hrtime.bigint();
    scryptSync('x', Buffer.alloc(16), 32, {
      N: SLOW_N,
      r: 8,
      p: 1,
      maxmem: 256 * SLOW_N * 8 + 2 ** 20,
    });
    const syncCostNs = Number(process.hrtime.bigint() - started);

    events.length = 0;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const burst = Array.from({ length: MAX_FAILED_SIGN_INS }, (_, i) =>
      login(a, 'slow', `wrong-slow-${i}`).then((res) => res.status),
    );
    // Once a check has started, ask for something cheap: it must be answered
    // before that check ends. Were scrypt synchronous, the check would end
    // before this callback could even run.
    await new Promise<void>((resolve) => {
      const poll = () => (events.includes('verify-start') ? resolve() : setImmediate(poll));
      poll();
    });
    await request(a.getHttpServer())
      .get('/health/live')
      .expect(200)
      .then(() => events.push('health-answered'));
    const statuses = await Promise.all(burst);
    delay.disable();

    expect(statuses).toEqual(Array(MAX_FAILED_SIGN_INS).fill(401));
    const answered = events.indexOf('health-answered');
    expect(answered).toBeGreaterThan(events.indexOf('verify-start'));
    expect(answered).toBeLessThan(events.indexOf('verify-end'));
    expect(events.filter((e) => e === 'verify-end')).toHaveLength(MAX_FAILED_SIGN_INS);
    // A figure for the note (timing is not asserted: the ordering above is the proof).
    process.stdout.write(
      `event loop during ${MAX_FAILED_SIGN_INS} full-cost sign-ins: max delay ` +
        `${(delay.max / 1e6).toFixed(1)} ms (one synchronous scrypt: ${(syncCostNs / 1e6).toFixed(1)} ms)\n`,
    );
  });

  it('takes an unknown username through the same scrypt check as a known one', async () => {
    events.length = 0;
    await login(a, 'no-such-operator', 'whatever1').expect(401);
    await login(a, 'test-adapter', ops.serviceToken).expect(401); // a service account has no password
    expect(events).toEqual(['verify-start', 'verify-end', 'verify-start', 'verify-end']);
  });

  describe('the table stays bounded, and sign-in fails closed without it', () => {
    let c: NestExpressApplication;

    beforeAll(async () => {
      c = await boot(
        testEnv({
          CLOCK_TICK_MS: '0',
          SIGN_IN_LOCKOUT_MAX_KEYS: '10',
          SIGN_IN_RATE_LIMIT_PER_MINUTE: '0',
        }),
      );
      apps.push(c);
    });

    it('holds at most SIGN_IN_LOCKOUT_MAX_KEYS usernames, each for the window only', async () => {
      const store = c.get(KvFailedSignIns);
      for (let i = 0; i < 40; i++) {
        await login(c, `nobody-${i}-${'x'.repeat(i)}`, 'whatever1').expect(401);
      }
      expect(await store.keyCount()).toBeLessThanOrEqual(10);
      expect(await store.keyCount()).toBeGreaterThan(0);
      const info = await c.get(NatsConnectionProvider).manager.streams.info(`KV_${store.bucket}`);
      expect(info.config).toMatchObject({
        max_msgs: 10,
        max_msgs_per_subject: 1,
        max_age: FAILED_SIGN_IN_WINDOW_MS * 1_000_000,
        discard: 'old',
      });
      expect(info.state.messages).toBeLessThanOrEqual(10);
      // The keys are digests: nothing of a username, whatever its length.
      const kv = await new Kvm(c.get(NatsConnectionProvider).js).open(store.bucket);
      const keys: string[] = [];
      for await (const key of await kv.keys()) keys.push(key);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
      await login(c, 'viewer', ops.viewer.password).expect(200);
    });

    it('answers 503 with Retry-After, not an unbounded fallback, when the table is gone', async () => {
      const store = c.get(KvFailedSignIns);
      await c.get(NatsConnectionProvider).manager.streams.delete(`KV_${store.bucket}`);
      const refused = await login(c, 'viewer', ops.viewer.password).expect(503);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body).toMatchObject({
        statusCode: 503,
        code: 'SIGN_IN_UNAVAILABLE',
        message: expect.stringMatching(/sign-in is unavailable/),
      });
      // A session or API token does not need the table.
      await request(c.getHttpServer())
        .get('/auth/me')
        .set('authorization', `Bearer ${ops.serviceToken}`)
        .expect(200);
    });
  });

  it('limits sign-in attempts per client address (SIGN_IN_RATE_LIMIT_PER_MINUTE)', async () => {
    const d = await boot(testEnv({ CLOCK_TICK_MS: '0', SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' }));
    apps.push(d);
    await login(d, 'officer', 'wrong-1').expect(401);
    await login(d, 'viewer', 'wrong-2').expect(401);
    await login(d, 'viewer', ops.viewer.password).expect(200);
    const refused = await login(d, 'officer', ops.officer.password).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    // Only sign-in is limited: the API answers.
    await request(d.getHttpServer())
      .get('/auth/me')
      .set('authorization', `Bearer ${ops.serviceToken}`)
      .expect(200);
  });
});
