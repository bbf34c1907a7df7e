import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AdapterVerdicts,
  CoordinatorClient,
  InvalidReviewRequestError,
  UNPROCESSABLE,
  refuseIfRefused,
} from '@icb/agency-adapter';
import {
  type MessageName,
  type PayloadOf,
  validatePayloadWithClassValidator,
} from '@icb/contracts';
import { EventPublisher, type PublishOptions } from '@icb/messaging';
import type { AssessmentSharedDto, ShareAssessmentBodyDto } from './assessment.dto';
import { planRelease } from './release-plan';

/**
 * Shares an assessment: checks it against the consultation (which must exist
 * at the coordinator) and the release rules (release-plan.ts), then publishes
 * the content-free `intel.assessment-shared` for the coordinator and one
 * `intel.assessment-released`, with the content, addressed to each recipient.
 * The content never travels on a subject every agency can read. The answer
 * carries the coordinator's verdict on the announcement (ADR 11).
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly coordinator: CoordinatorClient,
    private readonly publisher: EventPublisher,
    private readonly verdicts: AdapterVerdicts,
  ) {}

  async share(body: ShareAssessmentBodyDto): Promise<AssessmentSharedDto> {
    // 404 when the coordinator has no such consultation.
    const consultation = await this.coordinator.consultation(body.consultationId);
    const plan = planRelease(body, consultation);
    if (!plan.ok) throw new InvalidReviewRequestError(plan.problems, UNPROCESSABLE);

    const assessmentId = randomUUID();
    const releasedAt = new Date().toISOString();
    const disseminationControls = {
      orcon: body.orcon,
      noforn: body.noforn,
      // What the coordinator records: who received the content.
      approvedRecipients: plan.recipients,
    };
    const opts: PublishOptions = {
      classification: body.classification,
      precedence: consultation.precedence,
    };
    const shared = this.checked('intel.assessment-shared', {
      consultationId: body.consultationId,
      assessmentId,
      title: body.title,
      classification: body.classification,
      disseminationControls,
      ...(body.summaryForUnauthorized !== undefined
        ? { summaryForUnauthorized: body.summaryForUnauthorized }
        : {}),
    });
    const releases = plan.recipients.map((recipient) =>
      this.checked('intel.assessment-released', {
        consultationId: body.consultationId,
        assessmentId,
        recipient,
        title: body.title,
        classification: body.classification,
        disseminationControls,
        content: body.content,
        releasedAt,
      }),
    );
    // Everything is checked before anything is published.
    const announced = await this.verdicts.send('intel.assessment-shared', shared, opts);
    try {
      for (const release of releases) {
        await this.publisher.publish('intel.assessment-released', release, {
          ...opts,
          causedBy: announced.envelope,
        });
      }
    } catch (error) {
      this.verdicts.abandon([announced]);
      throw error;
    }
    // The coordinator judges the announcement (the releases are for their recipients).
    const [verdict] = await this.verdicts.judge([announced]);
    refuseIfRefused(verdict);
    return { assessmentId, releasedTo: plan.recipients, verdict };
  }

  private checked<N extends MessageName>(name: N, payload: PayloadOf<N>): PayloadOf<N> {
    const result = validatePayloadWithClassValidator(name, payload);
    if (!result.ok) throw new InvalidReviewRequestError(result.errors, UNPROCESSABLE);
    return result.payload;
  }
}
