import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBusValidator } from '@icb/contracts';
import { InvalidSanctionsListError } from './sanctions.errors';
import {
  findPublishDate,
  normalizeName,
  SanctionsList,
  toVersionDate,
  type SanctionsEntry,
} from './sanctions-list';

const DATA = join(__dirname, '..', '..', 'data');

function anEntry(overrides: Partial<SanctionsEntry> = {}): SanctionsEntry {
  return {
    uid: '90001',
    name: 'FICTITIOUS TRADING COMPANY LLC',
    type: 'entity',
    programs: ['SAMPLE-PROGRAM'],
    aliases: [],
    ...overrides,
  };
}

function sampleList(): SanctionsList {
  const { list, problems } = SanctionsList.fromCsv({
    name: 'SDN',
    versionDate: '2025-03-01',
    sdnCsv: readFileSync(join(DATA, 'sdn-sample.csv'), 'utf8'),
    altCsv: readFileSync(join(DATA, 'alt-sample.csv'), 'utf8'),
  });
  expect(problems).toEqual([]);
  return list;
}

describe('normalizeName', () => {
  it.each([
    [
      'case and surrounding space do not matter',
      '  Example Shipping Lines ',
      'EXAMPLE SHIPPING LINES',
    ],
    ['whitespace collapses', 'EXAMPLE \t SHIPPING\n LINES', 'EXAMPLE SHIPPING LINES'],
    ['diacritics are dropped', 'Société Générale Fictive', 'SOCIETE GENERALE FICTIVE'],
    ['letters without a decomposition are folded', 'Ørsted Łódź Æther', 'ORSTED LODZ AETHER'],
    ['punctuation splits words', 'AL-SAMPLE/TRADING (FICTIVE)', 'AL SAMPLE TRADING FICTIVE'],
    ['dots and apostrophes join letters', "O'Sample S.A.R.L. Fictive", 'OSAMPLE SARL FICTIVE'],
    ['& is AND', 'Mock Logistics & Freight', 'MOCK LOGISTICS AND FREIGHT'],
    ['a trailing LLC is a legal form', 'Fictitious Trading Company LLC', 'FICTITIOUS TRADING'],
    ['"CO., LTD." is a legal form', 'Fictitious Trading Co., Ltd.', 'FICTITIOUS TRADING'],
    ['INC and CORP are legal forms', 'Example Widgets Corp. Inc', 'EXAMPLE WIDGETS'],
    ['JSC and PJSC are legal forms', 'PJSC Sample Bank JSC', 'SAMPLE BANK'],
    ['GMBH is a legal form', 'Imaginary Aerospace GmbH', 'IMAGINARY AEROSPACE'],
    ['S.A. is a legal form', 'Nonexistent Minerals S.A.', 'NONEXISTENT MINERALS'],
    [
      'a leading spelled-out legal form goes too',
      'Joint Stock Company Testland Exports',
      'TESTLAND EXPORTS',
    ],
    ['a leading THE goes', 'The Example Shipping Lines', 'EXAMPLE SHIPPING LINES'],
    ['a name that is only a legal form is kept', 'Co', 'CO'],
    ['a legal-form word inside a name stays', 'Sample Company Holdings', 'SAMPLE COMPANY HOLDINGS'],
    ['nothing but punctuation is empty', ' -- ', ''],
  ])('%s', (_rule, name, normalized) => {
    expect(normalizeName(name)).toBe(normalized);
  });
});

