import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Envelope } from '@icb/contracts';
import {
  derivedEventId,
  envelopeFingerprint,
  EventPublisher,
  PermanentMessageError,
} from '@icb/messaging';
import { EventLogRepository } from '../event-log/event-log.repository';
import { chain, GENESIS, LogEntry } from '../event-log/hash-chain';
import { Clock } from '../../time/clock';
import type { Change, ChangeContext, Outgoing } from './consultation.aggregate';
import {
  ContentionError,
  ConsultationExistsError,
  ConsultationNotFoundError,
  EventIdConflictError,
} from './consultation.errors';
import type { Consultation } from './consultation.model';
import { ConsultationRepository, StoredConsultation } from './consultation.repository';
import { ConsultationView } from './consultation-view';
import { OutboxRelay } from './outbox-relay';
import type { OutboxEntry } from './consultation.schema';

/** What caused a change: an accepted message, or a clock. */
export interface Cause {
  eventId: string;
  /** Message name, or `clock`. */
  type: string;
  /** The party that sent it, or `clock`. */
  actor: string;
  envelope?: Envelope;
  data?: Record<string, unknown>;
  /** The agency's signature the consumer verified (ADR 15): logged with the entry. */
  signature?: { kid: string; receivedAt: string };
}

export type ApplyResult =
  | { outcome: 'applied'; consultation: Consultation }
  | {
      outcome: 'duplicate';
      consultation: Consultation;
      /** Set when the rules found nothing to change (what was asked is already so), and why. */
      unchanged?: { code: string; message: string };
    }
  | { outcome: 'refused'; code: string; message: string; consultation: Consultation };

/**
 * The signature of the agency's message a log entry records, with the
 * envelope's attributes but `data` (the entry's own) and `jws` (ADR 15).
 */
function loggedSignature(cause: Cause): Pick<LogEntry, 'signature'> {
  if (!cause.signature || !cause.envelope?.jws) return {};
  const { data: _data, jws, ...attributes } = cause.envelope;
  return {
    signature: {
      kid: cause.signature.kid,
      jws,
      receivedAt: cause.signature.receivedAt,
      envelope: attributes,
    },
  };
}

const MAX_ATTEMPTS = 12;

/**
 * Applies changes to consultations: read the latest version, decide with the
 * pure aggregate, and commit the next version together with its outbox (log
 * entries and events) in one insert; then relay the outbox. A lost race
 * re-reads and decides again; a cause already applied has no second effect.
 */
