/* Benchmarks, as ratios against a baseline measured in the same run. `npm run bench`. */
import 'reflect-metadata';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { benchMessagingLayer, benchRawJetStream, payloadOfAboutOneKb } from './messaging.bench';
import { fmt } from './stats';

interface ServerHandle {
  url: string;
  stop(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require(path.resolve(__dirname, '../../scripts/lib/infra.js')) as {
  resolveNats(): Promise<unknown>;
  startNats(opts: { dataDir: string }): Promise<ServerHandle>;
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

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_MESSAGES ?? 20_000);
  const samples = Number(process.env.BENCH_LATENCY_SAMPLES ?? 500);
  let nats: ServerHandle | undefined;
  let url = process.env.NATS_URL;
  if (!url) {
    nats = await infra.startNats({
      dataDir: path.resolve(__dirname, `../../.local/bench-${process.pid}`),
    });
    url = nats.url;
  }
  try {
    console.log(
      `Benchmark: ${count} messages of about 1 KB, ${samples} latency samples, NATS ${url}\n`,
    );
    // Warm both paths once so JIT and connection set-up are not measured.
    await benchRawJetStream(url, 2000, 20, envelopeOfAboutOneKb());
    await benchMessagingLayer(url, 2000, 20);

    const raw = await benchRawJetStream(url, count, samples, envelopeOfAboutOneKb());
    const layer = await benchMessagingLayer(url, count, samples);

    const rows = [
      ['', 'msgs/s', 'p50 ms', 'p99 ms', 'bytes'],
      [
        'raw @nats-io/jetstream',
        fmt(raw.perSecond, 0),
        fmt(raw.latency.p50),
        fmt(raw.latency.p99),
        String(raw.bytes),
      ],
      [
        'messaging layer (validated)',
        fmt(layer.perSecond, 0),
        fmt(layer.latency.p50),
        fmt(layer.latency.p99),
        String(layer.bytes),
      ],
    ];
    for (const r of rows)
      console.log(
        r[0].padEnd(30) +
          r
            .slice(1)
            .map((c) => c.padStart(10))
            .join(''),
      );
    console.log('');
    console.log(
      `throughput ratio (layer / raw): ${fmt(layer.perSecond / raw.perSecond)}  (goal >= 0.80)`,
    );
    console.log(`p50 latency ratio (layer / raw): ${fmt(layer.latency.p50 / raw.latency.p50)}`);
    console.log(`p99 latency ratio (layer / raw): ${fmt(layer.latency.p99 / raw.latency.p99)}`);
  } finally {
    await nats?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
