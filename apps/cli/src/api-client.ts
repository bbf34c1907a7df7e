import type {
  AgencyQueue,
  AuditLogPage,
  AuditVerification,
  ConsultationDetail,
  ConsultationPage,
  ConsultationStats,
  DeadLetterList,
  DevClock,
  HealthReport,
  ListQuery,
  ReplayResult,
  SseEvent,
  Verdict,
  WithheldConsultation,
} from './api.types';
import {
  ApiUnreachableError,
  AuthError,
  CliError,
  NotFoundError,
  RefusedError,
  UnexpectedResponseError,
  ValidationFailedError,
} from './cli.errors';
import { SseParser } from './sse-parser';

/** What the commands ask of the coordinator. Tests give a fake. */
export interface ApiClient {
  readonly baseUrl: string;
  /** `/health`: answered with 200 (all up) or 503 (a part down); both are reports. */
  health(): Promise<{ up: boolean; report: HealthReport }>;
  stats(): Promise<ConsultationStats>;
  listConsultations(query: ListQuery): Promise<ConsultationPage>;
  consultation(id: string): Promise<ConsultationDetail | WithheldConsultation>;
  agencyQueue(agency: string, page: { limit?: number; offset?: number }): Promise<AgencyQueue>;
  verifyAudit(id: string): Promise<AuditVerification>;
  /** One page of a consultation's exported log (`/consultations/{id}/audit/log`). */
  auditLog(id: string, page: { after: number; limit: number }): Promise<AuditLogPage>;
  /**
   * `/events`: the events as they come, until the stream ends or `signal`
   * aborts. `onOpen` is called once the coordinator accepted the stream.
   */
  events(
    query: { consultationId?: string; type?: string },
    opts: { signal: AbortSignal; onOpen?: () => void },
  ): AsyncIterable<SseEvent>;
  deadLetters(query: { limit?: number; consumer?: string }): Promise<DeadLetterList>;
  replayDeadLetter(seq: number): Promise<ReplayResult>;
  discardDeadLetter(seq: number): Promise<void>;
  devClock(): Promise<DevClock>;
  advanceDevClock(by: { days?: number; hours?: number; minutes?: number }): Promise<DevClock>;
  /** The coordinator's verdict on a message; undefined while it has none (ADR 11). */
  verdict(eventId: string): Promise<Verdict | undefined>;
}

/** How long a request may take before the coordinator counts as unreachable. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** What Nest answers with for an error (`ApiErrorDto`). */
interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
}

function messagesOf(body: unknown): string[] {
  const m = (body as ApiErrorBody | undefined)?.message;
  if (Array.isArray(m)) return m.map(String);
  return typeof m === 'string' ? [m] : [];
}

