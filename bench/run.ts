/* Benchmarks, as ratios against baselines measured in the same run. `npm run bench`. */
import 'reflect-metadata';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { benchDriverWrites } from './driver.bench';
import { benchAtScale, ScaleResult } from './scale.bench';
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
      const scales = (process.env.BENCH_SCALES ?? '100,10000,100000')
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => n > 0);
      const signOffConsultations = Number(process.env.BENCH_CONSULTATIONS ?? 250);
      const overloadSeconds = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 60);
      const readSamples = Number(process.env.BENCH_READ_SAMPLES ?? 50);
      const latencySamples = Math.min(samples, 100);
      console.log(
        `2. Coordinator at ${scales.join(', ')} stored consultations (database ${mongoUrl}): ` +
          `${signOffConsultations} of them signed by 4 agencies, ${latencySamples} single sign-offs, ` +
          `${readSamples} samples per read`,
      );
      const driver = await benchDriverWrites(mongoUrl, 2000, Math.min(samples, 100));
      console.log(
        row([
          'raw driver insert (1 KB)',
          fmt(driver.perSecond, 0) + '/s',
          'p50 ' + fmt(driver.latency.p50),
          'p99 ' + fmt(driver.latency.p99),
        ]),
      );
      console.log(
        row([
          'raw JetStream publish+consume',
          fmt(raw.perSecond, 0) + '/s',
          'p50 ' + fmt(raw.latency.p50),
          'p99 ' + fmt(raw.latency.p99),
        ]),
      );
      const results: ScaleResult[] = [];
      for (const [i, stored] of scales.entries()) {
        console.log(`\n  -- ${stored} stored consultations --`);
        const r = await benchAtScale(natsUrl, mongoUrl, stored, {
          signOffConsultations,
          latencySamples,
          readSamples,
          overloadSeconds: i === scales.length - 1 ? overloadSeconds : 0,
          log: (line) => console.log(line),
        });
        results.push(r);
        console.log(
          `  seeded in ${fmt(r.seedSeconds, 1)} s; coordinator restarted (read model loaded) in ${fmt(r.bootSeconds, 1)} s`,
        );
        console.log(
          row([
            '  sign-offs (cold, never read before)',
            fmt(r.perSecond, 0) + '/s',
            `${r.signOffs} msgs`,
            `x${fmt(r.perSecond / raw.perSecond, 3)} JS`,
          ]),
        );
        console.log(
          row([
            '  one sign-off end to end (ms)',
            'p50 ' + fmt(r.latency.p50),
            'p99 ' + fmt(r.latency.p99),
            'n ' + r.latency.n,
          ]),
        );
        for (const read of r.reads) {
          console.log(
            row([
              `  ${read.name}`,
              'p50 ' + fmt(read.latency.p50),
              'p99 ' + fmt(read.latency.p99),
              'max ' + fmt(Math.max(read.latency.p99, read.latency.p50)),
            ]),
          );
        }
      }
      console.log('\n  The curve (ratios from this run):');
      console.log(
        row([
          '  stored',
          'signoffs/s',
          'vs first',
          'vs raw JS',
          'p99 ms',
          'list p99',
          'detail p99',
          'stats p99',
        ]),
      );
      const first = results[0];
      for (const r of results) {
        const listP99 = Math.max(
          ...r.reads
            .filter((x) => !x.name.includes('{id}') && !x.name.includes('stats'))
            .map((x) => x.latency.p99),
        );
        const detail = r.reads.find((x) => x.name.includes('{id}'))!.latency.p99;
        const stats = r.reads.find((x) => x.name.includes('stats'))!.latency.p99;
        console.log(
          row([
            `  ${r.stored}`,
            fmt(r.perSecond, 0),
            fmt(first.perSecond / r.perSecond) + 'x',
            fmt(r.perSecond / raw.perSecond, 3),
            fmt(r.latency.p99),
            fmt(listP99),
            fmt(detail),
            fmt(stats),
          ]),
        );
      }
      const over = results.at(-1)?.overload;
      if (over) {
        console.log(
          `\n  Overload at ${results.at(-1)!.stored} stored: ${fmt(over.offeredPerSecond, 0)} msgs/s offered ` +
            `(2x the measured sign-off rate) for ${over.seconds} s, then drained in ${fmt(over.drainSeconds, 1)} s`,
        );
        console.log(
          `  published ${over.published}, acknowledged by JetStream ${over.acknowledged} (publish failures ${over.publishFailures}); ` +
            `acknowledged sign-offs applied ${over.applied}, lost ${over.lost}; dead-lettered ${over.deadLettered}; ` +
            `redelivered ${over.redelivered}; audit chains verified ${over.chainsVerified}, broken ${over.chainsBroken}`,
        );
      }
    }
  } finally {
    for (const s of servers.reverse()) await s.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
