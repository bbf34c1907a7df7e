import type {
  Agency,
  Clearance,
  ConsultationKind,
  ConsultationStatus,
  Precedence,
} from '@icb/contracts';
import { mayRead } from '../../auth/clearance';
import type { Consultation } from '../../write/consultations/consultation.model';
import {
  agencyQueue,
  ConsultationQuery,
  listConsultations,
  statistics,
  page,
} from './consultation-view.query';
import { toViewRecord, type ViewRecord } from '../../write/consultations/view-record';

/** A small deterministic generator (mulberry32), so a failure can be replayed by its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: ConsultationStatus[] = ['in-review', 'escalated', 'approved', 'withdrawn'];
const KINDS: ConsultationKind[] = ['fms-case', 'technology-transfer', 'arms-control'];
const PRECEDENCES: Precedence[] = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'];
const AGENCIES: Agency[] = ['dod', 'nsc', 'cia', 'treasury'];
const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
const MARKINGS = [
  'UNCLASSIFIED',
  'CUI//SP-EXPT',
  'CONFIDENTIAL',
  'SECRET//NOFORN',
  'TOP SECRET',
  'bogus',
];
const CLEARANCES: Clearance[] = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];

function aRecord(r: () => number, i: number): ViewRecord {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const pending = AGENCIES.filter(() => r() < 0.4);
  const day = () => `${pick(DAYS)}T12:00:00.000Z`;
  const c = {
    id: `c-${String(Math.floor(r() * 1000)).padStart(3, '0')}-${i}`,
    kind: pick(KINDS),
    status: pick(STATUSES),
    precedence: pick(PRECEDENCES),
    classification: pick(MARKINGS),
    title: `Case ${i} ${pick(['PAC-3 interceptors', 'night vision', 'radar'])}`,
    summary: 'A summary',
    reference: r() < 0.5 ? `REF-${i}` : undefined,
    openedAt: day(),
    updatedAt: day(),
    // Missing on some: MongoDB sorts a missing field first.
    nextDueAt: r() < 0.7 ? day() : undefined,
    pendingAgencies: pending,
    reviews: pending.map((agency) => ({ agency, state: 'pending', dueAt: day() })),
    clocks: [],
    version: 1,
  } as unknown as Consultation;
  return toViewRecord(c, { seq: 1, hash: 'h' });
}

/** The reference: filter everything, sort everything (what the MongoDB queries did). */
function reference(records: ViewRecord[], q: ConsultationQuery) {
  const sort = q.sort ?? 'updatedAt';
  const sign = (q.order ?? 'desc') === 'asc' ? 1 : -1;
  const hits = records
    .map((r) => r.consultation)
    .filter(
      (c) =>
        (!q.status?.length || q.status.includes(c.status)) &&
        (!q.kind?.length || q.kind.includes(c.kind)) &&
        (!q.precedence?.length || q.precedence.includes(c.precedence)) &&
        (!q.pendingAgency || c.pendingAgencies.includes(q.pendingAgency)) &&
        (!q.overdueAt || (c.nextDueAt !== undefined && c.nextDueAt < q.overdueAt)) &&
        (!q.text ||
          (mayRead(q.clearance, c.classification)
            ? [c.title, c.summary, c.reference ?? '', c.id]
            : [c.id]
          ).some((f) => f.toLowerCase().includes(q.text!.toLowerCase()))),
    );
  const key = (c: Consultation) => (c[sort] === undefined ? '' : `~${c[sort]}`);
  hits.sort(
    (a, b) =>
      sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const offset = q.offset ?? 0;
  return { total: hits.length, ids: hits.slice(offset, offset + (q.limit ?? 50)).map((c) => c.id) };
}

describe('the read model answers every documented filter, sort and page as the database did', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('generated records and queries, seed %i', (seed) => {
    const r = rng(seed);
    const records = Array.from({ length: 400 }, (_, i) => aRecord(r, i));
    for (let n = 0; n < 60; n++) {
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
      const q: ConsultationQuery = {
        clearance: pick(CLEARANCES),
        status: r() < 0.5 ? [pick(STATUSES)] : undefined,
        kind: r() < 0.3 ? [pick(KINDS), pick(KINDS)] : undefined,
        precedence: r() < 0.3 ? [pick(PRECEDENCES)] : undefined,
        pendingAgency: r() < 0.3 ? pick(AGENCIES) : undefined,
        overdueAt: r() < 0.2 ? '2026-03-03T00:00:00.000Z' : undefined,
        text: r() < 0.4 ? pick(['pac-3', 'REF-1', 'c-01', 'case 1', 'nothing like it']) : undefined,
        sort: pick(['updatedAt', 'openedAt', 'nextDueAt', 'precedence'] as const),
        order: pick(['asc', 'desc'] as const),
        // Pages near the top, deep down, and past the end.
        offset: r() < 0.7 ? Math.floor(r() * 20) : Math.floor(r() * 450),
        limit: 1 + Math.floor(r() * 50),
      };
      const got = listConsultations(records, q);
      const want = reference(records, q);
      expect({ total: got.total, ids: got.items.map((c) => c.id) }).toEqual(want);
    }
  });

  it('a search matches a consultation above the reader’s clearance by its id alone', () => {
    const r = rng(3);
    const records = Array.from({ length: 200 }, (_, i) => aRecord(r, i));
    const secret = records.find((x) => x.consultation.classification === 'TOP SECRET')!;
    const { title, summary, id } = secret.consultation;
    const words = [title, summary, title.slice(0, 4), title.slice(-5).toUpperCase()];
    for (const text of words) {
      const seen = listConsultations(records, { clearance: 'SECRET', text, limit: 200 });
      expect(seen.items.map((c) => c.id)).not.toContain(id);
      const officer = listConsultations(records, { clearance: 'TOP SECRET', text, limit: 200 });
      expect(officer.items.map((c) => c.id)).toContain(id);
    }
    const byId = listConsultations(records, { clearance: 'UNCLASSIFIED', text: id.toUpperCase() });
    expect(byId.items.map((c) => c.id)).toEqual([id]);
  });

  it('any page selected is the same page as after a full sort', () => {
    const r = rng(42);
    const cmp = (a: number, b: number) => a - b;
    for (let n = 0; n < 200; n++) {
      // Distinct values: the read model's order is total (ties broken by id).
      const xs = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3_000) }, () => r()))];
      const offset = Math.floor(r() * xs.length * 1.1);
      const limit = Math.floor(r() * 60);
      const sorted = [...xs].sort(cmp);
      expect(page([...xs], offset, limit, cmp)).toEqual(sorted.slice(offset, offset + limit));
    }
  });

  it("an agency's queue lists its pending reviews, its own deadline first", () => {
    const r = rng(9);
    const records = Array.from({ length: 300 }, (_, i) => aRecord(r, i));
    const { total, items } = agencyQueue(records, 'dod', { offset: 0, limit: 500 });
    const pending = records.filter((x) => x.consultation.pendingAgencies.includes('dod'));
    expect(total).toBe(pending.length);
    const dues = items.map((c) => c.reviews.find((v) => v.agency === 'dod')!.dueAt);
    expect(dues).toEqual([...dues].sort());
  });

  it('counts by status, kind and precedence, and open and overdue, in one pass', () => {
    const r = rng(11);
    const records = Array.from({ length: 300 }, (_, i) => aRecord(r, i));
    const now = '2026-03-03T00:00:00.000Z';
    const s = statistics(records, now, ['in-review', 'escalated'], 10);
    const all = records.map((x) => x.consultation);
    expect(Object.values(s.byStatus).reduce((a, b) => a + b, 0)).toBe(300);
    expect(s.byKind['fms-case']).toBe(all.filter((c) => c.kind === 'fms-case').length);
    const open = all.filter((c) => ['in-review', 'escalated'].includes(c.status));
    expect(s.open).toBe(open.length);
    expect(s.overdue).toBe(open.filter((c) => c.nextDueAt && c.nextDueAt < now).length);
  });
});
