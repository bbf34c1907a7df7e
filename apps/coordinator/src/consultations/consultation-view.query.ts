import type { Agency, ConsultationKind, ConsultationStatus, Precedence } from '@icb/contracts';
import type { ClockRecord, Consultation } from './consultation.model';

/**
 * The operators' queries over the read model (ConsultationView), as pure
 * functions over its records: every documented filter, sort and page answers
 * in one pass over memory, without the database (ADR 9). The semantics are
 * those of the MongoDB queries they replace: a missing field sorts before
 * any value, ties are broken by id, `overdue` needs a deadline.
 */

/** One consultation as the read model holds it: the summary fields, without the detail-only lists. */
export interface ViewRecord {
  consultation: Consultation;
  logHead: { seq: number; hash: string };
  /** Lower-cased title, summary, reference and id, for `q=` search. */
  text: string;
}

export interface ConsultationQuery {
  status?: ConsultationStatus[];
  kind?: ConsultationKind[];
  pendingAgency?: Agency;
  precedence?: Precedence[];
  /** Only those with a review past its deadline at `now`. */
  overdueAt?: string;
  /** Case-insensitive search in title, summary, reference and id. */
  text?: string;
  sort?: 'updatedAt' | 'openedAt' | 'nextDueAt' | 'precedence';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** A clock that has not fired yet, with the consultation it belongs to. */
export interface UpcomingClock {
  consultationId: string;
  title: string;
  classification: string;
  clock: ClockRecord;
}

export function searchText(c: Consultation): string {
  return [c.title, c.summary, c.reference ?? '', c.id].join('\u0000').toLowerCase();
}

/** Fields of the model that only the detail needs: the read model leaves them out. */
export const DETAIL_ONLY = ['signOffs', 'conditions', 'screenings', 'assessments'] as const;

/** A record of the read model for a consultation (the detail-only lists emptied). */
export function toViewRecord(c: Consultation, logHead: { seq: number; hash: string }): ViewRecord {
  const consultation = { ...c, signOffs: [], conditions: [], screenings: [], assessments: [] };
  return { consultation, logHead, text: searchText(c) };
}

/** Compares two optional strings as MongoDB sorts them: missing first. */
function compareOptional(a: string | undefined | null, b: string | undefined | null): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return a < b ? -1 : 1;
}

