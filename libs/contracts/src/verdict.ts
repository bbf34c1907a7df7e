import { RPC_SUBJECT_PREFIX } from './define';
import { isParty, type Party } from './parties';

/**
 * The coordinator's verdict on one message a party published (ADR 11):
 * `accepted` (applied, or already in effect: `changed: false`) or `refused`
 * (with the refusal's code and sentence). Recorded by envelope id before the
 * message is acked, and announced on `verdictSubject(party)`.
 */
export const VERDICT_OUTCOMES = ['accepted', 'refused'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

/** The consultation as the verdict left it. */
export interface VerdictConsultation {
  status: string;
  revision: number;
  /** The consultation's version after the message (the one that applied it, when it changed it). */
  version: number;
}

export interface MessageVerdict {
  /** The envelope id of the message judged. */
  eventId: string;
  /** Its message name, e.g. `signoff.submitted`. */
  message: string;
  /** Who published it (the verdict is announced to this party alone). */
  party: Party;
  consultationId: string;
  outcome: VerdictOutcome;
  /** False when the message was accepted but changed nothing (it was already in effect). */
  changed: boolean;
  /** The refusal's code (`STALE_REVISION`, ...); with `changed: false`, why nothing changed. */
  code?: string;
  /** The refusal's sentence, for a person. */
  reason?: string;
  /** Absent when the message was refused before any consultation was read (e.g. `AGENCY_MISMATCH`). */
  consultation?: VerdictConsultation;
  /** When the coordinator decided (ISO 8601, its clock). */
  decidedAt: string;
}

/**
 * Where the coordinator announces its verdicts on a party's messages:
 * `icb.rpc.coordinator.verdict.<party>` (core NATS, no stream: a verdict
 * missed here is read from the coordinator's REST API, where it is durable).
 */
export function verdictSubject(party: Party): string {
  return `${RPC_SUBJECT_PREFIX}.coordinator.verdict.${party}`;
}

/** Whether a parsed value has the shape of a MessageVerdict (what a listener checks before trusting it). */
export function isMessageVerdict(value: unknown): value is MessageVerdict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const consultation = v.consultation as Record<string, unknown> | undefined;
  return (
    typeof v.eventId === 'string' &&
    typeof v.message === 'string' &&
    isParty(v.party) &&
    typeof v.consultationId === 'string' &&
    (VERDICT_OUTCOMES as readonly unknown[]).includes(v.outcome) &&
    typeof v.changed === 'boolean' &&
    (v.code === undefined || typeof v.code === 'string') &&
    (v.reason === undefined || typeof v.reason === 'string') &&
    (consultation === undefined ||
      (typeof consultation === 'object' &&
        consultation !== null &&
        typeof consultation.status === 'string' &&
        typeof consultation.revision === 'number' &&
        typeof consultation.version === 'number')) &&
    typeof v.decidedAt === 'string'
  );
}
