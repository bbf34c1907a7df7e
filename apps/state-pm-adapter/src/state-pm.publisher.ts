import { Injectable } from '@nestjs/common';
import {
  CoordinatorClient,
  type CoordinatorConsultation,
  InvalidReviewRequestError,
} from '@icb/agency-adapter';
import {
  type MessageName,
  type PayloadOf,
  validatePayloadWithClassValidator,
} from '@icb/contracts';
import { EventPublisher, type PublishOptions } from '@icb/messaging';
import type { AcceptedDto } from './published.dto';

/**
 * Publishes State/PM's messages on the bus (as state-pm) after validating the
 * payload with the contract's own rules; reads the consultation it acts on
 * from the coordinator (404 when there is none).
 */
@Injectable()
export class StatePmPublisher {
  constructor(
    private readonly coordinator: CoordinatorClient,
    private readonly publisher: EventPublisher,
  ) {}

  /** The consultation as the coordinator has it now. */
  consultation(id: string): Promise<CoordinatorConsultation> {
    return this.coordinator.consultation(id);
  }

  async publish<N extends MessageName>(
    name: N,
    payload: PayloadOf<N>,
    opts: PublishOptions = {},
  ): Promise<AcceptedDto> {
    const checked = validatePayloadWithClassValidator(name, payload);
    if (!checked.ok) throw new InvalidReviewRequestError(checked.errors);
    const { envelope } = await this.publisher.publish(name, checked.payload, opts);
    return { consultationId: envelope.subject, eventId: envelope.id };
  }

  /** Publishes about an existing consultation, with its marking and precedence on the envelope. */
  async publishAbout<N extends MessageName>(
    consultationId: string,
    name: N,
    build: (c: CoordinatorConsultation) => PayloadOf<N>,
  ): Promise<AcceptedDto> {
    const c = await this.consultation(consultationId);
    return this.publish(name, build(c), {
      classification: c.classification,
      precedence: c.precedence,
    });
  }
}
