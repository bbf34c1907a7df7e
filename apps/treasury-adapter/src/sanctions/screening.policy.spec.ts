import { createBusValidator, type TransactionPartyV1 } from '@icb/contracts';
import { SanctionsList, type SanctionsEntry } from './sanctions-list';
import { rescreen, screen, type OpenMatter } from './screening.policy';

const bus = createBusValidator();
const CONSULTATION = '3f1c2a7e-5b8d-4e6f-9a0b-1c2d3e4f5a6b';
const SCREENING = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const OPTS = {
  consultationId: CONSULTATION,
  screeningId: SCREENING,
  screenedAt: '2025-03-02T09:30:00Z',
};

function party(
  name: string,
  role: TransactionPartyV1['role'] = 'end-user',
  ownership?: [ownerName: string, percent: number][],
): TransactionPartyV1 {
  return {
    name,
    role,
    country: 'XXA',
    ...(ownership
      ? { ownership: ownership.map(([ownerName, percent]) => ({ ownerName, percent })) }
      : {}),
  };
}

function entry(
  uid: string,
  name: string,
  programs = ['SAMPLE-PROGRAM'],
  aliases: string[] = [],
): SanctionsEntry {
  return {
    uid,
    name,
    type: 'entity',
    programs,
    aliases: aliases.map((a, i) => ({ altNum: `${uid}${i}`, type: 'aka', name: a })),
  };
}

function list(versionDate = '2025-03-01', ...entries: SanctionsEntry[]): SanctionsList {
  return new SanctionsList({ name: 'SDN', versionDate }, entries);
}

const SAMPLE = list(
  '2025-03-01',
  entry('90001', 'FICTITIOUS TRADING COMPANY LLC'),
  entry(
    '90002',
    'EXAMPLE SHIPPING LINES',
    ['SAMPLE-PROGRAM', 'SAMPLE-PROGRAM-EO0000'],
    ['EXAMPLE MARITIME LINES'],
  ),
  entry('90005', 'PLACEHOLDER HOLDINGS LTD.', ['SAMPLE-PROGRAM-2']),
);

/** A typical FMS case: a ministry buys through its procurement agency and a freight forwarder. */
const CLEAN_FMS_PARTIES = [
  party('Ministry of Defence of Sampleland', 'end-user'),
  party('Sampleland Defence Procurement Agency', 'purchaser'),
  party('Harbour Freight Forwarders Ltd', 'consignee', [['Harbour Group Plc', 100]]),
  party('Transit Logistics GmbH', 'intermediary'),
];

function expectValid(payload: unknown): void {
  const checked = bus.validatePayload('sanctions.screening-completed', payload);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
}

describe('sanctions screening', () => {
  it('a clean FMS party list is clear, and records the list name and version it used', () => {
    const payload = screen(CLEAN_FMS_PARTIES, SAMPLE, OPTS);
    expect(payload).toEqual({
      ...OPTS,
      list: { name: 'SDN', versionDate: '2025-03-01' },
      result: 'clear',
      partiesScreened: 5, // four parties and one named owner
      matches: [],
    });
    expectValid(payload);
  });

  it('a listed consignee is a direct hit naming the entry and its programs', () => {
    const payload = screen([party('Example Shipping Lines Co.', 'consignee')], SAMPLE, OPTS);
    expect(payload.result).toBe('hit');
    expect(payload.matches).toEqual([
      {
        partyName: 'Example Shipping Lines Co.',
        listEntryUid: '90002',
        listEntryName: 'EXAMPLE SHIPPING LINES',
        programs: ['SAMPLE-PROGRAM', 'SAMPLE-PROGRAM-EO0000'],
        basis: 'direct',
      },
    ]);
    expectValid(payload);
  });

  it('a party known by an alias is a direct hit on the entry', () => {
    const payload = screen([party('Example Maritime Lines', 'intermediary')], SAMPLE, OPTS);
    expect(payload.matches.map((m) => [m.listEntryUid, m.basis])).toEqual([['90002', 'direct']]);
  });

  it('a named owner is screened too: a listed owner is a direct hit even below 50%', () => {
    const payload = screen(
      [party('Sample Importers', 'end-user', [['Placeholder Holdings', 10]])],
      SAMPLE,
      OPTS,
    );
    expect(payload.partiesScreened).toBe(2);
    expect(payload.matches).toEqual([
      expect.objectContaining({
        partyName: 'Placeholder Holdings',
        listEntryUid: '90005',
        basis: 'direct',
      }),
    ]);
  });

  it('a party 50%-owned by a listed entity is a hit on the 50% rule, with the aggregate share', () => {
    const parties = [
      party('Sample Importers', 'end-user', [['Fictitious Trading Company LLC', 50]]),
    ];
    const payload = screen(parties, SAMPLE, OPTS);
    expect(payload.result).toBe('hit');
    expect(payload.matches).toEqual([
      expect.objectContaining({ partyName: 'Fictitious Trading Company LLC', basis: 'direct' }),
      {
        partyName: 'Sample Importers',
        listEntryUid: '90001',
        listEntryName: 'FICTITIOUS TRADING COMPANY LLC',
        programs: ['SAMPLE-PROGRAM'],
        basis: 'ownership-50',
        ownershipPercent: 50,
      },
    ]);
    expectValid(payload);
  });

  it('30% and 20% held by two listed entities block the party, one match per listed entity', () => {
    const parties = [
      party('Sample Importers', 'end-user', [
        ['Fictitious Trading Co', 30],
        ['Placeholder Holdings Limited', 20],
        ['Unlisted Investor', 50],
      ]),
    ];
    const ownership = screen(parties, SAMPLE, OPTS).matches.filter(
      (m) => m.basis === 'ownership-50',
    );
    expect(ownership.map((m) => [m.partyName, m.listEntryUid, m.ownershipPercent])).toEqual([
      ['Sample Importers', '90001', 50],
      ['Sample Importers', '90005', 50],
    ]);
  });

  it('a party 49.9%-owned by a listed entity is not blocked (its listed owner still hits)', () => {
    const parties = [party('Sample Importers', 'end-user', [['Fictitious Trading Company', 49.9]])];
    const payload = screen(parties, SAMPLE, OPTS);
    expect(payload.matches.map((m) => [m.partyName, m.basis])).toEqual([
      ['Fictitious Trading Company', 'direct'],
    ]);
  });

  it('blocking passes down a chain of parties: consignee 60% of intermediary 60% of listed owner', () => {
    const parties = [
      party('Harbour Agents', 'intermediary', [['Fictitious Trading Company', 60]]),
      party('Harbour Freight', 'consignee', [['Harbour Agents', 60]]),
    ];
    const payload = screen(parties, SAMPLE, OPTS);
    expect(
      payload.matches
        .filter((m) => m.basis === 'ownership-50')
        .map((m) => [m.partyName, m.listEntryUid]),
    ).toEqual([
      ['Harbour Agents', '90001'],
      ['Harbour Freight', '90001'],
    ]);
    expectValid(payload);
  });

  it('a party both listed and owned by listed persons is reported once, as direct', () => {
    const parties = [party('Example Shipping Lines', 'consignee', [['Placeholder Holdings', 100]])];
    const payload = screen(parties, SAMPLE, OPTS);
    expect(payload.matches.map((m) => [m.partyName, m.basis])).toEqual([
      ['Example Shipping Lines', 'direct'],
      ['Placeholder Holdings', 'direct'],
    ]);
  });

  it('a party named twice is screened once', () => {
    const parties = [party('Sample Importers', 'end-user'), party('SAMPLE IMPORTERS', 'purchaser')];
    expect(screen(parties, SAMPLE, OPTS).partiesScreened).toBe(1);
  });
});

