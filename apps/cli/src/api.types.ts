/**
 * The coordinator's REST answers, as the CLI reads them
 * (docs/openapi/coordinator.json). Only what the CLI shows is typed; `--json`
 * prints the answer as it came.
 */
import type {
  Agency,
  ConsultationKind,
  ConsultationStatus,
  MessageVerdict,
  LogEntry,
  Precedence,
  SignOffDecision,
} from '@icb/contracts';

export interface HealthIndicator {
  status: string;
  message?: string;
  [key: string]: unknown;
}

export interface HealthReport {
  status: string;
  info?: Record<string, HealthIndicator> | null;
  error?: Record<string, HealthIndicator> | null;
  details?: Record<string, HealthIndicator>;
}

export interface ConsultationSummary {
  id: string;
  kind: ConsultationKind;
  title: string;
  status: ConsultationStatus;
  precedence: Precedence;
  classification: string;
  revision: number;
  pendingAgencies: Agency[];
  nextDueAt: string | null;
  daysLeft: number | null;
  overdue: boolean;
  escalationLevel: string | null;
  congressStep: string | null;
  openedAt: string;
  updatedAt: string;
  /** True when it is classified above the signed-in operator's clearance (title withheld). */
  withheld?: boolean;
}

/** `GET /consultations/{id}` for a consultation above the operator's clearance. */
export interface WithheldConsultation extends ConsultationSummary {
  withheld: true;
  timeline: TimelineEntry[];
}

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface AgencyReview {
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

export interface AgencyQueue extends Page<ConsultationSummary & { review: AgencyReview }> {
  agency: Agency;
}

export interface Review {
  agency: Agency;
  revision: number;
  requestedAt: string;
  dueAt: string;
  acknowledgeBy?: string;
  acknowledgedAt?: string;
  extension?: { days: number; reason: string; grantedAt: string };
  hold?: { reason: string; placedAt: string };
  state: 'pending' | 'answered' | 'deemed' | 'waived';
}

export interface SignOffRecord {
  agency: Agency;
  revision: number;
  decision: SignOffDecision;
  conditions?: { id: string; text: string; category?: string }[];
  rationale?: string;
  officer?: { name: string; title: string };
  submittedAt: string;
  recordedAt: string;
  eventId: string;
  basis: 'submitted' | 'deemed-concurrence';
  rule?: { id: string; source: string };
}

export interface ConditionRecord {
  id: string;
  text: string;
  category?: string;
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
}

export interface ClockRecord {
  id: string;
  kind: string;
  agency?: Agency;
  revision: number;
  dueAt: string;
  firedAt?: string;
}

export interface EscalationStep {
  level: string;
  chair: string;
  raisedAt: string;
  dueAt: string;
  decidedAt?: string;
  outcome?: string;
  rationale?: string;
  decidedBy?: string;
}

export interface EscalationState {
  ladder: 'nsc' | 'licensing';
  level: string;
  cause: string;
  agency?: Agency;
  reason: string;
  history: EscalationStep[];
  resolvedAt?: string;
  outcome?: string;
  supersededAt?: string;
}

export interface CongressState {
  required: boolean;
  countryGroup: string;
  reviewDays: number;
  step: string;
  committees?: string[];
  informalAt?: string;
  holds: {
    holdId: string;
    committee: string;
    member?: string;
    note: string;
    placedAt: string;
    liftedAt?: string;
  }[];
  formalAt?: string;
  transmittalNumber?: string;
  reviewEndsAt?: string;
  clearedAt?: string;
  basis?: string;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  actor: string;
  summary: string;
  eventId: string;
}

export interface ConsultationDetail {
  id: string;
  kind: ConsultationKind;
  actionOffice: string;
  title: string;
  summary: string;
  classification: string;
  precedence: Precedence;
  reference?: string;
  status: ConsultationStatus;
  revision: number;
  clearers: Agency[];
  reviews: Review[];
  signOffs: SignOffRecord[];
  conditions: ConditionRecord[];
  clocks: ClockRecord[];
  escalation?: EscalationState;
  congress?: CongressState;
  decision?: { outcome: string; basis: string; decidedAt: string; rationale?: string };
  pendingAgencies: Agency[];
  nextDueAt?: string;
  openedAt: string;
  updatedAt: string;
  closedAt?: string;
  version: number;
  timeline: TimelineEntry[];
}

export interface UpcomingClock {
  consultationId: string;
  title: string;
  classification?: string;
  withheld?: boolean;
  agency: Agency | null;
  kind: string;
  dueAt: string;
}

export interface ConsultationStats {
  asOf: string;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  byPrecedence: Record<string, number>;
  open: number;
  overdue: number;
  escalated: number;
  closestClocks: UpcomingClock[];
}

/** One page of `/consultations/{id}/audit/log`: entries as stored and hashed. */
export interface AuditLogPage {
  consultationId: string;
  head: { seq: number; hash: string };
  entries: LogEntry[];
  next?: number;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head?: string;
  firstBadSeq?: number;
  problem?: 'altered' | 'removed' | 'reordered' | 'truncated';
  detail?: string;
}

export interface DeadLetterRecord {
  code: string;
  reason: string;
  errors?: string[];
  subject: string;
  consumer: string;
  stream: string;
  streamSequence: number;
  deliveryCount: number;
  eventId?: string;
  data: string;
  encoding: string;
  deadLetteredAt: string;
  headers?: Record<string, unknown>;
}

export interface DeadLetterList {
  total: number;
  items: { seq: number; record: DeadLetterRecord }[];
}

export interface ReplayResult {
  seq: number;
  subject: string;
  streamSequence: number;
}

export interface DevClock {
  now: string;
  offsetMs: number;
  /** After an advance: consultations changed by the clocks that fell due. */
  fired?: number;
}

/** One server-sent event from `/events`. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface ListQuery {
  status?: string[];
  kind?: string[];
  precedence?: string[];
  pendingAgency?: string;
  overdue?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** The coordinator's verdict on a message (`GET /messages/{eventId}/verdict`, ADR 11). */
export type Verdict = MessageVerdict & { withheld?: boolean };
