/**
 * Good and bad examples of every message, shared by the specs of every layer
 * (contracts, messaging, adapters). `validPayload(name)` is a small factory; the
 * table adds the bad variants each rule must reject.
 *
 * Both validators (ajv on the bus, class-validator at the edges) must give the
 * verdict in `valid` for every case.
 */
import { randomUUID } from 'node:crypto';
import type { MessageName, PayloadOf } from '../catalog';
import { MESSAGES } from '../catalog';
import { cloudEventType, schemaId, type MessageDefinition } from '../define';
import type { Envelope } from '../envelope';
import type { ConsultationAttributesV1 } from '../messages/consultation.messages';
import { sourceOf, type Party } from '../parties';

export const CONSULTATION_ID = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';
export const ASSESSMENT_ID = '0b7e4c52-8f3a-4d19-a6e2-5c9d1f7a3b80';
export const SCREENING_ID = 'c3d9a1e7-5b2f-4e08-9a6c-7f1b3e5d2c94';
const AT = '2025-03-03T14:00:00Z';
const DUE = '2025-04-02T21:00:00Z';

const attributes = (): ConsultationAttributesV1 => ({
  country: 'AUS',
  values: [
    { category: 'major-defense-equipment', amountUsd: 120_000_000 },
    { category: 'defense-articles-services', amountUsd: 35_000_000 },
  ],
  items: [
    { description: 'AIM-120D AMRAAM missiles', quantity: 100, usmlCategory: 'IV' },
    { description: 'Training and logistics support', quantity: 1 },
  ],
  parties: [
    { name: 'Commonwealth of Australia', role: 'purchaser', country: 'AUS' },
    {
      name: 'Acme Logistics Pty Ltd',
      role: 'consignee',
      country: 'AUS',
      ownership: [{ ownerName: 'Acme Holdings Ltd', percent: 60 }],
    },
  ],
});

