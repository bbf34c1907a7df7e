/*
 * The operators' read model (ADR 9): every coordinator instance sees every
 * instance's changes, keeps following them after the NATS server restarts,
 * repairs a stale value that landed last in its KV bucket, and is rebuilt
 * from the database when the bucket is lost.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kvm } from '@nats-io/kv';
import { NatsConnectionProvider } from '@icb/messaging';
import { OwnNats, startOwnNats, testEnv, waitFor } from '@icb/testing';
import { ConsultationQueries } from '../src/read/consultations/consultation-queries';
import { ConsultationView } from '../src/write/consultations/consultation-view';
import { anFmsCase, Harness, officer, startCoordinator } from './harness';

const view = (h: Harness) => h.app.get(ConsultationView);
const queries = (h: Harness) => h.app.get(ConsultationQueries);

/** Opens `n` FMS cases on the bus; resolves with their ids once `h` lists all of them. */
async function openSome(h: Harness, n: number, seen: Harness[] = [h]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = anFmsCase();
    ids.push(c.consultationId);
    // Retried with the same event id until JetStream acknowledges it (it may
    // still be recovering from a restart): stored once whatever happens.
    const id = randomUUID();
    await waitFor(
      () => h.bus.publishAs('state-pm', 'consultation.opened', c, { id }).then(() => true),
      { description: 'JetStream to acknowledge the opening', timeoutMs: 30_000, intervalMs: 250 },
    );
  }
  for (const each of seen) {
    await waitFor(() => ids.every((id) => view(each).summary(id)), {
      description: `${n} consultations in the read model of every instance`,
      timeoutMs: 30_000,
    });
  }
  return ids;
}

describe('the read model', () => {
  const harnesses: Harness[] = [];
  let dataDir: string | undefined;
  let server: OwnNats | undefined;

  afterEach(async () => {
    for (const h of harnesses.splice(0).reverse()) await h.close();
    await server?.stop();
    server = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('each coordinator instance lists the consultations the other one changed, at their latest version', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const a = await startCoordinator({ env });
    harnesses.push(a);
    const b = await startCoordinator({ env });
    harnesses.push(b);
    const ids = await openSome(a, 12, [a, b]);
    // Sign-offs, handled by whichever instance JetStream gives them to.
    for (const id of ids) {
      await a.bus.publishAs('dod', 'signoff.submitted', {
        consultationId: id,
        agency: 'dod',
        revision: 1,
        decision: 'concur',
        officer,
        submittedAt: a.clock.now().toISOString(),
      });
    }
    for (const h of [a, b]) {
      await waitFor(
        async () => {
          for (const id of ids) {
            const latest = await h.service.get(id);
            if (view(h).versionOf(id) !== latest?.version) return false;
            if (view(h).summary(id)?.pendingAgencies.includes('dod')) return false;
          }
          return true;
        },
        { description: 'both read models at the latest version of every consultation' },
      );
    }
    const listed = (h: Harness) =>
      queries(h)
        .list({ clearance: 'TOP SECRET', pendingAgency: 'nsc', limit: 100 })
        .items.map((c) => c.id)
        .filter((id) => ids.includes(id))
        .sort();
    expect(listed(a)).toEqual([...ids].sort());
    expect(listed(b)).toEqual(listed(a));
  });

  it('keeps following the other instance after the NATS server restarts', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-view-restart-'));
    server = await startOwnNats({ dataDir });
    const { port, monitorPort } = server;
    const env = testEnv({ CLOCK_TICK_MS: '0', NATS_URL: server.url });
    const a = await startCoordinator({ env });
    harnesses.push(a);
    const b = await startCoordinator({ env });
    harnesses.push(b);
    await openSome(a, 3, [a, b]);

    await server.stop();
    await waitFor(() => !a.app.get(NatsConnectionProvider).status().connected, {
      description: 'the outage to be noticed',
    });
    server = await startOwnNats({ dataDir, port, monitorPort });
    for (const h of [a, b]) {
      await waitFor(() => h.app.get(NatsConnectionProvider).status().connected, {
        description: 'the coordinators to reconnect',
        timeoutMs: 30_000,
      });
    }
    // The test bus reconnects too; opened after the restart, seen by both.
    await openSome(a, 6, [a, b]);
  });

  it('a stale value that lands last in the bucket is put right by the instances that know better', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const a = await startCoordinator({ env });
    harnesses.push(a);
    const [id] = await openSome(a, 1);
    const current = view(a).summary(id)!;
    // What a slow put of another instance would leave: an older version, last.
    const kv = await new Kvm(a.app.get(NatsConnectionProvider).js).open(view(a).bucket);
    const stale = { ...current, version: current.version - 1, title: 'stale' };
    await kv.put(
      id,
      `${stale.version} ${JSON.stringify({ consultation: stale, logHead: { seq: 0, hash: '' } })}`,
    );
    await waitFor(
      async () => {
        const entry = await kv.get(id);
        return entry?.string().startsWith(`${current.version} `);
      },
      { description: 'the bucket to hold the latest version again' },
    );
    expect(view(a).summary(id)?.title).toBe(current.title);
  });

  it('is rebuilt from the database when its bucket is lost', async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const first = await startCoordinator({ env });
    harnesses.push(first);
    const ids = await openSome(first, 5);
    const bucket = view(first).bucket;
    const jsm = first.app.get(NatsConnectionProvider).manager;
    await jsm.streams.delete(`KV_${bucket}`);
    await harnesses.pop()!.close();

    const again = await startCoordinator({ env });
    harnesses.push(again);
    for (const id of ids) expect(view(again).summary(id)?.id).toBe(id);
    expect(queries(again).list({ clearance: 'TOP SECRET', limit: 100 }).total).toBe(ids.length);
  });
});
