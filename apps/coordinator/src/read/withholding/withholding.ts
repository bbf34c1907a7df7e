/**
 * What an operator may not read is withheld, not hidden (ADR 8): they still
 * see that a consultation exists, its status, clocks and whose move it is,
 * so they can tell what is stuck; its title, attributes, sign-off texts and
 * timeline summaries are withheld when it is classified above their
 * clearance. Pure functions over the response shapes, seen through the few
 * fields they read: the consultations depend on auth, never the reverse.
 */
import { CLASSIFICATION_LEVELS, clearanceCovers, type Clearance } from '@icb/contracts';
import { markingRank, mayRead, WITHHELD } from '../../auth/clearance';

export { markingRank, WITHHELD };
import type { Operator } from '../../auth/operator';

const READABLE = new Map<Clearance, readonly boolean[]>();

/** Per level rank: may someone with `clearance` read it (mayRead, as a table a query reads per record). */
export function levelsReadableBy(clearance: Clearance): readonly boolean[] {
  let table = READABLE.get(clearance);
  if (!table) {
    table = CLASSIFICATION_LEVELS.map((level) => clearanceCovers(clearance, level));
    READABLE.set(clearance, table);
  }
  return table;
}

/** A response that names a consultation: its marking, and the title an operator may not read. */
export interface Withholdable {
  classification: string;
  title: string;
  withheld?: boolean;
}

/** A timeline entry as responses give it. */
export interface TimelineEntryLike {
  seq: number;
  at: string;
  type: string;
  actor: string;
  eventId: string;
  summary: string;
  data?: Record<string, unknown>;
}

export function withholdSummary<T extends Withholdable>(reader: Operator, s: T): T {
  if (mayRead(reader.clearance, s.classification)) return s;
  return { ...s, title: WITHHELD, withheld: true };
}

export function withholdClock<T extends Withholdable>(reader: Operator, c: T): T {
  if (mayRead(reader.clearance, c.classification)) return c;
  return { ...c, title: WITHHELD, withheld: true };
}

interface QueueItemLike extends Withholdable {
  review: {
    hold?: { reason: string; placedAt: string };
    extension?: { days: number; reason: string; grantedAt: string };
  };
}

/** An agency's queue item: the summary withheld, and its review's hold and extension reasons. */
export function withholdQueueItem<T extends QueueItemLike>(reader: Operator, item: T): T {
  if (mayRead(reader.clearance, item.classification)) return item;
  const { hold, extension } = item.review;
  return {
    ...withholdSummary(reader, item),
    review: {
      ...item.review,
      ...(hold && { hold: { ...hold, reason: WITHHELD } }),
      ...(extension && { extension: { ...extension, reason: WITHHELD } }),
    },
  };
}

export function withheldDetail<S extends Withholdable>(
  summary: S,
  timeline: readonly TimelineEntryLike[],
): S & { withheld: boolean; timeline: TimelineEntryLike[] } {
  return {
    ...summary,
    title: WITHHELD,
    withheld: true,
    timeline: timeline.map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.type,
      actor: e.actor,
      eventId: e.eventId,
      summary: WITHHELD,
    })),
  };
}

interface EnvelopeLike {
  id?: unknown;
  type?: unknown;
  source?: unknown;
  subject?: unknown;
  time?: unknown;
  classification?: unknown;
  data?: unknown;
  jws?: unknown;
}

/** Messages whose payload is for their addressee alone: never shown to operators. */
export const ADDRESSEE_ONLY = new Set<string>(['intel.assessment-released']);

/**
 * The marking of a consultation as the coordinator knows it (the read
 * model), if it knows the consultation: what a message about it is withheld
 * by, whatever lower marking its publisher gave it.
 */
export type ConsultationMarkingOf = (consultationId: string) => string | undefined;

