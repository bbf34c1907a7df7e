/**
 * Fakes of the CLI's two clients and its streams, for specs that run whole
 * commands through `main` without a coordinator or NATS.
 */
import type { ApiClient } from '../src/api-client';
import type {
  AuditLogPage,
  AgencyQueue,
  AuditVerification,
  ConsultationDetail,
  ConsultationPage,
  ConsultationStats,
  ConsultationSummary,
  DeadLetterList,
  DevClock,
  HealthReport,
  ListQuery,
  ReplayResult,
  SseEvent,
  Verdict,
} from '../src/api.types';
import type { BusClient, PublishAck } from '../src/bus-client';
import type { CliDeps } from '../src/cli.context';
import { ApiUnreachableError, NotFoundError } from '../src/cli.errors';
import type { ComposedMessage } from '../src/compose-message';
import { testAgencyKeys } from '@icb/testing';
import { main } from '../src/main';

export const NOW = new Date('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;
export const inDays = (n: number): string => new Date(NOW.getTime() + n * DAY).toISOString();

export function aDetail(overrides: Partial<ConsultationDetail> = {}): ConsultationDetail {
  return {
    id: '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13',
    kind: 'fms-case',
    actionOffice: 'PM/DS',
    title: 'Australia - AIM-120D missiles',
    summary: 'Letter of Request for 100 AIM-120D missiles with support.',
    attributes: {},
    classification: 'UNCLASSIFIED',
    precedence: 'PRIORITY',
    status: 'in-review',
    revision: 1,
    clearers: ['dod', 'nsc'],
    reviews: [
      { agency: 'dod', revision: 1, requestedAt: inDays(-5), dueAt: inDays(-1), state: 'pending' },
      { agency: 'nsc', revision: 1, requestedAt: inDays(-5), dueAt: inDays(3), state: 'answered' },
    ],
    signOffs: [
      {
        agency: 'nsc',
        revision: 1,
        decision: 'concur-with-conditions',
        conditions: [{ id: 'NSC-1', text: 'Annual end-use report' }],
        officer: { name: 'A. Reviewer', title: 'Director' },
        submittedAt: inDays(-2),
        recordedAt: inDays(-2),
        eventId: 'e1',
        basis: 'submitted',
      },
    ],
    conditions: [],
    screenings: [],
    assessments: [],
    clocks: [
      { id: 'review:dod:r1', kind: 'review', agency: 'dod', revision: 1, dueAt: inDays(-1) },
    ],
    pendingAgencies: ['dod'],
    openedAt: inDays(-5),
    updatedAt: inDays(-2),
    version: 3,
    timeline: [
      {
        seq: 1,
        at: inDays(-5),
        type: 'consultation.opened',
        actor: 'state-pm',
        summary: 'opened',
        eventId: 'e0',
      },
    ],
    ...overrides,
  };
}

export function aSummary(overrides: Partial<ConsultationSummary> = {}): ConsultationSummary {
  return {
    id: '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13',
    kind: 'fms-case',
    title: 'Australia - AIM-120D missiles',
    status: 'in-review',
    precedence: 'PRIORITY',
    classification: 'UNCLASSIFIED',
    revision: 1,
    pendingAgencies: ['dod'],
    nextDueAt: inDays(-1),
    daysLeft: -1,
    overdue: true,
    escalationLevel: null,
    congressStep: null,
    openedAt: inDays(-5),
    updatedAt: inDays(-2),
    ...overrides,
  };
}

/** An in-memory coordinator. Set `unreachable` to make every call fail as a dead API would. */
export class FakeApi implements ApiClient {
  readonly baseUrl = 'http://fake:3000';
  consultations = new Map<string, ConsultationDetail>();
  summaries: ConsultationSummary[] = [];
  healthy = true;
  audit: AuditVerification = { ok: true, entries: 3, head: 'abc' };
  deadLetterList: DeadLetterList = { total: 0, items: [] };
  devClockOn = true;
  unreachable = false;
  /**
   * Each call to `events` plays the next script: events, then `after()` (say,
   * the operator's Ctrl-C), then an error or the end of the stream.
   */
  eventScripts: { events: SseEvent[]; after?: () => void; then?: Error }[] = [];
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** Verdicts by event id; a message published on `bus` without one is accepted, unless `silent`. */
  verdicts = new Map<string, Verdict>();
  bus?: FakeBus;
  /** The coordinator judges nothing (every verdict stays pending). */
  silent = false;

  /** Records the call and answers like the client would: a rejected promise for any error. */
  private answer<T>(method: string, args: unknown[], produce: () => T): Promise<T> {
    this.calls.push({ method, args });
    try {
      if (this.unreachable) {
        throw new ApiUnreachableError(
          `cannot reach the coordinator at ${this.baseUrl}`,
          'is the stack running (npm start)?',
        );
      }
      return Promise.resolve(produce());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  health(): Promise<{ up: boolean; report: HealthReport }> {
    return this.answer('health', [], () => {
      const parts = { nats: { status: this.healthy ? 'up' : 'down' }, database: { status: 'up' } };
      return {
        up: this.healthy,
        report: { status: this.healthy ? 'ok' : 'error', details: parts },
      };
    });
  }

  stats(): Promise<ConsultationStats> {
    return this.answer('stats', [], () => ({
      asOf: NOW.toISOString(),
      byStatus: { 'in-review': this.summaries.length, approved: 0 },
      byKind: {},
      byPrecedence: {},
      open: this.summaries.length,
      overdue: this.summaries.filter((s) => s.overdue).length,
      escalated: 0,
      closestClocks: [],
    }));
  }

  listConsultations(query: ListQuery): Promise<ConsultationPage> {
    return this.answer('listConsultations', [query], () => ({
      total: this.summaries.length,
      offset: 0,
      limit: 50,
      items: this.summaries,
    }));
  }

  consultation(id: string): Promise<ConsultationDetail> {
    return this.answer('consultation', [id], () => {
      const found = this.consultations.get(id);
      if (!found)
        throw new NotFoundError(`no consultation ${id}`, 'list consultations with: icb ls');
      return found;
    });
  }

  agencyQueue(agency: string, page: { limit?: number; offset?: number }): Promise<AgencyQueue> {
    return this.answer('agencyQueue', [agency, page], () => ({
      agency: agency as AgencyQueue['agency'],
      total: 0,
      offset: 0,
      limit: 50,
      items: [],
    }));
  }

  verifyAudit(id: string): Promise<AuditVerification> {
    return this.answer('verifyAudit', [id], () => {
      if (!this.consultations.has(id)) throw new NotFoundError(`no consultation ${id}`);
      return this.audit;
    });
  }

  /** The exported log `auditLog` pages through (`icb audit verify --keys`). */
  auditExport: AuditLogPage = {
    consultationId: '',
    head: { seq: 0, hash: '0'.repeat(64) },
    entries: [],
  };

  auditLog(id: string, page: { after: number; limit: number }): Promise<AuditLogPage> {
    return this.answer('auditLog', [id, page], () => {
      if (!this.consultations.has(id)) throw new NotFoundError(`no consultation ${id}`);
      const all = this.auditExport.entries.filter((e) => e.seq > page.after);
      const entries = all.slice(0, page.limit);
      return {
        ...this.auditExport,
        consultationId: id,
        entries,
        ...(all.length > entries.length ? { next: entries.at(-1)!.seq } : {}),
      };
    });
  }

  async *events(
    query: { consultationId?: string; type?: string },
    opts: { signal: AbortSignal; onOpen?: () => void },
  ): AsyncIterable<SseEvent> {
    const script = await this.answer('events', [query], () => this.eventScripts.shift());
    if (!script) {
      // Nothing more to play: the test forgot to abort (the operator's Ctrl-C).
      throw new Error('the fake has no more event scripts; abort the signal to end watch');
    }
    opts.onOpen?.();
    for (const e of script.events) yield e;
    script.after?.();
    if (script.then) throw script.then;
  }

  deadLetters(query: { limit?: number; consumer?: string }): Promise<DeadLetterList> {
    return this.answer('deadLetters', [query], () => this.deadLetterList);
  }

  replayDeadLetter(seq: number): Promise<ReplayResult> {
    return this.answer('replayDeadLetter', [seq], () => {
      const entry = this.deadLetterList.items.find((i) => i.seq === seq);
      if (!entry) throw new NotFoundError(`no dead letter ${seq}`);
      return { seq, subject: entry.record.subject, streamSequence: 100 + seq };
    });
  }

  discardDeadLetter(seq: number): Promise<void> {
    return this.answer('discardDeadLetter', [seq], () => {
      if (!this.deadLetterList.items.some((i) => i.seq === seq)) {
        throw new NotFoundError(`no dead letter ${seq}`);
      }
    });
  }

  devClock(): Promise<DevClock> {
    return this.answer('devClock', [], () => {
      if (!this.devClockOn) {
        throw new NotFoundError(
          'the coordinator has no dev clock',
          'restart it with DEV_CLOCK=true',
        );
      }
      return { now: NOW.toISOString(), offsetMs: 0 };
    });
  }

  verdict(eventId: string): Promise<Verdict | undefined> {
    return this.answer('verdict', [eventId], () => {
      if (this.silent) return undefined;
      const known = this.verdicts.get(eventId);
      if (known) return known;
      const sent = this.bus?.published.find((m) => m.envelope.id === eventId);
      if (!sent) return undefined;
      return {
        eventId,
        message: sent.name,
        party: sent.envelope.source.replace(/^\/icb\//, '') as Verdict['party'],
        consultationId: sent.envelope.subject,
        outcome: 'accepted',
        changed: true,
        consultation: { status: 'in-review', revision: 1, version: 4 },
        decidedAt: NOW.toISOString(),
      };
    });
  }

  advanceDevClock(by: { days?: number; hours?: number; minutes?: number }): Promise<DevClock> {
    return this.answer('advanceDevClock', [by], () => {
      const ms = ((by.days ?? 0) * 24 * 60 + (by.hours ?? 0) * 60 + (by.minutes ?? 0)) * 60_000;
      return { now: new Date(NOW.getTime() + ms).toISOString(), offsetMs: ms, fired: 1 };
    });
  }
}

/** Records what would have gone on the bus. */
export class FakeBus implements BusClient {
  readonly published: ComposedMessage[] = [];
  closed = 0;

  publish(message: ComposedMessage): Promise<PublishAck> {
    this.published.push(message);
    return Promise.resolve({ stream: 'ICB_EVENTS', seq: this.published.length, duplicate: false });
  }

  close(): Promise<void> {
    this.closed += 1;
    return Promise.resolve();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `icb <argv>` in-process with the fakes. */
export async function runCli(
  argv: string[],
  opts: {
    api?: FakeApi;
    bus?: FakeBus;
    env?: Record<string, string>;
    files?: Record<string, string>;
    signal?: AbortSignal;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const api = opts.api ?? new FakeApi();
  const bus = opts.bus ?? new FakeBus();
  api.bus ??= bus;
  const deps: CliDeps = {
    // Each agency's test signing key, as the CLI finds them in AGENCY_SIGNING_KEYS (ADR 15).
    env: { AGENCY_SIGNING_KEYS: JSON.stringify(testAgencyKeys().privateJwks), ...opts.env },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    api: () => api,
    bus: () => Promise.resolve(bus),
    now: () => NOW,
    signal: opts.signal,
    delay: () => Promise.resolve(),
    readFile: (path) => {
      const text = opts.files?.[path];
      if (text === undefined) {
        return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
      }
      return Promise.resolve(text);
    },
  };
  const code = await main(argv, deps);
  return { code, stdout, stderr };
}
