import { Injectable } from '@nestjs/common';
import {
  AdapterVerdicts,
  CoordinatorClient,
  type CoordinatorConsultation,
  InvalidReviewRequestError,
  UNPROCESSABLE,
} from '@icb/agency-adapter';
import {
  type MessageName,
  type PayloadOf,
  validatePayloadWithClassValidator,
} from '@icb/contracts';
import type { PublishOptions } from '@icb/messaging';
import type { AcceptedDto } from './published.dto';

/**
 * Publishes State/PM's messages on the bus (as state-pm) after validating the
 * payload with the contract's own rules, and answers the coordinator's
 * verdict on each (ADR 11: accepted, refused as a 409/422, or `pending` with
 * a status URL); reads the consultation it acts on from the coordinator (404
 * when there is none).
 */
@Injectable()
export class StatePmPublisher {
  constructor(
    private readonly coordinator: CoordinatorClient,
    private readonly verdicts: AdapterVerdicts,
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
    if (!checked.ok) throw new InvalidReviewRequestError(checked.errors, UNPROCESSABLE);
    const verdict = await this.verdicts.publish(name, checked.payload, opts);
    return { consultationId: verdict.consultationId, eventId: verdict.eventId, verdict };
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
