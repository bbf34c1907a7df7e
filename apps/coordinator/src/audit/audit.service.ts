import { Injectable } from '@nestjs/common';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { ConsultationsService } from '../consultations/consultations.service';
import { EventLogRepository } from '../event-log/event-log.repository';
import { verifyChain, VerifyResult } from '../event-log/hash-chain';

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
}
