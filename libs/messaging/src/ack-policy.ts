import { HttpException } from '@nestjs/common';
import { PermanentMessageError, TransientMessageError } from './messaging.errors';

/** What the consumer does with a message once its handler has run. */
export type AckDecision =
  | { action: 'ack' }
  | { action: 'nak'; delayMs: number; reason: string }
  | { action: 'dead-letter'; code: string; reason: string };

export interface RetryPolicy {
  /** Deliveries before a failing message is dead-lettered (the consumer's max_deliver). */
  maxDeliver: number;
  /** Delay before the n-th redelivery (the last entry repeats). */
  backoffMs: readonly number[];
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/** Whether an error means the message can never succeed. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentMessageError) return true;
  if (error instanceof TransientMessageError) return false;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Client errors are the message's fault, except timeouts and throttling.
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
  return false;
}

export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  if (error instanceof HttpException) return `HTTP_${error.getStatus()}`;
  return 'HANDLER_FAILED';
}

export function errorMessage(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'object' && body && 'message' in body) {
      const m = body.message;
      return Array.isArray(m) ? m.join('; ') : String(m);
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Decides ack, nak with delay, or dead-letter, from the handler's outcome and
 * how many times the message has been delivered (1 on the first delivery).
 */
export function decideAck(
  outcome: { ok: true } | { ok: false; error: unknown },
  deliveryCount: number,
  policy: RetryPolicy,
): AckDecision {
  if (outcome.ok) return { action: 'ack' };
  const reason = errorMessage(outcome.error);
  if (isPermanent(outcome.error)) {
    return { action: 'dead-letter', code: errorCode(outcome.error), reason };
  }
  if (deliveryCount >= policy.maxDeliver) {
    return {
      action: 'dead-letter',
      code: 'MAX_DELIVERIES',
      reason: `failed ${deliveryCount} deliveries; last error: ${reason}`,
    };
  }
  const backoff = policy.backoffMs.length > 0 ? policy.backoffMs : DEFAULT_BACKOFF_MS;
  const delayMs = backoff[Math.min(deliveryCount - 1, backoff.length - 1)];
  return { action: 'nak', delayMs, reason };
}