const FACTORIES: { [N in MessageName]: () => PayloadOf<N> } = {
  'consultation.opened': () => ({
    consultationId: CONSULTATION_ID,
    kind: 'fms-case',
    actionOffice: 'PM/DS',
    title: 'Australia - AIM-120D missiles',
    summary: 'Letter of Request for 100 AIM-120D missiles with support.',
    attributes: attributes(),
    classification: 'CUI//SP-EXPT//NOFORN',
    precedence: 'PRIORITY',
    clearingParties: ['dod', 'nsc', 'treasury'],
    requestedAt: '2025-03-01T09:30:00Z',
    reference: 'AT-D-YAB',
  }),
  'consultation.amended': () => ({
    consultationId: CONSULTATION_ID,
    revision: 2,
    changes: { summary: 'Quantity reduced to 80 missiles.', attributes: attributes() },
    reason: 'Purchaser revised its Letter of Request.',
  }),
  'consultation.withdrawn': () => ({
    consultationId: CONSULTATION_ID,
    reason: 'Purchaser withdrew the request.',
  }),
  'clearance.parties-changed': () => ({
    consultationId: CONSULTATION_ID,
    add: ['cia'],
    remove: [],
    reason: 'End user has ties to a program of concern.',
  }),
  'review.requested': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'dod',
    revision: 1,
    kind: 'fms-case',
    title: 'Australia - AIM-120D missiles',
    summary: 'Technical and releasability review.',
    dueAt: DUE,
    precedence: 'IMMEDIATE',
    acknowledgeBy: '2025-03-03T14:30:00Z',
    classification: 'CUI//SP-EXPT//NOFORN',
  }),
  'message.refused': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'treasury',
    refusedEventId: '0b9b7a8e-2f4c-4e3a-9d1b-6c5a4f3e2d1c',
    refusedMessage: 'signoff.submitted',
    code: 'STALE_REVISION',
    reason: 'Sign-off is for revision 1; the consultation is at revision 2.',
  }),
  'review.acknowledged': () => ({ consultationId: CONSULTATION_ID, agency: 'dod', revision: 1 }),
  'review.hold-placed': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'dod',
    reason: 'Technology security review by DTSA outstanding.',
  }),
  'review.hold-released': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'dod',
    reason: 'DTSA review complete.',
  }),
  'signoff.submitted': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'dod',
    revision: 1,
    decision: 'concur-with-conditions',
    conditions: [
      { id: 'DOD-1', text: 'Anti-tamper protection required.', category: 'technology-security' },
      { id: 'DOD-2', text: 'Enhanced end-use monitoring.' },
    ],
    officer: { name: 'J. Smith', title: 'Director, DSCA' },
    submittedAt: AT,
  }),
  'condition.removal-requested': () => ({
    consultationId: CONSULTATION_ID,
    conditionId: 'DOD-2',
    imposingAgency: 'dod',
    justification: 'Purchaser already under an enhanced monitoring agreement.',
  }),
  'condition.removal-answered': () => ({
    consultationId: CONSULTATION_ID,
    conditionId: 'DOD-2',
    agency: 'dod',
    agreed: false,
    comment: 'The existing agreement does not cover this item.',
  }),
  'intel.assessment-shared': () => ({
    consultationId: CONSULTATION_ID,
    assessmentId: ASSESSMENT_ID,
    title: 'Diversion risk assessment',
    classification: 'SECRET//ORCON/NOFORN',
    disseminationControls: { orcon: true, noforn: true, approvedRecipients: ['state-pm', 'nsc'] },
    summaryForUnauthorized: 'An assessment exists; ask CIA for access.',
  }),
  'intel.assessment-released': () => ({
    consultationId: CONSULTATION_ID,
    assessmentId: ASSESSMENT_ID,
    recipient: 'nsc',
    title: 'Diversion risk assessment',
    classification: 'SECRET//ORCON/NOFORN',
    disseminationControls: { orcon: true, noforn: true, approvedRecipients: ['state-pm', 'nsc'] },
    content: 'Low risk of diversion to third parties.',
    releasedAt: AT,
  }),
  'intel.assessment-available': () => ({
    consultationId: CONSULTATION_ID,
    assessmentId: ASSESSMENT_ID,
    classification: 'SECRET//ORCON/NOFORN',
    originator: 'cia',
  }),
  'sanctions.screening-completed': () => ({
    consultationId: CONSULTATION_ID,
    screeningId: SCREENING_ID,
    list: { name: 'SDN', versionDate: '2025-02-28' },
    result: 'hit',
    partiesScreened: 3,
    matches: [
      {
        partyName: 'Acme Logistics Pty Ltd',
        listEntryUid: '36012',
        listEntryName: 'ACME HOLDINGS LTD',
        programs: ['SDGT'],
        basis: 'ownership-50',
        ownershipPercent: 60,
      },
    ],
    screenedAt: AT,
  }),
  'sanctions.list-loaded': () => ({
    list: { name: 'SDN', versionDate: '2025-02-28' },
    entryCount: 17452,
    loadedAt: AT,
  }),
  'clock.deadline-approaching': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'nsc',
    clock: 'review',
    dueAt: DUE,
    remainingHours: 24,
  }),
  'clock.overdue': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'nsc',
    clock: 'review',
    dueAt: DUE,
    detectedAt: AT,
  }),
  'clock.deemed-concurrence': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'nsc',
    revision: 1,
    ruleId: 'eaa-1979-10e',
    ruleSource: 'EAA 1979 §10(e)',
    deemedAt: AT,
  }),
  'clock.extension-requested': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'dod',
    reason: 'Awaiting a technical assessment.',
    days: 30,
  }),
  'clock.extension-granted': () => ({
    consultationId: CONSULTATION_ID,
    agency: 'dod',
    newDueAt: DUE,
    days: 30,
  }),
  'consultation.proceeded-without-clearance': () => ({
    consultationId: CONSULTATION_ID,
    delayingAgencies: ['nsc'],
    rule: '2 FAM 1211',
    justification: 'Deadline passed without an answer; the matter is time-critical.',
  }),
  'escalation.raised': () => ({
    consultationId: CONSULTATION_ID,
    ladder: 'nsc',
    level: 'pcc',
    chair: 'NSC Senior Director for Defense',
    reason: 'DoD non-concurred.',
    dueAt: DUE,
    triggeredBy: { agency: 'dod', cause: 'non-concur' },
  }),
  'escalation.decided': () => ({
    consultationId: CONSULTATION_ID,
    ladder: 'nsc',
    level: 'deputies',
    outcome: 'approve',
    rationale: 'Strategic value outweighs the risk with the conditions imposed.',
    chair: 'Deputy National Security Advisor',
    decidedAt: AT,
  }),
  'escalation.resolved': () => ({
    consultationId: CONSULTATION_ID,
    ladder: 'licensing',
    level: 'operating-committee',
    outcome: 'refer-up',
    rationale: 'No consensus at the Operating Committee.',
  }),
  'consultation.decided': () => ({
    consultationId: CONSULTATION_ID,
    outcome: 'approved',
    basis: 'unanimous-concurrence',
    revision: 1,
    decidedAt: AT,
  }),
  'congress.informal-notice-sent': () => ({
    consultationId: CONSULTATION_ID,
    committees: ['SFRC', 'HFAC'],
    sentAt: AT,
  }),
  'congress.hold-placed': () => ({
    consultationId: CONSULTATION_ID,
    committee: 'SFRC',
    member: 'Ranking Member',
    holdId: 'SFRC-2025-014',
    note: 'Questions on end-use monitoring.',
  }),
  'congress.hold-lifted': () => ({
    consultationId: CONSULTATION_ID,
    committee: 'SFRC',
    holdId: 'SFRC-2025-014',
    note: 'Questions answered in a briefing.',
  }),
  'congress.formal-notice-sent': () => ({
    consultationId: CONSULTATION_ID,
    transmittalNumber: '25-12',
    sentAt: AT,
    reviewDays: 15,
  }),
  'congress.emergency-waiver-certified': () => ({
    consultationId: CONSULTATION_ID,
    justification:
      'An emergency exists which requires the immediate sale in the national security interest of the United States.',
    certifiedAt: AT,
  }),
  'congress.review-period-ended': () => ({
    consultationId: CONSULTATION_ID,
    transmittalNumber: '25-12',
    reviewDays: 15,
    endedAt: DUE,
  }),
  'congress.disapproval-enacted': () => ({
    consultationId: CONSULTATION_ID,
    resolution: 'S.J.Res. 42',
    enactedAt: AT,
  }),
  'congress.cleared-for-offer': () => ({
    consultationId: CONSULTATION_ID,
    basis: 'review-period-ended',
    clearedAt: DUE,
  }),
  'consultation.status-changed': () => ({
    consultationId: CONSULTATION_ID,
    from: 'in-review',
    to: 'escalated',
    reason: 'DoD non-concurred.',
    revision: 1,
    pendingAgencies: ['nsc'],
  }),
  'notice.forwarded': () => ({
    consultationId: CONSULTATION_ID,
    recipient: 'dod',
    message: 'signoff.submitted',
    eventId: '9a3e1f5c-7b2d-4c8e-a1f6-3d5b7e9c0a24',
    publisher: 'nsc',
    occurredAt: AT,
    summary: 'nsc: non-concur (revision 1)',
    agency: 'nsc',
    revision: 1,
    decision: 'non-concur',
  }),
};