/** An endpoint Nest does not have answers 404 "Cannot GET /path". */
function isMissingRoute(body: unknown): boolean {
  return messagesOf(body).some((m) => /^Cannot (GET|POST|PUT|PATCH|DELETE) \//.test(m));
}

/** What a request that never got an answer becomes. */
function unreachable(baseUrl: string, error: unknown): CliError {
  const timedOut =
    error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  const message = timedOut
    ? `the coordinator at ${baseUrl} did not answer in time`
    : `cannot reach the coordinator at ${baseUrl}`;
  return new ApiUnreachableError(
    message,
    'is the stack running (npm start)? (or point --api / ICB_API_URL at it)',
    { cause: error },
  );
}

export interface HttpApiClientOptions {
  /** A fetch implementation (the global one by default). */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The `Authorization` header to send (every route but /health needs one). */
  authorization?: string;
  /** Who that is, for messages. */
  signedInAs?: string;
}

/** The coordinator's REST API over HTTP (Node's global fetch). */
export class HttpApiClient implements ApiClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly auth: Record<string, string>;
  private readonly signedInAs?: string;

  constructor(
    readonly baseUrl: string,
    options: HttpApiClientOptions = {},
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    this.auth = options.authorization ? { authorization: options.authorization } : {};
    this.signedInAs = options.signedInAs;
  }

  async health(): Promise<{ up: boolean; report: HealthReport }> {
    const { status, body } = await this.send('GET', '/health', { accept: [200, 503] });
    return { up: status === 200, report: body as HealthReport };
  }

  async stats(): Promise<ConsultationStats> {
    return (await this.send('GET', '/stats')).body as ConsultationStats;
  }

  async listConsultations(query: ListQuery): Promise<ConsultationPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query) as [
      string,
      string | string[] | number | boolean | undefined,
    ][]) {
      if (value === undefined) continue;
      params.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const qs = params.toString();
    return (await this.send('GET', `/consultations${qs ? `?${qs}` : ''}`)).body as ConsultationPage;
  }

  async consultation(id: string): Promise<ConsultationDetail | WithheldConsultation> {
    return (
      await this.send('GET', `/consultations/${encodeURIComponent(id)}`, {
        notFound: `no consultation ${id}`,
        notFoundHint: 'list consultations with: icb ls',
      })
    ).body as ConsultationDetail | WithheldConsultation;
  }

  async agencyQueue(
    agency: string,
    page: { limit?: number; offset?: number },
  ): Promise<AgencyQueue> {
    const params = new URLSearchParams();
    if (page.limit !== undefined) params.set('limit', String(page.limit));
    if (page.offset !== undefined) params.set('offset', String(page.offset));
    const qs = params.toString();
    return (
      await this.send('GET', `/agencies/${encodeURIComponent(agency)}/queue${qs ? `?${qs}` : ''}`)
    ).body as AgencyQueue;
  }

  async verifyAudit(id: string): Promise<AuditVerification> {
    return (
      await this.send('GET', `/consultations/${encodeURIComponent(id)}/audit/verify`, {
        notFound: `no consultation ${id}`,
      })
    ).body as AuditVerification;
  }

  async auditLog(id: string, page: { after: number; limit: number }): Promise<AuditLogPage> {
    const qs = new URLSearchParams({ after: String(page.after), limit: String(page.limit) });
    return (
      await this.send(
        'GET',
        `/consultations/${encodeURIComponent(id)}/audit/log?${qs.toString()}`,
        {
          notFound: `no consultation ${id}`,
        },
      )
    ).body as AuditLogPage;
  }

  async *events(
    query: { consultationId?: string; type?: string },
    { signal, onOpen }: { signal: AbortSignal; onOpen?: () => void },
  ): AsyncIterable<SseEvent> {
    const params = new URLSearchParams();
    if (query.consultationId) params.set('consultationId', query.consultationId);
    if (query.type) params.set('type', query.type);
    const qs = params.toString();
    const url = `${this.baseUrl}/events${qs ? `?${qs}` : ''}`;
    let response: Response;
    try {
      response = await this.fetch(url, {
        headers: { accept: 'text/event-stream', ...this.auth },
        signal,
      });
    } catch (error) {
      if (signal.aborted) return;
      throw unreachable(this.baseUrl, error);
    }
    if (!response.ok || !response.body) {
      const body = await response.json().catch(() => undefined);
      throw this.errorFor('GET', '/events', response.status, body, {});
    }
    onOpen?.();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (const event of parser.feed(decoder.decode(chunk, { stream: true }))) yield event;
      }
    } catch (error) {
      if (signal.aborted) return;
      throw unreachable(this.baseUrl, error);
    }
  }

  async deadLetters(query: { limit?: number; consumer?: string }): Promise<DeadLetterList> {
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.consumer) params.set('consumer', query.consumer);
    const qs = params.toString();
    return (
      await this.send('GET', `/dead-letters${qs ? `?${qs}` : ''}`, { feature: 'dead letters' })
    ).body as DeadLetterList;
  }

  async replayDeadLetter(seq: number): Promise<ReplayResult> {
    return (
      await this.send('POST', `/dead-letters/${seq}/replay`, {
        feature: 'dead letters',
        notFound: `no dead letter ${seq}`,
        notFoundHint: 'list them with: icb dlq ls',
      })
    ).body as ReplayResult;
  }

  async discardDeadLetter(seq: number): Promise<void> {
    await this.send('DELETE', `/dead-letters/${seq}`, {
      feature: 'dead letters',
      notFound: `no dead letter ${seq}`,
      notFoundHint: 'list them with: icb dlq ls',
    });
  }

  async devClock(): Promise<DevClock> {
    return (await this.send('GET', '/dev/clock', DEV_CLOCK)).body as DevClock;
  }

  async advanceDevClock(by: {
    days?: number;
    hours?: number;
    minutes?: number;
  }): Promise<DevClock> {
    return (await this.send('POST', '/dev/clock/advance', { ...DEV_CLOCK, body: by }))
      .body as DevClock;
  }

  async verdict(eventId: string): Promise<Verdict | undefined> {
    const path = `/messages/${encodeURIComponent(eventId)}/verdict`;
    const { status, body } = await this.send('GET', path, {
      accept: [404],
      feature: 'verdicts',
    });
    if (status !== 404) return body as Verdict;
    if (isMissingRoute(body))
      throw this.errorFor('GET', path, status, body, { feature: 'verdicts' });
    return undefined;
  }

  private async send(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...this.auth,
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw unreachable(this.baseUrl, error);
    }
    const text = await response.text().catch(() => '');
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const accepted = opts.accept ?? [];
    if (response.ok || accepted.includes(response.status)) return { status: response.status, body };
    throw this.errorFor(method, path, response.status, body, opts);
  }

  private errorFor(
    method: string,
    path: string,
    status: number,
    body: unknown,
    opts: RequestOptions,
  ): CliError {
    const messages = messagesOf(body);
    if (status === 404 && isMissingRoute(body)) {
      return new NotFoundError(
        `the coordinator at ${this.baseUrl} has no ${method} ${path.split('?')[0]}${opts.feature ? ` (${opts.feature})` : ''}`,
        opts.missingRouteHint ??
          'the coordinator is older than this CLI: rebuild and restart it (npm start)',
      );
    }
    switch (status) {
      case 401:
        return new AuthError(
          false,
          this.signedInAs
            ? `the coordinator refused the sign-in of ${this.signedInAs}${messages.length ? `: ${messages.join('; ')}` : ''}`
            : 'the coordinator needs a signed-in operator',
          'set ICB_USER and ICB_PASSWORD (or ICB_TOKEN); on a stack from npm start, icb reads .local/stack/operator-credentials.json by itself',
        );
      case 403:
        return new AuthError(
          true,
          messages[0] ??
            `${method} ${path} is not allowed for ${this.signedInAs ?? 'this account'}`,
          'this needs an action officer: sign in as one (ICB_USER=officer on a local stack)',
        );
      case 429:
        return new AuthError(
          false,
          messages[0] ?? 'too many failed sign-ins',
          'wait, then check ICB_USER and ICB_PASSWORD',
        );
      case 400:
      case 422:
        return new ValidationFailedError(
          `the coordinator rejected the request (${status})`,
          messages.length ? messages : [typeof body === 'string' ? body : JSON.stringify(body)],
          'check the options against icb <command> --help',
        );
      case 404:
        return new NotFoundError(
          opts.notFound ?? messages[0] ?? `not found: ${path}`,
          opts.notFoundHint,
        );
      case 409:
        return new RefusedError(messages.join('; ') || `conflict on ${method} ${path}`);
      default:
        return new UnexpectedResponseError(
          `${method} ${path} answered ${status}${messages.length ? `: ${messages.join('; ')}` : ''}`,
          status,
          status >= 500 ? 'the coordinator failed; its log says why' : undefined,
        );
    }
  }
}

interface RequestOptions {
  body?: unknown;
  /** Non-2xx statuses that are answers, not errors. */
  accept?: number[];
  notFound?: string;
  notFoundHint?: string;
  /** What the endpoint is, for the "has no such endpoint" message. */
  feature?: string;
  missingRouteHint?: string;
}

const DEV_CLOCK_HINT =
  'the coordinator runs without DEV_CLOCK=true; restart it with DEV_CLOCK=true to read or move its clock';
const DEV_CLOCK: RequestOptions = {
  feature: 'dev clock',
  notFound: 'the coordinator has no dev clock',
  notFoundHint: DEV_CLOCK_HINT,
  missingRouteHint: DEV_CLOCK_HINT,
};
