import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import type { AdmittedTarget, TargetRefusal, WebhookTargetGuard } from './webhook-targets';

/** A delivery refused by the allow-list: never sent, never retried. */
export class WebhookTargetBlockedError extends Error {
  constructor(readonly refusal: TargetRefusal) {
    super(`refused by the webhook allow-list (${refusal.code}): ${refusal.message}`);
    this.name = 'WebhookTargetBlockedError';
  }
}

/** The part of `fetch` the deliverer uses. */
export type WebhookFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Statuses whose Response may have no body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for webhook POSTs that applies the allow-list at every step: the
 * URL must be admitted (the list may have shrunk since the subscription was
 * made), and the connection uses only addresses the guard accepts, checked in
 * the socket's own DNS lookup, so the address checked is the address
 * connected to (no window for DNS rebinding). Redirects are never followed:
 * a 3xx comes back as it is, and the deliverer fails the delivery.
 */
export function guardedFetch(guard: WebhookTargetGuard): WebhookFetch {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const admitted = guard.admit(url);
      if ('code' in admitted) {
        reject(new WebhookTargetBlockedError(admitted));
        return;
      }
      const host = admitted.url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (isIP(host) !== 0) {
        // An IP literal: no lookup will run, so the address is checked here.
        const problem = guard.addressProblem(admitted, host);
        if (problem) {
          reject(blocked(problem));
          return;
        }
      }
      const options: RequestOptions = {
        method: init.method ?? 'POST',
        headers: init.headers as Record<string, string>,
        signal: init.signal ?? undefined,
        lookup: checkedLookup(guard, admitted),
        agent: false,
      };
      const send = admitted.url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(admitted.url, options, (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value === undefined) continue;
          headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        try {
          const body = NULL_BODY.has(status)
            ? null
            : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>);
          if (body === null) res.resume();
          resolve(new Response(body, { status, headers }));
        } catch (error) {
          res.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

function blocked(message: string): WebhookTargetBlockedError {
  return new WebhookTargetBlockedError({ code: 'WEBHOOK_TARGET_FORBIDDEN_ADDRESS', message });
}

/** The socket's DNS lookup: the guard's resolver, then every address checked. */
function checkedLookup(guard: WebhookTargetGuard, target: AdmittedTarget): LookupFunction {
  return (hostname, options, callback) => {
    guard.addressesOf(target.url).then(
      (addresses) => {
        for (const address of addresses) {
          const problem = guard.addressProblem(target, address);
          if (problem) {
            callback(blocked(problem), '', 4);
            return;
          }
        }
        const family = options.family === 6 ? 6 : options.family === 4 ? 4 : 0;
        const usable = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => family === 0 || a.family === family);
        if (usable.length === 0) {
          const error = Object.assign(new Error(`${hostname} has no IPv${family} address`), {
            code: 'ENOTFOUND',
          });
          callback(error, '', 4);
          return;
        }
        if (options.all) {
          (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}
