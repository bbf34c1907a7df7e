import type {
  Agency,
  Clearance,
  ConsultationKind,
  ConsultationStatus,
  Precedence,
} from '@icb/contracts';
import { levelsReadableBy } from '../withholding/withholding';
import type { ClockRecord, Consultation } from '../../write/consultations/consultation.model';
import type { ViewRecord } from '../../write/consultations/view-record';

/**
 * The operators' queries over the read model (ConsultationView), as pure
 * functions over its records: every documented filter, sort and page answers
 * in one pass over memory, without the database (ADR 9). The semantics are
 * those of the MongoDB queries they replace: a missing field sorts before
 * any value, ties are broken by id, `overdue` needs a deadline.
 *
 * A search never matches what the reader may not read (ADR 8): in a
 * consultation classified above their clearance, `q` is looked for in its id
 * alone, the one text the withheld listing shows. The filters (status, kind,
 * precedence, pending agency, overdue) and sort keys (dates, precedence) are
 * all fields shown withheld or not, so neither matching nor ordering tells
 * anything of a withheld title, summary or text.
 */

export interface ConsultationQuery {
  /** Whose query it is: `text` matches only what they may read (never defaulted). */
  clearance: Clearance;
  status?: ConsultationStatus[];
  kind?: ConsultationKind[];
  pendingAgency?: Agency;
  precedence?: Precedence[];
  /** Only those with a review past its deadline at `now`. */
  overdueAt?: string;
  /**
   * Case-insensitive search in title, summary, reference and id; in the id
   * alone of a consultation classified above `clearance`.
   */
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

/** Compares two optional strings as MongoDB sorts them: missing first. */
function compareOptional(a: string | undefined | null, b: string | undefined | null): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Does `r` match `q`? `readable[level]`: may the reader read a consultation
 * at that level (levelsReadableBy(q.clearance), computed once per query).
 */
export function matches(
  r: ViewRecord,
  q: ConsultationQuery,
  needle: string | undefined,
  readable: readonly boolean[],
): boolean {
  if (q.status?.length && !q.status.includes(r.status)) return false;
  if (q.kind?.length && !q.kind.includes(r.kind)) return false;
  if (q.precedence?.length && !q.precedence.includes(r.precedence)) return false;
  if (q.pendingAgency && !r.pendingAgencies.includes(q.pendingAgency)) return false;
  if (q.overdueAt && !(r.nextDueAt !== undefined && r.nextDueAt < q.overdueAt)) return false;
  if (needle !== undefined && !(readable[r.level] ? r.text : r.withheldText).includes(needle)) {
    return false;
  }
  return true;
}

/** The sort key of a record, read with a property access V8 can keep monomorphic. */
function sortKey(
  sort: NonNullable<ConsultationQuery['sort']>,
): (r: ViewRecord) => string | undefined {
  switch (sort) {
    case 'updatedAt':
      return (r) => r.updatedAt;
    case 'openedAt':
      return (r) => r.openedAt;
    case 'nextDueAt':
      return (r) => r.nextDueAt;
    case 'precedence':
      return (r) => r.precedence;
  }
}

/**
 * Rearranges `a` so that `a[k]` is the item a full sort would put there,
 * with nothing after it in order before it and nothing before it after it
 * (quickselect, Hoare's partition: linear on average). `compare` must be a
 * total order (ties broken by id).
 */
export function select<T>(a: T[], k: number, compare: (x: T, y: T) => number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[lo + ((hi - lo) >> 1)];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (compare(a[i], pivot) < 0) i++;
      while (compare(a[j], pivot) > 0) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Items `offset` to `offset + limit` of `all` in `compare` order, without
 * sorting them all: select the page's last item (so the ones before it are
 * the page and those above it), then its first, then sort the page alone.
 * Linear in the number of items on average, whatever the page. Reorders `all`.
 */
export function page<T>(
  all: T[],
  offset: number,
  limit: number,
  compare: (a: T, b: T) => number,
): T[] {
  if (offset >= all.length || limit <= 0) return [];
  const end = Math.min(all.length, offset + limit);
  if (end < all.length) select(all, end - 1, compare);
  const head = all.slice(0, end);
  if (offset > 0) select(head, offset, compare);
  return head.slice(offset).sort(compare);
}

/**
 * Consultations matching `q`, one page of them in the requested order, and
 * how many match: one pass over the records, then a selection of the page.
 */
export function listConsultations(
  records: Iterable<ViewRecord>,
  q: ConsultationQuery,
): { total: number; items: Consultation[] } {
  const needle = q.text ? q.text.toLowerCase() : undefined;
  const readable = levelsReadableBy(q.clearance);
  const keyOf = sortKey(q.sort ?? 'updatedAt');
  // The matches, with their sort keys and ids in arrays of their own.
  const hits: ViewRecord[] = [];
  const keys: (string | undefined)[] = [];
  const ids: string[] = [];
  for (const r of records) {
    if (!matches(r, q, needle, readable)) continue;
    hits.push(r);
    keys.push(keyOf(r));
    ids.push(r.id);
  }
  const sign = (q.order ?? 'desc') === 'asc' ? 1 : -1;
  const compare = (i: number, j: number): number => {
    const x = keys[i];
    const y = keys[j];
    if (x !== y) return sign * compareOptional(x, y);
    return ids[i] < ids[j] ? -1 : ids[i] > ids[j] ? 1 : 0;
  };
  const order: number[] = [];
  for (let i = 0; i < hits.length; i++) order.push(i);
  const items = page(order, q.offset ?? 0, q.limit ?? 50, compare).map((i) => hits[i].consultation);
  return { total: hits.length, items };
}

/** The due date of `agency`'s pending review of the current revision, if it has one. */
export function ownDeadline(c: Consultation, agency: Agency): string | undefined {
  let due: string | undefined;
  for (const r of c.reviews) {
    if (r.agency !== agency || r.revision !== c.revision || r.state !== 'pending') continue;
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
    if (!r.pendingAgencies.includes(agency)) continue;
    const c = r.consultation;
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