/** A fresh valid payload of a message, with optional overrides. */
export function validPayload<N extends MessageName>(
  name: N,
  overrides: Partial<PayloadOf<N>> = {},
): PayloadOf<N> {
  return { ...(FACTORIES[name]() as object), ...overrides } as PayloadOf<N>;
}

/** A valid envelope around a payload (the first publisher of the message unless told). */
export function envelopeFor<N extends MessageName>(
  name: N,
  data: PayloadOf<N> = validPayload(name),
  opts: { publisher?: Party; id?: string } = {},
): Envelope<PayloadOf<N>> {
  const def = MESSAGES[name] as unknown as MessageDefinition<PayloadOf<N>>;
  const id = opts.id ?? randomUUID();
  return {
    specversion: '1.0',
    id,
    source: sourceOf(opts.publisher ?? def.publishers[0]),
    type: cloudEventType(def),
    time: '2025-03-03T14:00:01.250Z',
    subject: def.subjectOf(data),
    datacontenttype: 'application/json',
    dataschema: schemaId(def),
    correlationid: id,
    classification: 'CUI//SP-EXPT//NOFORN',
    precedence: 'ROUTINE',
    data,
  };
}

export interface MessageCase {
  name: MessageName;
  /** What the case shows, e.g. "rejects conditions missing for concur-with-conditions". */
  description: string;
  /** The payload, as it would arrive on the wire (plain JSON). */
  data: unknown;
  valid: boolean;
}

