import { Schema } from 'mongoose';
import type { Envelope } from '@icb/contracts';
import type { LogEntry } from '../audit/hash-chain';
import type { Consultation } from './consultation.model';

export const CONSULTATION_COLLECTION = 'consultations';

/**
 * What is still to be done after a change was stored: log entries to append
 * and events to publish. They are written in the same single-document update
 * as the change itself (a transactional outbox inside the document: FerretDB
 * has no multi-document transactions), then relayed and pulled.
 */
export interface OutboxEntry {
  entryId: string;
  log: LogEntry;
  publish?: { subject: string; envelope: Envelope };
}

/** The stored document: the model, plus what persistence needs. */
export interface ConsultationDocument extends Omit<Consultation, 'id'> {
  _id: string;
  /** Ids of the events already applied (the most recent ones): a redelivery has no second effect. */
  processed: string[];
  outbox: OutboxEntry[];
  /** Head of the hash-chained event log. */
  logHead: { seq: number; hash: string };
}

/**
 * Structure is validated by the contracts and the aggregate, so nested parts
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
    signOffs: [Schema.Types.Mixed],
    conditions: [Schema.Types.Mixed],
    clocks: [Schema.Types.Mixed],
    escalation: Schema.Types.Mixed,
    congress: Schema.Types.Mixed,
    screenings: [Schema.Types.Mixed],
    assessments: [Schema.Types.Mixed],
    decision: Schema.Types.Mixed,
    pendingAgencies: [String],
    nextDueAt: String,
    nextClockAt: String,
    openedAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    closedAt: String,
    version: { type: Number, required: true },
    processed: [String],
    outbox: [Schema.Types.Mixed],
    logHead: { type: Schema.Types.Mixed, required: true },
  },
  { collection: CONSULTATION_COLLECTION, versionKey: false, minimize: false, strict: true, autoIndex: true },
);

// Operator queries: by status and recency, by kind, an agency's queue, overdue
// and "closest clock" lists; the scheduler's due clocks; the outbox sweeper.
ConsultationSchema.index({ status: 1, updatedAt: -1 });
ConsultationSchema.index({ kind: 1, status: 1 });
ConsultationSchema.index({ pendingAgencies: 1, nextDueAt: 1 });
ConsultationSchema.index({ nextDueAt: 1 });
ConsultationSchema.index({ nextClockAt: 1 });
ConsultationSchema.index({ precedence: 1 });
ConsultationSchema.index({ 'outbox.entryId': 1 });
