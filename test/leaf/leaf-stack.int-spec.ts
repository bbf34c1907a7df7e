import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { MessageName, PayloadOf } from '@icb/contracts';
import { SubjectSpace } from '@icb/messaging';
import type { MessagingOptions } from '@icb/messaging';
import { StreamProvisioner } from '@icb/messaging/stream-provisioner';
import { authHeader, testEnv, waitFor } from '@icb/testing';
import {
  anFmsCase,
  type Harness,
  officer,
  startCoordinator,
} from '../../apps/coordinator/test/harness';
import { leafLinks, sourceIdleMs, streamCount } from './leaf-helpers';
import { type LeafStack, publishSigned, startLeafStack } from './leaf-stack';

/*
 * The whole stack with DoD on its own leaf node (ADR 21): a real coordinator
 * (its REST API, FerretDB, NATS_LEAF_AGENCIES=dod) on the hub, DoD's side on
 * its leaf (NATS_LEAF_DOMAIN=dod: the adapter's NATS user, its leaf streams,
 * its durable consumer), the link cut while DoD takes its positions.
 */
const AGENCY = 'dod';
const CONSULTATIONS = 8;

/** DoD's positions on one consultation, in the order it takes them. */
const positionsOf = (consultationId: string) =>
  [
    ['review.acknowledged', { consultationId, agency: AGENCY, revision: 1 }],
    [
      'review.hold-placed',
      { consultationId, agency: AGENCY, reason: 'Technology security review by DTSA outstanding.' },
    ],
    ['review.hold-released', { consultationId, agency: AGENCY, reason: 'DTSA review complete.' }],
    [
      'signoff.submitted',
      {
        consultationId,
        agency: AGENCY,
        revision: 1,
        decision: 'concur',
        officer,
        submittedAt: new Date().toISOString(),
      },
    ],
  ] as { [N in MessageName]: [N, PayloadOf<N>] }[MessageName][];

interface DetailView {
  status: string;
  timeline: { seq: number; eventId: string; type: string }[];
  signOffs: { eventId: string }[];
}

