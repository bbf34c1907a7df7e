import {
  BadRequestException,
  ConflictException,
  GatewayTimeoutException,
  HttpException,
  InternalServerErrorException,
  NotImplementedException,
  RequestTimeoutException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { classifyError, decideAck, FailureKind, retryDelayMs } from './ack-policy';
import {
  PermanentMessageError,
  PublishValidationError,
  TransientMessageError,
} from './messaging.errors';

const policy = { maxDeliver: 4, backoffMs: [100, 500, 2000] };
const noJitter = () => 0;

/** An error shaped like the ones Node, undici, the MongoDB driver and nats.js throw. */
function shaped(name: string, props: Record<string, unknown> = {}, message = name): Error {
  const e = new Error(message);
  e.name = name;
  return Object.assign(e, props);
}

function mongoError(name: string, code?: number, labels: string[] = []): Error {
  const e = shaped(name, code === undefined ? {} : { code });
  return Object.assign(e, { hasErrorLabel: (l: string) => labels.includes(l) });
}

describe('classifyError', () => {
  it.each<[string, unknown, FailureKind]>([
    // explicit
    ['TransientMessageError', new TransientMessageError('DB', 'db down'), 'transient'],
    ['PermanentMessageError', new PermanentMessageError('BAD', 'never'), 'permanent'],
    ['an invalid event to publish', new PublishValidationError('x', ['/a bad']), 'permanent'],
    // HTTP
    ['HTTP 503', new ServiceUnavailableException(), 'transient'],
    ['HTTP 504', new GatewayTimeoutException(), 'transient'],
    ['HTTP 502', new HttpException('bad gateway', 502), 'transient'],
    ['HTTP 408', new RequestTimeoutException(), 'transient'],
    ['HTTP 429', new HttpException('slow down', 429), 'transient'],
    ['HTTP 400', new BadRequestException(), 'permanent'],
    ['HTTP 409', new ConflictException(), 'permanent'],
    ['HTTP 500 (a bug)', new InternalServerErrorException(), 'unknown'],
    ['HTTP 501', new NotImplementedException(), 'unknown'],
    // network
    ['ECONNREFUSED', shaped('Error', { code: 'ECONNREFUSED' }), 'transient'],
    ['ECONNRESET', shaped('Error', { code: 'ECONNRESET' }), 'transient'],
    ['ETIMEDOUT', shaped('Error', { code: 'ETIMEDOUT' }), 'transient'],
    ['EPIPE', shaped('Error', { code: 'EPIPE' }), 'transient'],
    [
      'fetch failed, caused by a refused connection',
      new TypeError('fetch failed', { cause: shaped('Error', { code: 'ECONNREFUSED' }) }),
      'transient',
    ],
    [
      'fetch failed, caused by an AggregateError of refused addresses',
      new TypeError('fetch failed', {
        cause: new AggregateError([shaped('Error', { code: 'ECONNREFUSED' })]),
      }),
      'transient',
    ],
    ['AbortSignal.timeout', shaped('TimeoutError'), 'transient'],
    // MongoDB
    ['MongoNetworkError', mongoError('MongoNetworkError'), 'transient'],
    ['MongoNetworkTimeoutError', mongoError('MongoNetworkTimeoutError'), 'transient'],
    ['MongoServerSelectionError', mongoError('MongoServerSelectionError'), 'transient'],
    ['MongooseServerSelectionError', mongoError('MongooseServerSelectionError'), 'transient'],
    ['MongoNotConnectedError', mongoError('MongoNotConnectedError'), 'transient'],
    ['a primary stepping down', mongoError('MongoServerError', 189), 'transient'],
    ['a retryable write', mongoError('MongoServerError', 1, ['RetryableWriteError']), 'transient'],
    [
      'mongoose buffering timed out',
      shaped('MongooseError', {}, 'Operation `x.find()` buffering timed out after 10000ms'),
      'transient',
    ],
    ['a duplicate key', mongoError('MongoServerError', 11000), 'unknown'],
    // NATS
    ['a NATS request timeout', shaped('TimeoutError'), 'transient'],
    ['no responders', shaped('NoResponders'), 'transient'],
    ['no responders on a JetStream publish', shaped('JetStreamNotEnabled'), 'transient'],
    ['a draining connection', shaped('DrainingConnectionError'), 'transient'],
    [
      'a JetStream API 503',
      Object.assign(shaped('JetStreamApiError'), { status: 503 }),
      'transient',
    ],
    ['a JetStream API 400', Object.assign(shaped('JetStreamApiError'), { status: 400 }), 'unknown'],
    // anything else
    ['a TypeError (a bug)', new TypeError('x is undefined'), 'unknown'],
    ['a string', 'oops', 'unknown'],
    ['undefined', undefined, 'unknown'],
  ])('%s is %s', (_what, error, kind) => {
    expect(classifyError(error)).toBe(kind);
  });

  it('an explicit permanent error wins over a transient cause', () => {
    const e = new PermanentMessageError('BAD', 'bad', {
      cause: shaped('Error', { code: 'ECONNREFUSED' }),
    });
    expect(classifyError(e)).toBe('permanent');
  });

  it('follows a cause chain only so deep', () => {
    let e: unknown = shaped('Error', { code: 'ECONNRESET' });
    for (let i = 0; i < 10; i++) e = new Error(`wrap ${i}`, { cause: e });
    expect(classifyError(e)).toBe('unknown');
  });
});

describe('decideAck', () => {
  it('acks a message whose handler succeeded', () => {
    expect(decideAck({ ok: true }, 1, policy)).toEqual({ action: 'ack' });
  });

  it.each([
    [1, 100],
    [2, 500],
    [3, 2000],
  ])('naks an unknown failure on delivery %i with a %i ms delay', (delivery, delay) => {
    expect(
      decideAck({ ok: false, error: new Error('db down') }, delivery, policy, noJitter),
    ).toEqual({
      action: 'nak',
      delayMs: delay,
      reason: 'db down',
      code: 'HANDLER_FAILED',
      transient: false,
    });
  });

  it('repeats the last backoff step when deliveries outnumber the steps (the cap)', () => {
    const long = { maxDeliver: 10, backoffMs: [10, 20] };
    expect(decideAck({ ok: false, error: new Error('x') }, 7, long, noJitter)).toMatchObject({
      delayMs: 20,
    });
  });

  it('dead-letters an unknown failure once deliveries are used up, keeping the last error', () => {
    const d = decideAck({ ok: false, error: new Error('still broken') }, 4, policy);
    expect(d).toEqual({
      action: 'dead-letter',
      code: 'MAX_DELIVERIES',
      reason: 'failed 4 deliveries; last error: still broken',
    });
  });

  it.each([4, 5, 100, 10_000])(
    'never dead-letters a transient failure, even on delivery %i: retried at the capped delay',
    (delivery) => {
      const d = decideAck(
        { ok: false, error: new TransientMessageError('COORDINATOR_UNAVAILABLE', 'HTTP 503') },
        delivery,
        policy,
        noJitter,
      );
      expect(d).toEqual({
        action: 'nak',
        delayMs: 2000,
        reason: 'HTTP 503',
        code: 'COORDINATOR_UNAVAILABLE',
        transient: true,
      });
    },
  );

  it('never dead-letters a database that stays unreachable', () => {
    const d = decideAck(
      { ok: false, error: mongoError('MongoServerSelectionError') },
      50,
      policy,
      noJitter,
    );
    expect(d).toMatchObject({ action: 'nak', transient: true, delayMs: 2000 });
  });

  it('dead-letters a permanent failure on its first delivery with its code', () => {
    const d = decideAck(
      {
        ok: false,
        error: new PermanentMessageError('UNKNOWN_CONSULTATION', 'no such consultation'),
      },
      1,
      policy,
    );
    expect(d).toEqual({
      action: 'dead-letter',
      code: 'UNKNOWN_CONSULTATION',
      reason: 'no such consultation',
    });
  });

  it('treats a 4xx from a Nest pipe or guard as permanent, with its messages', () => {
    const d = decideAck(
      { ok: false, error: new BadRequestException(['a is bad', 'b is bad']) },
      1,
      policy,
    );
    expect(d).toEqual({ action: 'dead-letter', code: 'HTTP_400', reason: 'a is bad; b is bad' });
  });

  it('treats a 503 as transient', () => {
    expect(
      decideAck({ ok: false, error: new ServiceUnavailableException() }, 1, policy),
    ).toMatchObject({ action: 'nak', transient: true, code: 'HTTP_503' });
  });
});

describe('retryDelayMs', () => {
  it('adds at most the jitter fraction, never less than the table', () => {
    const p = { backoffMs: [1000], jitter: 0.25 };
    expect(retryDelayMs(1, p, () => 0)).toBe(1000);
    expect(retryDelayMs(1, p, () => 0.5)).toBe(1125);
    expect(retryDelayMs(1, p, () => 0.999999)).toBe(1250);
  });

  it('falls back to the default table when none is given', () => {
    expect(retryDelayMs(1, { backoffMs: [] }, () => 0)).toBe(1000);
    expect(retryDelayMs(99, { backoffMs: [] }, () => 0)).toBe(60_000);
  });
});
