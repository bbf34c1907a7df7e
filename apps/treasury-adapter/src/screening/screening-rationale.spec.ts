import { LIMITS, type SanctionsScreeningCompletedV1 } from '@icb/contracts';
import { clearSummary, screeningRationale } from './screening-rationale';

type Match = SanctionsScreeningCompletedV1['matches'][number];

function aScreening(matches: Match[]): SanctionsScreeningCompletedV1 {
  return {
    consultationId: '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13',
    screeningId: '0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
    list: { name: 'OFAC SDN (fictitious sample)', versionDate: '2025-03-01' },
    result: matches.length > 0 ? 'hit' : 'clear',
    partiesScreened: 3,
    matches,
    screenedAt: '2025-03-03T14:00:00.000Z',
  };
}

const direct: Match = {
  partyName: 'Placeholder Holdings Ltd.',
  listEntryUid: '90005',
  listEntryName: 'PLACEHOLDER HOLDINGS LTD.',
  programs: ['SAMPLE-PROGRAM-2'],
  basis: 'direct',
};
const owned: Match = {
  partyName: 'Harbour Freight Forwarders Pty Ltd',
  listEntryUid: '90005',
  listEntryName: 'PLACEHOLDER HOLDINGS LTD.',
  programs: ['SAMPLE-PROGRAM-2', 'SAMPLE-PROGRAM'],
  basis: 'ownership-50',
  ownershipPercent: 62.5,
};

describe('screeningRationale', () => {
  it('names the list and version, then one numbered line per match', () => {
    const text = screeningRationale(aScreening([direct, owned]));
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Sanctions screening against OFAC SDN (fictitious sample) of 2025-03-01 found 2 match(es) ' +
        'among 3 screened part(ies) (screening 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21). ' +
        'A transaction with a blocked person may not proceed:',
    );
    expect(lines.slice(1)).toEqual([
      '1. "Placeholder Holdings Ltd." matches PLACEHOLDER HOLDINGS LTD. (list entry uid 90005; ' +
        'programs: SAMPLE-PROGRAM-2; basis direct: listed (direct match)).',
      '2. "Harbour Freight Forwarders Pty Ltd" matches PLACEHOLDER HOLDINGS LTD. (list entry uid 90005; ' +
        'programs: SAMPLE-PROGRAM-2, SAMPLE-PROGRAM; basis ownership-50: owned 62.5% in the aggregate ' +
        'by blocked persons (50 Percent Rule)).',
    ]);
  });

  it('says so when an entry has no program', () => {
    expect(screeningRationale(aScreening([{ ...direct, programs: [] }]))).toContain(
      'programs: no program given',
    );
  });

  it('stays within the contract’s limit and counts the matches it leaves out', () => {
    const many = Array.from({ length: LIMITS.matches }, (_, i) => ({
      ...owned,
      partyName: `Subsidiary number ${i} of a long chain of fictitious holding companies`,
    }));
    const text = screeningRationale(aScreening(many));
    expect(text.length).toBeLessThanOrEqual(LIMITS.rationale);
    const listed = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(many.length);
    expect(text.split('\n').at(-1)).toBe(
      `… and ${many.length - listed} more match(es), listed in the screening record.`,
    );
  });

  it('lists every match when they fit', () => {
    const text = screeningRationale(aScreening([direct, owned, direct]));
    expect(text).not.toContain('more match(es)');
    expect(text.split('\n')).toHaveLength(4);
  });
});

describe('clearSummary', () => {
  it('names the list, its version and how many names were screened', () => {
    expect(clearSummary(aScreening([]))).toBe(
      'No match: 3 part(ies) screened against OFAC SDN (fictitious sample) of 2025-03-01.',
    );
  });
});
