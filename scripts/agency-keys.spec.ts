import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@icb/config';
import {
  AgencyKeyRegistry,
  buildEnvelope,
  signingKeyFromJwk,
  verifyEnvelopeSignature,
} from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';

interface AgencyKeysLib {
  AGENCIES: readonly string[];
  ensureAgencyKeys(
    dir: string,
    options?: { now?: Date },
  ): { registryFile: string; made: string[]; signingKeyFile(agency: string): string };
  signingEnv(
    keys: ReturnType<AgencyKeysLib['ensureAgencyKeys']>,
    service: string,
    env?: Record<string, string | undefined>,
  ): Record<string, string>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('./lib/agency-keys.js') as AgencyKeysLib;

describe('scripts/lib/agency-keys.js: the deployment’s signing keys (ADR 15)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'icb-agency-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each agency’s private key (0600) and a registry the coordinator loads, and they sign and verify', () => {
    const keys = lib.ensureAgencyKeys(dir);
    expect(keys.made).toEqual([...lib.AGENCIES]);
    expect(statSync(keys.signingKeyFile('dod')).mode & 0o777).toBe(0o600);

    const coordinator = loadConfig({ ...lib.signingEnv(keys, 'coordinator', {}) });
    const registry = AgencyKeyRegistry.parse(coordinator.AGENCY_KEYS);
    expect(registry.size).toBe(5);
    const adapter = loadConfig({ ...lib.signingEnv(keys, 'dod-adapter', {}) });
    const envelope = buildEnvelope('signoff.submitted', validPayload('signoff.submitted'), {
      publisher: 'dod',
      classification: 'SECRET',
      signer: signingKeyFromJwk(adapter.SIGNING_KEY),
    });
    expect(verifyEnvelopeSignature(envelope, 'dod', Date.now(), registry)).toMatchObject({
      ok: true,
    });
    expect(verifyEnvelopeSignature(envelope, 'nsc', Date.now(), registry)).toMatchObject({
      code: 'SIGNER_NOT_PUBLISHER',
    });
  });

  it('keeps the keys from one start to the next, and leaves a key or registry given by the environment alone', () => {
    const first = lib.ensureAgencyKeys(dir);
    const registry = readFileSync(first.registryFile, 'utf8');
    const dod = readFileSync(first.signingKeyFile('dod'), 'utf8');
    const again = lib.ensureAgencyKeys(dir);
    expect(again.made).toEqual([]);
    expect(readFileSync(again.registryFile, 'utf8')).toBe(registry);
    expect(readFileSync(again.signingKeyFile('dod'), 'utf8')).toBe(dod);
    expect(lib.signingEnv(again, 'dod-adapter', { SIGNING_KEY_FILE: '/run/secrets/dod' })).toEqual(
      {},
    );
    expect(lib.signingEnv(again, 'coordinator', { AGENCY_KEYS_FILE: '/run/keys.json' })).toEqual(
      {},
    );
    expect(lib.signingEnv(again, 'operator', {})).toEqual({});
  });
});
