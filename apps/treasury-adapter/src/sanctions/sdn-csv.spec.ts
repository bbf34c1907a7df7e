import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAltCsv, parseSdnCsv, splitPrograms, tokenizeCsv } from './sdn-csv';

const DATA = join(__dirname, '..', '..', 'data');

/** One SDN.CSV line with OFAC's quoting; `-0- ` where a field has no value. */
function sdnLine(
  fields: Partial<Record<'ent' | 'name' | 'type' | 'program' | 'remarks', string>>,
): string {
  const q = (v: string | undefined): string =>
    v === undefined ? '-0- ' : `"${v.replace(/"/g, '""')}"`;
  return [
    fields.ent ?? '1',
    q(fields.name ?? 'FICTITIOUS TRADING COMPANY LLC'),
    q(fields.type),
    q(fields.program ?? 'SAMPLE-PROGRAM'),
    ...Array<string>(7).fill('-0- '),
    q(fields.remarks),
  ].join(',');
}

describe('CSV tokenizer', () => {
  it.each([
    ['a comma inside quotes stays in the field', '"A, B",C', ['A, B', 'C']],
    ['a doubled quote is one quote', '"say ""hi""",x', ['say "hi"', 'x']],
    ['an unquoted field is trimmed', ' 12 ,"x"', ['12', 'x']],
    ['spaces around a quoted field are ignored', '"a" , "b"', ['a', 'b']],
    ['a trailing comma makes an empty last field', '"a",', ['a', '']],
    ['an empty quoted field is empty', '"",x', ['', 'x']],
  ])('%s', (_rule, line, fields) => {
    expect(tokenizeCsv(line)).toEqual({ records: [{ line: 1, fields }], problems: [] });
  });

  it.each([
    ['LF', '"a"\n"b"\n'],
    ['CRLF', '"a"\r\n"b"\r\n'],
    ['CR', '"a"\r"b"\r'],
    ['a BOM and a DOS end-of-file mark', '\uFEFF"a"\r\n"b"\r\n\u001a'],
  ])('reads %s line ends the same', (_ends, text) => {
    expect(tokenizeCsv(text).records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(tokenizeCsv('"a"\n\n  \n"b"').records.map((r) => r.line)).toEqual([1, 4]);
  });

  it.each([
    ['an unterminated quote', '"a,b\n"ok"', /unterminated quoted field in column 1/],
    ['text after a closing quote', '"a"b,c\n"ok"', /unexpected text after the closing quote/],
    ['a stray quote in an unquoted field', 'a"b,c\n"ok"', /stray quote/],
  ])('reports %s with its line number and goes on with the next line', (_rule, text, message) => {
    const { records, problems } = tokenizeCsv(text);
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(message) as unknown }]);
    expect(records).toEqual([{ line: 2, fields: ['ok'] }]);
  });
});

describe('OFAC programs', () => {
  it.each([
    ['SDGT] [IRAN-EO13902', ['SDGT', 'IRAN-EO13902']],
    ['[SDGT] [IFSR]', ['SDGT', 'IFSR']],
    ['RUSSIA-EO14024', ['RUSSIA-EO14024']],
    ['SDGT]  [SDGT', ['SDGT']],
    ['-0- ', []],
    ['', []],
  ])('"%s" is the program list %j', (raw, programs) => {
    expect(splitPrograms(raw)).toEqual(programs);
  });
});

describe('SDN.CSV parser', () => {
  it('reads an entity: `-0-` fields are absent, programs are split, the type is entity', () => {
    const text = sdnLine({ ent: '36', name: 'X, Y & Z LTD.', program: 'SDGT] [IRAN-EO13902' });
    expect(parseSdnCsv(text)).toEqual({
      entries: [
        {
          line: 1,
          entNum: '36',
          name: 'X, Y & Z LTD.',
          type: 'entity',
          programs: ['SDGT', 'IRAN-EO13902'],
        },
      ],
      problems: [],
    });
  });

  it('keeps remarks with commas and quotes intact', () => {
    const remarks = 'a.k.a. "THE SAMPLE"; Website www.example.invalid, Nowhere.';
    expect(parseSdnCsv(sdnLine({ remarks })).entries[0]?.remarks).toBe(remarks);
  });

  it.each([
    { label: '"individual"', type: 'individual', expected: 'individual' },
    { label: '"vessel"', type: 'vessel', expected: 'vessel' },
    { label: '"aircraft"', type: 'aircraft', expected: 'aircraft' },
    { label: '-0- (OFAC leaves entities untyped)', type: undefined, expected: 'entity' },
  ])('SDN_Type $label is read as $expected', ({ type, expected }) => {
    expect(parseSdnCsv(sdnLine({ type })).entries[0]?.type).toBe(expected);
  });

  it.each([
    ['too few columns', '1,"NAME"', /expected 12 columns, found 2/],
    ['an ent_num that is not a number', sdnLine({ ent: '"x1"' }), /ent_num must be a whole number/],
    ['an empty SDN_Name', sdnLine({ name: '-0-' }), /has no SDN_Name/],
    ['an unknown SDN_Type', sdnLine({ type: 'spaceship' }), /unknown SDN_Type/],
  ])('reports a line with %s by its number, not silently', (_rule, bad, message) => {
    const text = [
      sdnLine({ ent: '1' }),
      bad,
      sdnLine({ ent: '3', name: 'EXAMPLE SHIPPING LINES' }),
    ].join('\r\n');
    const { entries, problems } = parseSdnCsv(text);
    expect(entries.map((e) => e.entNum)).toEqual(['1', '3']);
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(message) as unknown }]);
  });

  it('reports a repeated ent_num against the line it first appeared on', () => {
    const { entries, problems } = parseSdnCsv(
      [sdnLine({ ent: '7' }), sdnLine({ ent: '7' })].join('\n'),
    );
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, message: 'ent_num 7 repeats the entry on line 1' }]);
  });
});

describe('ALT.CSV parser', () => {
  it('reads aliases and reports a bad line by its number', () => {
    const text = [
      '36,12,"aka","SAMPLE ALIAS",-0- ',
      '36,13,"fka",-0- ,-0- ',
      '37,14,"nka","OTHER","note"',
    ].join('\r\n');
    expect(parseAltCsv(text)).toEqual({
      entries: [
        { line: 1, entNum: '36', altNum: '12', altType: 'aka', altName: 'SAMPLE ALIAS' },
        {
          line: 3,
          entNum: '37',
          altNum: '14',
          altType: 'nka',
          altName: 'OTHER',
          altRemarks: 'note',
        },
      ],
      problems: [{ line: 2, message: 'alias 13 of entry 36 has no alt_name' }],
    });
  });
});

describe('the fictitious sample list in data/', () => {
  it('parses without a single problem, with 10 to 20 entries, every one marked fictitious', () => {
    const sdn = parseSdnCsv(readFileSync(join(DATA, 'sdn-sample.csv'), 'utf8'));
    const alt = parseAltCsv(readFileSync(join(DATA, 'alt-sample.csv'), 'utf8'));
    expect(sdn.problems).toEqual([]);
    expect(alt.problems).toEqual([]);
    expect(sdn.entries.length).toBeGreaterThanOrEqual(10);
    expect(sdn.entries.length).toBeLessThanOrEqual(20);
    expect(alt.entries.length).toBeGreaterThan(0);
    for (const entry of sdn.entries) {
      expect(entry.remarks).toContain(
        'FICTITIOUS ENTRY FOR TESTING — NOT A REAL SANCTIONS LISTING',
      );
      expect(entry.programs.every((p) => p.startsWith('SAMPLE-PROGRAM'))).toBe(true);
    }
  });
});
