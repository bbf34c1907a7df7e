/**
 * The consultations' hash-chained event log, as the coordinator writes it and
 * anyone holding an export checks it (`icb audit verify`): one definition,
 * so that a verifier outside the coordinator computes the same hashes.
 */
import { createHash } from 'node:crypto';
import { isMessageName, MESSAGES } from './catalog';
import { isAgency, partyOfSource } from './parties';
import { verifyEnvelopeSignature } from './signing/envelope-signature';
import type { AgencyKeyRegistry } from './signing/key-registry';

/** One entry of a consultation's append-only event log. */
export interface LogEntry {
  consultationId: string;
  /** 1, 2, 3, … with no gaps. */
  seq: number;
  /** The event this entry records (inbound or outbound), or the cause of a note. */
  eventId: string;
  type: string;
  actor: string;
  summary: string;
  at: string;
  data?: Record<string, unknown>;
  /**
   * On the entry of an agency's message: what proves the agency said it
   * (ADR 15), covered by the hash like everything else.
   */
  signature?: LoggedSignature;
  /** The previous entry's hash (`GENESIS` for the first). */
  prevHash: string;
  /** SHA-256 over the previous hash and this entry's canonical content. */
  hash: string;
}

/**
 * An agency's signature as logged: the signed envelope is `envelope` with
 * `data` (the entry's own `data`) and `jws` put back; its RFC 8785 form is
 * what the JWS signs, so anyone holding the agency's public key can check
 * the entry without trusting the coordinator (`icb audit verify --keys`).
 */
export interface LoggedSignature {
  kid: string;
  /** The detached compact JWS the message carried. */
  jws: string;
  /** When the bus stored the message: the key was effective then. */
  receivedAt: string;
  /** The envelope's attributes, without `data` (the entry's) and `jws`. */
  envelope: Record<string, unknown>;
}

/** The envelope an agency signed, rebuilt from a log entry (undefined without a signature). */
export function signedEnvelopeOf(
  entry: Pick<LogEntry, 'signature' | 'data'>,
): Record<string, unknown> | undefined {
  if (!entry.signature) return undefined;
  return { ...entry.signature.envelope, data: entry.data, jws: entry.signature.jws };
}

export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: Omit<LogEntry, 'hash'>): string {
  const { prevHash, ...content } = entry;
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

/** Chains new entries onto a head (`seq`, `hash` of the last entry). */
export function chain(
  head: { seq: number; hash: string },
  items: Omit<LogEntry, 'seq' | 'prevHash' | 'hash'>[],
): { entries: LogEntry[]; head: { seq: number; hash: string } } {
  const entries: LogEntry[] = [];
  let { seq, hash } = head;
  for (const item of items) {
    // Hash exactly what will be stored: JSON drops undefined fields, which a
    // database driver would otherwise write as null.
    const stored = JSON.parse(JSON.stringify(item)) as typeof item;
    const unhashed = { ...stored, seq: seq + 1, prevHash: hash };
    const entry = { ...unhashed, hash: entryHash(unhashed) };
    entries.push(entry);
    seq = entry.seq;
    hash = entry.hash;
  }
  return { entries, head: { seq, hash } };
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | {
      ok: false;
      entries: number;
      /** The first sequence number that does not check out. */
      firstBadSeq: number;
      problem: 'altered' | 'removed' | 'reordered' | 'truncated';
      detail: string;
    };

/**
 * Walks a log in stored order and finds the first entry that was altered,
 * removed, or moved, and whether entries are missing at the end compared
 * with the head recorded on the consultation.
 */
export function verifyChain(
  entries: LogEntry[],
  expectedHead?: { seq: number; hash: string },
): VerifyResult {
  let prevHash = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq) {
      const problem = e.seq > expectedSeq ? 'removed' : 'reordered';
      return {
        ok: false,
        entries: entries.length,
        firstBadSeq: expectedSeq,
        problem,
        detail: `expected entry ${expectedSeq}, found ${e.seq}`,
      };
    }
    if (e.prevHash !== prevHash) {
      return {
        ok: false,
        entries: entries.length,
        firstBadSeq: e.seq,
        problem: 'reordered',
        detail: `entry ${e.seq} does not follow entry ${e.seq - 1}`,
      };
    }
    const { hash, ...rest } = e;
    if (entryHash(rest) !== hash) {
      return {
        ok: false,
        entries: entries.length,
        firstBadSeq: e.seq,
        problem: 'altered',
        detail: `entry ${e.seq} (${e.type}) does not match its hash`,
      };
    }
    prevHash = hash;
  }
  if (
    expectedHead &&
    (expectedHead.seq !== entries.length || (entries.length > 0 && expectedHead.hash !== prevHash))
  ) {
    return {
      ok: false,
      entries: entries.length,
      firstBadSeq: entries.length + 1,
      problem: 'truncated',
      detail: `the consultation records ${expectedHead.seq} entries, the log holds ${entries.length}`,
    };
  }
  return { ok: true, entries: entries.length, head: prevHash };
}

/** One problem `verifyLogSignatures` found. */
export interface SignatureFailure {
  seq: number;
  eventId: string;
  actor: string;
  kid?: string;
  code: string;
  reason: string;
}

export interface SignatureReport {
  /** Agency positions whose signature verified. */
  verified: number;
  failures: SignatureFailure[];
}

/**
 * Whether `entry` records a message an agency published (the first entry of
 * its event, of a catalog message the actor may publish), which it must
 * have signed.
 */
function isAgencyPosition(entry: LogEntry, first: boolean): boolean {
  if (!first || !isAgency(entry.actor) || !isMessageName(entry.type)) return false;
  const publishers = (MESSAGES[entry.type] as { publishers: readonly string[] }).publishers;
  return publishers.includes(entry.actor);
}

/**
 * Checks every agency position of a log against the agencies' public keys:
 * its logged signature must verify over the envelope rebuilt from the entry
 * (`signedEnvelopeOf`), by a key of the actor effective when the bus stored
 * the message, and name the entry's own event. A position without a
 * signature is a failure (`SIGNATURE_MISSING`).
 */
export function verifyLogSignatures(
  entries: LogEntry[],
  registry: AgencyKeyRegistry,
): SignatureReport {
  const report: SignatureReport = { verified: 0, failures: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    const first = !seen.has(entry.eventId);
    seen.add(entry.eventId);
    const fail = (code: string, reason: string, kid?: string) =>
      report.failures.push({
        seq: entry.seq,
        eventId: entry.eventId,
        actor: entry.actor,
        kid,
        code,
        reason,
      });
    if (!entry.signature) {
      if (isAgencyPosition(entry, first)) {
        fail('SIGNATURE_MISSING', `${entry.actor}'s ${entry.type} is logged without its signature`);
      }
      continue;
    }
    const envelope = signedEnvelopeOf(entry)!;
    if (envelope.id !== entry.eventId || partyOfSource(String(envelope.source)) !== entry.actor) {
      fail(
        'SIGNATURE_NOT_OF_ENTRY',
        `the signed envelope is not ${entry.actor}'s event ${entry.eventId}`,
        entry.signature.kid,
      );
      continue;
    }
    const checked = verifyEnvelopeSignature(
      envelope,
      entry.actor,
      Date.parse(entry.signature.receivedAt),
      registry,
    );
    if (!checked.ok) fail(checked.code, checked.reason, checked.kid);
    else if (checked.kid !== entry.signature.kid)
      fail(
        'SIGNATURE_INVALID',
        `logged kid ${entry.signature.kid} is not the JWS's ${checked.kid}`,
        checked.kid,
      );
    else report.verified++;
  }
  return report;
}
