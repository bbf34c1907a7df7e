import { AGENCIES, type Agency } from '../parties';
import { IsMarking } from '../classification';
import { Bool, IsUuid, Nested, OneOf, OneOfArray, Optional, Text } from '../validation/decorators';
import { LIMITS } from './limits';

export class DisseminationControlsV1 {
  /** Originator controlled: CIA approves every further dissemination. */
  @Bool() orcon: boolean;
  @Bool() noforn: boolean;
  /** Agencies the originator approved to read the content. */
  @OneOfArray(AGENCIES, { max: AGENCIES.length }) approvedRecipients: Agency[];
}

/**
 * CIA shares an assessment on a consultation. It is delivered only to approved
 * recipients; others get `intel.assessment-available` (no content).
 */
export class IntelAssessmentSharedV1 {
  @IsUuid() consultationId: string;
  @IsUuid() assessmentId: string;
  @Text(LIMITS.title) title: string;
  @IsMarking() classification: string;
  @Nested(() => DisseminationControlsV1) disseminationControls: DisseminationControlsV1;
  @Text(LIMITS.content) content: string;
  /** What a party without access may be told (a tear line). */
  @Optional() @Text(LIMITS.summary) summaryForUnauthorized?: string;
}

/** Content-free notice that an assessment exists, for parties that may not read it. */
export class IntelAssessmentAvailableV1 {
  @IsUuid() consultationId: string;
  @IsUuid() assessmentId: string;
  @IsMarking() classification: string;
  @OneOf(AGENCIES) originator: Agency;
}
