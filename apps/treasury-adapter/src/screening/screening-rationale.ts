import { LIMITS, type SanctionsScreeningCompletedV1 } from '@icb/contracts';

/** The signing officer of the automated answers (the contract requires one). */
export const SCREENING_OFFICER = {
  name: 'OFAC automated sanctions screening',
  title: 'Department of the Treasury, Office of Foreign Assets Control',
} as const;

function describeMatch(m: SanctionsScreeningCompletedV1['matches'][number]): string {
  const programs = m.programs.length > 0 ? m.programs.join(', ') : 'no program given';
  const basis =
    m.basis === 'direct'
      ? 'listed (direct match)'
      : `owned ${m.ownershipPercent ?? '?'}% in the aggregate by blocked persons (50 Percent Rule)`;
  return `"${m.partyName}" matches ${m.listEntryName} (list entry uid ${m.listEntryUid}; programs: ${programs}; basis ${m.basis}: ${basis})`;
}

/**
 * The rationale of Treasury's non-concurrence on a hit: which list and
 * version, then one line per match (party, list entry name and uid, programs,
 * basis, ownership percent). Kept within the contract's rationale limit: the
 * lines that do not fit are counted, never silently dropped.
 */
export function screeningRationale(screening: SanctionsScreeningCompletedV1): string {
  const { list, matches } = screening;
  const head =
    `Sanctions screening against ${list.name} of ${list.versionDate} found ` +
    `${matches.length} match(es) among ${screening.partiesScreened} screened part(ies) ` +
    `(screening ${screening.screeningId}). A transaction with a blocked person may not proceed:`;
  const lines = matches.map((m, i) => `${i + 1}. ${describeMatch(m)}.`);
  const more = (n: number): string =>
    `\n… and ${n} more match(es), listed in the screening record.`;
  let text = head;
  for (let i = 0; i < lines.length; i++) {
    const next = `${text}\n${lines[i]}`;
    const after = lines.length - i - 1;
    // Room for this line and, if more follow, for the line counting them.
    if (next.length + (after > 0 ? more(after).length : 0) > LIMITS.rationale) {
      return `${text}${more(lines.length - i)}`;
    }
    text = next;
  }
  return text;
}

/** The one-line summary of a clear screening (for logs and the concurrence). */
export function clearSummary(screening: SanctionsScreeningCompletedV1): string {
  return `No match: ${screening.partiesScreened} part(ies) screened against ${screening.list.name} of ${screening.list.versionDate}.`;
}
