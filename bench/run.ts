/* Benchmarks, as ratios against baselines measured in the same run. `npm run bench`. */
import 'reflect-metadata';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { benchCoordinator, benchDriverWrites } from './coordinator.bench';
import { benchMessagingLayer, benchRawJetStream, payloadOfAboutOneKb } from './messaging.bench';
import { fmt } from './stats';

interface ServerHandle {
  url: string;
  stop(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require(path.resolve(__dirname, '../../scripts/lib/infra.js')) as {
  startNats(opts: { dataDir: string }): Promise<ServerHandle>;
  startMongo(opts: { dataDir: string }): Promise<ServerHandle>;
};

function envelopeOfAboutOneKb(): string {
  return JSON.stringify({
    specversion: '1.0',
    id: randomUUID(),
    source: '/icb/state-pm',
    type: 'gov.icb.consultation.withdrawn.v1',
    time: new Date().toISOString(),
    subject: randomUUID(),
    datacontenttype: 'application/json',
    dataschema: 'urn:icb:schema:consultation.withdrawn.v1',
    correlationid: randomUUID(),
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    data: payloadOfAboutOneKb(0),
  });
}

function row(cells: string[]): string {
  return (
    cells[0].padEnd(34) +
    cells
      .slice(1)
      .map((c) => c.padStart(11))
      .join('')
  );
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_MESSAGES ?? 20_000);
  const samples = Number(process.env.BENCH_LATENCY_SAMPLES ?? 500);
  const consultations = Number(process.env.BENCH_CONSULTATIONS ?? 100);
  const only = process.env.BENCH_ONLY; // 'messaging' | 'coordinator'
  const servers: ServerHandle[] = [];
  const dir = path.resolve(__dirname, `../../.local/bench-${process.pid}`);
  // Interrupted: stop the servers this run started, then exit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled(servers.map((s) => s.stop())).then(() => process.exit(130));
    });
  }
  try {
    let natsUrl = process.env.NATS_URL;
    if (!natsUrl) {
      const nats = await infra.startNats({ dataDir: path.join(dir, 'nats') });
      servers.push(nats);
      natsUrl = nats.url;
    }
    console.log(
      `NATS ${natsUrl} (JetStream file storage, sync_interval: always when started here)\n`,
    );

    // Raw JetStream is the baseline of both benchmarks.
    await benchRawJetStream(natsUrl, 2000, 20, envelopeOfAboutOneKb()); // warm-up
    const raw = await benchRawJetStream(natsUrl, count, samples, envelopeOfAboutOneKb());

    if (only !== 'coordinator') {
      console.log(
        `1. Messaging layer: ${count} messages of about 1 KB, ${samples} latency samples`,
      );
      await benchMessagingLayer(natsUrl, 2000, 20); // warm-up
      const layer = await benchMessagingLayer(natsUrl, count, samples);
      console.log(row(['', 'msgs/s', 'p50 ms', 'p99 ms']));
      console.log(
        row([
          'raw @nats-io/jetstream',
          fmt(raw.perSecond, 0),
          fmt(raw.latency.p50),
          fmt(raw.latency.p99),
        ]),
      );
      console.log(
        row([
          'messaging layer (validated)',
          fmt(layer.perSecond, 0),
          fmt(layer.latency.p50),
          fmt(layer.latency.p99),
        ]),
      );
      console.log(
        `throughput ratio (layer / raw):   ${fmt(layer.perSecond / raw.perSecond)}  (goal >= 0.80)`,
      );
      console.log(`p50 latency ratio (layer / raw):  ${fmt(layer.latency.p50 / raw.latency.p50)}`);
      console.log(
        `p99 latency ratio (layer / raw):  ${fmt(layer.latency.p99 / raw.latency.p99)}\n`,
      );
    }

    if (only !== 'messaging') {
      let mongoUrl = process.env.MONGO_URL;
      if (!mongoUrl) {
        const mongo = await infra.startMongo({ dataDir: path.join(dir, 'mongo') });
        servers.push(mongo);
        mongoUrl = mongo.url;
      }
      const signOffs = consultations * 4;
      console.log(
        `2. Coordinator: ${consultations} consultations x 4 sign-offs = ${signOffs}, ${Math.min(samples, 100)} latency samples, database ${mongoUrl}`,
      );
      const driver = await benchDriverWrites(mongoUrl, signOffs, Math.min(samples, 100));
      const coord = await benchCoordinator(
        natsUrl,
        mongoUrl,
        consultations,
        Math.min(samples, 100),
      );
      console.log(row(['', 'per s', 'p50 ms', 'p99 ms']));
      console.log(
        row([
          'raw driver insert (1 KB)',
          fmt(driver.perSecond, 0),
          fmt(driver.latency.p50),
          fmt(driver.latency.p99),
        ]),
      );
      console.log(
        row([
          'raw @nats-io/jetstream',
          fmt(raw.perSecond, 0),
          fmt(raw.latency.p50),
          fmt(raw.latency.p99),
        ]),
      );
      console.log(
        row([
          'coordinator sign-off (end to end)',
          fmt(coord.perSecond, 0),
          fmt(coord.latency.p50),
          fmt(coord.latency.p99),
        ]),
      );
      console.log(
        `sign-offs/s per raw driver write/s:  ${fmt(coord.perSecond / driver.perSecond)}`,
      );
      console.log(`sign-offs/s per raw JetStream msg/s: ${fmt(coord.perSecond / raw.perSecond)}`);
      console.log(
        `p50 latency ratio (sign-off / driver insert): ${fmt(coord.latency.p50 / driver.latency.p50)}`,
      );
      console.log(
        `p99 latency ratio (sign-off / driver insert): ${fmt(coord.latency.p99 / driver.latency.p99)}`,
      );
    }
  } finally {
    for (const s of servers.reverse()) await s.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
