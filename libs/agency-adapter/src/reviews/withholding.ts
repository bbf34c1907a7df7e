import { clearanceCovers, type Clearance, tryParseMarking } from '@icb/contracts';

/**
 * What an agency's systems may read through its adapter: content marked at
 * most the adapter's AGENCY_CLEARANCE (its accreditation). As the coordinator
 * does for operators (ADR 8), only the level decides, and a marking that does
 * not parse counts as TOP SECRET. Content above it is withheld, not hidden:
 * the item is still listed (id, marking, clocks, whose move it is), its free
 * text reads `[withheld]` and `withheld: true` is set.
 */
export const WITHHELD = '[withheld]';

export function agencyMayRead(clearance: Clearance, marking: string): boolean {
  const parsed = tryParseMarking(marking);
  return clearanceCovers(clearance, parsed.ok ? parsed.marking.level : 'TOP SECRET');
}
