import { Schema } from 'mongoose';

export const EVENT_LOG_COLLECTION = 'event_log';

/**
 * Append-only: entries are inserted, never updated; `_id` (consultation and
 * seq) is unique. The entry itself is packed in `body` (ADR 9); its place and
 * hash stay readable as fields.
 */
export const EventLogSchema = new Schema<{
  _id: string;
  consultationId: string;
  seq: number;
  hash: string;
  body: Buffer;
}>(
  {
    _id: { type: String, required: true },
    consultationId: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
    body: Buffer,
  },
  { collection: EVENT_LOG_COLLECTION, versionKey: false, minimize: false, strict: true },
);
// Read and written by `_id` only (`<consultation>:<seq>`, unique): no secondary
// index, so each append maintains one index (ADR 9).
