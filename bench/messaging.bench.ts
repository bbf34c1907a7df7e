import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { ConfigModule } from '@icb/config';
import {
  EventPublisher,
  JetStreamContext,
  jetStreamMicroservice,
  MessagingModule,
  startJetStreamMicroservice,
  SubjectSpace,
} from '@icb/messaging';
import { LatencySummary, pipelined, summarize } from './stats';

export interface ThroughputResult {
  messages: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  bytes: number;
}

/** A `consultation.withdrawn` payload whose envelope is about 1 KB. */
export function payloadOfAboutOneKb(i: number): { consultationId: string; reason: string } {
  return { consultationId: randomUUID(), reason: `benchmark message ${i} `.padEnd(620, 'x') };
}

let onHandled: ((id: string) => void) | undefined;

@Controller()
class BenchHandler {
  @EventPattern('consultation.withdrawn')
  handle(@Ctx() context: JetStreamContext): void {
    onHandled?.(context.getEnvelope().id);
  }
}

@Module({})
class BenchModule {
  static forRoot(env: Record<string, string>) {
    return {
      module: BenchModule,
      imports: [
        ConfigModule.forRoot({ env }),
        MessagingModule.forRoot({
          party: 'state-pm',
          service: 'bench',
          overrides: { maxInFlight: 256 },
        }),
      ],
      controllers: [BenchHandler],
    };
  }
}

/** The messaging layer end to end: typed publish (envelope + validation), durable consume, validation, handler, ack. */
export async function benchMessagingLayer(
  natsUrl: string,
  count: number,
  latencySamples: number,
): Promise<ThroughputResult> {
  const namespace = `b${randomUUID().slice(0, 8).replace(/-/g, '')}`;
  // The bus as every service runs it: a Nest microservice (JetStreamServer).
  const app = await NestFactory.createMicroservice(
    BenchModule.forRoot({
      NATS_URL: natsUrl,
      BUS_NAMESPACE: namespace,
      MESSAGING_MAX_IN_FLIGHT: '256',
    }),
    { ...jetStreamMicroservice(), logger: ['error'] },
  );
  await startJetStreamMicroservice(app);
  const publisher = app.get(EventPublisher);
  try {
    // Throughput: publish `count` messages pipelined while the consumer drains them.
    let handled = 0;
    let resolveAll!: () => void;
    const all = new Promise<void>((r) => (resolveAll = r));
    onHandled = () => {
      if (++handled === count) resolveAll();
    };
    const bytes = Buffer.byteLength(
      JSON.stringify(publisher.envelope('consultation.withdrawn', payloadOfAboutOneKb(0)).envelope),
    );
    const start = process.hrtime.bigint();
    await pipelined(count, 256, (i) =>
      publisher.publish('consultation.withdrawn', payloadOfAboutOneKb(i)),
    );
    await all;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    // Latency: one message at a time, publish to handler.
    const samples: number[] = [];
    for (let i = 0; i < latencySamples; i++) {
      const payload = payloadOfAboutOneKb(i);
      const got = new Promise<void>((r) => (onHandled = () => r()));
      const t0 = process.hrtime.bigint();
      await publisher.publish('consultation.withdrawn', payload);
      await got;
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return {
      messages: count,
      seconds,
      perSecond: count / seconds,
      latency: summarize(samples),
      bytes,
    };
  } finally {
    onHandled = undefined;
    await app.close();
  }
}

/** The baseline: raw @nats-io/jetstream publish and pull-consume with ack of the same bytes. */
export async function benchRawJetStream(
  natsUrl: string,
  count: number,
  latencySamples: number,
  body: string,
): Promise<ThroughputResult> {
  const space = new SubjectSpace(`r${randomUUID().slice(0, 8).replace(/-/g, '')}`);
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await jsm.streams.add({
      name: space.eventsStream,
      subjects: [space.eventsFilter],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
    });
    await jsm.consumers.add(space.eventsStream, {
      durable_name: 'raw',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: 1024,
    });
    const consumer = await js.consumers.get(space.eventsStream, 'raw');
    const messages = await consumer.consume({ max_messages: 256 });
    let handled = 0;
    let target = count;
    let wake: (() => void) | undefined;
    const loop = (async () => {
      for await (const m of messages) {
        JSON.parse(m.string());
        m.ack();
        handled++;
        if (handled >= target) wake?.();
      }
    })();
    const subject = `${space.namespace}.evt.state-pm.consultation.withdrawn.v1`;

    const all = new Promise<void>((r) => (wake = r));
    const start = process.hrtime.bigint();
    await pipelined(count, 256, () => js.publish(subject, body, { msgID: randomUUID() }));
    await all;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    const samples: number[] = [];
    for (let i = 0; i < latencySamples; i++) {
      target = handled + 1;
      const got = new Promise<void>((r) => (wake = r));
      const t0 = process.hrtime.bigint();
      await js.publish(subject, body, { msgID: randomUUID() });
      await got;
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    await messages.close();
    await loop;
    await jsm.streams.delete(space.eventsStream);
    return {
      messages: count,
      seconds,
      perSecond: count / seconds,
      latency: summarize(samples),
      bytes: Buffer.byteLength(body),
    };
  } finally {
    await nc.close();
  }
}