type Obj = Record<string, unknown>;
const payload = (name: MessageName): Obj => validPayload(name);
const without = (o: Obj, key: string): Obj => {
  const { [key]: _dropped, ...rest } = o;
  return rest;
};
const good = (name: MessageName, description: string, patch: Obj = {}): MessageCase => ({
  name,
  description,
  data: { ...payload(name), ...patch },
  valid: true,
});
const bad = (name: MessageName, description: string, data: Obj): MessageCase => ({
  name,
  description,
  data,
  valid: false,
});
const patched = (name: MessageName, patch: Obj): Obj => ({ ...payload(name), ...patch });

/** The rules every message must enforce, generated per message. */
function genericCases(name: MessageName): MessageCase[] {
  const p = payload(name);
  const cases: MessageCase[] = [
    good(name, 'accepts the factory payload'),
    bad(name, 'rejects an extra top-level property', { ...p, unexpected: true }),
    bad(name, 'rejects a property named like a Mongo operator', { ...p, $where: 'x' }),
  ];
  for (const key of Object.keys(p)) {
    const optional = OPTIONAL_FIELDS[name]?.includes(key) ?? false;
    cases.push(
      optional
        ? {
            name,
            description: `accepts the payload without optional ${key}`,
            data: without(p, key),
            valid: true,
          }
        : bad(name, `rejects the payload without required ${key}`, without(p, key)),
    );
    cases.push(bad(name, `rejects ${key} set to null`, { ...p, [key]: null }));
  }
  if ('consultationId' in p) {
    cases.push(
      bad(name, 'rejects a consultationId that is not a UUID', { ...p, consultationId: 'case-42' }),
    );
    cases.push(
      bad(name, 'rejects a consultationId in urn:uuid form', {
        ...p,
        consultationId: `urn:uuid:${CONSULTATION_ID}`,
      }),
    );
  }
  return cases;
}

/** Fields of the factory payloads that the contract allows to be left out. */
const OPTIONAL_FIELDS: Partial<Record<MessageName, readonly string[]>> = {
  'consultation.opened': ['clearingParties', 'requestedAt', 'reference'],
  'review.requested': ['acknowledgeBy'],
  'intel.assessment-shared': ['summaryForUnauthorized'],
  'notice.forwarded': ['agency', 'revision', 'decision'],
  'congress.hold-placed': ['member'],
};

const long = (n: number): string => 'x'.repeat(n);

