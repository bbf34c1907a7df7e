import { Inject, Injectable } from '@nestjs/common';
import { Agency, MessageName, PayloadOf, validatePayloadWithClassValidator } from '@icb/contracts';
import { AppConfig } from '@icb/config';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from './coordinator.client';
import type { CoordinatorConsultation } from './coordinator.types';
import type {
  AcknowledgeBodyDto,
  ConditionRemovalAnswerBodyDto,
  ExtensionBodyDto,
  HoldBodyDto,
  PendingReviewListDto,
  PublishedEventDto,
  ReviewDetailDto,
  SignOffBodyDto,
} from './review.dto';
import { checkIdempotencyKey, idempotentEventId } from './idempotency-key';
import { redactForAgency, toPendingReview } from './review.mapper';
import {
  InvalidReviewRequestError,
  UNPROCESSABLE,
  ReviewNotFoundError,
  SignOffRefusedError,
} from './reviews.errors';
import { SIGN_OFF_RULE, type SignOffRule } from '../sign-off-rule';
import { AdapterVerdicts } from './verdicts.service';

/** Options of an answer: the caller's `Idempotency-Key`, when it sent one. */
export interface AnswerOptions {
  idempotencyKey?: string;
}

/**
 * The agency's reviews: read from the coordinator's REST API, answered by
 * publishing the agency's own messages on the bus (as the agency), with the
 * coordinator's verdict on each answer (ADR 11): accepted, refused (thrown:
 * 409 or 422) or, when it is slow to come, `pending` with a status URL.
 * With an Idempotency-Key the event id is derived from the key, so a retried
 * request is stored once, and a retry of an answer already judged gets the
 * same verdict without publishing anything.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    private readonly coordinator: CoordinatorClient,
    private readonly verdicts: AdapterVerdicts,
    @Inject(SIGN_OFF_RULE) private readonly signOffRule: SignOffRule | null,
    /** AGENCY_CLEARANCE: what the agency's systems may read (content above it is withheld). */
    private readonly config: AppConfig,
  ) {}

  async pending(): Promise<PendingReviewListDto> {
    const queue = await this.coordinator.queue(this.agency);
    return {
      agency: this.agency,
      total: queue.items.length,
      items: queue.items.map((item) => toPendingReview(item, this.config.AGENCY_CLEARANCE)),
    };
  }

  async review(consultationId: string): Promise<ReviewDetailDto> {
    const view = redactForAgency(
      await this.cleared(consultationId),
      this.agency,
      this.config.AGENCY_CLEARANCE,
    );
    if (!view) throw this.notCleared(consultationId);
    return view;
  }

  signOff(
    consultationId: string,
    body: SignOffBodyDto,
    /** From the caller's access token (ADR 18), never from the body. */
    officer: { name: string; title: string },
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    return this.answer('signoff.submitted', consultationId, opts, async () => {
      const c = await this.cleared(consultationId);
      const refusal = this.signOffRule?.(c, body);
      if (refusal) throw new SignOffRefusedError(refusal.code, refusal.message);
      return {
        consultationId,
        agency: this.agency,
        revision: body.revision ?? c.revision,
        decision: body.decision,
        ...(body.conditions !== undefined && {
          conditions: body.conditions.map((k) => ({
            id: k.id,
            text: k.text,
            ...(k.category !== undefined && { category: k.category }),
          })),
        }),
        ...(body.rationale !== undefined && { rationale: body.rationale }),
        officer: { name: officer.name, title: officer.title },
        submittedAt: new Date().toISOString(),
      };
    });
  }

  acknowledge(
    consultationId: string,
    body: AcknowledgeBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    return this.answer('review.acknowledged', consultationId, opts, async () => {
      const c = await this.cleared(consultationId);
      return { consultationId, agency: this.agency, revision: body.revision ?? c.revision };
    });
  }

  placeHold(
    consultationId: string,
    body: HoldBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    return this.answer('review.hold-placed', consultationId, opts, async () => {
      await this.cleared(consultationId);
      return { consultationId, agency: this.agency, reason: body.reason };
    });
  }

  releaseHold(
    consultationId: string,
    body: HoldBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    return this.answer('review.hold-released', consultationId, opts, async () => {
      await this.cleared(consultationId);
      return { consultationId, agency: this.agency, reason: body.reason };
    });
  }

  requestExtension(
    consultationId: string,
    body: ExtensionBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    return this.answer('clock.extension-requested', consultationId, opts, async () => {
      await this.cleared(consultationId);
      return { consultationId, agency: this.agency, reason: body.reason, days: body.days };
    });
  }

  /**
   * The imposing agency's answer to the action office's request to drop one
   * of its conditions (`condition.removal-answered`): agreed (the condition
   * is removed) or refused (it stays), with a comment. 404 when the
   * consultation has no such condition of this agency's.
   */
  answerConditionRemoval(
    consultationId: string,
    conditionId: string,
    body: ConditionRemovalAnswerBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    return this.answer(
      'condition.removal-answered',
      consultationId,
      opts,
      async () => {
        const c = await this.coordinator.consultation(consultationId);
        const own = c.conditions.some((k) => k.id === conditionId && k.agency === this.agency);
        if (!own) {
          throw new ReviewNotFoundError(
            `consultation ${consultationId} has no condition ${conditionId} imposed by ${this.agency}`,
          );
        }
        return {
          consultationId,
          conditionId,
          agency: this.agency,
          agreed: body.agreed,
          comment: body.comment,
        };
      },
      conditionId,
    );
  }

  /** The consultation, when it exists and this agency clears it. */
  private async cleared(consultationId: string): Promise<CoordinatorConsultation> {
    const c = await this.coordinator.consultation(consultationId);
    if (!c.clearers.includes(this.agency)) throw this.notCleared(consultationId);
    return c;
  }

  private notCleared(consultationId: string): ReviewNotFoundError {
    return new ReviewNotFoundError(`${this.agency} does not clear consultation ${consultationId}`);
  }

  /**
   * Publishes one answer and answers the coordinator's verdict on it. With an
   * Idempotency-Key, an answer the coordinator already judged is not built
   * nor published again: its verdict is answered as it was the first time.
   * Otherwise the payload is built (reading the consultation), validated
   * against the contract (its class-validator rules), published (a publish
   * that is not confirmed becomes BusUnavailableError: a 503 with
   * Retry-After, never a 2xx) and judged.
   */
  private async answer<N extends MessageName>(
    name: N,
    consultationId: string,
    opts: AnswerOptions,
    build: () => Promise<PayloadOf<N>>,
    /** What else tells this answer from another on the same consultation (a condition id). */
    about?: string,
  ): Promise<PublishedEventDto> {
    const key = checkIdempotencyKey(opts.idempotencyKey);
    const id =
      key === undefined
        ? undefined
        : idempotentEventId(
            this.agency,
            key,
            name,
            about === undefined ? consultationId : `${consultationId}:${about}`,
          );
    if (id !== undefined) {
      const replayed = await this.verdicts.replay(id, name, consultationId);
      if (replayed) return { eventId: id, subject: consultationId, verdict: replayed };
    }
    const checked = validatePayloadWithClassValidator(name, await build());
    if (!checked.ok) throw new InvalidReviewRequestError(checked.errors, UNPROCESSABLE);
    const verdict = await this.verdicts.publish(name, checked.payload, { id });
    return { eventId: verdict.eventId, subject: consultationId, verdict };
  }
}