describe('DoD on its own leaf node, with the whole stack (ADR 21)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icb-leaf-stack-'));
  const env = testEnv({ CLOCK_TICK_MS: '0' });
  const ns = env.BUS_NAMESPACE;
  const space = new SubjectSpace(ns);
  let stack: LeafStack | undefined;
  let coordinator: Harness | undefined;

  beforeAll(async () => {
    stack = await startLeafStack({ dir, namespace: ns, agency: AGENCY });
  }, 60_000);

  afterAll(async () => {
    await coordinator?.close();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('positions DoD takes while its link is cut are kept on its leaf and applied by the coordinator exactly once, in order, after the link returns', async () => {
    const started = Date.now();
    const s = stack!;

    // DoD's adapter at boot (NATS_URL = its leaf, NATS_LEAF_DOMAIN=dod): its
    // leaf streams, with its own NATS user.
    const dod = await s.as('leaf', `${AGENCY}-adapter`);
    await new StreamProvisioner({
      namespace: ns,
      eventsMaxAgeMs: 0,
      duplicateWindowMs: 2 * 60_000,
      leaf: { agency: AGENCY, hubDomain: 'hub' },
    } as MessagingOptions).ensureStreams(await jetstreamManager(dod), space);

    // The coordinator on the hub, as its own NATS user, NATS_LEAF_AGENCIES=dod:
    // it creates the hub's streams and makes them source DoD's leaf.
    coordinator = await startCoordinator({
      env: {
        ...env,
        NATS_URL: s.hubUrl,
        NATS_LEAF_AGENCIES: AGENCY,
        ...scriptsCredentials(s, 'coordinator'),
      },
      api: true,
    });
    const http = coordinator.http!.getHttpServer();
    const hubJsm = await jetstreamManager(await s.as('hub', 'operator'));
    const leafJsm = await jetstreamManager(await s.as('leaf', 'leaf-admin'));
    const hubSources = (await hubJsm.streams.info(space.eventsStream)).config.sources ?? [];
    expect(hubSources.map((x) => x.external?.api)).toEqual([`$JS.${AGENCY}.API`]);
    // The leaf's source found the hub's stream on its first try or on its
    // retry 10 s later (the coordinator created it after the leaf's).
    await waitFor(async () => (await sourceIdleMs(leafJsm, space.eventsStream)) !== undefined, {
      timeoutMs: 30_000,
      description: "the leaf's source of the hub's events is active",
    });

    // State/PM opens consultations that DoD alone clears; the coordinator
    // addresses a review request to DoD for each, which reaches its leaf.
    const statePm = jetstream(await s.as('hub', 'state-pm-adapter'));
    const ids: string[] = [];
    for (let i = 0; i < CONSULTATIONS; i++) {
      const opening = anFmsCase({ clearingParties: [AGENCY] });
      await publishSigned(statePm, ns, 'state-pm', 'consultation.opened', opening);
      ids.push(opening.consultationId);
    }
    const requested = `${ns}.evt.coordinator.review.requested.v1.${AGENCY}`;
    await waitFor(
      async () => (await streamCount(leafJsm, space.eventsStream, requested)) >= CONSULTATIONS,
      {
        timeoutMs: 30_000,
        description: "every review request on DoD's leaf",
      },
    );

    // Cut the link.
    const cutAt = Date.now();
    s.proxy.cut();
    await waitFor(async () => (await leafLinks(s.hubMonitorPort)) === 0, {
      description: 'the hub saw the leaf go',
    });

    // DoD keeps reading the review requests it received, through its own
    // durable consumer (ADR 6's filter) on its leaf.
    const dodJsm = await jetstreamManager(dod);
    await dodJsm.consumers.add(space.eventsStream, {
      durable_name: `${AGENCY}-adapter`,
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${ns}.evt.*.*.*.v1.${AGENCY}`,
    });
    const inbox = await jetstream(dod).consumers.get(space.eventsStream, `${AGENCY}-adapter`);
    const read: string[] = [];
    await waitFor(
      async () => {
        const batch = await inbox.fetch({ max_messages: CONSULTATIONS, expires: 1_000 });
        for await (const m of batch) {
          if (m.subject === requested) read.push(m.json<{ subject: string }>().subject);
          m.ack();
        }
        return read.length >= CONSULTATIONS;
      },
      { description: 'DoD read its review requests while cut' },
    );
    expect(read.sort()).toEqual([...ids].sort());

    // DoD takes its positions: acknowledged by its own JetStream (domain dod).
    const dodJs = jetstream(dod);
    const taken: { consultationId: string; id: string; name: string; domain?: string }[] = [];
    for (const consultationId of ids) {
      for (const [name, payload] of positionsOf(consultationId)) {
        const { envelope, ack } = await publishSigned(dodJs, ns, AGENCY, name, payload as never);
        taken.push({ consultationId, id: envelope.id, name, domain: ack.domain });
      }
    }
    expect(new Set(taken.map((t) => t.domain))).toEqual(new Set([AGENCY]));
    // None crossed the cut link.
    expect(await streamCount(hubJsm, space.eventsStream, `${ns}.evt.${AGENCY}.>`)).toBe(0);
    expect(await leafLinks(s.hubMonitorPort)).toBe(0);
    // Long enough for the hub to give up on its source consumer (stall check every 10 s).
    await waitFor(async () => ((await sourceIdleMs(hubJsm, space.eventsStream)) ?? 0) > 12_000, {
      timeoutMs: 30_000,
      intervalMs: 250,
      description: "the hub's source idle past its stall check",
    });
    const cutSeconds = (Date.now() - cutAt) / 1000;

    // Restore: every position reaches the coordinator, which applies it once, in order.
    s.proxy.restore();
    const restoredAt = Date.now();
    const detailOf = async (id: string): Promise<DetailView | undefined> => {
      const res = await request(http).get(`/consultations/${id}`).set(authHeader());
      return res.status === 200 ? (res.body as DetailView) : undefined;
    };
    // A position's own entry on the timeline (what it caused, e.g. the
    // clearance a sign-off completes, is logged with its id too).
    const appliedOf = (d: DetailView | undefined, t: { id: string; name: string }) =>
      d?.timeline.filter((e) => e.eventId === t.id && e.type === t.name).length ?? 0;
    await waitFor(
      async () => {
        for (const consultationId of ids) {
          const d = await detailOf(consultationId);
          const mine = taken.filter((t) => t.consultationId === consultationId);
          if (!mine.every((t) => appliedOf(d, t) >= 1)) return false;
        }
        return true;
      },
      {
        timeoutMs: 150_000, // a source retries after 10 s, 20 s, ... at most 2 min (ADR 21)
        intervalMs: 500,
        description: `all ${taken.length} positions applied by the coordinator`,
      },
    );
    const caughtUp = (Date.now() - restoredAt) / 1000;

    let applied = 0;
    const statuses = new Set<string>();
    for (const consultationId of ids) {
      const d = (await detailOf(consultationId))!;
      const mine = taken.filter((t) => t.consultationId === consultationId);
      // Exactly once each, in the order DoD took them.
      expect(mine.map((t) => appliedOf(d, t))).toEqual(mine.map(() => 1));
      const order = d.timeline.filter((e) =>
        mine.some((t) => t.id === e.eventId && t.name === e.type),
      );
      expect(order.map((e) => e.eventId)).toEqual(mine.map((t) => t.id));
      expect(order.map((e) => e.type)).toEqual(mine.map((t) => t.name));
      expect(d.signOffs.map((x) => x.eventId)).toEqual([mine[3].id]);
      expect(d.status).not.toBe('in-review');
      statuses.add(d.status);
      applied += mine.length;
    }
    // The hub's stream holds each once (sourced, never captured twice).
    expect(await streamCount(hubJsm, space.eventsStream, `${ns}.evt.${AGENCY}.>`)).toBe(
      taken.length,
    );

    console.log(
      `[leaf-stack] link cut ${cutSeconds.toFixed(1)} s: ${taken.length} positions acked on the leaf, ` +
        `${applied} applied by the coordinator exactly once, ${taken.length - applied} lost ` +
        `(caught up ${caughtUp.toFixed(1)} s after the restore; consultations ${[...statuses].join(', ')}; test ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }, 300_000);

  it("lets DoD's leaf user join the hub only as a leaf node, not as a client", async () => {
    expect(await leafLinks(stack!.hubMonitorPort)).toBe(1);
    await expect(
      connect({
        servers: stack!.hubUrl,
        user: `leaf-${AGENCY}`,
        pass: stack!.passwords[`leaf-${AGENCY}`],
        maxReconnectAttempts: 0,
      }),
    ).rejects.toThrow(/authorization/i);
  });
});

function scriptsCredentials(s: LeafStack, user: string): Record<string, string> {
  return {
    NATS_USER: user,
    NATS_PASSWORD: s.passwords[user],
    NATS_INBOX_PREFIX: `_INBOX_${user}`,
  };
}
