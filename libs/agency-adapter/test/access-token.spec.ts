import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@icb/config';
import { agencyToken, signTestJwt, testAdapterAuthEnv, TEST_ADAPTER_ISSUER } from '@icb/testing';
import { loadAdapterAuth } from '../src/auth/adapter-auth.config';
import { InvalidAccessTokenError, verifyAccessToken } from '../src/auth/access-token';
import { adapterAudience } from '../src/auth/scopes';

const config = (env: Record<string, string>): AppConfig => loadConfig(env);

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidAccessTokenError);
  return (error as Error).message;
}

describe('verifyAccessToken', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: TEST_ADAPTER_ISSUER,
    aud: adapterAudience('dod'),
    sub: 'dod-system',
    agency: 'dod',
    scope: 'reviews:read',
    exp: now() + 600,
    ...extra,
  });

  it('takes a token of the trusted issuer for this adapter, with its caller, scopes and officer', async () => {
    const settings = await loadAdapterAuth(config(testAdapterAuthEnv()), 'dod');
    const caller = await verifyAccessToken(
      agencyToken('dod', { officer: { name: 'J. Smith', title: 'DSCA' } }),
      settings,
    );
    expect(caller).toMatchObject({
      clientId: 'dod-test-system',
      agency: 'dod',
      officer: { name: 'J. Smith', title: 'DSCA' },
    });
    expect(caller.scopes.has('reviews:sign-off')).toBe(true);
  });

  it('refuses unsigned, HMAC, claim-less and ill-claimed tokens with a reason', async () => {
    const settings = await loadAdapterAuth(config(testAdapterAuthEnv()), 'dod');
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'none' })}.${b64(claims())}.`;
    expect(await reason(verifyAccessToken(unsigned, settings))).toMatch(/malformed|algorithm/);
    const hmac = signTestJwt(claims(), { header: { alg: 'HS256' } });
    expect(await reason(verifyAccessToken(hmac, settings))).toMatch(/algorithm|trusted|malformed/);
    const noExp = signTestJwt({ ...claims(), exp: undefined });
    expect(await reason(verifyAccessToken(noExp, settings))).toMatch(/exp/);
    const badOfficer = signTestJwt(claims({ officer: { name: 'J.\u0000Smith', title: 'DSCA' } }));
    expect(await reason(verifyAccessToken(badOfficer, settings))).toMatch(/officer/);
    const otherIssuer = signTestJwt(claims({ iss: 'urn:elsewhere' }));
    expect(await reason(verifyAccessToken(otherIssuer, settings))).toMatch(/another issuer/);
    const notYet = signTestJwt(claims({ nbf: now() + 600 }));
    expect(await reason(verifyAccessToken(notYet, settings))).toMatch(/not valid yet/);
    const noAgency = signTestJwt(claims({ agency: undefined }));
    expect(await reason(verifyAccessToken(noAgency, settings))).toMatch(/not for dod/);
  });

  it('refuses to start without a key to check tokens with', async () => {
    await expect(loadAdapterAuth(config({}), 'dod')).rejects.toThrow(/ADAPTER_AUTH_JWKS_URL/);
    await expect(
      loadAdapterAuth(config({ ADAPTER_CLIENTS_FILE: '/nonexistent' }), 'dod'),
    ).rejects.toThrow(/go together/);
  });

  it('trusts a key added to the JWKS file (rotation) without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icb-jwks-'));
    const jwk = (kid: string) => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      return { kid, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid } };
    };
    const old = jwk('old');
    const fresh = jwk('new');
    const file = join(dir, 'jwks.json');
    try {
      writeFileSync(file, JSON.stringify({ keys: [old.publicJwk] }));
      const settings = await loadAdapterAuth(
        config({ ADAPTER_AUTH_JWKS_FILE: file, ADAPTER_AUTH_ISSUER: TEST_ADAPTER_ISSUER }),
        'dod',
      );
      const signed = (k: typeof old) => signTestJwt(claims(), { key: k.privateKey, kid: k.kid });
      await expect(verifyAccessToken(signed(old), settings)).resolves.toMatchObject({
        agency: 'dod',
      });
      expect(await reason(verifyAccessToken(signed(fresh), settings))).toMatch(/unknown key id/);
      writeFileSync(file, JSON.stringify({ keys: [old.publicJwk, fresh.publicJwk] }));
      // The file is read again at most every 30 s.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
      jest.setSystemTime(Date.now() + 31_000);
      await expect(verifyAccessToken(signed(fresh), settings)).resolves.toMatchObject({
        agency: 'dod',
      });
    } finally {
      jest.useRealTimers();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
