import { Inject, Injectable } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from '../reviews/coordinator.client';
import type { ConsultationAssessmentsDto, WithheldAssessmentDto } from './assessments.dto';
import {
  RELEASED_ASSESSMENT_STORE,
  type ReleasedAssessmentStore,
} from './released-assessments.store';

/** What the coordinator's detail says of an assessment (metadata only; it never has the content). */
interface CoordinatorAssessment {
  assessmentId: string;
  title: string;
  classification: string;
  originator: Agency;
  sharedAt: string;
}

/**
 * The assessments on a consultation as this agency may see them: those
 * released to it, with content (from its store), and the metadata of the
 * others (from the coordinator's detail).
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    @Inject(RELEASED_ASSESSMENT_STORE) private readonly store: ReleasedAssessmentStore,
    private readonly coordinator: CoordinatorClient,
  ) {}

  async forConsultation(consultationId: string): Promise<ConsultationAssessmentsDto> {
    // 404 when the coordinator has no such consultation.
    const consultation = await this.coordinator.consultation(consultationId);
    const released = await this.store.forConsultation(consultationId);
    const mine = new Set(released.map((a) => a.assessmentId));
    const recorded = Array.isArray(consultation.assessments)
      ? (consultation.assessments as CoordinatorAssessment[])
      : [];
    const withheld: WithheldAssessmentDto[] = recorded
      .filter((a) => !mine.has(a.assessmentId))
      .map((a) => ({
        assessmentId: a.assessmentId,
        originator: a.originator,
        title: a.title,
        classification: a.classification,
        sharedAt: a.sharedAt,
      }));
    return {
      consultationId,
      agency: this.agency,
      released: released.map((a) => ({
        assessmentId: a.assessmentId,
        originator: a.originator,
        title: a.title,
        classification: a.classification,
        orcon: a.orcon,
        noforn: a.noforn,
        approvedRecipients: a.approvedRecipients,
        content: a.content,
        releasedAt: a.releasedAt,
        receivedAt: a.receivedAt,
      })),
      withheld,
    };
  }
}
