import type { Agency } from '@icb/contracts';

/** An assessment CIA released to this agency, content included, as received. */
export interface ReleasedAssessment {
  consultationId: string;
  assessmentId: string;
  originator: Agency;
  title: string;
  classification: string;
  orcon: boolean;
  noforn: boolean;
  approvedRecipients: Agency[];
  content: string;
  releasedAt: string;
  /** The id of the `intel.assessment-released` event. */
  eventId: string;
  receivedAt: string;
}

/** Where an adapter keeps the assessments released to its agency. */
export interface ReleasedAssessmentStore {
  /** Keeps one (a redelivery of the same assessment replaces it). */
  put(assessment: ReleasedAssessment): Promise<void>;
  /** Those of one consultation, oldest release first. */
  forConsultation(consultationId: string): Promise<ReleasedAssessment[]>;
}

export const RELEASED_ASSESSMENT_STORE = Symbol('RELEASED_ASSESSMENT_STORE');

/**
 * In memory: for unit tests. The adapters use KvReleasedAssessmentStore (their
 * KV bucket), because the release events are acked once stored and JetStream
 * does not deliver them again.
 */
export class InMemoryReleasedAssessmentStore implements ReleasedAssessmentStore {
  private readonly byConsultation = new Map<string, Map<string, ReleasedAssessment>>();

  put(assessment: ReleasedAssessment): Promise<void> {
    let of = this.byConsultation.get(assessment.consultationId);
    if (!of) {
      of = new Map();
      this.byConsultation.set(assessment.consultationId, of);
    }
    of.set(assessment.assessmentId, { ...assessment });
    return Promise.resolve();
  }

  forConsultation(consultationId: string): Promise<ReleasedAssessment[]> {
    const of = this.byConsultation.get(consultationId);
    const list = of ? [...of.values()].map((a) => ({ ...a })) : [];
    list.sort((a, b) => a.releasedAt.localeCompare(b.releasedAt));
    return Promise.resolve(list);
  }
}
