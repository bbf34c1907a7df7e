import { Schema } from 'mongoose';
import type { LogEntry } from './hash-chain';

export const EVENT_LOG_COLLECTION = 'event_log';

/** Append-only: entries are inserted, never updated; (consultationId, seq) is unique. */
export const EventLogSchema = new Schema<LogEntry & { _id: string }>(
  {
    _id: { type: String, required: true },
    consultationId: { type: String, required: true },
    seq: { type: Number, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    actor: { type: String, required: true },
    summary: { type: String, required: true },
    at: { type: String, required: true },
    data: Schema.Types.Mixed,
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: EVENT_LOG_COLLECTION, versionKey: false, minimize: false, strict: true },
);
EventLogSchema.index({ consultationId: 1, seq: 1 }, { unique: true });
