import type { LogEntry } from '../../write/event-log/hash-chain';
import type { StoredConsultation } from '../../write/consultations/consultation.repository';

/**
 * The timeline of exactly the version read: the log up to its head (a newer
 * version's entries may already be in the log), and the entries of its
 * outbox that its relay has not appended yet (committed, so part of it).
 */
export function timelineOf(stored: StoredConsultation, log: LogEntry[]): LogEntry[] {
  const head = stored.logHead.seq;
  const bySeq = new Map<number, LogEntry>();
  for (const e of log) if (e.seq <= head) bySeq.set(e.seq, e);
  for (const { log: e } of stored.outbox)
    if (e.seq <= head && !bySeq.has(e.seq)) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
