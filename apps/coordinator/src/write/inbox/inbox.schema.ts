import { Schema } from 'mongoose';

export const INBOX_COLLECTION = 'inbox';

export interface InboxEntry {
  /** `<consumer>:<event id>` */
  _id: string;
  type: string;
  processedAt: Date;
}

export const InboxSchema = new Schema<InboxEntry>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    processedAt: { type: Date, required: true },
  },
  { collection: INBOX_COLLECTION, versionKey: false },
);
