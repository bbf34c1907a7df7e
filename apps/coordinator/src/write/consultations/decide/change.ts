/** The change a decider builds (state, events, timeline notes), refusals, and the small helpers every decider uses. */
import {
  type Agency,
  type ConsultationAttributesV1,
  type ConsultationStatus,
  type MessageName,
  type Party,
  type PayloadOf,
} from '@icb/contracts';
import {
  AGENCIES,
  isOpen,
  transition,
  type LifecycleEvent,
  type SaleValues,
} from '../../../policy';
import type { Consultation, IsoDate } from '../consultation.model';

export interface ChangeContext {
  /** ISO-8601 UTC instant of the change. */
  now: string;
  /** The id of the event (or clock) that caused the change. */
  eventId: string;
}

/**
 * One event to publish. `purpose` is unique within one change and, with the
 * cause's id, derives a deterministic event id (a retried change re-publishes
 * the same ids, which JetStream de-duplicates). A union over the catalog, so
 * narrowing on `name` types the payload.
 */
export type Outgoing<N extends MessageName = MessageName> = {
  [K in N]: { name: K; payload: PayloadOf<K>; purpose: string };
}[N];

export interface TimelineNote {
  /** e.g. 'signoff.recorded'. */
  type: string;
  /** One human line. */
  summary: string;
  /** The party that caused it, 'coordinator' for its own decisions, or 'clock'. */
  actor: Party | 'clock';
  data?: Record<string, unknown>;
}

export type Change =
  | { ok: true; state: Consultation; events: Outgoing[]; notes: TimelineNote[] }
  | {
      ok: false;
      code: string;
      /** A sentence an operator understands and can act on. */
      message: string;
      /** True for an exact duplicate: acknowledge the message and do nothing. */
      noop?: boolean;
    };

export type Refused = Extract<Change, { ok: false }>;

export interface Draft {
  state: Consultation;
  events: Outgoing[];
  notes: TimelineNote[];
}

export function draftOf(state: Consultation): Draft {
  return { state, events: [], notes: [] };
}

export function emit<N extends MessageName>(
  draft: Draft,
  name: N,
  payload: PayloadOf<N>,
  purpose: string,
): void {
  draft.events.push({ name, payload, purpose } as unknown as Outgoing);
}

export function note(
  draft: Draft,
  type: string,
  actor: TimelineNote['actor'],
  summary: string,
  data?: Record<string, unknown>,
): void {
  draft.notes.push(data === undefined ? { type, summary, actor } : { type, summary, actor, data });
}

export function refused(code: string, message: string, noop = false): Refused {
  return noop ? { ok: false, code, message, noop: true } : { ok: false, code, message };
}

export const iso = (date: Date): IsoDate => date.toISOString();

export const ms = (instant: IsoDate): number => Date.parse(instant);

/** The first instant after a deadline: when its clock fires. */
export const justAfter = (deadline: IsoDate): IsoDate => new Date(ms(deadline) + 1).toISOString();

export function earliestOf(instants: readonly (IsoDate | undefined)[]): IsoDate | undefined {
  return instants
    .filter((i): i is IsoDate => i !== undefined)
    .reduce<IsoDate | undefined>((a, b) => (a === undefined || ms(b) < ms(a) ? b : a), undefined);
}

export function latestOf(instants: readonly IsoDate[]): IsoDate | undefined {
  return instants.reduce<IsoDate | undefined>(
    (a, b) => (a === undefined || ms(b) > ms(a) ? b : a),
    undefined,
  );
}

export function sameConsultation(
  state: Consultation,
  cmd: { consultationId: string },
): Refused | null {
  return cmd.consultationId === state.id
    ? null
    : refused(
        'WRONG_CONSULTATION',
        `the message is about consultation ${cmd.consultationId}, not ${state.id}`,
      );
}

export function toSaleValues(values: ConsultationAttributesV1['values']): SaleValues {
  const sale: Partial<Record<(typeof values)[number]['category'], number>> = {};
  for (const v of values) sale[v.category] = (sale[v.category] ?? 0) + v.amountUsd;
  return sale;
}

export function inAgencyOrder(agencies: readonly Agency[]): Agency[] {
  return AGENCIES.filter((a) => agencies.includes(a));
}

export function lifecycle(state: Consultation, event: LifecycleEvent) {
  return transition({ kind: state.kind, status: state.status, revision: state.revision }, event);
}

/** For a transition this module already checked: a refusal here is a programming error. */
export function mustTransition(state: Consultation, event: LifecycleEvent): ConsultationStatus {
  const result = lifecycle(state, event);
  if (!result.ok) throw new Error(`aggregate bug: ${result.code}: ${result.message}`);
  return result.state.status;
}

export function done(draft: Draft): Change {
  const purposes = new Set<string>();
  for (const event of draft.events) {
    if (purposes.has(event.purpose)) {
      throw new Error(`aggregate bug: two events with purpose "${event.purpose}" in one change`);
    }
    purposes.add(event.purpose);
  }
  return { ok: true, state: draft.state, events: draft.events, notes: draft.notes };
}

export const isRefused = (value: unknown): value is Refused =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

/** A closed consultation changes no more: `what` is refused (recorded, told to the sender). */
export function closedTo(state: Consultation, what: string): Refused | null {
  return isOpen(state.status)
    ? null
    : refused(
        'CONSULTATION_CLOSED',
        `the consultation is ${state.status} and closed; ${what} is no longer recorded`,
      );
}