describe('re-screening the open matters on a new list version', () => {
  const matters = (previousList: SanctionsList): OpenMatter[] =>
    [
      { id: '11111111-1111-4111-8111-111111111111', parties: CLEAN_FMS_PARTIES },
      {
        id: '22222222-2222-4222-8222-222222222222',
        parties: [party('Harbour Agents', 'end-user', [['Newly Listed Co', 50]])],
      },
      {
        id: '33333333-3333-4333-8333-333333333333',
        parties: [party('Example Shipping Lines', 'consignee')],
      },
    ].map(({ id, parties }) => ({
      consultationId: id,
      parties,
      previous: screen(parties, previousList, { ...OPTS, consultationId: id }),
    }));
  const screeningIdFor = (id: string): string => id.replace(/^\w{8}/, 'aaaaaaaa');

  it('reports only the matters whose outcome changed, with the matches added', () => {
    const newList = list('2025-03-15', ...SAMPLE.entries, entry('90013', 'NEWLY LISTED COMPANY'));
    const outcome = rescreen(matters(SAMPLE), newList, {
      screenedAt: '2025-03-15T08:00:00Z',
      screeningIdFor,
    });
    expect(outcome.changed.map((c) => c.consultationId)).toEqual([
      '22222222-2222-4222-8222-222222222222',
    ]);
    const [changed] = outcome.changed;
    expect(changed?.current).toMatchObject({
      screeningId: 'aaaaaaaa-2222-4222-8222-222222222222',
      list: { name: 'SDN', versionDate: '2025-03-15' },
      result: 'hit',
    });
    expect(changed?.added.map((m) => [m.partyName, m.basis])).toEqual([
      ['Newly Listed Co', 'direct'],
      ['Harbour Agents', 'ownership-50'],
    ]);
    expect(changed?.removed).toEqual([]);
    expectValid(changed?.current);
    // A new version date alone is not a change.
    expect(outcome.unchanged.map((u) => u.current.list.versionDate)).toEqual([
      '2025-03-15',
      '2025-03-15',
    ]);
  });

  it('a delisting changes a hit back to clear', () => {
    const delisted = list('2025-03-15', ...SAMPLE.entries.filter((e) => e.uid !== '90002'));
    const outcome = rescreen(matters(SAMPLE), delisted, {
      screenedAt: '2025-03-15T08:00:00Z',
      screeningIdFor,
    });
    expect(
      outcome.changed.map((c) => [c.consultationId, c.current.result, c.removed.length]),
    ).toEqual([['33333333-3333-4333-8333-333333333333', 'clear', 1]]);
  });

  it('a matter never screened before counts as changed', () => {
    const outcome = rescreen(
      [{ consultationId: CONSULTATION, parties: CLEAN_FMS_PARTIES }],
      SAMPLE,
      { screenedAt: '2025-03-15T08:00:00Z', screeningIdFor },
    );
    expect(outcome.changed).toHaveLength(1);
  });
});
