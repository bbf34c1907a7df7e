import type {
  Agency,
  ConditionCategory,
  ConsultationKind,
  Precedence,
  SignOffDecision,
} from '@icb/contracts';

/**
 * The parts of the coordinator's REST API responses the adapter reads
 * (`docs/openapi/coordinator.json`: `AgencyQueueDto`, `ConsultationDetailDto`).
 * Declared here rather than imported: a library does not depend on an app.
 */
export interface CoordinatorReviewClock {
  revision: number;
  requestedAt: string;
  dueAt: string;
  daysLeft: number;
  overdue: boolean;
  acknowledgeBy?: string;
  acknowledgedAt?: string;
  hold?: { reason: string; placedAt: string };
  extension?: { days: number; reason: string; grantedAt: string };
}

export interface CoordinatorQueueItem {
  id: string;
  kind: ConsultationKind;
  title: string;
  status: string;
  precedence: Precedence;
  classification: string;
  revision: number;
  review: CoordinatorReviewClock;
}

export interface CoordinatorQueue {
  agency: Agency;
  total: number;
  offset: number;
  limit: number;
  items: CoordinatorQueueItem[];
}

export interface CoordinatorReview {
  agency: Agency;
  revision: number;
  requestedAt: string;
  dueAt: string;
  state: string;
  acknowledgeBy?: string;
  acknowledgedAt?: string;
  hold?: { reason: string; placedAt: string };
  extension?: { days: number; reason: string; grantedAt: string };
  [more: string]: unknown;
}

export interface CoordinatorSignOff {
  agency: Agency;
  revision: number;
  decision: SignOffDecision;
  conditions?: { id: string; text: string; category?: ConditionCategory }[];
  rationale?: string;
  officer?: { name: string; title: string };
  submittedAt: string;
  recordedAt: string;
  eventId: string;
  basis: string;
  [more: string]: unknown;
}

export interface CoordinatorCondition {
  id: string;
  text: string;
  category?: ConditionCategory;
  agency: Agency;
  revision: number;
  imposedAt: string;
  status: string;
  removal?: {
    justification: string;
    requestedAt: string;
    answeredAt?: string;
    agreed?: boolean;
    comment?: string;
  };
  [more: string]: unknown;
}

export interface CoordinatorTimelineEntry {
  seq: number;
  at: string;
  type: string;
  actor: string;
  summary: string;
  eventId: string;
  data?: Record<string, unknown>;
}

export interface CoordinatorConsultation {
  id: string;
  kind: ConsultationKind;
  actionOffice: string;
  title: string;
  summary: string;
  classification: string;
  precedence: Precedence;
  reference?: string;
  status: string;
  revision: number;
  clearers: Agency[];
  reviews: CoordinatorReview[];
  signOffs: CoordinatorSignOff[];
  conditions: CoordinatorCondition[];
  openedAt: string;
  updatedAt: string;
  closedAt?: string;
  timeline: CoordinatorTimelineEntry[];
  [more: string]: unknown;
}
