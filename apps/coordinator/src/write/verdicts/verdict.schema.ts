import { Schema } from 'mongoose';

export const VERDICT_COLLECTION = 'verdicts';

/**
 * The coordinator's verdict on one message (`verdicts`), by envelope id: what
 * `GET /messages/{eventId}/verdict` answers and an adapter's status URL
 * shows (ADR 11). Written once, before the message is acked; read by `_id`.
 */
export interface VerdictDocument {
  /** The envelope id of the message judged. */
  _id: string;
  party: string;
  message: string;
  consultationId: string;
  outcome: 'accepted' | 'refused';
  changed: boolean;
  code?: string;
  reason?: string;
  consultation?: { status: string; revision: number; version: number };
  /** The message's marking and the consultation's: the reason is withheld from operators not cleared for both. */
  markings?: string[];
  /**
   * Refused by an error that dead-lettered the message, not by the rules: a
   * replay of the dead letter that the rules then judge replaces it.
   */
  deadLettered?: boolean;
  decidedAt: Date;
}

export const VerdictSchema = new Schema<VerdictDocument>(
  {
    _id: { type: String, required: true },
    party: { type: String, required: true },
    message: { type: String, required: true },
    consultationId: { type: String, required: true },
    outcome: { type: String, required: true },
    changed: { type: Boolean, required: true },
    code: String,
    reason: String,
    consultation: { type: Object },
    markings: [String],
    deadLettered: Boolean,
    decidedAt: { type: Date, required: true },
  },
  { collection: VERDICT_COLLECTION, versionKey: false, minimize: false, strict: true },
);
// Read by `_id` only; `decidedAt` is scanned once an hour to forget old verdicts (as the inbox is).
