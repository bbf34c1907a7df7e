import { Inject, Injectable } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { AppConfig } from '@icb/config';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from '../reviews/coordinator.client';
import { agencyMayRead } from '../reviews/withholding';
import type { ConsultationAssessmentsDto, WithheldAssessmentDto } from './assessments.dto';
import {
  RELEASED_ASSESSMENT_STORE,
  type ReleasedAssessmentStore,
} from './released-assessments.store';

/** What the coordinator's detail says of an assessment (metadata only; it never has the content). */
interface CoordinatorAssessment {
  assessmentId: string;
  classification: string;
  originator: Agency;
  sharedAt: string;
}

/**
 * The assessments on a consultation as this agency may see them: those
 * released to it and within its clearance (AGENCY_CLEARANCE), with title and
 * content (from its store); every other one the coordinator recorded is
 * listed as withheld with its id, originator, marking and date only: no
 * title, which for an ORCON product is the originator's to release.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @Inject(ADAPTER_AGENCY) private readonly agency: Agency,
    @Inject(RELEASED_ASSESSMENT_STORE) private readonly store: ReleasedAssessmentStore,
    private readonly coordinator: CoordinatorClient,
    private readonly config: AppConfig,
  ) {}

  async forConsultation(consultationId: string): Promise<ConsultationAssessmentsDto> {
    // 404 when the coordinator has no such consultation.
    const consultation = await this.coordinator.consultation(consultationId);
    const clearance = this.config.AGENCY_CLEARANCE;
    const stored = await this.store.forConsultation(consultationId);
    const released = stored.filter((a) => agencyMayRead(clearance, a.classification));
    const aboveClearance = stored.filter((a) => !agencyMayRead(clearance, a.classification));
    const mine = new Set(stored.map((a) => a.assessmentId));
    const recorded = Array.isArray(consultation.assessments)
      ? (consultation.assessments as CoordinatorAssessment[])
      : [];
    const sharedAt = new Map(recorded.map((a) => [a.assessmentId, a.sharedAt]));
    const withheld: WithheldAssessmentDto[] = [
      ...aboveClearance.map((a) => ({
        assessmentId: a.assessmentId,
        originator: a.originator,
        classification: a.classification,
        sharedAt: sharedAt.get(a.assessmentId) ?? a.releasedAt,
        reason: 'above-clearance' as const,
      })),
      ...recorded
        .filter((a) => !mine.has(a.assessmentId))
        .map((a) => ({
          assessmentId: a.assessmentId,
          originator: a.originator,
          classification: a.classification,
          sharedAt: a.sharedAt,
          reason: 'not-released' as const,
        })),
    ];
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
