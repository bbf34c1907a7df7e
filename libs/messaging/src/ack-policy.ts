import { HttpException } from '@nestjs/common';
import {
  PermanentMessageError,
  PublishForbiddenError,
  PublishValidationError,
  TransientMessageError,
} from './messaging.errors';

/**
 * What a failure says about the message (ADR 10):
 *
 * - `transient`: a dependency is slow or away (coordinator 503, database or
 *   NATS timeout, connection refused). Retried with capped backoff for as long
 *   as it takes: never dead-lettered for running out of deliveries.
 * - `permanent`: the message can never succeed. Dead-lettered at once.
 * - `unknown`: anything else, most likely a bug. Retried, then dead-lettered
 *   with `MAX_DELIVERIES` once `maxDeliver` deliveries are used.
 */
export type FailureKind = 'transient' | 'permanent' | 'unknown';

/** What the consumer does with a message once its handler has run. */
export type AckDecision =
  | { action: 'ack' }
  | {
      action: 'nak';
      delayMs: number;
      reason: string;
      code: string;
      /** True when the failure is transient (retried forever), false when unknown (counted). */
      transient: boolean;
    }
  | { action: 'dead-letter'; code: string; reason: string };

export interface RetryPolicy {
  /**
   * Deliveries after which a message whose handler keeps failing with an
   * unknown error is dead-lettered. Transient failures are not limited by it
   * (the JetStream consumer's own max_deliver is unlimited: this policy counts).
   */
  maxDeliver: number;
  /** Delay before the n-th redelivery (the last entry repeats: the cap). */
  backoffMs: readonly number[];
  /**
   * Up to this fraction is added to each delay at random (0.25: up to +25%),
   * so messages that failed together do not all come back in the same instant.
   */
  jitter?: number;
}

/** 1 s doubling-ish to a 60 s cap. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
export const DEFAULT_JITTER = 0.25;

/** HTTP statuses that mean "try again later": timeout, throttled, upstream away. */
const TRANSIENT_HTTP = new Set([408, 429, 502, 503, 504]);

/** Socket and DNS failures (Node's `code`, undici's for `fetch`). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Error names of the MongoDB driver, mongoose and the NATS client that mean "not reachable right now". */
const TRANSIENT_NAMES = new Set([
  'MongoNetworkError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  // NATS: no responders (JetStream restarting or electing a leader), the connection closing or away.
  'NoResponders',
  'JetStreamNotEnabled',
  'ConnectionError',
  'ClosedConnectionError',
  'DrainingConnectionError',
]);

/** MongoDB server error codes of a primary stepping down, a shutdown, or an overloaded server. */
const TRANSIENT_MONGO_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  50, // MaxTimeMSExpired
  89, // NetworkTimeout
  91, // ShutdownInProgress
  112, // WriteConflict
  134, // ReadConcernMajorityNotAvailableYet
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

const TRANSIENT_MONGO_LABELS = [
  'RetryableWriteError',
  'TransientTransactionError',
  'ResetPool',
  'SystemOverloadedError',
];

/** How deep `cause` chains are followed (a wrapped fetch or driver error). */
const MAX_CAUSE_DEPTH = 5;

