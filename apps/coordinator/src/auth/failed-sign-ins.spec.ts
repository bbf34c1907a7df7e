import {
  coordinatorSignInBucket,
  FAILED_SIGN_IN_WINDOW_MS,
  failureKey,
  lockedOutForSeconds,
  MAX_FAILED_SIGN_INS,
  recentFailures,
  signInStreamConfig,
  withFailure,
} from './failed-sign-ins';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const natsAuth = require('../../../../scripts/lib/nats-auth.js') as {
  coordinatorSignInBucketFor(namespace?: string): string;
  permissionsFor(user: string, options?: { namespace?: string }): { publish: { allow: string[] } };
};

describe('the failed sign-in rule', () => {
  const now = 1_800_000_000_000;
  const minute = 60_000;

  it('counts only the failures inside the window', () => {
    expect(recentFailures([now - FAILED_SIGN_IN_WINDOW_MS, now - 1, now - 5], now)).toEqual([
      now - 5,
      now - 1,
    ]);
    // Garbage a table could hold is ignored, not trusted.
    expect(recentFailures([Number.NaN, now + 10 * minute, now], now)).toEqual([now]);
  });

  it('refuses after MAX failures until the oldest of them leaves the window', () => {
    let failures: number[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++)
      failures = withFailure(failures, now + i * minute);
    expect(lockedOutForSeconds(failures, now + 9 * minute)).toBe(0);
    failures = withFailure(failures, now + 9 * minute);
    expect(failures).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(lockedOutForSeconds(failures, now + 9 * minute)).toBe(6 * 60);
    expect(lockedOutForSeconds(failures, now + 15 * minute - 1)).toBe(1);
    expect(lockedOutForSeconds(failures, now + 15 * minute)).toBe(0);
  });

  it('keeps at most MAX timestamps per username, whatever the number of failures', () => {
    let failures: number[] = [];
    for (let i = 0; i < 1000; i++) failures = withFailure(failures, now + i);
    expect(failures).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(JSON.stringify(failures).length).toBeLessThan(256);
  });

  it('keys a username by a fixed-length digest, whatever it holds', () => {
    for (const name of ['viewer', 'x'.repeat(10_000), 'a.b>*', '\u0000 ünïcode']) {
      expect(failureKey(name)).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(failureKey('viewer')).not.toBe(failureKey('Viewer'));
  });

  it('bounds the bucket: one value per key, the window as max age, a key count, oldest out first', () => {
    const config = signInStreamConfig('ICB_COORDINATOR_SIGN_IN', 500);
    expect(config).toMatchObject({
      name: 'KV_ICB_COORDINATOR_SIGN_IN',
      max_msgs_per_subject: 1,
      max_msgs: 500,
      max_age: FAILED_SIGN_IN_WINDOW_MS * 1_000_000,
      discard: 'old',
    });
    expect(config.max_bytes).toBeGreaterThan(0);
  });

  it('names the bucket as scripts/lib/nats-auth.js does, and only the coordinator may use it', () => {
    expect(coordinatorSignInBucket('icb')).toBe(natsAuth.coordinatorSignInBucketFor('icb'));
    expect(coordinatorSignInBucket('t1a2')).toBe(natsAuth.coordinatorSignInBucketFor('t1a2'));
    const bucket = coordinatorSignInBucket('icb');
    expect(natsAuth.permissionsFor('coordinator').publish.allow).toEqual(
      expect.arrayContaining([`$KV.${bucket}.>`, `$JS.API.STREAM.CREATE.KV_${bucket}`]),
    );
    expect(natsAuth.permissionsFor('dod-adapter').publish.allow.join(' ')).not.toContain(bucket);
  });
});
