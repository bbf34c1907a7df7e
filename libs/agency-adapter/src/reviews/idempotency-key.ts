import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Agency, MessageName } from '@icb/contracts';
import { derivedEventId } from '@icb/messaging';
import { InvalidReviewRequestError } from './reviews.errors';

/** The request header that makes an answer safe to retry (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** 1 to 255 visible ASCII characters: a UUID is the usual choice. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** What the OpenAPI document says of the header (`@ApiHeader`). */
export const IDEMPOTENCY_KEY_DOC = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description:
    'Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made ' +
    'once per intended answer) on the same endpoint and consultation gives the same event id, ' +
    'which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies ' +
    'once. Send it when you may retry after a lost answer or a 503; without it every request ' +
    'publishes a new event. Reusing a key for a different answer publishes nothing new.',
  schema: {
    type: 'string',
    minLength: 1,
    maxLength: 255,
    pattern: KEY.source,
    example: '6f1c2d3e-8a9b-4c5d-9e0f-1a2b3c4d5e6f',
  },
} as const;

/**
 * The request's `Idempotency-Key` header (a parameter decorator, so the
 * OpenAPI document shows the header once, as `@ApiHeader(IDEMPOTENCY_KEY_DOC)` describes it).
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[
      IDEMPOTENCY_KEY_HEADER.toLowerCase()
    ];
    return Array.isArray(value) ? value.join(', ') : value;
  },
);

/** The key, when the request has one; InvalidReviewRequestError (400) when it is malformed. */
export function checkIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!KEY.test(value)) {
    throw new InvalidReviewRequestError([
      `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters`,
    ]);
  }
  return value;
}

/**
 * The event id of an agency's answer sent with an Idempotency-Key: derived
 * from the agency, the key, the message and the consultation, so a retry of
 * the same request publishes the same id (JetStream's `Nats-Msg-Id`).
 */
export function idempotentEventId(
  agency: Agency,
  key: string,
  message: MessageName,
  consultationId: string,
): string {
  return derivedEventId(`idempotency-key:${agency}:${key}`, `${message}:${consultationId}`);
}
