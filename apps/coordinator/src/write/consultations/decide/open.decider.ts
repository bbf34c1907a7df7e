/** State/PM opens a consultation. */
import {
  type ConsultationAttributesV1,
  type ConsultationKind,
  type ConsultationOpenedV1,
} from '@icb/contracts';
import {
  ACTION_AGENCY,
  isKnownOffice,
  requiredClearers,
  requiresNotification,
} from '../../../policy';
import type { CongressState, Consultation, IsoDate } from '../consultation.model';
import {
  Change,
  ChangeContext,
  draftOf,
  inAgencyOrder,
  note,
  refused,
  toSaleValues,
} from './change';
import { newReview, requestReview, reviewClocks } from './reviews';
import { settle } from './settle';

export function congressFor(
  kind: ConsultationKind,
  attributes: ConsultationAttributesV1,
  asOf: IsoDate,
): CongressState | undefined {
  if (kind !== 'fms-case') return undefined;
  const requirement = requiresNotification(
    attributes.country,
    toSaleValues(attributes.values),
    asOf,
  );
  return {
    required: requirement.required,
    countryGroup: requirement.group,
    reviewDays: requirement.reviewPeriodDays,
    step: requirement.required ? 'awaiting-clearance' : 'not-required',
    holds: [],
    triggeredBy: [...requirement.triggeredBy],
    source: requirement.source,
  };
}

/**
 * State/PM opens a consultation: revision 1, in review, one review per clearer
 * (the override in the message, or the clearance policy's), each with its
 * deadline, acknowledgement deadline and reminders; for an FMS case, whether
 * AECA §36(b) notification will be needed.
 *
 * Decision: the opening emits `consultation.status-changed` from 'in-review' to
 * 'in-review' (the contract has no "none" status) with reason 'opened'.
 */
export function openConsultation(cmd: ConsultationOpenedV1, ctx: ChangeContext): Change {
  const now = ctx.now;
  if (!isKnownOffice(cmd.actionOffice, now)) {
    return refused(
      'UNKNOWN_ACTION_OFFICE',
      `${cmd.actionOffice} is not an action office in the directory on ${now.slice(0, 10)}; ` +
        'check the office code (e.g. PM/DS)',
    );
  }
  const named = cmd.clearingParties;
  if (named !== undefined && named.includes(ACTION_AGENCY)) {
    return refused(
      'ACTION_OFFICE_IS_NOT_A_CLEARER',
      'State/PM owns the consultation as action office and cannot be named to clear it',
    );
  }
  const clearers = inAgencyOrder(
    named ??
      requiredClearers(
        cmd.kind,
        { country: cmd.attributes.country, values: toSaleValues(cmd.attributes.values) },
        now,
      ),
  );
  if (clearers.length === 0) {
    return refused(
      'NO_CLEARERS',
      'a consultation needs at least one clearing party; name one or leave clearingParties out',
    );
  }
  const base = { kind: cmd.kind, precedence: cmd.precedence };
  const reviews = clearers.map((agency) => newReview(base, agency, 1, now));
  const congress = congressFor(cmd.kind, cmd.attributes, now);
  const state: Consultation = {
    id: cmd.consultationId,
    kind: cmd.kind,
    actionOffice: cmd.actionOffice,
    title: cmd.title,
    summary: cmd.summary,
    attributes: cmd.attributes,
    classification: cmd.classification,
    precedence: cmd.precedence,
    ...(cmd.reference === undefined ? {} : { reference: cmd.reference }),
    status: 'in-review',
    revision: 1,
    clearers,
    reviews,
    signOffs: [],
    conditions: [],
    clocks: reviews.flatMap((r) => reviewClocks(r, now)),
    ...(congress === undefined ? {} : { congress }),
    screenings: [],
    assessments: [],
    pendingAgencies: clearers,
    openedAt: now,
    updatedAt: now,
    version: 0,
  };
  const draft = draftOf(state);
  for (const review of reviews) requestReview(draft, review);
  note(
    draft,
    'consultation.opened',
    ACTION_AGENCY,
    `Opened by ${cmd.actionOffice} (${cmd.kind}, ${cmd.precedence}); clearers: ${clearers.join(', ')}` +
      (named === undefined ? ' (from the clearance policy)' : ' (named by the action office)') +
      (congress?.required
        ? `; AECA §36(b) notification required (${congress.countryGroup}, ${congress.reviewDays} days)`
        : ''),
    { clearers, congressRequired: congress?.required },
  );
  const change = settle(state, draft, ctx);
  if (!change.ok) return change;
  change.events.push({
    name: 'consultation.status-changed',
    payload: {
      consultationId: state.id,
      from: 'in-review',
      to: change.state.status,
      reason: 'opened',
      revision: 1,
      pendingAgencies: change.state.pendingAgencies,
    },
    purpose: 'status-changed',
  });
  return change;
}
