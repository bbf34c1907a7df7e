import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import type { Agency, Envelope, MessageName, MessageVerdict, PayloadOf } from '@icb/contracts';
import { EventPublisher, isTransient, type PublishOptions } from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from './coordinator.client';
import { busUnavailable } from './reviews.errors';
import type { VerdictDto } from './verdict.dto';
import { MessageRefusedError } from './verdict.errors';
import { type ExpectedVerdict, VerdictListener } from './verdict-listener';
import { statusUrlOf } from './verdict-status';

/** How long the last look at the coordinator's REST API may take, once the wait is over. */
const LAST_LOOK_MS = 2_000;

/** The verdict in an answer: always about a known message and consultation. */
export type AnswerVerdict = VerdictDto & Required<Pick<VerdictDto, 'message' | 'consultationId'>>;

/** A message published for a verdict, not yet judged. */
export interface SentMessage {
  eventId: string;
  message: MessageName;
  consultationId: string;
  envelope: Envelope;
  /** JetStream held this event id already (a retry): it may have been judged before the wait began. */
  duplicate: boolean;
  expected: ExpectedVerdict;
}

/**
 * The coordinator's verdict on what an adapter publishes (ADR 11): a message
 * is published with interest in its verdict registered first; the answer
 * waits up to VERDICT_TIMEOUT_MS for the coordinator's announcement, then
 * looks once at its REST API (an announcement may be missed), and answers
 * `pending` with a status URL when there is still none. A refusal is thrown
 * as MessageRefusedError (409 or 422).
 */
@Injectable()
export class AdapterVerdicts {
  readonly timeoutMs: number;

  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    private readonly listener: VerdictListener,
    private readonly coordinator: CoordinatorClient,
    private readonly publisher: EventPublisher,
    config: AppConfig,
  ) {
    this.timeoutMs = config.VERDICT_TIMEOUT_MS;
  }

  /** Publishes one message and answers the coordinator's verdict on it (throws a refusal). */
  async publish<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): Promise<AnswerVerdict> {
    const [verdict] = await this.judge([await this.send(name, payload, opts)]);
    refuseIfRefused(verdict);
    return verdict;
  }

  /**
   * Publishes a message, its verdict awaited with `judge`. A publish the bus
   * does not confirm is BusUnavailableError (503): nothing is judged then.
   */
  async send<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): Promise<SentMessage> {
    const eventId = opts.id ?? randomUUID();
    const expected = this.listener.expect(eventId);
    try {
      const { envelope, duplicate } = await this.publisher.publish(name, payload, {
        ...opts,
        id: eventId,
      });
      return {
        eventId,
        message: name,
        consultationId: envelope.subject,
        envelope,
        duplicate,
        expected,
      };
    } catch (error) {
      expected.cancel();
      if (isTransient(error)) throw busUnavailable(error);
      throw error;
    }
  }

  /**
   * The verdicts on messages sent, in order, each `pending` when none came
   * within VERDICT_TIMEOUT_MS (from now); refusals are returned, not thrown.
   */
  async judge(sent: SentMessage[]): Promise<AnswerVerdict[]> {
    const deadline = Date.now() + this.timeoutMs;
    return Promise.all(
      sent.map(async (s) => {
        const verdict = await this.awaitVerdict(s, deadline);
        return verdictDto(s, verdict);
      }),
    );
  }

  /** No longer waits for these (the request failed before it could be judged). */
  abandon(sent: SentMessage[]): void {
    for (const s of sent) s.expected.cancel();
  }

  /**
   * The verdict already given on an event this adapter published (an
   * Idempotency-Key replay): answered as the first request was, or undefined
   * when the coordinator has none yet. A refusal is thrown.
   */
  async replay(
    eventId: string,
    message: MessageName,
    consultationId: string,
  ): Promise<AnswerVerdict | undefined> {
    const known = await this.coordinator.verdict(eventId);
    if (!known || known.party !== this.agency) return undefined;
    const verdict = verdictDto({ eventId, message, consultationId }, known);
    refuseIfRefused(verdict);
    return verdict;
  }

  /** What the status URL shows: the verdict on one of this agency's messages, or `pending`. */
  async status(eventId: string): Promise<VerdictDto> {
    const known = await this.coordinator.verdict(eventId);
    if (!known || known.party !== this.agency) {
      return { outcome: 'pending', eventId, statusUrl: statusUrlOf(eventId) };
    }
    return verdictDto(
      { eventId, message: known.message, consultationId: known.consultationId },
      known,
    );
  }

  private async awaitVerdict(
    s: SentMessage,
    deadline: number,
  ): Promise<MessageVerdict | undefined> {
    try {
      // A retry of an event already stored may have been judged, and announced, already.
      const known = s.duplicate ? await this.lastLook(s.eventId) : undefined;
      if (known) return known;
      const heard = await within(s.expected.verdict, deadline - Date.now());
      if (heard) return heard;
    } finally {
      s.expected.cancel();
    }
    return this.timeoutMs === 0 ? undefined : this.lastLook(s.eventId);
  }

  /** The coordinator's recorded verdict, if it can say now; never fails (the message is on the bus). */
  private async lastLook(eventId: string): Promise<MessageVerdict | undefined> {
    try {
      return await this.coordinator.verdict(eventId, { timeoutMs: LAST_LOOK_MS });
    } catch {
      // The coordinator is away: the message is on the bus, its verdict will come.
      return undefined;
    }
  }
}

/** A verdict as an adapter answers it. */
export function verdictDto(
  s: { eventId: string; message: string; consultationId: string },
  verdict: MessageVerdict | undefined,
): AnswerVerdict {
  const base = {
    eventId: s.eventId,
    message: s.message,
    consultationId: s.consultationId,
    statusUrl: statusUrlOf(s.eventId),
  };
  if (!verdict) return { outcome: 'pending', ...base };
  return {
    outcome: verdict.outcome,
    ...base,
    changed: verdict.changed,
    ...(verdict.code !== undefined && { code: verdict.code }),
    ...(verdict.reason !== undefined && { reason: verdict.reason }),
    ...(verdict.consultation && { consultation: { ...verdict.consultation } }),
    decidedAt: verdict.decidedAt,
  };
}

/** Throws the refusal when the verdict is one (409 or 422). */
export function refuseIfRefused(verdict: VerdictDto): void {
  if (verdict.outcome === 'refused') throw new MessageRefusedError(verdict);
}

/** The promise's value if it settles within `ms`, else undefined (the timer never outlives it). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
