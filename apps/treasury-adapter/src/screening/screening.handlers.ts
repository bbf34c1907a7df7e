import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, ReviewRequestedV1 } from '@icb/contracts';
import { CoordinatorUnavailableError, ReviewNotFoundError } from '@icb/agency-adapter';
import { type BusHandlerOptions, JetStreamContext, TransientMessageError } from '@icb/messaging';
import { ScreeningService, TREASURY } from './screening.service';

/**
 * Treasury screens and answers every review request addressed to it.
 *
 * Same durable consumer as the shared review intake (webhooks): the NATS
 * permissions (scripts/lib/nats-auth.js) let an adapter create only the
 * consumer named after itself. Both handlers run for each delivery and the
 * message is acked when both succeeded, so either may run again on a
 * redelivery caused by the other: this one is idempotent (ids derived from the
 * request's id, JetStream de-duplication, the coordinator refusing a screening
 * id twice, and no sign-off once Treasury's review is answered).
 */
@Controller()
export class ScreeningHandlers {
  private readonly logger = new Logger('Screening');

  constructor(private readonly screening: ScreeningService) {}

  @EventPattern('review.requested', {
    addressee: TREASURY,
    publisher: 'coordinator',
  } satisfies BusHandlerOptions)
  async onReviewRequested(
    @Payload() _request: ReviewRequestedV1,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const envelope = context.getEnvelope() as Envelope<ReviewRequestedV1>;
    try {
      const answer = await this.screening.answerReviewRequest(envelope);
      if (answer.skipped) this.logger.log(`review request ${envelope.id}: ${answer.skipped}`);
    } catch (error) {
      // The coordinator stores a consultation before it asks for reviews: a 404
      // is its read side lagging or restarting, worth another delivery.
      if (error instanceof CoordinatorUnavailableError || error instanceof ReviewNotFoundError) {
        throw new TransientMessageError(
          'COORDINATOR_UNAVAILABLE',
          `cannot screen consultation ${envelope.data.consultationId}: ${error.message}`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}