/** Rules particular to one message. */
const SPECIFIC_CASES: MessageCase[] = [
  // consultation.opened
  bad(
    'consultation.opened',
    'rejects an unknown kind',
    patched('consultation.opened', { kind: 'arms-sale' }),
  ),
  bad(
    'consultation.opened',
    'rejects a title over 200 characters',
    patched('consultation.opened', { title: long(201) }),
  ),
  good('consultation.opened', 'accepts a title of exactly 200 characters', { title: long(200) }),
  bad(
    'consultation.opened',
    'rejects an empty title',
    patched('consultation.opened', { title: '' }),
  ),
  bad(
    'consultation.opened',
    'rejects an office code in lower case',
    patched('consultation.opened', { actionOffice: 'pm/ds' }),
  ),
  bad(
    'consultation.opened',
    'rejects a non-canonical classification',
    patched('consultation.opened', { classification: 'SECRET//NOFORN/ORCON' }),
  ),
  bad(
    'consultation.opened',
    'rejects REL TO countries out of order',
    patched('consultation.opened', { classification: 'SECRET//REL TO USA, GBR, AUS' }),
  ),
  bad(
    'consultation.opened',
    'rejects an unknown precedence',
    patched('consultation.opened', { precedence: 'URGENT' }),
  ),
  bad(
    'consultation.opened',
    'rejects a clearing party that is not an agency',
    patched('consultation.opened', { clearingParties: ['coordinator'] }),
  ),
  bad(
    'consultation.opened',
    'rejects a clearing party named twice',
    patched('consultation.opened', { clearingParties: ['dod', 'dod'] }),
  ),
  bad(
    'consultation.opened',
    'rejects a local requestedAt without a time zone',
    patched('consultation.opened', { requestedAt: '2025-03-01T09:30:00' }),
  ),
  bad(
    'consultation.opened',
    'rejects a requestedAt on a day that does not exist',
    patched('consultation.opened', { requestedAt: '2025-02-30T09:30:00Z' }),
  ),
  bad(
    'consultation.opened',
    'rejects a country that is not an alpha-3 code',
    patched('consultation.opened', { attributes: { ...attributes(), country: 'AU' } }),
  ),
  bad(
    'consultation.opened',
    'rejects attributes given as an array',
    patched('consultation.opened', { attributes: [attributes()] }),
  ),
  bad(
    'consultation.opened',
    'rejects a nested value with a fractional amount',
    patched('consultation.opened', {
      attributes: {
        ...attributes(),
        values: [{ category: 'design-construction', amountUsd: 1.5 }],
      },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects a nested value with a negative amount',
    patched('consultation.opened', {
      attributes: { ...attributes(), values: [{ category: 'design-construction', amountUsd: -1 }] },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects a nested value with an unknown category',
    patched('consultation.opened', {
      attributes: { ...attributes(), values: [{ category: 'firearms', amountUsd: 1 }] },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects an extra property in a nested item',
    patched('consultation.opened', {
      attributes: { ...attributes(), items: [{ description: 'x', quantity: 1, unitPrice: 5 }] },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects an unknown USML category',
    patched('consultation.opened', {
      attributes: {
        ...attributes(),
        items: [{ description: 'x', quantity: 1, usmlCategory: 'XXII' }],
      },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects an array nested in an array',
    patched('consultation.opened', {
      attributes: { ...attributes(), items: [[{ description: 'x', quantity: 1 }]] },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects a null inside an array',
    patched('consultation.opened', { attributes: { ...attributes(), items: [null] } }),
  ),
  bad(
    'consultation.opened',
    'rejects an ownership share above 100 percent',
    patched('consultation.opened', {
      attributes: {
        ...attributes(),
        parties: [
          {
            name: 'A',
            role: 'owner',
            country: 'GBR',
            ownership: [{ ownerName: 'B', percent: 101 }],
          },
        ],
      },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects an unknown party role',
    patched('consultation.opened', {
      attributes: { ...attributes(), parties: [{ name: 'A', role: 'broker', country: 'GBR' }] },
    }),
  ),
  bad(
    'consultation.opened',
    'rejects more than 50 parties',
    patched('consultation.opened', {
      attributes: {
        ...attributes(),
        parties: Array.from({ length: 51 }, () => ({ name: 'A', role: 'owner', country: 'GBR' })),
      },
    }),
  ),
  good('consultation.opened', 'accepts a transaction with no items and no parties yet', {
    attributes: { country: 'JPN', values: [], items: [], parties: [] },
  }),
  // consultation.amended
  bad(
    'consultation.amended',
    'rejects revision 1 (the opening)',
    patched('consultation.amended', { revision: 1 }),
  ),
  bad(
    'consultation.amended',
    'rejects a revision given as a string',
    patched('consultation.amended', { revision: '2' }),
  ),
  bad(
    'consultation.amended',
    'rejects empty changes',
    patched('consultation.amended', { changes: {} }),
  ),
  bad(
    'consultation.amended',
    'rejects an unknown change',
    patched('consultation.amended', { changes: { kind: 'arms-control' } }),
  ),
  good('consultation.amended', 'accepts a change of title only', {
    changes: { title: 'New title' },
  }),
  // clearance.parties-changed
  bad(
    'clearance.parties-changed',
    'rejects adding a party that is not an agency',
    patched('clearance.parties-changed', { add: ['congress'] }),
  ),
  // review.requested
  bad(
    'review.requested',
    'rejects a due date that is not a date-time',
    patched('review.requested', { dueAt: 'next Tuesday' }),
  ),
  bad('review.requested', 'rejects a revision of 0', patched('review.requested', { revision: 0 })),
  // message.refused
  bad(
    'message.refused',
    'rejects a refusal without a code',
    patched('message.refused', { code: '' }),
  ),
  // review.*
  bad(
    'review.acknowledged',
    'rejects the coordinator as the acknowledging agency',
    patched('review.acknowledged', { agency: 'coordinator' }),
  ),
  bad(
    'review.hold-placed',
    'rejects a reason over 2000 characters',
    patched('review.hold-placed', { reason: long(2001) }),
  ),
  // signoff.submitted
  bad(
    'signoff.submitted',
    'rejects a concurrence with conditions without conditions',
    without(payload('signoff.submitted'), 'conditions'),
  ),
  bad(
    'signoff.submitted',
    'rejects a concurrence with conditions with an empty list',
    patched('signoff.submitted', { conditions: [] }),
  ),
  bad(
    'signoff.submitted',
    'rejects conditions on a plain concurrence',
    patched('signoff.submitted', { decision: 'concur' }),
  ),
  good('signoff.submitted', 'accepts a plain concurrence without conditions', {
    decision: 'concur',
    conditions: undefined,
  }),
  bad(
    'signoff.submitted',
    'rejects a non-concurrence without a rationale',
    patched('signoff.submitted', { decision: 'non-concur', conditions: undefined }),
  ),
  good('signoff.submitted', 'accepts a non-concurrence with a rationale', {
    decision: 'non-concur',
    conditions: undefined,
    rationale: 'Risk of diversion.',
  }),
  good('signoff.submitted', 'accepts no equity without a rationale', {
    decision: 'no-equity',
    conditions: undefined,
  }),
  bad(
    'signoff.submitted',
    'rejects an empty rationale on a non-concurrence',
    patched('signoff.submitted', { decision: 'non-concur', conditions: undefined, rationale: '' }),
  ),
  bad(
    'signoff.submitted',
    'rejects an unknown decision',
    patched('signoff.submitted', { decision: 'abstain', conditions: undefined }),
  ),
  bad(
    'signoff.submitted',
    'rejects a condition without text',
    patched('signoff.submitted', { conditions: [{ id: 'DOD-1' }] }),
  ),
  bad(
    'signoff.submitted',
    'rejects a condition with an unknown category',
    patched('signoff.submitted', {
      conditions: [{ id: 'DOD-1', text: 'x', category: 'financial' }],
    }),
  ),
  bad(
    'signoff.submitted',
    'rejects a condition id with spaces',
    patched('signoff.submitted', { conditions: [{ id: 'DOD 1', text: 'x' }] }),
  ),
  bad(
    'signoff.submitted',
    'rejects an officer without a title',
    patched('signoff.submitted', { officer: { name: 'J. Smith' } }),
  ),
  bad(
    'signoff.submitted',
    'rejects an officer given as a string',
    patched('signoff.submitted', { officer: 'J. Smith' }),
  ),
  bad(
    'signoff.submitted',
    'rejects a condition text over 2000 characters',
    patched('signoff.submitted', { conditions: [{ id: 'DOD-1', text: long(2001) }] }),
  ),
  bad(
    'signoff.submitted',
    'rejects a submittedAt with an offset instead of UTC',
    patched('signoff.submitted', { submittedAt: '2025-03-03T09:00:00-05:00' }),
  ),
  // conditions
  bad(
    'condition.removal-answered',
    'rejects agreed given as a string',
    patched('condition.removal-answered', { agreed: 'yes' }),
  ),
  // intelligence
  bad(
    'intel.assessment-shared',
    'rejects an ORCON marking on CUI',
    patched('intel.assessment-shared', { classification: 'CUI//ORCON' }),
  ),
  bad(
    'intel.assessment-shared',
    'rejects an approved recipient that is not an agency',
    patched('intel.assessment-shared', {
      disseminationControls: { orcon: true, noforn: true, approvedRecipients: ['mi6'] },
    }),
  ),
  bad(
    'intel.assessment-shared',
    'rejects dissemination controls missing noforn',
    patched('intel.assessment-shared', {
      disseminationControls: { orcon: true, approvedRecipients: [] },
    }),
  ),
  bad(
    'intel.assessment-shared',
    'rejects the assessment content in the content-free announcement',
    patched('intel.assessment-shared', { content: 'Low risk of diversion.' }),
  ),
  good('intel.assessment-released', 'accepts a release of a non-ORCON assessment', {
    classification: 'SECRET//NOFORN',
    disseminationControls: { orcon: false, noforn: true, approvedRecipients: [] },
    recipient: 'dod',
  }),
  good('intel.assessment-released', 'accepts content of exactly 100000 characters', {
    content: long(100_000),
  }),
  bad(
    'intel.assessment-released',
    'rejects content over 100000 characters',
    patched('intel.assessment-released', { content: long(100_001) }),
  ),
  bad(
    'intel.assessment-released',
    'rejects a release without content',
    patched('intel.assessment-released', { content: undefined }),
  ),
  bad(
    'intel.assessment-released',
    'rejects a recipient that is not an agency',
    patched('intel.assessment-released', { recipient: 'mi6' }),
  ),
  bad(
    'intel.assessment-released',
    'rejects the coordinator as a recipient',
    patched('intel.assessment-released', { recipient: 'coordinator' }),
  ),
  bad(
    'intel.assessment-released',
    'rejects a releasedAt with an offset instead of UTC',
    patched('intel.assessment-released', { releasedAt: '2025-03-03T09:00:00-05:00' }),
  ),
  bad(
    'intel.assessment-released',
    'rejects an unparseable classification',
    patched('intel.assessment-released', { classification: 'SUPER SECRET' }),
  ),
  bad(
    'intel.assessment-released',
    'rejects a release without dissemination controls',
    patched('intel.assessment-released', { disseminationControls: undefined }),
  ),
  bad(
    'intel.assessment-available',
    'rejects the assessment content in a content-free notice',
    patched('intel.assessment-available', { content: 'secret' }),
  ),
  // sanctions
  bad(
    'sanctions.screening-completed',
    'rejects an unknown result',
    patched('sanctions.screening-completed', { result: 'maybe' }),
  ),
  bad(
    'sanctions.screening-completed',
    'rejects a 50%-rule match without the ownership share',
    patched('sanctions.screening-completed', {
      matches: [
        {
          partyName: 'A',
          listEntryUid: '1',
          listEntryName: 'B',
          programs: [],
          basis: 'ownership-50',
        },
      ],
    }),
  ),
  bad(
    'sanctions.screening-completed',
    'rejects an ownership share on a direct match',
    patched('sanctions.screening-completed', {
      matches: [
        {
          partyName: 'A',
          listEntryUid: '1',
          listEntryName: 'B',
          programs: ['SDGT'],
          basis: 'direct',
          ownershipPercent: 60,
        },
      ],
    }),
  ),
  good('sanctions.screening-completed', 'accepts a direct match without an ownership share', {
    matches: [
      {
        partyName: 'A',
        listEntryUid: '1',
        listEntryName: 'B',
        programs: ['SDGT'],
        basis: 'direct',
      },
    ],
  }),
  bad(
    'sanctions.screening-completed',
    'rejects an ownership share below 50 percent',
    patched('sanctions.screening-completed', {
      matches: [
        {
          partyName: 'A',
          listEntryUid: '1',
          listEntryName: 'B',
          programs: [],
          basis: 'ownership-50',
          ownershipPercent: 49.9,
        },
      ],
    }),
  ),
  bad(
    'sanctions.screening-completed',
    'rejects a list version date with a time',
    patched('sanctions.screening-completed', {
      list: { name: 'SDN', versionDate: '2025-02-28T00:00:00Z' },
    }),
  ),
  bad(
    'sanctions.screening-completed',
    'rejects a program name that is not a string',
    patched('sanctions.screening-completed', {
      matches: [
        { partyName: 'A', listEntryUid: '1', listEntryName: 'B', programs: [7], basis: 'direct' },
      ],
    }),
  ),
  good('sanctions.screening-completed', 'accepts a clear result with no matches', {
    result: 'clear',
    matches: [],
  }),
  bad(
    'sanctions.list-loaded',
    'rejects a negative entry count',
    patched('sanctions.list-loaded', { entryCount: -1 }),
  ),
  bad(
    'sanctions.list-loaded',
    'rejects a list without a name',
    patched('sanctions.list-loaded', { list: { versionDate: '2025-02-28' } }),
  ),
  // clocks
  bad(
    'clock.deadline-approaching',
    'rejects an unknown clock kind',
    patched('clock.deadline-approaching', { clock: 'lunch' }),
  ),
  bad(
    'clock.deadline-approaching',
    'rejects negative remaining hours',
    patched('clock.deadline-approaching', { remainingHours: -1 }),
  ),
  good('clock.deadline-approaching', 'accepts fractional remaining hours', { remainingHours: 1.5 }),
  bad(
    'clock.extension-requested',
    'rejects an extension of 0 days',
    patched('clock.extension-requested', { days: 0 }),
  ),
  bad(
    'clock.extension-granted',
    'rejects an extension of more than 90 days',
    patched('clock.extension-granted', { days: 91 }),
  ),
  bad(
    'clock.deemed-concurrence',
    'rejects a rule id with spaces',
    patched('clock.deemed-concurrence', { ruleId: 'EAA 1979' }),
  ),
  // proceeded without clearance
  bad(
    'consultation.proceeded-without-clearance',
    'rejects proceeding with no delaying agency',
    patched('consultation.proceeded-without-clearance', { delayingAgencies: [] }),
  ),
  // escalation
  bad(
    'escalation.raised',
    'rejects a level of another ladder',
    patched('escalation.raised', { ladder: 'licensing', level: 'pcc' }),
  ),
  good('escalation.raised', 'accepts the licensing ladder with its own level', {
    ladder: 'licensing',
    level: 'acep',
  }),
  bad(
    'escalation.raised',
    'rejects an unknown ladder',
    patched('escalation.raised', { ladder: 'cabinet' }),
  ),
  bad(
    'escalation.raised',
    'rejects an unknown trigger cause',
    patched('escalation.raised', { triggeredBy: { cause: 'boredom' } }),
  ),
  good('escalation.raised', 'accepts a trigger without an agency', {
    triggeredBy: { cause: 'referral' },
  }),
  bad(
    'escalation.decided',
    'rejects an unknown outcome',
    patched('escalation.decided', { outcome: 'table' }),
  ),
  bad(
    'escalation.decided',
    'rejects a level of another ladder',
    patched('escalation.decided', { ladder: 'nsc', level: 'earb' }),
  ),
  bad(
    'escalation.resolved',
    'rejects a level of another ladder',
    patched('escalation.resolved', { level: 'principals' }),
  ),
  // consultation.decided / status
  bad(
    'consultation.decided',
    'rejects an unknown basis',
    patched('consultation.decided', { basis: 'coin-toss' }),
  ),
  bad(
    'consultation.status-changed',
    'rejects an unknown status',
    patched('consultation.status-changed', { to: 'archived' }),
  ),
  // forwarding
  bad(
    'notice.forwarded',
    'rejects a notice addressed to the coordinator',
    patched('notice.forwarded', { recipient: 'coordinator' }),
  ),
  bad(
    'notice.forwarded',
    'rejects forwarded content (a rationale is not a field of a notice)',
    patched('notice.forwarded', { rationale: 'NSC objects because…' }),
  ),
  // congress
  bad(
    'congress.informal-notice-sent',
    'rejects an unknown committee',
    patched('congress.informal-notice-sent', { committees: ['SASC'] }),
  ),
  bad(
    'congress.informal-notice-sent',
    'rejects a notice to no committee',
    patched('congress.informal-notice-sent', { committees: [] }),
  ),
  bad(
    'congress.formal-notice-sent',
    'rejects a review period other than 15 or 30 days',
    patched('congress.formal-notice-sent', { reviewDays: 20 }),
  ),
  bad(
    'congress.formal-notice-sent',
    'rejects a review period given as a string',
    patched('congress.formal-notice-sent', { reviewDays: '30' }),
  ),
  bad(
    'congress.formal-notice-sent',
    'rejects a malformed transmittal number',
    patched('congress.formal-notice-sent', { transmittalNumber: 'T-1' }),
  ),
  good('congress.formal-notice-sent', 'accepts a 30-day review period', { reviewDays: 30 }),
  bad(
    'congress.emergency-waiver-certified',
    'rejects a justification shorter than 50 characters',
    patched('congress.emergency-waiver-certified', { justification: 'Urgent.' }),
  ),
  bad(
    'congress.hold-placed',
    'rejects a hold from an unknown committee',
    patched('congress.hold-placed', { committee: 'SASC' }),
  ),
  bad(
    'congress.cleared-for-offer',
    'rejects an unknown clearance basis',
    patched('congress.cleared-for-offer', { basis: 'lobbying' }),
  ),
];

/** Every case: the generic rules for every message, then the particular ones. */
export const MESSAGE_CASES: readonly MessageCase[] = [
  ...(Object.keys(MESSAGES) as MessageName[]).flatMap(genericCases),
  ...SPECIFIC_CASES.map((c) => ({ ...c, data: JSON.parse(JSON.stringify(c.data)) as unknown })),
];
