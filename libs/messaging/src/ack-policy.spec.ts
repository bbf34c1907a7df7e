import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { decideAck } from './ack-policy';
import { PermanentMessageError, TransientMessageError } from './messaging.errors';

const policy = { maxDeliver: 4, backoffMs: [100, 500, 2000] };

describe('decideAck', () => {
  it('acks a message whose handler succeeded', () => {
    expect(decideAck({ ok: true }, 1, policy)).toEqual({ action: 'ack' });
  });

  it.each([
    [1, 100],
    [2, 500],
    [3, 2000],
  ])('naks a transient failure on delivery %i with a %i ms delay', (delivery, delay) => {
    expect(decideAck({ ok: false, error: new Error('db down') }, delivery, policy)).toEqual({
      action: 'nak',
      delayMs: delay,
      reason: 'db down',
    });
  });

  it('repeats the last backoff step when deliveries outnumber the steps', () => {
    const long = { maxDeliver: 10, backoffMs: [10, 20] };
    expect(decideAck({ ok: false, error: new Error('x') }, 7, long)).toMatchObject({ delayMs: 20 });
  });

  it('dead-letters a transient failure once deliveries are used up, keeping the last error', () => {
    const d = decideAck(
      { ok: false, error: new TransientMessageError('DB', 'db down') },
      4,
      policy,
    );
    expect(d).toEqual({
      action: 'dead-letter',
      code: 'MAX_DELIVERIES',
      reason: 'failed 4 deliveries; last error: db down',
    });
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

  it('treats a 5xx as transient', () => {
    expect(
      decideAck({ ok: false, error: new ServiceUnavailableException() }, 1, policy),
    ).toMatchObject({
      action: 'nak',
    });
  });
});
