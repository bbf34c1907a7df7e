import { tryParseMarking } from '@icb/contracts';
import type { Clearance } from './operator';

const RANK: Record<string, number> = {
  UNCLASSIFIED: 0,
  CUI: 0,
  CONFIDENTIAL: 1,
  SECRET: 2,
  'TOP SECRET': 3,
};

/**
 * May someone with `clearance` read content under the banner `marking`? Only
 * the level decides: CUI needs an account, not a clearance; dissemination
 * controls (NOFORN, REL TO, ORCON) do not restrict the bus's own US operators,
 * and ORCON content itself never reaches the coordinator (ADR 8). A marking
 * that does not parse is treated as TOP SECRET: withheld from all but the
 * highest clearance.
 */
export function mayRead(clearance: Clearance, marking: string): boolean {
  const parsed = tryParseMarking(marking);
  const level = parsed.ok ? RANK[parsed.marking.level] : RANK['TOP SECRET'];
  return RANK[clearance] >= level;
}
