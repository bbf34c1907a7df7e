import { randomUUID } from 'node:crypto';
import {
  CanActivate,
  Catch,
  Controller,
  ExceptionFilter,
  Injectable,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { firstValueFrom, lastValueFrom, of } from 'rxjs';
import type { PayloadOf } from '@icb/contracts';
import {
  DeadLetterService,
  EventPublisher,
  JetStreamClient,
  JetStreamFailureInterceptor,
  JetStreamRecord,
  NatsRequestContext,
  startJetStream,
} from '@icb/messaging';
import { testEnv, waitFor } from '@icb/testing';
import { Probe, ProbeModule } from './fixtures/probe.module';

type Withdrawal = PayloadOf<'consultation.withdrawn'>;
const withdrawal = (reason = 'overtaken by events'): Withdrawal => ({
  consultationId: randomUUID(),
  reason,
});

@Injectable()
class DenyGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

/** A filter of the handler's own that "handles" the exception by returning a value. */
@Catch()
class SwallowFilter implements ExceptionFilter {
  catch() {
    return of('handled');
  }
}

/** Handlers on consumers of their own, next to the probe's. */
@Controller()
class Awkward {
  swallowed = 0;

  @UseGuards(DenyGuard)
  @EventPattern('consultation.withdrawn', { consumer: 'probe-guarded' })
  guarded(): void {
    throw new Error('a guard that refuses keeps the handler from running');
  }

  @UseFilters(SwallowFilter)
  @UseInterceptors(JetStreamFailureInterceptor)
  @EventPattern('consultation.withdrawn', { consumer: 'probe-swallowed' })
  failing(@Payload() w: Withdrawal): void {
    this.swallowed++;
    throw new Error(`cannot withdraw ${w.consultationId}`);
  }

  @MessagePattern('icb.rpc.probe.echo')
  echo(@Payload() data: { text: string }, @Ctx() context: NatsRequestContext) {
    return { echo: data.text, subject: context.getSubject() };
  }

  @MessagePattern('icb.rpc.probe.refuse')
  refuse(): never {
    throw new RpcException({ code: 'REFUSED', message: 'not today' });
  }
}

describe('the bus as a Nest microservice (JetStreamServer, JetStreamClient)', () => {
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function boot(): Promise<NestExpressApplication> {
    const moduleRef = await Test.createTestingModule({
      imports: [ProbeModule.forRoot(testEnv())],
      controllers: [Awkward],
    }).compile();
    // As every service starts: connectMicroservice, init, startAllMicroservices.
    return startJetStream(
      moduleRef.createNestApplication<NestExpressApplication>({ logger: false }),
    );
  }

  it('@Payload() gives the data and @Ctx() the JetStream message, envelope and delivery', async () => {
    app = await boot();
    const probe = app.get(Probe);
    const payload = withdrawal();
    const published = await app.get(EventPublisher).publish('consultation.withdrawn', payload);

    await waitFor(() => probe.deliveries.length === 1, { description: 'the delivery' });
    expect(probe.lastPayload).toEqual(payload);
    const context = probe.lastContext!;
    expect(context.getEnvelope().id).toBe(published.envelope.id);
    expect(context.getMessage().info.streamSequence).toBe(published.seq);
    expect(context.getStreamSequence()).toBe(published.seq);
    expect(context.getDeliveryCount()).toBe(1);
    expect(context.getSubject()).toBe('icb.evt.state-pm.consultation.withdrawn.v1');
    expect(context.getMessage().subject.endsWith('.evt.state-pm.consultation.withdrawn.v1')).toBe(
      true,
    );
  });

  it('with JetStreamFailureInterceptor, an exception a filter of the handler turns into a value is still naked, redelivered, then dead-lettered with its reason', async () => {
    app = await boot();
    const awkward = app.get(Awkward);
    const published = await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());
    const dlq = app.get(DeadLetterService);

    const [entry] = await waitFor(
      async () => {
        const l = await dlq.list({ consumer: 'probe-swallowed' });
        return l.length === 1 && l;
      },
      { description: 'the dead letter', timeoutMs: 20_000 },
    );
    // maxDeliver is 4 (ProbeModule): three naks, then the dead letter.
    expect(awkward.swallowed).toBe(4);
    expect(entry.record).toMatchObject({
      code: 'MAX_DELIVERIES',
      consumer: 'probe-swallowed',
      eventId: published.envelope.id,
    });
    expect(entry.record.reason).toMatch(/failed 4 deliveries; last error: cannot withdraw/);
  });

  it('a message a guard refuses is never acked: retried, then dead-lettered', async () => {
    app = await boot();
    await app.get(EventPublisher).publish('consultation.withdrawn', withdrawal());
    const dlq = app.get(DeadLetterService);
    const [entry] = await waitFor(
      async () => {
        const l = await dlq.list({ consumer: 'probe-guarded' });
        return l.length === 1 && l;
      },
      { description: 'the dead letter', timeoutMs: 20_000 },
    );
    expect(entry.record).toMatchObject({ code: 'MAX_DELIVERIES', deliveryCount: 4 });
    expect(entry.record.reason).toMatch(/Forbidden resource/);
  });

  it('JetStreamClient.emit publishes a durable event (built envelope, PubAck) that the handler gets', async () => {
    app = await boot();
    const probe = app.get(Probe);
    const client = app.get(JetStreamClient);
    const cause = app.get(EventPublisher).envelope('consultation.withdrawn', withdrawal()).envelope;
    const payload = withdrawal('emitted');

    const published = await lastValueFrom(
      client.emitEvent('consultation.withdrawn', new JetStreamRecord(payload, { causedBy: cause })),
    );
    expect(published.seq).toBeGreaterThan(0);
    expect(published.duplicate).toBe(false);
    expect(published.envelope).toMatchObject({
      source: '/icb/state-pm',
      causationid: cause.id,
      correlationid: cause.correlationid,
      data: payload,
    });
    await waitFor(() => probe.idsHandled().has(published.envelope.id), {
      description: 'the emitted event handled',
    });
  });

  it('JetStreamClient.send asks a @MessagePattern handler on icb.rpc.> and gets its answer, or its RpcException', async () => {
    app = await boot();
    const client = app.get(JetStreamClient);
    await expect(
      firstValueFrom(client.send('icb.rpc.probe.echo', { text: 'hello' })),
    ).resolves.toEqual({ echo: 'hello', subject: 'icb.rpc.probe.echo' });
    await expect(firstValueFrom(client.send('icb.rpc.probe.refuse', {}))).rejects.toEqual({
      code: 'REFUSED',
      message: 'not today',
    });
    await expect(firstValueFrom(client.send('icb.evt.probe.echo', {}))).rejects.toThrow(
      /request subjects start with icb\.rpc\./,
    );
  });
});
