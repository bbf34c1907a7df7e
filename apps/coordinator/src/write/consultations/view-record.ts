import type { Agency, ConsultationKind, ConsultationStatus, Precedence } from '@icb/contracts';
import { markingRank } from '../../auth/clearance';
import type { Consultation } from './consultation.model';

/**
 * One consultation as the read model holds it: the summary (the consultation
 * without its detail-only lists), and the fields the queries filter and sort
 * on, copied into an object of one fixed shape (reading them off the
 * consultations themselves, objects of many shapes, cost most of a query's
 * time at 100,000).
 */
export interface ViewRecord {
  consultation: Consultation;
  logHead: { seq: number; hash: string };
  id: string;
  status: ConsultationStatus;
  kind: ConsultationKind;
  precedence: Precedence;
  pendingAgencies: readonly Agency[];
  updatedAt: string;
  openedAt: string;
  nextDueAt: string | undefined;
  /** Lower-cased title, summary, reference and id, for `q=` search by a reader cleared for it. */
  text: string;
  /** Lower-cased id: all `q=` searches in when the reader may not read the consultation. */
  withheldText: string;
  /** The rank of the consultation's classification level (markingRank), to withhold by. */
  level: number;
}

export function searchText(c: Consultation): string {
  return [c.title, c.summary, c.reference ?? '', c.id].join('\u0000').toLowerCase();
}

/** A record of the read model for a consultation (the detail-only lists emptied). */
export function toViewRecord(c: Consultation, logHead: { seq: number; hash: string }): ViewRecord {
  const consultation = { ...c, signOffs: [], conditions: [], screenings: [], assessments: [] };
  return {
    consultation,
    logHead,
    id: c.id,
    status: c.status,
    kind: c.kind,
    precedence: c.precedence,
    pendingAgencies: c.pendingAgencies ?? [],
    updatedAt: c.updatedAt,
    openedAt: c.openedAt,
    nextDueAt: c.nextDueAt ?? undefined,
    text: searchText(c),
    withheldText: c.id.toLowerCase(),
    level: markingRank(c.classification),
  };
}
