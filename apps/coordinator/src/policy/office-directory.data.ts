import type { Instant } from './calendar';
import { type EffectiveDated, effectiveRows, selectEffective } from './effective-dated';
import type { ConsultationKind } from './vocabulary';

/**
 * The State/PM action offices: which office owns each kind of consultation.
 *
 * The codes are the project's source document's, not State's real organization
 * chart (nonproliferation and arms control are separate bureaus; PM has RSAT and
 * DDTC), which is why this is configuration data and not an enum. A
 * reorganization is a new row with a later `effectiveFrom`, never an edit.
 *
 * 2000-01-01 is the project's baseline: the directory as configured, not a date
 * taken from any source.
 */
export interface ActionOffice {
  readonly code: string;
  readonly name: string;
  readonly kind: ConsultationKind;
  readonly note?: string;
}

export const OFFICE_DIRECTORY: readonly EffectiveDated<ActionOffice>[] = [
  {
    effectiveFrom: '2000-01-01',
    kind: 'fms-case',
    code: 'PM/DS',
    name: 'Defense and Security',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'security-cooperation',
    code: 'PM/M',
    name: 'Security Cooperation',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'nonproliferation',
    code: 'PM/NP',
    name: 'Nonproliferation',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'arms-control',
    code: 'PM/CAT',
    name: 'Conventional Arms Threat Reduction / Arms Control',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'regional-security',
    code: 'PM/RA',
    name: 'Regional Security and Arms Transfers',
  },
  {
    effectiveFrom: '2000-01-01',
    kind: 'technology-transfer',
    code: 'PM/DDTC',
    name: 'Directorate of Defense Trade Controls',
    note:
      'The source document calls technology transfer cross-cutting and names no office; ' +
      'DDTC is the PM directorate that licenses defense exports, so it owns these matters here.',
  },
];

/** The action office that owns consultations of this kind on `asOf`. */
export function actionOfficeFor(
  kind: ConsultationKind,
  asOf: Instant,
  directory: readonly EffectiveDated<ActionOffice>[] = OFFICE_DIRECTORY,
): EffectiveDated<ActionOffice> {
  return selectEffective(
    directory.filter((office) => office.kind === kind),
    asOf,
    `action office for ${kind}`,
  );
}

/** Whether `code` names an action office in the directory on `asOf`. */
export function isKnownOffice(
  code: string,
  asOf: Instant,
  directory: readonly EffectiveDated<ActionOffice>[] = OFFICE_DIRECTORY,
): boolean {
  return effectiveRows(directory, asOf).some((office) => office.code === code);
}