/** The consultation a message names: its `data.consultationId`, else its envelope subject. */
function consultationOf(envelope: { subject?: unknown; data?: unknown }): string | undefined {
  const data = envelope.data as { consultationId?: unknown } | undefined;
  if (data && typeof data === 'object' && typeof data.consultationId === 'string') {
    return data.consultationId;
  }
  return typeof envelope.subject === 'string' && envelope.subject ? envelope.subject : undefined;
}

/**
 * May `reader` read a message's content? Only when cleared for every marking
 * that applies to it (the high-water mark): the envelope's own (required: a
 * message without one is withheld, never taken as UNCLASSIFIED), its
 * payload's `classification` when it names one, and the marking of the
 * consultation it is about, however its publisher marked it.
 */
export function mayReadMessage(
  reader: Operator,
  envelope: { classification?: unknown; subject?: unknown; data?: unknown },
  markingOf?: ConsultationMarkingOf,
): boolean {
  const markings: string[] = [];
  if (typeof envelope.classification !== 'string' || !envelope.classification) return false;
  markings.push(envelope.classification);
  const data = envelope.data as { classification?: unknown } | undefined;
  if (data && typeof data === 'object' && data.classification !== undefined) {
    if (typeof data.classification !== 'string') return false;
    markings.push(data.classification);
  }
  const consultationId = consultationOf(envelope);
  const consultationMarking =
    consultationId !== undefined ? markingOf?.(consultationId) : undefined;
  if (consultationMarking !== undefined) markings.push(consultationMarking);
  return markings.every((m) => mayRead(reader.clearance, m));
}

/**
 * A bus envelope as an operator may see it: whole, or without `data` and its
 * signature (and with `withheld: true`) when marked above their clearance,
 * about a consultation classified above it, or meant for its addressee
 * alone. The signature goes too: with the agency's public key, it would
 * confirm guesses of the withheld content.
 */
export function withholdEnvelope(
  reader: Operator,
  messageName: string,
  envelope: EnvelopeLike,
  markingOf: ConsultationMarkingOf,
): EnvelopeLike & { withheld?: boolean } {
  if (!ADDRESSEE_ONLY.has(messageName) && mayReadMessage(reader, envelope, markingOf)) {
    return envelope;
  }
  const { data: _data, jws: _jws, ...rest } = envelope;
  return { ...rest, withheld: true };
}

interface DeadLetterLike {
  subject: string;
  data: string;
  encoding: 'utf8' | 'base64';
  reason?: string;
  errors?: string[];
  withheld?: boolean;
}

/**
 * A dead letter's original body as an operator may see it: withheld when it
 * is meant for its addressee alone, marked above their clearance, about a
 * consultation classified above it (whatever its own marking), or cannot be
 * read as an envelope and they are not cleared for everything. With the body
 * go the reason and errors, which may quote it (a JSON parser's message
 * does); the code, subject, consumer and ids stay, to tell what is stuck.
 */
export function withholdDeadLetter<T extends DeadLetterLike>(
  reader: Operator,
  record: T,
  markingOf: ConsultationMarkingOf,
): T {
  const tokens = record.subject.split('.');
  const name = tokens[1] === 'evt' && tokens.length >= 6 ? `${tokens[3]}.${tokens[4]}` : '';
  let envelope: EnvelopeLike | undefined;
  if (record.encoding === 'utf8') {
    try {
      const parsed = JSON.parse(record.data) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        envelope = parsed;
      }
    } catch {
      // not JSON: only the highest clearance reads it
    }
  }
  const marked = typeof envelope?.classification === 'string' && envelope.classification !== '';
  const readable =
    envelope && marked
      ? mayReadMessage(reader, envelope, markingOf)
      : reader.clearance === 'TOP SECRET';
  if (!ADDRESSEE_ONLY.has(name) && readable) return record;
  const { errors: _errors, ...rest } = record;
  return {
    ...rest,
    data: WITHHELD,
    encoding: 'utf8',
    ...(record.reason !== undefined && { reason: WITHHELD }),
    withheld: true,
  } as T;
}