/** Whether one error (not its causes) is a known transient failure. */
function looksTransient(error: object): boolean {
  const e = error as {
    name?: unknown;
    code?: unknown;
    status?: unknown;
    message?: unknown;
    hasErrorLabel?: unknown;
  };
  const name = typeof e.name === 'string' ? e.name : '';
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (TRANSIENT_NAMES.has(name)) return true;
  // TimeoutError (NATS, AbortSignal.timeout), MongoNetworkTimeoutError, ConnectTimeoutError, ...
  if (name.includes('Timeout')) return true;
  if (name.startsWith('Mongo')) {
    if (typeof e.code === 'number' && TRANSIENT_MONGO_CODES.has(e.code)) return true;
    if (typeof e.hasErrorLabel === 'function') {
      const has = e.hasErrorLabel as (label: string) => boolean;
      if (TRANSIENT_MONGO_LABELS.some((label) => has.call(error, label))) return true;
    }
    // mongoose queues operations while disconnected and gives up after `bufferTimeoutMS`.
    if (typeof e.message === 'string' && /buffering timed out/i.test(e.message)) return true;
  }
  // JetStream API errors carry an HTTP-like status (503: JetStream temporarily unavailable).
  if (name === 'JetStreamApiError' && typeof e.status === 'number') {
    return TRANSIENT_HTTP.has(e.status);
  }
  if (name === 'JetStreamStatusError' && typeof e.code === 'number') {
    return TRANSIENT_HTTP.has(e.code);
  }
  return false;
}

/** Classifies what a handler threw: transient, permanent, or unknown (see FailureKind). */
export function classifyError(error: unknown, depth = 0): FailureKind {
  if (error instanceof PermanentMessageError) return 'permanent';
  // Publishing an invalid or forbidden event fails the same way every time.
  if (error instanceof PublishValidationError || error instanceof PublishForbiddenError) {
    return 'permanent';
  }
  if (error instanceof TransientMessageError) return 'transient';
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (TRANSIENT_HTTP.has(status)) return 'transient';
    // Other client errors are the message's fault; other 5xx (500, 501) are bugs.
    return status >= 400 && status < 500 ? 'permanent' : 'unknown';
  }
  if (!error || typeof error !== 'object') return 'unknown';
  if (looksTransient(error)) return 'transient';
  if (depth >= MAX_CAUSE_DEPTH) return 'unknown';
  // AggregateError: fetch tries each address of a host; any network failure counts.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some((e) => classifyError(e, depth + 1) === 'transient')) {
    return 'transient';
  }
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? 'unknown' : classifyError(cause, depth + 1);
}

/** Whether an error means the message can never succeed. */
export function isPermanent(error: unknown): boolean {
  return classifyError(error) === 'permanent';
}

/** Whether an error means "try again later" (retried without limit). */
export function isTransient(error: unknown): boolean {
  return classifyError(error) === 'transient';
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
 * The delay before redelivery n+1 (`deliveryCount` = n): the backoff table's
 * n-th entry, its last one repeating, plus up to `jitter` of it at random.
 */
export function retryDelayMs(
  deliveryCount: number,
  policy: Pick<RetryPolicy, 'backoffMs' | 'jitter'>,
  random: () => number = Math.random,
): number {
  const backoff = policy.backoffMs.length > 0 ? policy.backoffMs : DEFAULT_BACKOFF_MS;
  const base = backoff[Math.min(Math.max(deliveryCount, 1) - 1, backoff.length - 1)];
  const jitter = Math.min(Math.max(policy.jitter ?? 0, 0), 1);
  return Math.round(base * (1 + jitter * random()));
}

/**
 * Decides ack, nak with delay, or dead-letter, from the handler's outcome and
 * how many times the message has been delivered (1 on the first delivery).
 */
export function decideAck(
  outcome: { ok: true } | { ok: false; error: unknown },
  deliveryCount: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): AckDecision {
  if (outcome.ok) return { action: 'ack' };
  const reason = errorMessage(outcome.error);
  const code = errorCode(outcome.error);
  const kind = classifyError(outcome.error);
  if (kind === 'permanent') return { action: 'dead-letter', code, reason };
  if (kind === 'unknown' && deliveryCount >= policy.maxDeliver) {
    return {
      action: 'dead-letter',
      code: 'MAX_DELIVERIES',
      reason: `failed ${deliveryCount} deliveries; last error: ${reason}`,
    };
  }
  return {
    action: 'nak',
    delayMs: retryDelayMs(deliveryCount, policy, random),
    reason,
    code,
    transient: kind === 'transient',
  };
}