function comparator(
  sort: NonNullable<ConsultationQuery['sort']>,
  order: 'asc' | 'desc',
): (a: Consultation, b: Consultation) => number {
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) =>
    sign * compareOptional(a[sort], b[sort]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function matches(c: ViewRecord, q: ConsultationQuery, needle?: string): boolean {
  const m = c.consultation;
  if (q.status?.length && !q.status.includes(m.status)) return false;
  if (q.kind?.length && !q.kind.includes(m.kind)) return false;
  if (q.precedence?.length && !q.precedence.includes(m.precedence)) return false;
  if (q.pendingAgency && !(m.pendingAgencies ?? []).includes(q.pendingAgency)) return false;
  if (q.overdueAt && !(m.nextDueAt !== undefined && m.nextDueAt < q.overdueAt)) return false;
  if (needle !== undefined && !c.text.includes(needle)) return false;
  return true;
}

/**
 * The first `k` items of `items` in `compare` order, without sorting them
 * all: a bounded sorted buffer (binary insertion). O(n log k) for a page near
 * the top, which is what operators read.
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Past this many items before the page's end, sorting everything is cheaper than a buffer. */
const TOP_K_LIMIT = 2_000;

function page<T>(all: T[], offset: number, limit: number, compare: (a: T, b: T) => number): T[] {
  if (offset + limit <= TOP_K_LIMIT) return topK(all, offset + limit, compare).slice(offset);
  return all.sort(compare).slice(offset, offset + limit);
}

/** Consultations matching `q`, one page of them in the requested order, and how many match. */
export function listConsultations(
  records: Iterable<ViewRecord>,
  q: ConsultationQuery,
): { total: number; items: Consultation[] } {
  const needle = q.text ? q.text.toLowerCase() : undefined;
  const hits: Consultation[] = [];
  for (const r of records) if (matches(r, q, needle)) hits.push(r.consultation);
  const sort = q.sort ?? 'updatedAt';
  const compare = comparator(sort, q.order ?? 'desc');
  return { total: hits.length, items: page(hits, q.offset ?? 0, q.limit ?? 50, compare) };
}

/** The due date of `agency`'s pending review of the current revision, if it has one. */
export function ownDeadline(c: Consultation, agency: Agency): string | undefined {
  let due: string | undefined;
  for (const r of c.reviews) {
    if (r.agency !== agency || r.state !== 'pending') continue;
    if (due === undefined || r.dueAt < due) due = r.dueAt;
  }
  return due;
}

/**
 * Consultations awaiting `agency`'s answer, that agency's own review
 * deadline first (not the consultation's earliest deadline, which may be
 * another agency's). Only records with a pending review by the agency: the
 * record is one version, so its pending agencies and reviews agree.
 */
export function agencyQueue(
  records: Iterable<ViewRecord>,
  agency: Agency,
  p: { offset: number; limit: number },
): { total: number; items: Consultation[] } {
  const rows: { c: Consultation; due: string }[] = [];
  for (const r of records) {
    const c = r.consultation;
    if (!(c.pendingAgencies ?? []).includes(agency)) continue;
    const due = ownDeadline(c, agency);
    if (due !== undefined) rows.push({ c, due });
  }
  const compare = (a: { c: Consultation; due: string }, b: { c: Consultation; due: string }) =>
    a.due < b.due ? -1 : a.due > b.due ? 1 : a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0;
  return { total: rows.length, items: page(rows, p.offset, p.limit, compare).map((r) => r.c) };
}

export interface ViewStats {
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  byPrecedence: Record<string, number>;
  open: number;
  overdue: number;
  escalated: number;
  closestClocks: UpcomingClock[];
}

/** Every figure of `GET /stats` in one pass. */
export function statistics(
  records: Iterable<ViewRecord>,
  now: string,
  openStatuses: readonly string[],
  closest: number,
): ViewStats {
  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const byPrecedence: Record<string, number> = {};
  let open = 0;
  let overdue = 0;
  let escalated = 0;
  const clocks: UpcomingClock[] = [];
  const clockOrder = (a: UpcomingClock, b: UpcomingClock) =>
    a.clock.dueAt < b.clock.dueAt
      ? -1
      : a.clock.dueAt > b.clock.dueAt
        ? 1
        : a.consultationId < b.consultationId
          ? -1
          : a.consultationId > b.consultationId
            ? 1
            : 0;
  let worst: UpcomingClock | undefined;
  for (const { consultation: c } of records) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    byPrecedence[c.precedence] = (byPrecedence[c.precedence] ?? 0) + 1;
    if (openStatuses.includes(c.status)) {
      open++;
      if (c.nextDueAt !== undefined && c.nextDueAt < now) overdue++;
    }
    const e = c.escalation;
    if (e && typeof e.level === 'string' && !e.resolvedAt && !e.supersededAt) escalated++;
    if (typeof c.nextClockAt !== 'string') continue;
    for (const clock of c.clocks ?? []) {
      if (clock.firedAt || clock.kind === 'reminder') continue;
      const item = {
        consultationId: c.id,
        title: c.title,
        classification: c.classification,
        clock,
      };
      if (clocks.length === closest && worst && clockOrder(item, worst) >= 0) continue;
      clocks.push(item);
      clocks.sort(clockOrder);
      if (clocks.length > closest) clocks.pop();
      worst = clocks[clocks.length - 1];
    }
  }
  return { byStatus, byKind, byPrecedence, open, overdue, escalated, closestClocks: clocks };
}
