import { createHash } from 'node:crypto';

/** One entry of a consultation's append-only event log. */
export interface LogEntry {
  consultationId: string;
  /** 1, 2, 3, … with no gaps. */
  seq: number;
  /** The event this entry records (inbound or outbound), or the cause of a note. */
  eventId: string;
  type: string;
  actor: string;
  summary: string;
  at: string;
  data?: Record<string, unknown>;
  /** The previous entry's hash (`GENESIS` for the first). */
  prevHash: string;
  /** SHA-256 over the previous hash and this entry's canonical content. */
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: Omit<LogEntry, 'hash'>): string {
  const { prevHash, ...content } = entry;
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

/** Chains new entries onto a head (`seq`, `hash` of the last entry). */
export function chain(
  head: { seq: number; hash: string },
  items: Omit<LogEntry, 'seq' | 'prevHash' | 'hash'>[],
): { entries: LogEntry[]; head: { seq: number; hash: string } } {
  const entries: LogEntry[] = [];
  let { seq, hash } = head;
  for (const item of items) {
    // Hash exactly what will be stored: JSON drops undefined fields, which a
    // database driver would otherwise write as null.
    const stored = JSON.parse(JSON.stringify(item)) as typeof item;
    const unhashed = { ...stored, seq: seq + 1, prevHash: hash };
    const entry = { ...unhashed, hash: entryHash(unhashed) };
    entries.push(entry);
    seq = entry.seq;
    hash = entry.hash;
  }
  return { entries, head: { seq, hash } };
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | {
      ok: false;
      entries: number;
      /** The first sequence number that does not check out. */
      firstBadSeq: number;
      problem: 'altered' | 'removed' | 'reordered' | 'truncated';
      detail: string;
    };

/**
 * Walks a log in stored order and finds the first entry that was altered,
 * removed, or moved, and whether entries are missing at the end compared
 * with the head recorded on the consultation.
 */
export function verifyChain(
  entries: LogEntry[],
  expectedHead?: { seq: number; hash: string },
): VerifyResult {
  let prevHash = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq) {
      const problem = e.seq > expectedSeq ? 'removed' : 'reordered';
      return {
        ok: false,
        entries: entries.length,
        firstBadSeq: expectedSeq,
        problem,
        detail: `expected entry ${expectedSeq}, found ${e.seq}`,
      };
    }
    if (e.prevHash !== prevHash) {
      return {
        ok: false,
        entries: entries.length,
        firstBadSeq: e.seq,
        problem: 'reordered',
        detail: `entry ${e.seq} does not follow entry ${e.seq - 1}`,
      };
    }
    const { hash, ...rest } = e;
    if (entryHash(rest) !== hash) {
      return {
        ok: false,
        entries: entries.length,
        firstBadSeq: e.seq,
        problem: 'altered',
        detail: `entry ${e.seq} (${e.type}) does not match its hash`,
      };
    }
    prevHash = hash;
  }
  if (
    expectedHead &&
    (expectedHead.seq !== entries.length || (entries.length > 0 && expectedHead.hash !== prevHash))
  ) {
    return {
      ok: false,
      entries: entries.length,
      firstBadSeq: entries.length + 1,
      problem: 'truncated',
      detail: `the consultation records ${expectedHead.seq} entries, the log holds ${entries.length}`,
    };
  }
  return { ok: true, entries: entries.length, head: prevHash };
}
