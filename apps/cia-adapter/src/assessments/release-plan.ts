import { AGENCIES, tryParseMarking, type Agency } from '@icb/contracts';

/** What CIA asks to share, as far as the release rules are concerned. */
export interface AssessmentRequest {
  classification: string;
  orcon: boolean;
  noforn: boolean;
  approvedRecipients: readonly Agency[];
}

/** What the rules need of the consultation (from the coordinator). */
export interface ConsultationParties {
  clearers: readonly Agency[];
}

/** The action office, which receives every non-ORCON assessment on its consultation. */
export const ACTION_AGENCY: Agency = 'state-pm';

export type ReleasePlan =
  | { ok: true; recipients: Agency[]; approvedRecipients: Agency[] }
  | { ok: false; problems: string[] };

/**
 * Who receives an assessment's content, or why it cannot be shared:
 * - the classification must be a valid banner, and its ORCON / NOFORN must
 *   agree with the flags (the banner is what readers see);
 * - ORCON: only the approved recipients, and there must be at least one
 *   (the originator approves every dissemination);
 * - otherwise: every clearing agency of the consultation and State/PM (the
 *   action office), plus any approved recipient named.
 * Recipients are in the catalog's agency order, without duplicates.
 */
export function planRelease(
  req: AssessmentRequest,
  consultation: ConsultationParties,
): ReleasePlan {
  const problems: string[] = [];
  const parsed = tryParseMarking(req.classification);
  if (!parsed.ok) {
    problems.push(`classification: ${parsed.reason}`);
  } else {
    if (parsed.marking.orcon !== req.orcon) {
      problems.push(
        `classification: the banner ${parsed.marking.orcon ? 'carries' : 'lacks'} ORCON but orcon is ${req.orcon}`,
      );
    }
    if (parsed.marking.noforn !== req.noforn) {
      problems.push(
        `classification: the banner ${parsed.marking.noforn ? 'carries' : 'lacks'} NOFORN but noforn is ${req.noforn}`,
      );
    }
  }
  const approved = inAgencyOrder(req.approvedRecipients);
  if (req.orcon && approved.length === 0) {
    problems.push('approvedRecipients: an ORCON assessment needs at least one approved recipient');
  }
  if (problems.length > 0) return { ok: false, problems };
  const recipients = req.orcon
    ? approved
    : inAgencyOrder([...consultation.clearers, ACTION_AGENCY, ...approved]);
  return { ok: true, recipients, approvedRecipients: approved };
}

function inAgencyOrder(agencies: readonly Agency[]): Agency[] {
  const set = new Set(agencies);
  return AGENCIES.filter((a) => set.has(a));
}
