/**
 * Test support for the consultation deciders' specs (`../*.decider.spec.ts`):
 * factories for the commands and events the deciders take, and checks that
 * every accepted change's events are valid against the wire contract. Not a
 * spec itself, and under a `test/` folder so the production build leaves it out.
 */
import {
  createBusValidator,
  type Agency,
  type ConsultationOpenedV1,
  type EscalationDecidedV1,
  type MessageName,
  type PayloadOf,
  type Precedence,
  type SignOffDecision,
  type ValueCategory,
} from '@icb/contracts';
import type { Consultation } from '../../consultation.model';
import type { Change, ChangeContext } from '../change';
import { openConsultation } from '../open.decider';
import { submitSignOff } from '../sign-off.decider';

// ---------------------------------------------------------------------------
// Helpers: every change's events are checked against the wire contract.
// ---------------------------------------------------------------------------

const validator = createBusValidator();

export type Ok = Extract<Change, { ok: true }>;
export type NotOk = Extract<Change, { ok: false }>;

/** Asserts the change was accepted and that every event it produced is a valid payload. */
export function ok(change: Change): Ok {
  if (!change.ok)
    throw new Error(`expected the change to be accepted: ${change.code}: ${change.message}`);
  const purposes = change.events.map((e) => e.purpose);
  expect(new Set(purposes).size).toBe(purposes.length);
  for (const event of change.events) {
    const result = validator.validatePayload(event.name, event.payload);
    if (!result.ok) {
      throw new Error(`${event.name} (${event.purpose}) is invalid: ${result.errors.join('; ')}`);
    }
  }
  return change;
}

export function refusal(change: Change): NotOk {
  if (change.ok) throw new Error('expected a refusal, the change was accepted');
  return change;
}

export function named<N extends MessageName>(change: Ok, name: N): PayloadOf<N>[] {
  return change.events.filter((e) => e.name === name).map((e) => e.payload as PayloadOf<N>);
}

export const names = (change: Ok): string[] => change.events.map((e) => e.name);

let eventSeq = 0;
export const at = (now: string): ChangeContext => ({ now, eventId: `evt-${++eventSeq}` });

// ---------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------

export const CONSULTATION_ID = '6f1c2a7e-3b4d-4c5e-8f90-1a2b3c4d5e6f';
export const T0 = '2025-03-03T14:00:00.000Z';
/** ROUTINE: 30 calendar days after the day of the request, to the end of the day. */
export const REVIEW_DUE = '2025-04-02T23:59:59.999Z';
export const JUST_AFTER_REVIEW_DUE = '2025-04-03T00:00:00.000Z';

export function anFmsCase(
  opts: {
    country?: string;
    values?: Partial<Record<ValueCategory, number>>;
    precedence?: Precedence;
    clearingParties?: Agency[];
    actionOffice?: string;
  } = {},
): ConsultationOpenedV1 {
  const values = opts.values ?? { 'major-defense-equipment': 60_000_000 };
  return {
    consultationId: CONSULTATION_ID,
    kind: 'fms-case',
    actionOffice: opts.actionOffice ?? 'PM/DS',
    title: 'F-16 sustainment and munitions',
    summary: 'Letter of Request for sustainment, spares and precision munitions.',
    attributes: {
      country: opts.country ?? 'SAU',
      values: Object.entries(values).map(([category, amountUsd]) => ({
        category: category as ValueCategory,
        amountUsd: amountUsd,
      })),
      items: [{ description: 'GBU-39 Small Diameter Bomb', quantity: 200, usmlCategory: 'IV' }],
      parties: [
        { name: 'Royal Saudi Air Force', role: 'end-user', country: opts.country ?? 'SAU' },
      ],
    },
    classification: 'CUI',
    precedence: opts.precedence ?? 'ROUTINE',
    ...(opts.clearingParties ? { clearingParties: opts.clearingParties } : {}),
    reference: 'LOR-2025-017',
  };
}

export function aTechnologyTransfer(opts: { country?: string } = {}): ConsultationOpenedV1 {
  return {
    ...anFmsCase({
      country: opts.country ?? 'GBR',
      values: { 'defense-articles-services': 5_000_000 },
    }),
    kind: 'technology-transfer',
    actionOffice: 'PM/DDTC',
    title: 'Export license: radar signal-processing software',
  };
}

export function aSignOff(
  agency: Agency,
  decision: SignOffDecision,
  opts: { revision?: number; conditionIds?: string[]; rationale?: string } = {},
) {
  return {
    consultationId: CONSULTATION_ID,
    agency,
    revision: opts.revision ?? 1,
    decision,
    ...(decision === 'concur-with-conditions'
      ? {
          conditions: (opts.conditionIds ?? [`${agency.toUpperCase()}-C1`]).map((id) => ({
            id,
            text: 'Transfer only with the DSCA-approved security plan in place',
            category: 'security' as const,
          })),
        }
      : {}),
    ...(decision === 'non-concur' || opts.rationale
      ? { rationale: opts.rationale ?? 'Risk of diversion to a third party' }
      : {}),
    officer: { name: 'J. Doe', title: 'Deputy Assistant Secretary' },
    submittedAt: T0,
  };
}

export function aDecision(
  level: EscalationDecidedV1['level'],
  outcome: EscalationDecidedV1['outcome'],
  decidedAt: string,
): EscalationDecidedV1 {
  return {
    consultationId: CONSULTATION_ID,
    ladder: 'nsc',
    level,
    outcome,
    rationale: `The ${level} weighed the equities and decided ${outcome}`,
    chair: 'NSC',
    decidedAt,
  };
}

export function open(cmd: ConsultationOpenedV1, now = T0): Consultation {
  return ok(openConsultation(cmd, at(now))).state;
}

/** Every current clearer answers; returns the last change. */
export function allAnswer(
  state: Consultation,
  now: string,
  decisions: Partial<Record<Agency, SignOffDecision>> = {},
): Ok {
  let change: Ok | undefined;
  let s = state;
  for (const agency of state.clearers) {
    change = ok(
      submitSignOff(
        s,
        aSignOff(agency, decisions[agency] ?? 'concur', { revision: s.revision }),
        at(now),
      ),
    );
    s = change.state;
  }
  return change as Ok;
}

/** An FMS case for `country` cleared by every agency and now in congressional review. */
export function inCongressionalReview(
  country = 'SAU',
  values = { 'major-defense-equipment': 60_000_000 },
) {
  const cleared = allAnswer(open(anFmsCase({ country, values })), '2025-03-10T10:00:00.000Z');
  expect(cleared.state.status).toBe('congressional-review');
  return cleared.state;
}

// ---------------------------------------------------------------------------
