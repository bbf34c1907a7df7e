import { Injectable } from '@nestjs/common';
import { AdapterBucket, keyToken } from '../state/adapter-bucket';
import type { ReleasedAssessment, ReleasedAssessmentStore } from './released-assessments.store';

const keyOf = (consultationId: string, assessmentId: string) =>
  `assessments.${keyToken(consultationId)}.${keyToken(assessmentId)}`;

/**
 * The assessments released to the agency, in the adapter's KV bucket, one key
 * each (`assessments.<consultationId>.<assessmentId>`): written before the
 * release event is acked, so an agency can read what it was sent after any
 * restart. A redelivered release writes the same key again. Kept until
 * removed (no TTL): they are the agency's copy of what CIA released to it.
 */
@Injectable()
export class KvReleasedAssessmentStore implements ReleasedAssessmentStore {
  constructor(private readonly bucket: AdapterBucket) {}

  async put(assessment: ReleasedAssessment): Promise<void> {
    await this.bucket.put(keyOf(assessment.consultationId, assessment.assessmentId), assessment);
  }

  async forConsultation(consultationId: string): Promise<ReleasedAssessment[]> {
    const stored = await this.bucket.values<ReleasedAssessment>(
      `assessments.${keyToken(consultationId)}.*`,
    );
    return stored.map((e) => e.value).sort((a, b) => a.releasedAt.localeCompare(b.releasedAt));
  }
}