describe('SanctionsList.match', () => {
  const list = new SanctionsList({ name: 'SDN', versionDate: '2025-03-01' }, [
    anEntry(),
    anEntry({ uid: '90003', name: 'DOE, Jonathan Example', type: 'individual', aliases: [] }),
    anEntry({
      uid: '90006',
      name: 'BANK MELLI SAMPLE',
      aliases: [{ altNum: '91005', type: 'aka', name: 'NOWHERE SAMPLE BANK' }],
    }),
  ]);
  const uidsOf = (name: string): string[] => list.match(name).map((m) => m.entry.uid);

  it.each([
    ['the listed name matches exactly', 'FICTITIOUS TRADING COMPANY LLC', ['90001']],
    ['another legal form and case still match', 'Fictitious Trading Co., Ltd.', ['90001']],
    ['an alias matches its entry', 'Nowhere Sample Bank PJSC', ['90006']],
    ['the same words in another order match (token set)', 'Sample Bank Melli', ['90006']],
    [
      'a person written given name first matches OFAC\'s "SURNAME, Given"',
      'Jonathan Example Doe',
      ['90003'],
    ],
    ['a part of a name does not match', 'Bank Melli', []],
    ['a name with an extra word does not match', 'Fictitious Trading Partners LLC', []],
    ['a one-letter typo does not match (no fuzzy matching)', 'Fictitous Trading Company', []],
    ['an empty name matches nothing', '---', []],
  ])('%s', (_rule, name, uids) => {
    expect(uidsOf(name)).toEqual(uids);
  });

  it('says how the name met the entry', () => {
    expect(list.match('nowhere sample bank')).toEqual([
      expect.objectContaining({ matchedName: 'NOWHERE SAMPLE BANK', via: 'alias', how: 'exact' }),
    ]);
    expect(list.match('Example Doe Jonathan')).toEqual([
      expect.objectContaining({ via: 'name', how: 'token-set' }),
    ]);
  });

  it('reports each entry once even when its name and an alias both match', () => {
    const twice = new SanctionsList({ name: 'SDN', versionDate: '2025-03-01' }, [
      anEntry({ aliases: [{ altNum: '1', type: 'aka', name: 'Fictitious Trading Co' }] }),
    ]);
    expect(twice.match('Fictitious Trading')).toEqual([
      expect.objectContaining({ via: 'name', how: 'exact' }),
    ]);
  });
});

describe('building a list from the CSV files', () => {
  it('attaches the aliases of ALT.CSV so they are screened too', () => {
    const list = sampleList();
    expect(list.entries.length).toBeGreaterThanOrEqual(10);
    expect(list.match('Example Maritime Lines').map((m) => m.entry.name)).toEqual([
      'EXAMPLE SHIPPING LINES',
    ]);
    expect(list.match('PH Holdings').map((m) => m.entry.uid)).toEqual(['90005']);
  });

  it('reports an alias of an entry that is not on the list, with file and line', () => {
    const { problems } = SanctionsList.fromCsv({
      name: 'SDN',
      versionDate: '2025-03-01',
      sdnCsv: '1,"A",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-',
      altCsv: '1,10,"aka","B",-0-\n2,11,"aka","C",-0-',
    });
    expect(problems).toEqual([
      { file: 'alt', line: 2, message: 'alias 11 belongs to entry 2, which is not on the list' },
    ]);
  });

  it('announces the version it loaded in a valid sanctions.list-loaded payload', () => {
    const payload = sampleList().toListLoaded('2025-03-01T12:00:00Z');
    expect(payload).toEqual({
      list: { name: 'SDN', versionDate: '2025-03-01' },
      entryCount: 12,
      loadedAt: '2025-03-01T12:00:00Z',
    });
    expect(createBusValidator().validatePayload('sanctions.list-loaded', payload)).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['an empty name', { name: '', versionDate: '2025-03-01' }],
    ['a name longer than the contract allows', { name: 'X'.repeat(65), versionDate: '2025-03-01' }],
    ['a version date that is not a date', { name: 'SDN', versionDate: '03/01/2025' }],
    ['a version date that is not on the calendar', { name: 'SDN', versionDate: '2025-02-30' }],
  ])('refuses a list with %s', (_rule, ref) => {
    expect(() => new SanctionsList(ref, [])).toThrow(InvalidSanctionsListError);
  });
});

describe('the version date', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['03/01/2025', '2025-03-01'],
    ['3/1/2025', '2025-03-01'],
  ])('%s is the version date %s', (raw, date) => {
    expect(toVersionDate(raw)).toBe(date);
  });

  it('refuses a date OFAC never writes', () => {
    expect(() => toVersionDate('1 March 2025')).toThrow(InvalidSanctionsListError);
  });

  it("is read from OFAC's Publish_Date header when there is one", () => {
    const xml = '<sdnList><publshInformation><Publish_Date>03/01/2025</Publish_Date>';
    expect(findPublishDate(xml)).toBe('2025-03-01');
    expect(findPublishDate('<sdnList>')).toBeUndefined();
  });
});
