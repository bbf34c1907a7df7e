import { Injectable } from '@nestjs/common';
import { ConsultationRepository } from '../../write/consultations/consultation.repository';
import { ConsultationsService } from '../../write/consultations/consultations.service';
import { EventLogRepository } from '../../write/event-log/event-log.repository';
import { LogEntry, verifyChain, VerifyResult } from '../../write/event-log/hash-chain';

/** One page of a consultation's log as exported, with what the consultation records as its head. */
export interface LogPage {
  consultationId: string;
  classification: string;
  head: { seq: number; hash: string };
  entries: LogEntry[];
  next?: number;
}

/** Checks a consultation's hash-chained event log against the head recorded on the consultation. */
@Injectable()
export class AuditService {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly service: ConsultationsService,
    private readonly eventLog: EventLogRepository,
  ) {}

  /**
   * Relays what is still in the consultation's outbox first (the head already
   * counts those entries), then walks the log. Undefined for an unknown id.
   */
  async verify(consultationId: string): Promise<VerifyResult | undefined> {
    const stored = await this.consultations.get(consultationId);
    if (!stored) return undefined;
    await this.service.relay(stored);
    const entries = await this.eventLog.entries(consultationId, stored.logHead.seq);
    return verifyChain(entries, stored.logHead);
  }

  /**
   * Entries `after`+1 … `after`+`limit` of the log, exactly as stored, and the
   * head the consultation records (relayed first, as for `verify`): what
   * `icb audit verify --keys` checks without trusting this service.
   * Undefined for an unknown id.
   */
  async export(consultationId: string, after: number, limit: number): Promise<LogPage | undefined> {
    const stored = await this.consultations.get(consultationId);
    if (!stored) return undefined;
    await this.service.relay(stored);
    const all = await this.eventLog.entries(consultationId, stored.logHead.seq);
    const entries = all.filter((e) => e.seq > after).slice(0, limit);
    const last = entries.at(-1);
    return {
      consultationId,
      classification: stored.consultation.classification,
      head: stored.logHead,
      entries,
      ...(last && all.some((e) => e.seq > last.seq) ? { next: last.seq } : {}),
    };
  }
}
