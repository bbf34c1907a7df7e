import type { Clearance } from '@icb/contracts';

/**
 * Who is asking: an operator signed in (a person) or an adapter's service
 * account. Roles: a viewer reads; an action officer also acts (dead letters,
 * the development clock). Clearance bounds what content they may read.
 */
export const OPERATOR_ROLES = ['viewer', 'action-officer'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** Personnel security clearances, lowest first: the contracts' ranking. */
export { CLEARANCES, type Clearance } from '@icb/contracts';

export interface Operator {
  username: string;
  name: string;
  roles: OperatorRole[];
  clearance: Clearance;
  /** Set for an agency's service account. */
  agency?: string;
  kind: 'person' | 'service';
}

export function hasRole(operator: Operator, role: OperatorRole): boolean {
  return operator.roles.includes(role);
}
