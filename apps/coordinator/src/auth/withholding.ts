/**
 * What an operator may not read is withheld, not hidden (ADR 8): they still
 * see that a consultation exists, its status, clocks and whose move it is,
 * so they can tell what is stuck; its title, attributes, sign-off texts and
 * timeline summaries are withheld when it is classified above their
 * clearance. Pure functions over the response shapes, seen through the few
 * fields they read: the consultations depend on auth, never the reverse.
 */
import { mayRead } from './clearance';
import type { Operator } from './operator';

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

export const WITHHELD = '[withheld]';

export function withholdSummary<T extends Withholdable>(reader: Operator, s: T): T {
  if (mayRead(reader.clearance, s.classification)) return s;
  return { ...s, title: WITHHELD, withheld: true };
}

export function withholdClock<T extends Withholdable>(reader: Operator, c: T): T {
  if (mayRead(reader.clearance, c.classification)) return c;
  return { ...c, title: WITHHELD, withheld: true };
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
}

/** Messages whose payload is for their addressee alone: never shown to operators. */
export const ADDRESSEE_ONLY = new Set<string>(['intel.assessment-released']);

/**
 * A bus envelope as an operator may see it: whole, or without `data` (and
 * with `withheld: true`) when marked above their clearance or meant for its
 * addressee alone.
 */
export function withholdEnvelope(
  reader: Operator,
  messageName: string,
  envelope: EnvelopeLike,
): EnvelopeLike & { withheld?: boolean } {
  const marking = typeof envelope.classification === 'string' ? envelope.classification : '';
  if (!ADDRESSEE_ONLY.has(messageName) && marking && mayRead(reader.clearance, marking)) {
    return envelope;
  }
  const { data: _data, ...rest } = envelope;
  return { ...rest, withheld: true };
}

interface DeadLetterLike {
  subject: string;
  data: string;
  encoding: 'utf8' | 'base64';
  withheld?: boolean;
}

/**
 * A dead letter's original body as an operator may see it: withheld when it
 * is meant for its addressee alone, marked above their clearance, or cannot
 * be read as an envelope and they are not cleared for everything.
 */
export function withholdDeadLetter<T extends DeadLetterLike>(reader: Operator, record: T): T {
  const tokens = record.subject.split('.');
  const name = tokens[1] === 'evt' && tokens.length >= 6 ? `${tokens[3]}.${tokens[4]}` : '';
  let marking = '';
  if (record.encoding === 'utf8') {
    try {
      const parsed = JSON.parse(record.data) as { classification?: unknown };
      if (typeof parsed?.classification === 'string') marking = parsed.classification;
    } catch {
      // not JSON: only the highest clearance reads it
    }
  }
  const readable = marking ? mayRead(reader.clearance, marking) : reader.clearance === 'TOP SECRET';
  if (!ADDRESSEE_ONLY.has(name) && readable) return record;
  return { ...record, data: WITHHELD, encoding: 'utf8', withheld: true };
}
