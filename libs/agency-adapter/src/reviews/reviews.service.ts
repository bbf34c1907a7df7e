import { Inject, Injectable } from '@nestjs/common';
import { Agency, MessageName, PayloadOf, validatePayloadWithClassValidator } from '@icb/contracts';
import { EventPublisher, isTransient } from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from './coordinator.client';
import type { CoordinatorConsultation } from './coordinator.types';
import type {
  AcknowledgeBodyDto,
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
  busUnavailable,
  InvalidReviewRequestError,
  ReviewNotFoundError,
  SignOffRefusedError,
} from './reviews.errors';
import { SIGN_OFF_RULE, type SignOffRule } from './sign-off-rule';

/** Options of an answer: the caller's `Idempotency-Key`, when it sent one. */
export interface AnswerOptions {
  idempotencyKey?: string;
}

/**
 * The agency's reviews: read from the coordinator's REST API, answered by
 * publishing the agency's own messages on the bus (as the agency). An answer
 * resolves only once JetStream has stored the event; with an Idempotency-Key
 * its event id is derived from the key, so a retried request is stored once.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    private readonly coordinator: CoordinatorClient,
    private readonly publisher: EventPublisher,
    @Inject(SIGN_OFF_RULE) private readonly signOffRule: SignOffRule | null,
  ) {}

  async pending(): Promise<PendingReviewListDto> {
    const queue = await this.coordinator.queue(this.agency);
    return {
      agency: this.agency,
      total: queue.items.length,
      items: queue.items.map(toPendingReview),
    };
  }

  async review(consultationId: string): Promise<ReviewDetailDto> {
    const view = redactForAgency(await this.cleared(consultationId), this.agency);
    if (!view) throw this.notCleared(consultationId);
    return view;
  }

  async signOff(
    consultationId: string,
    body: SignOffBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    const key = checkIdempotencyKey(opts.idempotencyKey);
    const c = await this.cleared(consultationId);
    const refusal = this.signOffRule?.(c, body);
    if (refusal) throw new SignOffRefusedError(refusal.code, refusal.message);
    return this.publish(
      'signoff.submitted',
      {
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
        officer: { name: body.officer.name, title: body.officer.title },
        submittedAt: new Date().toISOString(),
      },
      key,
    );
  }

  async acknowledge(
    consultationId: string,
    body: AcknowledgeBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    const key = checkIdempotencyKey(opts.idempotencyKey);
    const c = await this.cleared(consultationId);
    return this.publish(
      'review.acknowledged',
      { consultationId, agency: this.agency, revision: body.revision ?? c.revision },
      key,
    );
  }

  async placeHold(
    consultationId: string,
    body: HoldBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    const key = checkIdempotencyKey(opts.idempotencyKey);
    await this.cleared(consultationId);
    return this.publish(
      'review.hold-placed',
      { consultationId, agency: this.agency, reason: body.reason },
      key,
    );
  }

  async releaseHold(
    consultationId: string,
    body: HoldBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    const key = checkIdempotencyKey(opts.idempotencyKey);
    await this.cleared(consultationId);
    return this.publish(
      'review.hold-released',
      { consultationId, agency: this.agency, reason: body.reason },
      key,
    );
  }

  async requestExtension(
    consultationId: string,
    body: ExtensionBodyDto,
    opts: AnswerOptions = {},
  ): Promise<PublishedEventDto> {
    const key = checkIdempotencyKey(opts.idempotencyKey);
    await this.cleared(consultationId);
    return this.publish(
      'clock.extension-requested',
      { consultationId, agency: this.agency, reason: body.reason, days: body.days },
      key,
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
   * Validates the payload against the contract (its class-validator rules),
   * then publishes it and waits for JetStream's acknowledgement. A publish
   * that is not confirmed (timeout, no responders, connection away) becomes
   * BusUnavailableError: a 503 with Retry-After, never a 2xx.
   */
  private async publish<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    idempotencyKey: string | undefined,
  ): Promise<PublishedEventDto> {
    const checked = validatePayloadWithClassValidator(name, payload);
    if (!checked.ok) throw new InvalidReviewRequestError(checked.errors);
    const consultationId = (payload as { consultationId: string }).consultationId;
    const id =
      idempotencyKey === undefined
        ? undefined
        : idempotentEventId(this.agency, idempotencyKey, name, consultationId);
    try {
      const { envelope } = await this.publisher.publish(name, checked.payload, { id });
      return { eventId: envelope.id, subject: envelope.subject };
    } catch (error) {
      if (isTransient(error)) throw busUnavailable(error);
      throw error;
    }
  }
}
