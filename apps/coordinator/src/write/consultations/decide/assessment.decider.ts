/** CIA's assessment is recorded (metadata only; the content never reaches the coordinator). */
import { type IntelAssessmentSharedV1 } from '@icb/contracts';
import type { Consultation } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  emit,
  note,
  refused,
  sameConsultation,
  closedTo,
} from './change';
import { settle } from './settle';

/**
 * CIA announced an assessment. The announcement carries no content (that goes
 * only to the recipients, in `intel.assessment-released`); only its metadata is
 * stored (not the tear line), and a content-free `intel.assessment-available`
 * goes to everyone.
 */
export function recordAssessment(
  state: Consultation,
  cmd: IntelAssessmentSharedV1,
  ctx: ChangeContext,
): Change {
  const wrong = sameConsultation(state, cmd);
  if (wrong) return wrong;
  if (state.assessments.some((a) => a.assessmentId === cmd.assessmentId)) {
    return refused(
      'DUPLICATE_ASSESSMENT',
      `assessment ${cmd.assessmentId} is already recorded`,
      true,
    );
  }
  const closed = closedTo(state, 'an assessment');
  if (closed) return closed;
  const controls = cmd.disseminationControls;
  const draft = draftOf({
    ...state,
    assessments: [
      ...state.assessments,
      {
        assessmentId: cmd.assessmentId,
        title: cmd.title,
        classification: cmd.classification,
        originator: 'cia',
        orcon: controls.orcon,
        noforn: controls.noforn,
        approvedRecipients: [...controls.approvedRecipients],
        sharedAt: ctx.now,
      },
    ],
  });
  emit(
    draft,
    'intel.assessment-available',
    {
      consultationId: state.id,
      assessmentId: cmd.assessmentId,
      classification: cmd.classification,
      originator: 'cia',
    },
    `assessment-available:${cmd.assessmentId}`,
  );
  note(
    draft,
    'intel.assessment-recorded',
    'cia',
    `CIA shared assessment ${cmd.assessmentId} (${cmd.classification}` +
      `${controls.orcon ? ', ORCON' : ''}${controls.noforn ? ', NOFORN' : ''}); content not stored`,
    { assessmentId: cmd.assessmentId, approvedRecipients: controls.approvedRecipients },
  );
  return settle(state, draft, ctx);
}
