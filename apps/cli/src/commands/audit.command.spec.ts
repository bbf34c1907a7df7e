import { generateKeyPairSync } from 'node:crypto';
import {
  buildEnvelope,
  chain,
  GENESIS,
  signingKeyFromJwk,
  type Envelope,
  type LogEntry,
} from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { aDetail, FakeApi, runCli } from '../../test/fakes';
import { AUDIT_PAGE } from './audit.command';

const ID = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signer: signingKeyFromJwk({ ...privateKey.export({ format: 'jwk' }), kid }),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid },
  };
}
const dod = keyPair('dod-1');
const rogue = keyPair('dod-rogue');
const KEYS = JSON.stringify({
  keys: [{ ...dod.publicJwk, agency: 'dod', effectiveFrom: '2026-01-01T00:00:00Z' }],
});

/** The log entry the coordinator writes for an agency's signed message (and a note after it). */
function positionItems(envelope: Envelope): Omit<LogEntry, 'seq' | 'prevHash' | 'hash'>[] {
  const { data, jws, ...attributes } = envelope;
  return [
    {
      consultationId: ID,
      eventId: envelope.id,
      type: 'signoff.submitted',
      actor: 'dod',
      summary: 'DoD concurs',
      at: '2026-03-03T00:00:00.000Z',
      data: data as Record<string, unknown>,
      ...(jws
        ? {
            signature: {
              kid: 'dod-1',
              jws,
              receivedAt: '2026-03-03T00:00:00.000Z',
              envelope: attributes,
            },
          }
        : {}),
    },
    {
      consultationId: ID,
      eventId: envelope.id,
      type: 'consultation.cleared',
      actor: 'coordinator',
      summary: 'cleared',
      at: '2026-03-03T00:00:00.000Z',
    },
  ];
}

function aSignOff(signer = dod.signer): Envelope {
  return buildEnvelope(
    'signoff.submitted',
    { ...validPayload('signoff.submitted'), consultationId: ID },
    { publisher: 'dod', classification: 'SECRET', signer, time: new Date('2026-03-02T23:59:00Z') },
  );
}

function withLog(items: Omit<LogEntry, 'seq' | 'prevHash' | 'hash'>[]): FakeApi {
  const api = new FakeApi();
  api.consultations.set(ID, aDetail({ id: ID }));
  const { entries, head } = chain({ seq: 0, hash: GENESIS }, items);
  api.auditExport = { consultationId: ID, head, entries };
  return api;
}

const verify = (api: FakeApi, ...more: string[]) =>
  runCli(['audit', 'verify', ID, '--keys', 'keys.json', ...more], {
    api,
    files: { 'keys.json': KEYS },
  });

describe('icb audit verify --keys: the log checked without trusting the coordinator', () => {
  it('re-computes the chain and verifies every signature, across pages', async () => {
    const items = Array.from({ length: AUDIT_PAGE / 2 + 1 }, () =>
      positionItems(aSignOff()),
    ).flat();
    const api = withLog(items);
    const run = await verify(api, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      entries: AUDIT_PAGE + 2,
      chain: { ok: true },
      signatures: { verified: AUDIT_PAGE / 2 + 1, failed: 0, failures: [] },
    });
    expect(api.calls.filter((c) => c.method === 'auditLog')).toHaveLength(2);
  });

  it('exits 4 naming a position whose data was changed and re-hashed (the chain holds, the signature does not)', async () => {
    const forged = aSignOff();
    const items = positionItems(forged);
    items[0] = { ...items[0], data: { ...items[0].data, decision: 'non-concur' } };
    const run = await verify(withLog(items));
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('2 entries, chain intact, 0 signatures verified, 1 failures');
    expect(run.stdout).toMatch(/entry #1 \(dod, .*\): SIGNATURE_INVALID/);
    expect(run.stderr).toContain('do not carry a valid signature');
  });

  it('fails an agency position logged without its signature, or signed by a key not registered', async () => {
    const unsigned = aSignOff();
    delete unsigned.jws;
    const run = await verify(
      withLog([...positionItems(unsigned), ...positionItems(aSignOff(rogue.signer))]),
      '--json',
    );
    expect(run.code).toBe(4);
    const report = JSON.parse(run.stdout) as { signatures: { failures: { code: string }[] } };
    expect(report.signatures.failures.map((f) => f.code)).toEqual([
      'SIGNATURE_MISSING',
      'UNKNOWN_SIGNING_KEY',
    ]);
  });

  it('reports a broken chain', async () => {
    const api = withLog(positionItems(aSignOff()));
    api.auditExport.entries[1] = { ...api.auditExport.entries[1], summary: 'edited' };
    const run = await verify(api);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('chain BROKEN');
    expect(run.stderr).toContain('broken at entry 2 (altered)');
  });

  it('refuses a key file that is not a registry', async () => {
    const run = await runCli(['audit', 'verify', ID, '--keys', 'k.json'], {
      api: withLog([]),
      files: { 'k.json': '{"keys":[{"kid":"x"}]}' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/key registry is invalid/);
  });
});