@Injectable()
export class ConsultationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Consultations');

  constructor(
    private readonly repository: ConsultationRepository,
    private readonly eventLog: EventLogRepository,
    private readonly publisher: EventPublisher,
    private readonly clock: Clock,
    private readonly view: ConsultationView,
    private readonly outbox: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.outbox.rebuildViewIfEmpty();
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  async get(id: string): Promise<Consultation | undefined> {
    return (await this.repository.get(id))?.consultation;
  }

  /** Creates a consultation from its opening event. */
  async create(
    id: string,
    cause: Cause,
    decide: (ctx: ChangeContext) => Change,
  ): Promise<ApplyResult> {
    const change = decide({ now: this.now(), eventId: cause.eventId });
    if (!change.ok) throw new RefusedOpeningError(change.code, change.message);
    const stored = this.stage(
      {
        consultation: { ...change.state, version: 1 },
        processed: [],
        outbox: [],
        logHead: { seq: 0, hash: GENESIS },
      },
      cause,
      change,
    );
    stored.consultation.version = 1;
    // Committing version 1 is how we learn whether the id is taken (a look-up
    // of an absent id would scan the collection on FerretDB).
    if (!(await this.repository.commit(stored, this.clock.now()))) {
      const existing = await this.repository.get(id);
      if (existing) return this.alreadyThere(existing, cause, id);
    }
    this.view.show(stored.consultation, stored.logHead);
    await this.relay(stored, { fresh: stored.outbox });
    return { outcome: 'applied', consultation: stored.consultation };
  }

  private async alreadyThere(
    existing: StoredConsultation,
    cause: Cause,
    id: string,
  ): Promise<ApplyResult> {
    if (!this.alreadyApplied(existing, cause)) throw new ConsultationExistsError(id);
    await this.relay(existing);
    return { outcome: 'duplicate', consultation: existing.consultation };
  }

  /**
   * Applies one cause to one consultation. `decide` is called with the state
   * as read; it may be called again after a lost race.
   */
  async apply(
    id: string,
    causeOf: Cause | ((current: Consultation) => Cause),
    decide: (current: Consultation, ctx: ChangeContext) => Change,
    opts: { refusalNotice?: { agency: string } } = {},
  ): Promise<ApplyResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // First the version this process knows; after a lost race, the latest.
      const read =
        attempt === 1 ? await this.repository.getForUpdate(id) : await this.repository.get(id);
      if (!read) throw new ConsultationNotFoundError(id);
      const cause = typeof causeOf === 'function' ? causeOf(read.consultation) : causeOf;
      if (this.alreadyApplied(read, cause)) {
        await this.relay(read);
        return { outcome: 'duplicate', consultation: read.consultation };
      }
      const version = read.consultation.version;
      // Entries already relayed need not be carried into the next version's outbox.
      const pending = await this.outbox.unrelayed(read);
      const stored: StoredConsultation = { ...read, outbox: pending };
      // The aggregate works on its own copy: `read` may be this process's memory.
      const change = decide(structuredClone(read.consultation), {
        now: this.now(),
        eventId: cause.eventId,
      });
      if (!change.ok && change.noop) {
        // Nothing to change; finish what a crash may have left of the last change.
        if (pending.length > 0) await this.relay(stored, { fresh: pending });
        return {
          outcome: 'duplicate',
          consultation: read.consultation,
          unchanged: { code: change.code, message: change.message },
        };
      }
      const next = change.ok
        ? this.stage(stored, cause, change)
        : this.stageRefusal(stored, cause, change.code, change.message, opts.refusalNotice?.agency);
      next.consultation = { ...next.consultation, version: version + 1 };
      if (!(await this.repository.commit(next, this.clock.now()))) continue;
      // Committed: the clocks and reads of this instance see it before the
      // relay (a read of the database must never be ahead of the scheduler).
      this.view.show(next.consultation, next.logHead);
      // The carried-over entries were checked above; they are relayed again
      // with this change's (appends and publishes are idempotent).
      await this.relay(next, { fresh: next.outbox });
      if (!change.ok) {
        this.logger.warn(
          `refused ${cause.type} ${cause.eventId} on ${id}: ${change.code} ${change.message}`,
        );
        return {
          outcome: 'refused',
          code: change.code,
          message: change.message,
          consultation: next.consultation,
        };
      }
      return { outcome: 'applied', consultation: next.consultation };
    }
    throw new ContentionError(id, MAX_ATTEMPTS);
  }

  /**
   * Whether `cause` was applied to this consultation already: a repeat (a
   * redelivery, or a re-publish under another message id) that has no second
   * effect. The same event id saying something else is a conflict
   * (EventIdConflictError, dead-lettered), never silently dropped.
   */
  private alreadyApplied(stored: StoredConsultation, cause: Cause): boolean {
    if (!stored.processed.includes(cause.eventId)) return false;
    const recorded = stored.fingerprints?.[cause.eventId];
    if (recorded && cause.envelope && recorded !== envelopeFingerprint(cause.envelope)) {
      throw new EventIdConflictError(cause.eventId, stored.consultation.id);
    }
    return true;
  }

  /**
   * Stores log entries and events of an accepted change in the outbox, with
   * the notices the agencies get of them (none of a refused cause).
   */
  private stage(
    stored: StoredConsultation,
    cause: Cause,
    change: Extract<Change, { ok: true }>,
    accepted = true,
  ): StoredConsultation {
    const at = this.now();
    const id = change.state.id;
    const items: Omit<LogEntry, 'seq' | 'prevHash' | 'hash'>[] = [];
    const [first, ...otherNotes] = change.notes;
    if (cause.type !== 'clock') {
      items.push({
        consultationId: id,
        eventId: cause.eventId,
        type: cause.type,
        actor: cause.actor,
        summary: first?.summary ?? cause.type,
        at,
        data: cause.data,
        ...loggedSignature(cause),
      });
    }
    for (const note of cause.type === 'clock' ? change.notes : otherNotes) {
      items.push({
        consultationId: id,
        eventId: cause.eventId,
        type: note.type,
        actor: note.actor,
        summary: note.summary,
        at,
        data: note.data,
      });
    }
    const envelopes = change.events.map((event) => this.envelopeFor(event, cause, change.state));
    for (const { envelope } of envelopes) {
      items.push({
        consultationId: id,
        eventId: envelope.id,
        type: envelope.type.replace(/^gov\.icb\./, '').replace(/\.v\d+$/, ''),
        actor: 'coordinator',
        summary: describe(envelope),
        at,
        data: envelope.data as Record<string, unknown>,
      });
    }
    const { entries, head } = chain(stored.logHead, items);
    const outbox: OutboxEntry[] = entries.map((log) => ({ entryId: `${id}:${log.seq}`, log }));
    // Each event is published by the outbox entry that logs it.
    const offset = entries.length - envelopes.length;
    envelopes.forEach((e, i) => (outbox[offset + i].publish = e));
    // Need to know (ADR 17): the agencies get notices of the accepted message
    // and of each event; built when relayed (from the entry), never stored.
    if (accepted && cause.type !== 'clock' && cause.envelope) outbox[0].notify = true;
    return {
      consultation: change.state,
      processed: [...stored.processed, cause.eventId],
      fingerprints: cause.envelope
        ? { ...stored.fingerprints, [cause.eventId]: envelopeFingerprint(cause.envelope) }
        : stored.fingerprints,
      outbox: [...stored.outbox, ...outbox],
      logHead: head,
    };
  }

  /** A refusal is recorded on the timeline and told to the sender; the state does not change. */
  private stageRefusal(
    stored: StoredConsultation,
    cause: Cause,
    code: string,
    message: string,
    agency: string | undefined,
  ): StoredConsultation {
    const c = stored.consultation;
    const events: Outgoing[] = [];
    if (agency) {
      events.push({
        name: 'message.refused',
        payload: {
          consultationId: c.id,
          agency: agency as never,
          refusedEventId: cause.eventId,
          refusedMessage: cause.type,
          code,
          reason: message,
        },
        purpose: 'refused',
      });
    }
    return this.stage(
      stored,
      cause,
      {
        ok: true,
        state: { ...c, updatedAt: c.updatedAt },
        events,
        notes: [
          {
            type: 'refused',
            summary: `Refused ${cause.type} from ${cause.actor}: ${code}: ${message}`,
            actor: 'coordinator',
            data: { code, message },
          },
        ],
      },
      false,
    );
  }

  /**
   * Every event about a consultation carries the consultation's marking and
   * precedence (the higher of those and the payload's): a clock's event on a
   * SECRET consultation is marked SECRET, whatever caused it.
   */
  private envelopeFor(
    event: Outgoing,
    cause: Cause,
    consultation: Pick<Consultation, 'classification' | 'precedence'>,
  ): { subject: string; envelope: Envelope } {
    return this.publisher.envelope(event.name, event.payload as never, {
      id: derivedEventId(cause.eventId, event.purpose),
      classification: consultation.classification,
      precedence: consultation.precedence,
      causedBy: cause.envelope,
      correlationId: cause.envelope?.correlationid ?? event.payload['consultationId' as never],
      // The envelope's `time` is when it was published, by the wall clock:
      // receivers check it against the stream's own timestamp. The
      // coordinator's (possibly advanced, DEV_CLOCK) time is in the payload.
      time: new Date(),
    });
  }

  /** Publishes a committed version's outbox, logs it, shows it (OutboxRelay.relay). */
  relay(stored: StoredConsultation, opts: { fresh?: OutboxEntry[] } = {}): Promise<void> {
    return this.outbox.relay(stored, opts);
  }

  /** Relays what a crash left between a commit and its relay (OutboxRelay.relayPending). */
  relayPending(): Promise<number> {
    return this.outbox.relayPending();
  }
}

/** The opening event itself is refused by the coordinator's policy (unknown office, ...): dead-lettered with the reason. */
export class RefusedOpeningError extends PermanentMessageError {}

function describe(envelope: Envelope): string {
  const d = envelope.data as Record<string, unknown>;
  const name = envelope.type.replace(/^gov\.icb\./, '').replace(/\.v\d+$/, '');
  const parts = [name];
  for (const key of ['agency', 'from', 'to', 'ladder', 'level', 'outcome', 'clock', 'basis']) {
    if (typeof d[key] === 'string') parts.push(`${key}=${d[key]}`);
  }
  return parts.join(' ');
}
