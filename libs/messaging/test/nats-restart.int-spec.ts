import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  EventPublisher,
  jetStreamMicroservice,
  NatsConnectionProvider,
  startJetStreamMicroservice,
} from '@icb/messaging';
import { OwnNats, startOwnNats, testEnv, waitFor } from '@icb/testing';
import { Probe, ProbeModule } from './fixtures/probe.module';

describe('messaging when the NATS server restarts', () => {
  let dataDir: string;
  let server: OwnNats | undefined;
  let app: INestApplicationContext | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'icb-nats-restart-'));
  });

  afterEach(async () => {
    await app?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a service reconnects after the server restarts, and messages stored before and after are all handled', async () => {
    server = await startOwnNats({ dataDir });
    const { port, monitorPort } = server;
    const env = testEnv({ NATS_URL: server.url });
    const service = await Test.createTestingModule({ imports: [ProbeModule.forRoot(env)] })
      .compile()
      .then((m) => startJetStreamMicroservice(m.createNestMicroservice(jetStreamMicroservice())));
    app = service;
    const probe = service.get(Probe);
    const publisher = service.get(EventPublisher);
    const nats = service.get(NatsConnectionProvider);

    const before = await publisher.publish('consultation.withdrawn', {
      consultationId: randomUUID(),
      reason: 'before',
    });
    await waitFor(() => probe.idsHandled().has(before.envelope.id), {
      description: 'the first message',
    });

    await server.stop();
    await waitFor(() => !nats.status().connected, {
      description: 'the service to notice the outage',
    });
    server = await startOwnNats({ dataDir, port, monitorPort });
    await waitFor(() => nats.status().connected, {
      description: 'the service to reconnect',
      timeoutMs: 30_000,
    });

    const after = await publisher.publish('consultation.withdrawn', {
      consultationId: randomUUID(),
      reason: 'after',
    });
    await waitFor(() => probe.idsHandled().has(after.envelope.id), {
      description: 'a message published after the restart',
      timeoutMs: 30_000,
    });
    // Nothing was handled twice, nothing is left.
    expect(probe.deliveries.filter((d) => d.id === before.envelope.id)).toHaveLength(1);
    const info = await nats.manager.consumers.info(
      `${env.BUS_NAMESPACE.toUpperCase()}_EVENTS`,
      'probe',
    );
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });
});
