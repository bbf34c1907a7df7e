/**
 * What the coordinator's verdict on a message is, from what the service
 * decided (ADR 11), and what of it an operator may read. Pure functions.
 */
import type { MessageVerdict, Party, VerdictConsultation } from '@icb/contracts';
import { mayRead } from '../../auth/clearance';
import type { Operator } from '../../auth/operator';
import { WITHHELD } from '../../auth/clearance';
import type { VerdictDocument } from './verdict.schema';

/** The message judged, as its envelope names it. */
export interface JudgedMessage {
  eventId: string;
  /** Message name, e.g. `signoff.submitted`. */
  message: string;
  party: Party;
  consultationId: string;
  classification?: string;
}

/**
 * What applying the message did, to a consultation marked `marking` (its
 * banner: a reason about it is withheld from who may not read it).
 */
export type Judgement = { marking?: string } & (
  | { kind: 'applied'; consultation: VerdictConsultation }
  | { kind: 'refused'; code: string; reason: string; consultation: VerdictConsultation }
  /** Nothing to change: what the message asks for is already so (with the rules' note, when they gave one). */
  | { kind: 'unchanged'; code?: string; reason?: string; consultation: VerdictConsultation }
  /** The message was judged before (a redelivery): its first verdict stands. */
  | { kind: 'repeat'; consultation: VerdictConsultation }
);

/** The verdict on a message the rules judged (not a repeat: that one is looked up). */
export function verdictOf(
  m: JudgedMessage,
  judgement: Exclude<Judgement, { kind: 'repeat' }>,
  decidedAt: string,
): MessageVerdict {
  const base = {
    eventId: m.eventId,
    message: m.message,
    party: m.party,
    consultationId: m.consultationId,
    consultation: judgement.consultation,
    decidedAt,
  };
  switch (judgement.kind) {
    case 'applied':
      return { ...base, outcome: 'accepted', changed: true };
    case 'refused':
      return {
        ...base,
        outcome: 'refused',
        changed: false,
        code: judgement.code,
        reason: judgement.reason,
      };
    case 'unchanged':
      return {
        ...base,
        outcome: 'accepted',
        changed: false,
        ...(judgement.code !== undefined && { code: judgement.code }),
        ...(judgement.reason !== undefined && { reason: judgement.reason }),
      };
  }
}

/** The verdict on a message whose handler failed for good (it is dead-lettered with this code). */
export function verdictOfFailure(
  m: JudgedMessage,
  failure: { code: string; reason: string },
  decidedAt: string,
): MessageVerdict {
  return {
    eventId: m.eventId,
    message: m.message,
    party: m.party,
    consultationId: m.consultationId,
    outcome: 'refused',
    changed: false,
    code: failure.code,
    reason: failure.reason,
    decidedAt,
  };
}

/** The parts of a log entry read to recover a verdict. */
export interface LoggedEntry {
  eventId: string;
  type: string;
  data?: Record<string, unknown>;
}

/**
 * A verdict recovered from the consultation's event log, for a message
 * applied or refused by a process that stopped before it recorded the
 * verdict: the refusal notice (`message.refused`) names the refused event;
 * otherwise the message was applied (logged) or changed nothing.
 */
export function verdictFromLog(
  m: JudgedMessage,
  entries: readonly LoggedEntry[],
  consultation: VerdictConsultation,
  decidedAt: string,
): MessageVerdict {
  const notice = entries.find(
    (e) => e.type === 'message.refused' && e.data?.refusedEventId === m.eventId,
  );
  if (notice) {
    return verdictOf(
      m,
      {
        kind: 'refused',
        code: typeof notice.data?.code === 'string' ? notice.data.code : 'REFUSED',
        reason: typeof notice.data?.reason === 'string' ? notice.data.reason : '',
        consultation,
      },
      decidedAt,
    );
  }
  const logged = entries.some((e) => e.eventId === m.eventId);
  return verdictOf(
    m,
    logged ? { kind: 'applied', consultation } : { kind: 'unchanged', consultation },
    decidedAt,
  );
}

export function toDocument(
  v: MessageVerdict,
  extra: { markings?: string[]; deadLettered?: boolean } = {},
): VerdictDocument {
  return {
    _id: v.eventId,
    party: v.party,
    message: v.message,
    consultationId: v.consultationId,
    outcome: v.outcome,
    changed: v.changed,
    ...(v.code !== undefined && { code: v.code }),
    ...(v.reason !== undefined && { reason: v.reason }),
    ...(v.consultation !== undefined && { consultation: v.consultation }),
    ...(extra.markings !== undefined && extra.markings.length > 0 && { markings: extra.markings }),
    ...(extra.deadLettered && { deadLettered: true }),
    decidedAt: new Date(v.decidedAt),
  };
}

export function fromDocument(doc: VerdictDocument): MessageVerdict {
  return {
    eventId: doc._id,
    message: doc.message,
    party: doc.party as Party,
    consultationId: doc.consultationId,
    outcome: doc.outcome,
    changed: doc.changed,
    ...(doc.code !== undefined && doc.code !== null && { code: doc.code }),
    ...(doc.reason !== undefined && doc.reason !== null && { reason: doc.reason }),
    ...(doc.consultation && {
      consultation: {
        status: doc.consultation.status,
        revision: doc.consultation.revision,
        version: doc.consultation.version,
      },
    }),
    decidedAt: new Date(doc.decidedAt).toISOString(),
  };
}

/**
 * A verdict as an operator may read it: an agency's service account reads
 * only the verdicts on its agency's messages (undefined: as if there were
 * none); the reason is withheld from whoever is not cleared for the
 * message's marking and the consultation's.
 */
export function verdictAsReadBy(
  reader: Pick<Operator, 'kind' | 'agency' | 'clearance'>,
  doc: VerdictDocument,
): (MessageVerdict & { withheld?: boolean }) | undefined {
  if (reader.kind === 'service' && reader.agency !== undefined && reader.agency !== doc.party) {
    return undefined;
  }
  const verdict = fromDocument(doc);
  const markings = doc.markings ?? [];
  if (verdict.reason === undefined || markings.every((m) => mayRead(reader.clearance, m))) {
    return verdict;
  }
  return { ...verdict, reason: WITHHELD, withheld: true };
}
