import { clearanceCovers, isMessageName, tryParseMarking, type Agency } from '@icb/contracts';
import type { Instant } from './calendar';
import { selectEffective } from './effective-dated';
import {
  ACCREDITATIONS,
  NEED_TO_KNOW,
  type Accreditation,
  type Audience,
  type Forwarding,
  type NeedToKnowPolicy,
  type NoticeField,
} from './need-to-know.data';
import { ACTION_AGENCY, AGENCIES } from './vocabulary';

export type { Audience, Forwarding, NoticeField } from './need-to-know.data';

/** What the policy needs to know of a consultation. */
export interface ConsultationAudience {
  readonly clearers: readonly Agency[];
  /** Set once the consultation has been escalated. */
  readonly escalated: boolean;
  /** The consultation's banner marking. */
  readonly classification: string;
}

/** One message, as the policy reads it. */
export interface ForwardedMessage {
  readonly name: string;
  /** The party that published it. */
  readonly publisher: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One recipient and the fields it may learn. */
export interface NoticeRecipient {
  readonly agency: Agency;
  readonly fields: readonly NoticeField[];
}

/** The agency a message is about, when it names one. */
export function concernedAgency(data: Readonly<Record<string, unknown>>): Agency | undefined {
  const named = data.agency ?? data.imposingAgency;
  return typeof named === 'string' && (AGENCIES as readonly string[]).includes(named)
    ? (named as Agency)
    : undefined;
}

function audienceOf(
  to: Audience,
  message: ForwardedMessage,
  consultation: ConsultationAudience,
): Agency[] {
  if (to === 'clearers') return [...consultation.clearers];
  if (to === 'action-office') return [ACTION_AGENCY];
  if (to === 'concerned-agency') {
    const agency = concernedAgency(message.data);
    return agency ? [agency] : [];
  }
  if (to.when === 'escalated' && !consultation.escalated) return [];
  return [to.agency];
}

/** The tables to use instead of those in effect (for tests of the policy's logic). */
export interface NeedToKnowTables {
  readonly forward?: NeedToKnowPolicy['forward'];
  readonly levels?: Accreditation['levels'];
}

/**
 * Whether an agency's end of the bus may hold content under `marking`. A
 * marking that does not parse counts as TOP SECRET.
 */
export function accreditedFor(
  agency: Agency,
  marking: string,
  asOf: Instant,
  levels: Accreditation['levels'] = selectEffective(ACCREDITATIONS, asOf, 'bus accreditation')
    .levels,
): boolean {
  const parsed = tryParseMarking(marking);
  return clearanceCovers(levels[agency], parsed.ok ? parsed.marking.level : 'TOP SECRET');
}

/**
 * Who is told of `message`, and what: the rows of the need-to-know table in
 * effect on `asOf` for the message, less its publisher, less agencies not
 * accredited for the consultation's marking. An agency named by several rows
 * learns the union of their fields. Sorted by agency for a stable order.
 */
export function recipientsOf(
  message: ForwardedMessage,
  consultation: ConsultationAudience,
  asOf: Instant,
  tables: NeedToKnowTables = {},
): NoticeRecipient[] {
  if (!isMessageName(message.name)) return [];
  const forward =
    tables.forward ?? selectEffective(NEED_TO_KNOW, asOf, 'need-to-know policy').forward;
  const rows: readonly Forwarding[] = forward[message.name] ?? [];
  const byAgency = new Map<Agency, Set<NoticeField>>();
  for (const row of rows) {
    for (const agency of audienceOf(row.to, message, consultation)) {
      if (agency === message.publisher) continue;
      const fields = byAgency.get(agency) ?? new Set<NoticeField>();
      row.fields.forEach((f) => fields.add(f));
      byAgency.set(agency, fields);
    }
  }
  return [...byAgency.entries()]
    .filter(([agency]) => accreditedFor(agency, consultation.classification, asOf, tables.levels))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agency, fields]) => ({ agency, fields: [...fields].sort() }));
}
