import type { Envelope } from '@icb/contracts';
import { parseRetryAfter } from '../http/retry-after';
import { WebhookTargetBlockedError, type WebhookFetch } from './webhook-http';
import { webhookHeaders } from './webhook-signature';
import type { WebhookSubscription } from './webhook-subscription';

export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
const USER_AGENT = 'icb-webhooks/1';
const ERROR_SNIPPET_BYTES = 256;

/** What one POST to an endpoint came to, before the retry policy weighs it. */
export type SendOutcome =
  | { kind: 'delivered'; httpStatus: number }
  | { kind: 'gone'; httpStatus: number; error: string }
  | { kind: 'permanent'; httpStatus?: number; error: string }
  | { kind: 'retryable'; httpStatus?: number; error: string; retryAfterMs?: number };

/** How requests go out: the (allow-listed) fetch, the per-attempt timeout, the clock (epoch ms). */
export interface WebhookSender {
  fetch: WebhookFetch;
  timeoutMs: number;
  now: () => number;
}

/** One attempt's request: the same body and delivery id on every attempt. */
export interface WebhookRequest {
  subscription: WebhookSubscription;
  envelope: Envelope;
  deliveryId: string;
  /** 1-based. */
  attempt: number;
  /** The envelope as JSON, the bytes that are signed and sent. */
  body: string;
  /** Epoch ms of the signature's timestamp. */
  nowMs: number;
}

/**
 * One signed POST of the CloudEvents envelope (structured mode) to a
 * subscription's URL, classified:
 *
 * - 2xx: delivered.
 * - 410 Gone: the endpoint is retired.
 * - 408, 429, 5xx, network errors, timeouts: retryable (with the endpoint's `Retry-After`).
 * - Any other status (3xx included: redirects are not followed) is permanent.
 * - A target the allow-list refuses is permanent, and nothing is sent.
 */
export async function sendWebhook(
  { fetch, timeoutMs, now }: WebhookSender,
  { subscription, envelope, deliveryId, attempt, body, nowMs }: WebhookRequest,
): Promise<SendOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(subscription.url, {
      method: 'POST',
      redirect: 'manual',
      signal: controller.signal,
      headers: {
        'Content-Type': WEBHOOK_CONTENT_TYPE,
        'User-Agent': USER_AGENT,
        ...webhookHeaders({
          deliveryId,
          eventId: envelope.id,
          eventType: envelope.type,
          attempt,
          rawBody: body,
          secret: subscription.secret,
          timestampSeconds: Math.floor(nowMs / 1000),
        }),
      },
      body,
    });
    const status = response.status;
    if (status >= 200 && status < 300) {
      await response.body?.cancel();
      return { kind: 'delivered', httpStatus: status };
    }
    const error = `HTTP ${status}${await snippet(response)}`;
    if (status === 410) return { kind: 'gone', httpStatus: status, error };
    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return retryAfterMs === undefined
        ? { kind: 'retryable', httpStatus: status, error }
        : { kind: 'retryable', httpStatus: status, error, retryAfterMs };
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      return {
        kind: 'permanent',
        httpStatus: status,
        error: `${error}; redirect${location ? ` to ${location}` : ''} not followed: webhooks go only to the registered URL`,
      };
    }
    return { kind: 'permanent', httpStatus: status, error };
  } catch (err) {
    // Not on the allow-list (any more), or resolving to a forbidden address: never retried.
    if (err instanceof WebhookTargetBlockedError) return { kind: 'permanent', error: err.message };
    const error = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(err);
    return { kind: 'retryable', error };
  } finally {
    clearTimeout(timer);
  }
}

/** The start of an error response body, on one line, for the log (`: <text>`), or ''. */
async function snippet(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_SNIPPET_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const value = chunk.value as Uint8Array;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // The body is only for the log; a broken one is not the delivery's outcome.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks)
    .subarray(0, ERROR_SNIPPET_BYTES)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? '' : `: ${text}`;
}

/** A fetch failure as a person reads it: `fetch failed (ECONNREFUSED)`. */
function describe(err: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (e.g. under Jest), failing `instanceof`.
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  if (typeof e?.message !== 'string') return String(err);
  const detail = typeof e.cause?.code === 'string' ? e.cause.code : e.cause?.message;
  return typeof detail === 'string' ? `${e.message} (${detail})` : e.message;
}
