/** The API's closed vocabularies (libs/contracts/src/vocabularies.ts), for filters and labels. */

export const STATUSES = [
  'in-review',
  'escalated',
  'approved',
  'denied',
  'congressional-review',
  'cleared-for-offer',
  'disapproved',
  'withdrawn',
];

/** Consultations still in play (the coordinator's OPEN_STATUSES). */
export const OPEN_STATUSES = ['in-review', 'escalated', 'congressional-review'];

export const KINDS = [
  'fms-case',
  'security-cooperation',
  'nonproliferation',
  'arms-control',
  'regional-security',
  'technology-transfer',
];

export const PRECEDENCES = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'];

export const AGENCIES = ['state-pm', 'dod', 'nsc', 'cia', 'treasury'];

/** @type {Record<string, string[]>} */
export const LADDERS = {
  nsc: ['pcc', 'deputies', 'principals', 'nsc'],
  licensing: ['operating-committee', 'acep', 'earb', 'president'],
};

/** @type {Record<string, string>} */
export const LADDER_NAMES = {
  nsc: 'NSC interagency process',
  licensing: 'Export licensing escalation',
};

/** @type {Record<string, string>} */
export const LEVEL_NAMES = {
  pcc: 'Policy Coordination Committee',
  deputies: 'Deputies Committee',
  principals: 'Principals Committee',
  nsc: 'National Security Council',
  'operating-committee': 'Operating Committee',
  acep: 'Advisory Committee on Export Policy',
  earb: 'Export Administration Review Board',
  president: 'President',
};

/** The usual path of an AECA §36(b) notification. */
export const CONGRESS_STEPS = [
  'awaiting-clearance',
  'awaiting-informal',
  'informal-review',
  'formal-review',
  'cleared-for-offer',
];

/** Every message on the bus (libs/contracts/src/catalog.ts): the events /events sends. */
export const MESSAGE_NAMES = [
  'consultation.opened',
  'consultation.amended',
  'consultation.withdrawn',
  'clearance.parties-changed',
  'review.requested',
  'message.refused',
  'review.acknowledged',
  'review.hold-placed',
  'review.hold-released',
  'signoff.submitted',
  'condition.removal-requested',
  'condition.removal-answered',
  'intel.assessment-shared',
  'intel.assessment-released',
  'intel.assessment-available',
  'sanctions.screening-completed',
  'sanctions.list-loaded',
  'clock.deadline-approaching',
  'clock.overdue',
  'clock.deemed-concurrence',
  'clock.extension-requested',
  'clock.extension-granted',
  'consultation.proceeded-without-clearance',
  'escalation.raised',
  'escalation.decided',
  'escalation.resolved',
  'consultation.decided',
  'congress.informal-notice-sent',
  'congress.hold-placed',
  'congress.hold-lifted',
  'congress.formal-notice-sent',
  'congress.emergency-waiver-certified',
  'congress.review-period-ended',
  'congress.disapproval-enacted',
  'congress.cleared-for-offer',
  'consultation.status-changed',
  'notice.forwarded',
];
