/**
 * Small factories for seeding the coordinator's store directly (through
 * `ConsultationRepository.insert`), for specs that read what is stored rather
 * than drive it through the bus.
 */
import { randomUUID } from 'node:crypto';
import type { Agency } from '@icb/contracts';
import { GENESIS } from '../src/write/event-log/hash-chain';
import type {
  ClockRecord,
  Consultation,
  Review,
} from '../src/write/consultations/consultation.model';
import type { StoredConsultation } from '../src/write/consultations/consultation.repository';

const DAY = 86_400_000;
export const OPENED_AT = '2026-03-02T14:00:00.000Z';

function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

function earliest(dates: string[]): string | undefined {
  return dates.length ? [...dates].sort()[0] : undefined;
}

/** A pending review by `agency`, requested at `requestedAt`, due `days` later. */
export function aReview(agency: Agency, overrides: Partial<Review> = {}): Review {
  const requestedAt = overrides.requestedAt ?? OPENED_AT;
  return {
    agency,
    revision: 1,
    requestedAt,
    dueAt: plusDays(requestedAt, 10),
    state: 'pending',
    ...overrides,
  };
}

export interface ConsultationSeed extends Partial<Consultation> {
  /** Deadline per clearing agency (its review's `dueAt`); default: 10 days after opening. */
  dueAt?: Partial<Record<Agency, string>>;
}

/**
 * A valid consultation in review. `clearers` get one pending review each
 * (unless `reviews` is given) and a review clock per pending review; the
 * query fields (`pendingAgencies`, `nextDueAt`, `nextClockAt`) follow from
 * them, as the aggregate keeps them, unless overridden.
 */
export function aConsultation(seed: ConsultationSeed = {}): Consultation {
  const { dueAt = {}, ...overrides } = seed;
  const openedAt = overrides.openedAt ?? OPENED_AT;
  const revision = overrides.revision ?? 1;
  const clearers = overrides.clearers ?? (['dod', 'nsc'] as Agency[]);
  const status = overrides.status ?? 'in-review';
  const reviews =
    overrides.reviews ??
    clearers.map((agency) =>
      aReview(agency, {
        revision,
        requestedAt: openedAt,
        dueAt: dueAt[agency] ?? plusDays(openedAt, 10),
      }),
    );
  const open = status === 'in-review' ? reviews.filter((r) => r.state === 'pending') : [];
  const clocks =
    overrides.clocks ??
    open.map(
      (r): ClockRecord => ({
        id: `review:${r.agency}:r${r.revision}`,
        kind: 'review',
        agency: r.agency,
        revision: r.revision,
        dueAt: r.dueAt,
      }),
    );
  const consultation: Consultation = {
    id: randomUUID(),
    kind: 'security-cooperation',
    actionOffice: 'PM/DS',
    title: 'Poland - joint exercise support',
    summary: 'Support for a joint air-defence exercise.',
    attributes: { country: 'POL', values: [], items: [], parties: [] },
    classification: 'UNCLASSIFIED',
    precedence: 'ROUTINE',
    status,
    revision,
    clearers,
    reviews,
    signOffs: [],
    conditions: [],
    clocks,
    screenings: [],
    assessments: [],
    pendingAgencies: open.map((r) => r.agency),
    openedAt,
    updatedAt: openedAt,
    version: 1,
    ...overrides,
  };
  const nextDueAt =
    'nextDueAt' in overrides
      ? overrides.nextDueAt
      : earliest(open.filter((r) => !r.hold).map((r) => r.dueAt));
  const nextClockAt =
    'nextClockAt' in overrides
      ? overrides.nextClockAt
      : earliest(clocks.filter((c) => !c.firedAt).map((c) => c.dueAt));
  delete consultation.nextDueAt;
  delete consultation.nextClockAt;
  if (nextDueAt) consultation.nextDueAt = nextDueAt;
  if (nextClockAt) consultation.nextClockAt = nextClockAt;
  return consultation;
}

/** A consultation as stored, with an empty outbox and an empty event log. */
export function aStoredConsultation(
  consultation: Consultation = aConsultation(),
  overrides: Partial<Omit<StoredConsultation, 'consultation'>> = {},
): StoredConsultation {
  return {
    consultation,
    processed: [],
    outbox: [],
    logHead: { seq: 0, hash: GENESIS },
    ...overrides,
  };
}
