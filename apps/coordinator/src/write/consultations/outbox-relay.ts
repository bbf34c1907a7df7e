import { Injectable, Logger } from '@nestjs/common';
import { isParty, partyOfSource, type Envelope } from '@icb/contracts';
import { EventPublisher } from '@icb/messaging';
import { EventLogRepository, logEntryId } from '../event-log/event-log.repository';
import { isOpen } from '../../policy/consultation-lifecycle.policy';
import { noticesOf, type FannedOutMessage } from './fan-out';
import type { Consultation } from './consultation.model';
import { ConsultationRepository, StoredConsultation, versionId } from './consultation.repository';
import { ConsultationView } from './consultation-view';
import type { OutboxEntry } from './consultation.schema';

/** Consultations whose relayed log sequence this process remembers. */
const RELAYED_MEMORY = 10_000;
/** Consultations checked per look-up by the sweep. */
const SWEEP_CHUNK = 500;

/**
 * The outbox's relay: after a version is committed (with its outbox: the
 * events to publish and the log entries to append), publishes its events and
 * their need-to-know notices, appends its log entries and shows the version
 * in the projection; the sweep relays whatever a crash left between a commit
 * and its relay (ADR 5, ADR 17).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    private readonly repository: ConsultationRepository,
    private readonly eventLog: EventLogRepository,
    private readonly publisher: EventPublisher,
    private readonly view: ConsultationView,
  ) {}

  /**
   * Publishes the outbox's events, then appends its log entries, then shows
   * the version in the read model: a logged entry means a published event.
   * Safe to run twice, concurrently too: publishes are de-duplicated by event
   * id, log appends by sequence number (the same entry), the read model by
   * version. The message that caused the change is acked after this.
   */
  async relay(stored: StoredConsultation, opts: { fresh?: OutboxEntry[] } = {}): Promise<void> {
    // Right after a commit the caller knows what is new; otherwise ask the log.
    const pending = opts.fresh ?? (await this.unrelayed(stored));
    if (pending.length > 0) {
      await Promise.all(
        pending.flatMap((e) =>
          [...(e.publish ? [e.publish] : []), ...this.noticesOf(e, stored.consultation)].map((p) =>
            this.publisher.send(p.subject, p.envelope),
          ),
        ),
      );
    }
    // The log and the read model are independent of each other: both at once.
    await Promise.all([
      pending.length > 0 ? this.eventLog.appendAll(pending.map((e) => e.log)) : undefined,
      // A new consultation is in the bucket before its opening is acked (the
      // sweep repairs later versions, never a consultation it cannot see).
      this.view.publish(stored.consultation, stored.logHead, {
        durable: stored.consultation.version === 1,
      }),
    ]);
    const last = stored.outbox.at(-1)?.log.seq;
    if (last !== undefined) this.rememberRelayed(stored.consultation.id, last);
  }

  /**
   * The log sequence up to which this process relayed each consultation's
   * outbox: the log is append-only, so what this process appended is there
   * for good, and the next change need not look it up (on FerretDB every
   * look-up reads the whole log; ADR 5, addendum).
   */
  private readonly relayedThrough = new Map<string, number>();

  private rememberRelayed(id: string, seq: number): void {
    if ((this.relayedThrough.get(id) ?? 0) >= seq) return;
    this.relayedThrough.delete(id);
    this.relayedThrough.set(id, seq);
    if (this.relayedThrough.size > RELAYED_MEMORY) {
      this.relayedThrough.delete(this.relayedThrough.keys().next().value as string);
    }
  }

  /**
   * The outbox entries not yet in the log: none when this process relayed
   * them itself, else one `$in` look-up of the entries' ids.
   */
  async unrelayed(stored: StoredConsultation): Promise<OutboxEntry[]> {
    const outbox = stored.outbox;
    if (outbox.length === 0) return [];
    const id = stored.consultation.id;
    const lastSeq = outbox[outbox.length - 1].log.seq;
    if ((this.relayedThrough.get(id) ?? 0) >= lastSeq) return [];
    const there = await this.eventLog.present(outbox.map((e) => logEntryId(id, e.log.seq)));
    return outbox.filter((e) => !there.has(logEntryId(id, e.log.seq)));
  }

  /**
   * Relays whatever a crash left between a commit and its relay, and brings
   * the read model up to a version committed but not shown. A consultation
   * is done when the last entry of its head is in the log and no newer
   * version exists: two `$in` look-ups per 500 open consultations.
   */
  async relayPending(): Promise<number> {
    let repaired = 0;
    // Only matters still moving can have a change left half-relayed: a crash
    // mid-change leaves the read model at the version before, which is open
    // (or has a clock running). Closed ones are skipped.
    const moving = [...this.view.all()].filter(
      (r) => isOpen(r.consultation.status) || r.consultation.nextClockAt,
    );
    const heads = moving.map((r) => ({
      id: r.consultation.id,
      version: r.consultation.version,
      logSeq: r.logHead.seq,
    }));
    for (let i = 0; i < heads.length; i += SWEEP_CHUNK) {
      const chunk = heads.slice(i, i + SWEEP_CHUNK);
      const [logged, newer] = await Promise.all([
        this.eventLog.present(
          chunk.filter((h) => h.logSeq > 0).map((h) => logEntryId(h.id, h.logSeq)),
        ),
        this.repository.existingVersions(chunk.map((h) => versionId(h.id, h.version + 1))),
      ]);
      for (const head of chunk) {
        const done =
          (head.logSeq === 0 || logged.has(logEntryId(head.id, head.logSeq))) &&
          !newer.has(versionId(head.id, head.version + 1));
        if (done) continue;
        const stored = await this.repository.get(head.id);
        if (!stored) continue;
        await this.relay(stored);
        repaired++;
      }
    }
    return repaired;
  }

  /**
   * Fills an empty read model from the database (a scan: after its KV bucket
   * was lost, or the first start on data from before it existed).
   */
  async rebuildViewIfEmpty(): Promise<number> {
    if (this.view.size > 0) return 0;
    let n = 0;
    for await (const stored of this.repository.latestOfAll()) {
      await this.view.publish(stored.consultation, stored.logHead, { durable: true });
      n++;
    }
    if (n > 0) this.logger.log(`read model rebuilt from the database: ${n} consultations`);
    return n;
  }

  /**
   * The notices of one outbox entry (ADR 17): of the event it publishes, or
   * of the accepted agency message it logs, marked like the consultation, as
   * the policy in effect when it was logged says. The same entry gives the same
   * notices, with the same ids, on every relay. A notice that cannot be built
   * is logged and left out: it must never stop the change it reports.
   */
  private noticesOf(
    entry: OutboxEntry,
    consultation: Consultation,
  ): { subject: string; envelope: Envelope }[] {
    let message: FannedOutMessage | undefined;
    if (entry.publish) {
      const e = entry.publish.envelope;
      const publisher = partyOfSource(e.source);
      message = publisher && {
        name: e.type.replace(/^gov\.icb\./, '').replace(/\.v\d+$/, ''),
        publisher,
        eventId: e.id,
        occurredAt: entry.log.at,
        data: e.data as Record<string, unknown>,
      };
    } else if (entry.notify && isParty(entry.log.actor)) {
      message = {
        name: entry.log.type,
        publisher: entry.log.actor,
        eventId: entry.log.eventId,
        occurredAt: entry.log.at,
        data: entry.log.data ?? {},
      };
    }
    if (!message) return [];
    const audience = {
      id: consultation.id,
      clearers: consultation.clearers,
      escalated: consultation.escalation !== undefined,
      classification: consultation.classification,
    };
    const built: { subject: string; envelope: Envelope }[] = [];
    for (const notice of noticesOf(message, audience)) {
      try {
        built.push(
          this.publisher.envelope('notice.forwarded', notice.payload, {
            id: notice.id,
            classification: consultation.classification,
            precedence: consultation.precedence,
            causedBy: {
              id: message.eventId,
              correlationid: entry.publish?.envelope.correlationid ?? consultation.id,
              classification: consultation.classification,
              precedence: consultation.precedence,
            },
            time: new Date(),
          }),
        );
      } catch (error) {
        this.logger.error(
          `notice of ${message.name} ${message.eventId} to ${notice.payload.recipient} not sent: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    }
    return built;
  }
}
