import type { Agency, NoticeForwardedV1, Party } from '@icb/contracts';
import { derivedEventId } from '@icb/messaging';
import {
  concernedAgency,
  recipientsOf,
  type ConsultationAudience,
  type NeedToKnowTables,
  type NoticeField,
} from '../../policy/need-to-know.policy';

/** A message the coordinator accepted or published, as the fan-out reads it. */
export interface FannedOutMessage {
  /** Message name, e.g. `signoff.submitted`. */
  name: string;
  publisher: Party;
  eventId: string;
  /** When the coordinator accepted (or published) it: the policy in effect then applies. */
  occurredAt: string;
  data: Readonly<Record<string, unknown>>;
}

/** A notice to send, with the id JetStream de-duplicates it by (one per message and recipient). */
export interface Notice {
  id: string;
  payload: NoticeForwardedV1;
}

/** The event id of the notice of `eventId` to `recipient`: the same on every relay of the outbox. */
export function noticeId(eventId: string, recipient: Agency): string {
  return derivedEventId(eventId, `notice.forwarded:${recipient}`);
}

const int = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The fields a recipient may learn, read from the message (only those the policy names). */
function fieldsOf(
  message: FannedOutMessage,
  fields: readonly NoticeField[],
): Partial<NoticeForwardedV1> {
  const d = message.data;
  const all: Partial<NoticeForwardedV1> = {
    agency: concernedAgency(d),
    revision: int(d.revision),
    decision: str(d.decision) as NoticeForwardedV1['decision'],
    // A status change names where the consultation went.
    status: (message.name === 'consultation.status-changed' ? str(d.to) : undefined) as
      | NoticeForwardedV1['status']
      | undefined,
    outcome: str(d.outcome) as NoticeForwardedV1['outcome'],
  };
  const picked: Partial<NoticeForwardedV1> = {};
  for (const field of fields) {
    if (all[field] !== undefined) (picked as Record<string, unknown>)[field] = all[field];
  }
  return picked;
}

/** One line from the fields the recipient may learn, and nothing else. */
function summaryOf(message: FannedOutMessage, fields: Partial<NoticeForwardedV1>): string {
  const details = [
    fields.agency,
    fields.decision,
    fields.status && `now ${fields.status}`,
    fields.outcome,
    fields.revision && `revision ${fields.revision}`,
  ].filter(Boolean);
  return `${message.name} from ${message.publisher}${details.length ? `: ${details.join(', ')}` : ''}`;
}

/**
 * The notices the coordinator sends of one message about a consultation, as
 * the need-to-know policy says (apps/coordinator/src/policy/need-to-know.data.ts):
 * one per recipient, addressed to it, with only the fields the policy lets
 * through. The caller publishes them marked like the consultation.
 */
export function noticesOf(
  message: FannedOutMessage,
  consultation: ConsultationAudience & { id: string },
  tables: NeedToKnowTables = {},
): Notice[] {
  return recipientsOf(message, consultation, message.occurredAt, tables).map(
    ({ agency, fields }) => {
      const picked = fieldsOf(message, fields);
      return {
        id: noticeId(message.eventId, agency),
        payload: {
          consultationId: consultation.id,
          recipient: agency,
          message: message.name,
          eventId: message.eventId,
          publisher: message.publisher,
          occurredAt: message.occurredAt,
          summary: summaryOf(message, picked),
          ...picked,
        },
      };
    },
  );
}
