import { Schema } from 'mongoose';
import type { Envelope } from '@icb/contracts';
import type { LogEntry } from '../audit/hash-chain';
import type { Consultation } from './consultation.model';

export const CONSULTATION_COLLECTION = 'consultations';
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
}

/**
 * The query copy of a consultation (`consultations`): the latest version as
 * far as its writers know, without the detail-only lists, indexed for
 * operators' queries. Reads that decide take its version number and then
 * read versions by `_id`.
 */
export interface ConsultationDocument extends Omit<Consultation, 'id'> {
  _id: string;
  /** Head of the hash-chained event log. */
  logHead: { seq: number; hash: string };
}

/**
 * One committed version of a consultation (`consultation_versions`). The
 * insert of `<id>:<version>` is the commit: the unique `_id` lets exactly
 * one writer commit each version, on MongoDB and on FerretDB alike (FerretDB
 * 1.24 does not apply a conditional update atomically; an insert it does).
 */
export interface ConsultationVersionDocument {
  _id: string;
  consultationId: string;
  version: number;
  state: Omit<Consultation, 'id'>;
  /** Ids of the events applied (the most recent ones): a redelivery has no second effect. */
  processed: string[];
  /** Log entries and events not yet relayed when this version was committed. */
  outbox: OutboxEntry[];
  logHead: { seq: number; hash: string };
  committedAt: Date;
}

/**
 * The query copy. Structure is validated by the contracts and the aggregate, so nested parts
 * are stored as they come (Mixed); top-level fields the operators query on
 * are typed and indexed.
 */
export const ConsultationSchema = new Schema<ConsultationDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    actionOffice: { type: String, required: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    attributes: { type: Schema.Types.Mixed, required: true },
    classification: { type: String, required: true },
    precedence: { type: String, required: true },
    reference: String,
    status: { type: String, required: true },
    revision: { type: Number, required: true },
    clearers: [String],
    reviews: [Schema.Types.Mixed],
    clocks: [Schema.Types.Mixed],
    escalation: Schema.Types.Mixed,
    congress: Schema.Types.Mixed,
    decision: Schema.Types.Mixed,
    pendingAgencies: [String],
    nextDueAt: String,
    nextClockAt: String,
    openedAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    closedAt: String,
    version: { type: Number, required: true },
    logHead: { type: Schema.Types.Mixed, required: true },
  },
  {
    collection: CONSULTATION_COLLECTION,
    versionKey: false,
    minimize: false,
    strict: true,
    autoIndex: true,
  },
);

// Operator queries: by status and recency, by kind, an agency's queue, overdue
// and "closest clock" lists; the scheduler's due clocks; the outbox sweeper.
ConsultationSchema.index({ status: 1, updatedAt: -1 });
ConsultationSchema.index({ kind: 1, status: 1 });
ConsultationSchema.index({ pendingAgencies: 1, nextDueAt: 1 });
ConsultationSchema.index({ nextDueAt: 1 });
ConsultationSchema.index({ nextClockAt: 1 });
ConsultationSchema.index({ precedence: 1 });

export const ConsultationVersionSchema = new Schema<ConsultationVersionDocument>(
  {
    _id: { type: String, required: true },
    consultationId: { type: String, required: true },
    version: { type: Number, required: true },
    state: { type: Schema.Types.Mixed, required: true },
    processed: [String],
    outbox: [Schema.Types.Mixed],
    logHead: { type: Schema.Types.Mixed, required: true },
    committedAt: { type: Date, required: true },
  },
  { collection: CONSULTATION_VERSION_COLLECTION, versionKey: false, minimize: false, strict: true },
);
// Read by `_id` (`<id>:<version>`); by consultation only when a query copy
// names a version already pruned (ConsultationRepository.read).
ConsultationVersionSchema.index({ consultationId: 1, version: -1 });
