import type { ConsultationKind } from '@icb/contracts';

/**
 * State/PM's directory of action offices by line of business. Office codes are
 * configuration data, not a vocabulary of the contract (DOMAIN.md: real State
 * organization differs from the source document's), so they live here, in one
 * table, and nowhere else.
 */
export const ACTION_OFFICES: Readonly<Record<ConsultationKind, string>> = {
  'fms-case': 'PM/DS',
  'technology-transfer': 'PM/DDTC',
  'security-cooperation': 'PM/M',
  'arms-control': 'PM/CAT',
  nonproliferation: 'PM/NP',
  'regional-security': 'PM/RA',
};

export function actionOfficeFor(kind: ConsultationKind): string {
  return ACTION_OFFICES[kind];
}
