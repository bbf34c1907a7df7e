import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import { PublishValidationError, TransientMessageError } from '@icb/messaging';
import { AdapterErrorFilter, answerFor } from './reviews.filter';
import {
  CoordinatorUnavailableError,
  InvalidReviewRequestError,
  ReviewNotFoundError,
  SignOffRefusedError,
} from './reviews.errors';

/** An error shaped like nats.js's (they are matched by name, as the messaging library does). */
function natsError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('answerFor: every adapter error as an HTTP answer', () => {
  it.each<[string, number, number | undefined, unknown]>([
    ['the coordinator unreachable', 503, 5, new CoordinatorUnavailableError('down')],
    [
      'the coordinator asking for 30 s',
      503,
      30,
      new CoordinatorUnavailableError('busy', { retryAfterSeconds: 30 }),
    ],
    ['a NATS publish timeout', 503, 5, natsError('TimeoutError', 'timeout')],
    ['no JetStream responders', 503, 5, natsError('JetStreamNotEnabled', 'no responders')],
    ['a draining connection', 503, 5, natsError('DrainingConnectionError', 'draining')],
    ['a transient message error', 503, 5, new TransientMessageError('X', 'later')],
    ['an invalid request', 400, undefined, new InvalidReviewRequestError(['/a bad'])],
    ['an invalid event', 400, undefined, new PublishValidationError('x', ['/b bad'])],
    ['no such review', 404, undefined, new ReviewNotFoundError('no consultation')],
    ['a refusal by the agency’s rule', 409, undefined, new SignOffRefusedError('HELD', 'held')],
    ['a Nest 400', 400, undefined, new BadRequestException(['x must be a string'])],
    ['a Nest 404', 404, undefined, new NotFoundException('no webhook')],
    ['a bug', 500, undefined, new TypeError('x is undefined')],
  ])('%s: %i, Retry-After %s', (_what, status, retryAfter, error) => {
    const a = answerFor(error);
    expect(a.status).toBe(status);
    expect(a.retryAfterSeconds).toBe(retryAfter);
    expect(a.body.statusCode).toBe(status);
  });

  it('names what was unavailable and says to retry with the same key', () => {
    const a = answerFor(natsError('TimeoutError', 'timeout'));
    expect(a.body).toMatchObject({
      error: 'Service Unavailable',
      code: 'BUS_UNAVAILABLE',
      message: expect.stringMatching(/bus did not confirm.*Idempotency-Key/) as unknown,
    });
  });

  it('keeps Nest’s own body for its HTTP exceptions', () => {
    expect(answerFor(new BadRequestException(['a bad'])).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['a bad'],
    });
  });

  it('hides a bug’s message', () => {
    expect(answerFor(new Error('secret detail')).body).toEqual({
      statusCode: 500,
      message: 'Internal server error',
    });
  });
});

describe('AdapterErrorFilter', () => {
  function host() {
    const sent: { status?: number; body?: unknown; headers: Record<string, string> } = {
      headers: {},
    };
    const response = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status: (code: number) => {
        sent.status = code;
        return { json: (body: unknown) => (sent.body = body) };
      },
    };
    const h = {
      switchToHttp: () => ({ getResponse: () => response }),
    } as unknown as ArgumentsHost;
    return { h, sent };
  }

  it('sets Retry-After on a 503', () => {
    const { h, sent } = host();
    new AdapterErrorFilter().catch(natsError('TimeoutError', 'timeout'), h);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('5');
  });

  it('sets no Retry-After on a 404', () => {
    const { h, sent } = host();
    new AdapterErrorFilter().catch(new ReviewNotFoundError('none'), h);
    expect(sent.status).toBe(404);
    expect(sent.headers).toEqual({});
  });
});
