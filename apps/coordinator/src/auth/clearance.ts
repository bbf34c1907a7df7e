import { clearanceCovers, levelRank, tryParseMarking, type Clearance } from '@icb/contracts';

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
  return clearanceCovers(clearance, parsed.ok ? parsed.marking.level : 'TOP SECRET');
}

/** The rank of a banner's level (CLASSIFICATION_LEVELS); a marking that does not parse ranks as TOP SECRET. */
export function markingRank(marking: string): number {
  const parsed = tryParseMarking(marking);
  return levelRank(parsed.ok ? parsed.marking.level : 'TOP SECRET');
}

/** What replaces a text the reader may not read. */
export const WITHHELD = '[withheld]';
