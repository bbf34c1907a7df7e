import { AGENCIES, type Agency } from '../parties';
import { IsMarking } from '../classification';
import {
  Bool,
  IsUtcDateTime,
  IsUuid,
  Nested,
  OneOf,
  OneOfArray,
  Optional,
  Text,
} from '../validation/decorators';
import { LIMITS } from './limits';

export class DisseminationControlsV1 {
  /** Originator controlled: CIA approves every further dissemination. */
  @Bool() orcon: boolean;
  @Bool() noforn: boolean;
  /** Agencies the originator approved to read the content. */
  @OneOfArray(AGENCIES, { max: AGENCIES.length }) approvedRecipients: Agency[];
}

/**
 * CIA announces an assessment on a consultation to the coordinator, without its
 * content: the content travels only in `intel.assessment-released`, addressed
 * to each recipient; every agency learns of it by `intel.assessment-available`.
 */
export class IntelAssessmentSharedV1 {
  @IsUuid() consultationId: string;
  @IsUuid() assessmentId: string;
  @Text(LIMITS.title) title: string;
  @IsMarking() classification: string;
  @Nested(() => DisseminationControlsV1) disseminationControls: DisseminationControlsV1;
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

/**
 * CIA releases an assessment's content to one agency (addressed to it): an
 * approved recipient of an ORCON assessment, or any party to the consultation
 * otherwise. Travels only on the recipient's subject.
 */
export class IntelAssessmentReleasedV1 {
  @IsUuid() consultationId: string;
  @IsUuid() assessmentId: string;
  @OneOf(AGENCIES) recipient: Agency;
  @Text(LIMITS.title) title: string;
  @IsMarking() classification: string;
  @Nested(() => DisseminationControlsV1) disseminationControls: DisseminationControlsV1;
  @Text(LIMITS.content) content: string;
  @IsUtcDateTime() releasedAt: string;
}
