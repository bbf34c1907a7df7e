import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Envelope, type MessageVerdict, partyOfSource, verdictSubject } from '@icb/contracts';
import {
  errorCode,
  errorMessage,
  MESSAGING_OPTIONS,
  type MessagingOptions,
  NatsConnectionProvider,
  SubjectSpace,
} from '@icb/messaging';
import { EventLogRepository } from '../event-log/event-log.repository';
import { Clock } from '../../time/clock';
import {
  fromDocument,
  type JudgedMessage,
  type Judgement,
  toDocument,
  verdictFromLog,
  verdictOf,
  verdictOfFailure,
} from './verdict.policy';
import { VerdictRepository } from './verdict.repository';
import type { VerdictDocument } from './verdict.schema';

/**
 * The coordinator's verdict on each message a party published (ADR 11):
 * recorded by envelope id before the message is acked (durable: an adapter's
 * status URL and an Idempotency-Key replay read it), then announced on
 * `icb.rpc.coordinator.verdict.<party>` to the adapter waiting for it.
 */
@Injectable()
export class VerdictsService {
  private readonly logger = new Logger('Verdicts');
  private readonly space: SubjectSpace;

  constructor(
    private readonly verdicts: VerdictRepository,
    private readonly eventLog: EventLogRepository,
    private readonly nats: NatsConnectionProvider,
    private readonly clock: Clock,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.space = new SubjectSpace(options.namespace);
  }

  /** Records and announces the verdict on a message the consultations service handled. */
  async record(e: Envelope, judgement: Judgement): Promise<MessageVerdict | undefined> {
    const m = judged(e);
    if (!m) return undefined;
    const decidedAt = this.clock.now().toISOString();
    let stored: VerdictDocument;
    if (judgement.kind === 'repeat') {
      // Judged before: its verdict is recorded, unless the process that judged
      // it stopped first; then the log of the consultation tells.
      stored =
        (await this.verdicts.get(m.eventId)) ??
        (await this.verdicts.record(
          toDocument(
            verdictFromLog(
              m,
              await this.eventLog.entries(m.consultationId),
              judgement.consultation,
              decidedAt,
            ),
            { markings: markingsOf(m, judgement) },
          ),
        ));
    } else {
      stored = await this.verdicts.record(
        toDocument(verdictOf(m, judgement, decidedAt), { markings: markingsOf(m, judgement) }),
      );
    }
    const verdict = fromDocument(stored);
    this.announce(verdict);
    return verdict;
  }

  /** Records and announces a refusal by an error that dead-letters the message (AGENCY_MISMATCH, ...). */
  async recordFailure(e: Envelope, error: unknown): Promise<void> {
    const m = judged(e);
    if (!m) return;
    const verdict = verdictOfFailure(
      m,
      { code: errorCode(error), reason: errorMessage(error) },
      this.clock.now().toISOString(),
    );
    const stored = await this.verdicts.record(
      toDocument(verdict, { markings: markingsOf(m, {}), deadLettered: true }),
    );
    this.announce(fromDocument(stored));
  }

  /** The recorded verdict on a message, when there is one. */
  get(eventId: string): Promise<VerdictDocument | undefined> {
    return this.verdicts.get(eventId);
  }

  /**
   * Tells the publisher's adapter now (core NATS, at most once). Never fails
   * the message: the verdict is recorded, and an adapter that missed this
   * reads it from `GET /messages/{eventId}/verdict`.
   */
  private announce(verdict: MessageVerdict): void {
    try {
      this.nats.connection.publish(
        this.space.toWire(verdictSubject(verdict.party)),
        JSON.stringify(verdict),
      );
    } catch (error) {
      this.logger.warn(
        `could not announce the verdict on ${verdict.eventId}: ${(error as Error).message}`,
      );
    }
  }
}

/** The banners a verdict's reason may speak of: the message's and the consultation's. */
function markingsOf(m: JudgedMessage, judgement: { marking?: string }): string[] {
  return [m.classification, judgement.marking].filter((x): x is string => typeof x === 'string');
}

/** The message an envelope carries, as a verdict names it; undefined for one from no known party. */
function judged(e: Envelope): JudgedMessage | undefined {
  const party = partyOfSource(e.source);
  if (!party) return undefined;
  return {
    eventId: e.id,
    message: e.type.replace(/^gov\.icb\./, '').replace(/\.v\d+$/, ''),
    party,
    consultationId: e.subject,
    ...(typeof e.classification === 'string' && { classification: e.classification }),
  };
}
