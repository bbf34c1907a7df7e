import type { Agency, Clearance } from '@icb/contracts';
import type {
  CoordinatorConsultation,
  CoordinatorQueueItem,
  CoordinatorTimelineEntry,
} from './coordinator.types';
import type {
  OwnConditionDto,
  OwnSignOffDto,
  PendingReviewDto,
  ReviewDetailDto,
  TimelineEntryViewDto,
} from './review.dto';
import { agencyMayRead, WITHHELD } from './withholding';

/** Removes undefined properties, so an absent value is absent in the JSON too. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A coordinator queue item as the agency's pending review. Marked above the
 * agency's clearance: listed with its clock and marking, its title withheld
 * and the reasons of its hold and extension too.
 */
export function toPendingReview(
  item: CoordinatorQueueItem,
  clearance: Clearance,
): PendingReviewDto {
  const r = item.review;
  const readable = agencyMayRead(clearance, item.classification);
  const text = (t: string) => (readable ? t : WITHHELD);
  return defined({
    id: item.id,
    title: text(item.title),
    withheld: readable ? undefined : true,
    kind: item.kind,
    revision: r.revision,
    dueAt: r.dueAt,
    daysLeft: r.daysLeft,
    overdue: r.overdue,
    acknowledgeBy: r.acknowledgeBy,
    acknowledgedAt: r.acknowledgedAt,
    precedence: item.precedence,
    classification: item.classification,
    hold: r.hold && { reason: text(r.hold.reason), placedAt: r.hold.placedAt },
    extension: r.extension && {
      days: r.extension.days,
      reason: text(r.extension.reason),
      grantedAt: r.extension.grantedAt,
    },
  });
}

/**
 * Whether the agency may see a timeline entry: its own, or the coordinator's
 * unless the entry is about another agency (its `data.agency` names one).
 */
export function timelineVisibleTo(entry: CoordinatorTimelineEntry, agency: Agency): boolean {
  if (entry.actor === agency) return true;
  if (entry.actor !== 'coordinator') return false;
  const about = entry.data?.agency;
  return about === undefined || about === agency;
}

/**
 * A consultation as one agency may see it: the header, its own review of the
 * current revision, its own sign-offs and conditions, and the timeline entries
 * by it or by the coordinator (see timelineVisibleTo). Nothing is copied by
 * default: every property shown is named here. Undefined when the agency does
 * not clear the consultation. Marked above the agency's clearance: the same
 * structure (status, clocks, decisions, ids) with every free text withheld
 * (title, summary, reference, reasons, rationales, condition texts, comments,
 * timeline summaries) and `withheld: true`.
 */
export function redactForAgency(
  c: CoordinatorConsultation,
  agency: Agency,
  clearance: Clearance,
): ReviewDetailDto | undefined {
  const review = c.reviews.find((r) => r.agency === agency && r.revision === c.revision);
  if (!c.clearers.includes(agency) || !review) return undefined;
  const readable = agencyMayRead(clearance, c.classification);
  const text = <T extends string | undefined>(t: T): T =>
    (readable || t === undefined ? t : WITHHELD) as T;
  return defined({
    id: c.id,
    kind: c.kind,
    actionOffice: c.actionOffice,
    title: text(c.title),
    summary: text(c.summary),
    withheld: readable ? undefined : true,
    classification: c.classification,
    precedence: c.precedence,
    reference: readable ? c.reference : undefined,
    status: c.status,
    revision: c.revision,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    review: defined({
      revision: review.revision,
      state: review.state,
      requestedAt: review.requestedAt,
      dueAt: review.dueAt,
      acknowledgeBy: review.acknowledgeBy,
      acknowledgedAt: review.acknowledgedAt,
      hold: review.hold && { reason: text(review.hold.reason), placedAt: review.hold.placedAt },
      extension: review.extension && {
        days: review.extension.days,
        reason: text(review.extension.reason),
        grantedAt: review.extension.grantedAt,
      },
    }),
    signOffs: c.signOffs
      .filter((s) => s.agency === agency)
      .map(
        (s): OwnSignOffDto =>
          defined({
            revision: s.revision,
            decision: s.decision,
            conditions: s.conditions?.map((k) =>
              defined({ id: k.id, text: text(k.text), category: k.category }),
            ),
            rationale: text(s.rationale),
            officer: s.officer && { name: s.officer.name, title: s.officer.title },
            submittedAt: s.submittedAt,
            recordedAt: s.recordedAt,
            eventId: s.eventId,
            basis: s.basis,
          }),
      ),
    conditions: c.conditions
      .filter((k) => k.agency === agency)
      .map(
        (k): OwnConditionDto =>
          defined({
            id: k.id,
            text: text(k.text),
            category: k.category,
            revision: k.revision,
            imposedAt: k.imposedAt,
            status: k.status,
            removal:
              k.removal &&
              defined({
                ...k.removal,
                justification: text(k.removal.justification),
                comment: text(k.removal.comment),
              }),
          }),
      ),
    timeline: c.timeline
      .filter((e) => timelineVisibleTo(e, agency))
      .map(
        (e): TimelineEntryViewDto => ({
          seq: e.seq,
          at: e.at,
          type: e.type,
          actor: e.actor,
          summary: text(e.summary),
          eventId: e.eventId,
        }),
      ),
  });
}
