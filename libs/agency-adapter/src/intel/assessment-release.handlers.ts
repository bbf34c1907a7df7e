import { Controller, Inject, Logger, Type } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Agency, Envelope, IntelAssessmentReleasedV1 } from '@icb/contracts';
import {
  type BusHandlerOptions,
  isTransient,
  JetStreamContext,
  TransientMessageError,
} from '@icb/messaging';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import {
  RELEASED_ASSESSMENT_STORE,
  type ReleasedAssessmentStore,
} from './released-assessments.store';

const ASSESSMENT_RELEASED = 'intel.assessment-released';

/**
 * Intake of the assessments CIA releases to the agency: each
 * `intel.assessment-released` addressed to it is kept in the adapter's store
 * (its KV bucket: KvReleasedAssessmentStore) before the handler returns, so
 * before the event is acked, and served by `GET /reviews/{id}/assessments`.
 *
 * The addressee is known only at run time, so the `@EventPattern` metadata is
 * put on a subclass made per agency: see assessmentReleaseHandlerFor (the
 * same trick as the review intake). A controller: Nest registers the pattern
 * handlers of controllers with the microservice (JetStreamServer).
 */
@Controller()
export class AssessmentReleaseHandler {
  protected readonly logger = new Logger('Intel');

  constructor(
    @Inject(ADAPTER_AGENCY) protected readonly agency: Agency,
    @Inject(RELEASED_ASSESSMENT_STORE) private readonly store: ReleasedAssessmentStore,
  ) {}

  async onAssessmentReleased(
    @Payload() a: IntelAssessmentReleasedV1,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const envelope = context.getEnvelope() as Envelope<IntelAssessmentReleasedV1>;
    // The subject named this agency; a payload naming another is not ours to keep.
    if (a.recipient !== this.agency) {
      this.logger.warn(
        `assessment ${a.assessmentId} (event ${envelope.id}) is released to ${a.recipient}, not ${this.agency}: not kept`,
      );
      return;
    }
    await this.keep(envelope, a);
  }

  private async keep(
    envelope: Envelope<IntelAssessmentReleasedV1>,
    a: IntelAssessmentReleasedV1,
  ): Promise<void> {
    try {
      await this.store.put({
        consultationId: a.consultationId,
        assessmentId: a.assessmentId,
        // The catalog lets only CIA publish it, and the messaging layer checked the source.
        originator: 'cia',
        title: a.title,
        classification: a.classification,
        orcon: a.disseminationControls.orcon,
        noforn: a.disseminationControls.noforn,
        approvedRecipients: [...a.disseminationControls.approvedRecipients],
        content: a.content,
        releasedAt: a.releasedAt,
        eventId: envelope.id,
        receivedAt: new Date().toISOString(),
      });
    } catch (error) {
      // NATS slow or away: retried until the bucket answers, never dead-lettered for that (ADR 10).
      if (!isTransient(error)) throw error;
      throw new TransientMessageError(
        'ADAPTER_STATE_UNAVAILABLE',
        `cannot keep assessment ${a.assessmentId}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

/**
 * The release intake for one agency: a fresh subclass whose own method carries
 * `@EventPattern('intel.assessment-released', { addressee: agency, publisher: 'cia' })`
 * (Nest reads the pattern from the method function, so the subclass must own
 * it; the parameter decorators are inherited).
 */
export function assessmentReleaseHandlerFor(agency: Agency): Type<AssessmentReleaseHandler> {
  class AgencyAssessmentReleaseHandler extends AssessmentReleaseHandler {
    override onAssessmentReleased(
      assessment: IntelAssessmentReleasedV1,
      context: JetStreamContext,
    ): Promise<void> {
      return super.onAssessmentReleased(assessment, context);
    }
  }
  Object.defineProperty(AgencyAssessmentReleaseHandler, 'name', {
    value: `AssessmentReleaseHandler(${agency})`,
  });
  const method = 'onAssessmentReleased';
  const descriptor = Object.getOwnPropertyDescriptor(
    AgencyAssessmentReleaseHandler.prototype,
    method,
  );
  if (!descriptor) throw new Error(`${method} is missing on the release handler`);
  EventPattern(ASSESSMENT_RELEASED, {
    addressee: agency,
    publisher: 'cia',
  } satisfies BusHandlerOptions)(AgencyAssessmentReleaseHandler.prototype, method, descriptor);
  return AgencyAssessmentReleaseHandler;
}
