// Smoke test of test/global-setup.js: the servers every integration spec
// relies on are up and are the kind the specs need (JetStream enabled, a
// MongoDB-wire server that stores and returns documents).
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import mongoose from 'mongoose';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: test/global-setup.js should have set it`);
  return value;
}

describe('integration test infrastructure', () => {
  it('nats-server answers with JetStream enabled', async () => {
    // Typed through @nats-io/nats-core: with `moduleResolution: node` the
    // transport's re-export of `@nats-io/nats-core/internal` does not resolve.
    const nc: NatsConnection = await connect({ servers: requiredEnv('NATS_URL') });
    try {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.getAccountInfo();
      expect(info.limits).toBeDefined();
    } finally {
      await nc.close();
    }
  });

  it('the database answers a ping and returns what was written', async () => {
    const conn = await mongoose
      .createConnection(requiredEnv('MONGO_URL'), {
        dbName: `infra_smoke_${randomUUID().slice(0, 8)}`,
      })
      .asPromise();
    try {
      const db = conn.db;
      if (!db) throw new Error('no database handle');
      expect(await db.admin().ping()).toMatchObject({ ok: 1 });
      await db.collection('probe').insertOne({ probe: 'hello' });
      expect(await db.collection('probe').findOne({ probe: 'hello' })).toMatchObject({
        probe: 'hello',
      });
      await db.dropDatabase();
    } finally {
      await conn.close();
    }
  });
});
