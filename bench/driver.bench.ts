import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { LatencySummary, pipelined, summarize } from './stats';

export interface DriverResult {
  writes: number;
  perSecond: number;
  latency: LatencySummary;
}

/** The baseline: the MongoDB driver inserting documents of the same size into the same server. */
export async function benchDriverWrites(
  mongoUrl: string,
  writes: number,
  latencySamples: number,
): Promise<DriverResult> {
  const client = await MongoClient.connect(mongoUrl, { maxPoolSize: 64 });
  try {
    const col = client.db(`bench_raw_${randomUUID().slice(0, 8)}`).collection('writes');
    const doc = () => ({ _id: randomUUID() as never, body: 'x'.repeat(900), at: new Date() });
    const start = process.hrtime.bigint();
    await pipelined(writes, 64, () => col.insertOne(doc()));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const samples: number[] = [];
    for (let i = 0; i < latencySamples; i++) {
      const t0 = process.hrtime.bigint();
      await col.insertOne(doc());
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    await col.drop();
    return { writes, perSecond: writes / seconds, latency: summarize(samples) };
  } finally {
    await client.close();
  }
}
