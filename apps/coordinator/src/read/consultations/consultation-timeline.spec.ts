import type { LogEntry } from '../../write/event-log/hash-chain';
import type { StoredConsultation } from '../../write/consultations/consultation.repository';
import { timelineOf } from './consultation-timeline';

const entry = (seq: number): LogEntry =>
  ({
    seq,
    consultationId: 'c',
    eventId: `e${seq}`,
    type: 't',
    actor: 'dod',
    summary: 's',
    at: 'x',
  }) as unknown as LogEntry;

const stored = (head: number, outbox: number[]): StoredConsultation =>
  ({
    logHead: { seq: head, hash: 'h' },
    outbox: outbox.map((seq) => ({ entryId: `c:${seq}`, log: entry(seq) })),
  }) as unknown as StoredConsultation;

describe('the timeline of the version read', () => {
  it('includes the entries of its outbox that the relay has not appended yet', () => {
    expect(timelineOf(stored(5, [4, 5]), [1, 2, 3].map(entry)).map((e) => e.seq)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('leaves out entries of a newer version already in the log', () => {
    expect(timelineOf(stored(3, []), [1, 2, 3, 4, 5].map(entry)).map((e) => e.seq)).toEqual([
      1, 2, 3,
    ]);
  });

  it('lists an entry both in the log and the outbox once', () => {
    expect(timelineOf(stored(3, [3]), [1, 2, 3].map(entry)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
