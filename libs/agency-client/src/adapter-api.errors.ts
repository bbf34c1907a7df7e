import { AgencyClientError } from './agency-client.errors';
import type { Verdict } from './adapter-api.types';

/** Statuses that mean "try again later": timeout, throttled, the adapter or what it needs away. */
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

/**
 * The adapter answered with an error, or could not be reached before the
 * deadline. `status` is undefined when no answer came; `code` is the
 * adapter's (`COORDINATOR_UNAVAILABLE`, `BUS_UNAVAILABLE`, ...), else
 * `HTTP_<status>` or `UNREACHABLE`.
 */
export class AdapterApiError extends AgencyClientError {
  constructor(
    code: string,
    message: string,
    readonly status: number | undefined,
    readonly body: unknown,
    /** The adapter's `Retry-After` (seconds), when it sent one. */
    readonly retryAfterSeconds: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** Whether trying the same request later may succeed (503, 429, no answer...). */
  get retryable(): boolean {
    return this.status === undefined || RETRY_STATUSES.has(this.status);
  }

  /**
   * The coordinator's verdict when it refused the answer (a 409 or 422 with
   * `verdict`, ADR 11): `code` is then the refusal's code (`STALE_REVISION`,
   * ...). Undefined for any other error, including the agency's own rules.
   */
  get refusal(): Verdict | undefined {
    const verdict = (this.body as { verdict?: Verdict } | undefined)?.verdict;
    return verdict?.outcome === 'refused' ? verdict : undefined;
  }
}

/** `Retry-After` (delta-seconds or an HTTP date) in seconds, or undefined. */
export function retryAfterSeconds(value: string | null): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
