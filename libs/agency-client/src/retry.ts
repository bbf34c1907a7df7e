/** One retry about to happen: after `delayMs`, attempt `attempt + 1`. */
export interface RetryInfo {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetrySchedule {
  /** Time for all attempts of one call, waits included (ms). */
  deadlineMs: number;
  /** First delay; it doubles up to `maxDelayMs` (ms). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Told of each retry before its wait (logging, metrics, tests). */
  onRetry?: (info: RetryInfo) => void;
  random?: () => number;
}

/** What to do after a failed attempt. */
export type RetryVerdict = { retry: false } | { retry: true; retryAfterMs?: number };

/**
 * Delay before attempt n+1: between half and all of `base * 2^(n-1)`, capped
 * at `max` ("equal jitter": never 0, and clients that failed together spread out).
 */
export function backoffMs(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Runs `attempt` until it succeeds, `verdict` says the error is final, or the
 * deadline would pass before the next attempt: then the last error is
 * thrown. A server's `Retry-After` replaces the backoff; one that runs past
 * the deadline is not waited for.
 */
export async function withRetries<T>(
  attempt: (n: number, deadline: number) => Promise<T>,
  verdict: (error: unknown) => RetryVerdict,
  schedule: RetrySchedule,
): Promise<T> {
  const deadline = Date.now() + schedule.deadlineMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n, deadline);
    } catch (error) {
      const v = verdict(error);
      if (!v.retry) throw error;
      const delayMs =
        v.retryAfterMs ?? backoffMs(n, schedule.baseDelayMs, schedule.maxDelayMs, schedule.random);
      if (Date.now() + delayMs >= deadline) throw error;
      schedule.onRetry?.({ attempt: n, delayMs, error });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Socket and DNS failures (Node's `code`, undici's for `fetch`). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * NATS and network failures that are worth another attempt: a request that
 * timed out, no responders (JetStream restarting or electing a leader), the
 * connection away and reconnecting, JetStream answering 503, a refused or
 * reset socket. Not a closed or draining connection: the client is closing.
 */
export function isRetryableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; status?: unknown; cause?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (name.includes('Timeout')) return true;
  if (['NoResponders', 'JetStreamNotEnabled', 'ConnectionError'].includes(name)) return true;
  if (name === 'JetStreamApiError' && typeof e.status === 'number') {
    return [408, 429, 503, 504].includes(e.status);
  }
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some((x) => isRetryableError(x, depth + 1))) return true;
  return isRetryableError(e.cause, depth + 1);
}
