import { Schema } from 'mongoose';
import type { Envelope } from '@icb/contracts';
import type { LogEntry } from '../event-log/hash-chain';

export const CONSULTATION_VERSION_COLLECTION = 'consultation_versions';

/**
 * What is still to be done after a change was stored: log entries to append
 * and events to publish. They are written in the same single-document update
 * as the change itself (a transactional outbox inside the document: FerretDB
 * has no multi-document transactions), then relayed; the next version
 * carries forward only the entries not yet in the log.
 */
export interface OutboxEntry {
  entryId: string;
  log: LogEntry;
  publish?: { subject: string; envelope: Envelope };
  /**
   * The logged entry is an accepted agency message whose notices the relay
   * sends (`notice.forwarded`, need-to-know policy, ADR 17). An entry that
   * publishes an event always gets its notices. They are built from the
   * entry at each relay, with ids derived from it (de-duplicated), not stored.
   */
  notify?: boolean;
}

/**
 * One committed version of a consultation (`consultation_versions`). The
 * insert of `<id>:<version>` is the commit: the unique `_id` lets exactly
 * one writer commit each version, on MongoDB and on FerretDB alike (FerretDB
 * 1.24 does not apply a conditional update atomically; an insert it does).
 * The state, the applied event ids, the outbox and the log head travel in one
 * packed `body` (ADR 9): nothing queries inside it.
 */
export interface ConsultationVersionDocument {
  _id: string;
  consultationId: string;
  version: number;
  /**
   * Packed (persistence/packed.ts): `state`, `processed` (ids of the events
   * applied, the most recent ones: a redelivery has no second effect),
   * `outbox` (log entries and events not yet relayed when this version was
   * committed) and `logHead`. Absent once compacted.
   */
  body?: Buffer;
  /** Superseded and compacted: only the `_id` (which stays taken) and the numbers remain. */
  compacted?: boolean;
  committedAt: Date;
}

export const ConsultationVersionSchema = new Schema<ConsultationVersionDocument>(
  {
    _id: { type: String, required: true },
    consultationId: { type: String, required: true },
    version: { type: Number, required: true },
    body: Buffer,
    compacted: Boolean,
    committedAt: { type: Date, required: true },
  },
  { collection: CONSULTATION_VERSION_COLLECTION, versionKey: false, minimize: false, strict: true },
);
// Read by `_id` only (`<id>:<version>`, one or a short `$in` list): no
// secondary index, so each commit maintains one index (ADR 9).
