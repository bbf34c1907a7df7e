/**
 * Parsers for OFAC's legacy CSV files: SDN.CSV (the entries) and ALT.CSV (their
 * aliases). Pure functions from file text to records; reading the files is the
 * caller's job.
 *
 * The layout (no header row, every field double-quoted, `-0-` for "no value"):
 *
 *   SDN.CSV  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
 *            Tonnage, GRT, Vess_flag, Vess_owner, Remarks
 *   ALT.CSV  ent_num, alt_num, alt_type, alt_name, alt_remarks
 *
 * The tokenizer is line-oriented on purpose: OFAC's fields never span lines,
 * so a quote left open at the end of a line is reported as a problem on that
 * line instead of silently swallowing the rest of the file. Bad lines are never
 * skipped without a word: each one comes back in `problems` with its 1-based
 * line number, and the caller decides whether a list with problems may be used.
 */

/** A line the parser could not turn into a record. */
export interface CsvProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParseResult<T> {
  entries: T[];
  problems: CsvProblem[];
}

/** SDN_Type: OFAC leaves it empty (`-0-`) for entities. */
export type SdnEntryType = 'entity' | 'individual' | 'vessel' | 'aircraft';

export interface SdnEntry {
  line: number;
  /** OFAC's unique id of the entry (`ent_num`), kept as the decimal string. */
  entNum: string;
  name: string;
  type: SdnEntryType;
  /** Sanctions programs, e.g. `['SDGT', 'IRAN-EO13902']`. */
  programs: string[];
  title?: string;
  callSign?: string;
  vesselType?: string;
  tonnage?: string;
  grossRegisteredTonnage?: string;
  vesselFlag?: string;
  vesselOwner?: string;
  remarks?: string;
}

export interface AltEntry {
  line: number;
  /** The SDN entry this alias belongs to. */
  entNum: string;
  altNum: string;
  /** `aka`, `fka` or `nka` in OFAC's files; kept as given (lower-cased). */
  altType: string;
  altName: string;
  altRemarks?: string;
}

export const SDN_COLUMNS = 12;
export const ALT_COLUMNS = 5;

/** OFAC's marker for an empty field. */
const EMPTY_MARKER = '-0-';
/** Legacy DOS end-of-file character that OFAC's CSV files may end with. */
const DOS_EOF = '\u001a';
const ENT_NUM_PATTERN = /^\d{1,12}$/;

/**
 * Splits CSV text into records of fields (RFC 4180 quoting: commas inside quotes,
 * `""` for a quote), accepting LF, CRLF and CR line ends and a leading BOM.
 * Blank lines and a trailing DOS end-of-file character are ignored.
 */
export function tokenizeCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replaceAll(DOS_EOF, '');
    if (content.trim() === '') return;
    const parsed = splitCsvLine(content);
    if ('error' in parsed) problems.push({ line, message: parsed.error });
    else records.push({ line, fields: parsed.fields });
  });
  return { records, problems };
}

function splitCsvLine(text: string): { fields: string[] } | { error: string } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    // One field starting at i.
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '"') {
      const start = i + 1;
      let value = '';
      let j = start;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) {
          return { error: `unterminated quoted field in column ${fields.length + 1}` };
        }
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',') {
        return {
          error: `unexpected text after the closing quote in column ${fields.length + 1}`,
        };
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) {
        return { error: `stray quote in unquoted column ${fields.length + 1}` };
      }
      fields.push(value.trim());
      i = end;
    }
    if (i >= text.length) return { fields };
    i++; // the comma
    if (i >= text.length) {
      fields.push('');
      return { fields };
    }
  }
}

/** A field's value, or undefined for OFAC's `-0-` (padded or not) and for blanks. */
export function fieldValue(raw: string | undefined): string | undefined {
  const value = (raw ?? '').trim();
  return value === '' || value === EMPTY_MARKER ? undefined : value;
}

/** `SDGT] [IRAN-EO13902` (OFAC's bracketed list, brackets optional) → `['SDGT', 'IRAN-EO13902']`. */
export function splitPrograms(raw: string | undefined): string[] {
  const value = fieldValue(raw);
  if (value === undefined) return [];
  const programs = value
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[/, '').replace(/\]$/, '').trim())
    .filter((p) => p !== '');
  return [...new Set(programs)];
}

function sdnType(raw: string | undefined): SdnEntryType | undefined {
  const value = fieldValue(raw)?.toLowerCase();
  switch (value) {
    case undefined:
      return 'entity';
    case 'individual':
    case 'vessel':
    case 'aircraft':
      return value;
    default:
      return undefined;
  }
}

function withRecords<T>(
  text: string,
  columns: number,
  toEntry: (r: CsvRecord) => T | string,
): CsvParseResult<T> {
  const { records, problems } = tokenizeCsv(text);
  const entries: T[] = [];
  for (const record of records) {
    if (record.fields.length !== columns) {
      problems.push({
        line: record.line,
        message: `expected ${columns} columns, found ${record.fields.length}`,
      });
      continue;
    }
    const entry = toEntry(record);
    if (typeof entry === 'string') problems.push({ line: record.line, message: entry });
    else entries.push(entry);
  }
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/** Parses SDN.CSV text. Each line that is not a valid entry is reported, with its number. */
export function parseSdnCsv(text: string): CsvParseResult<SdnEntry> {
  const seen = new Map<string, number>();
  return withRecords<SdnEntry>(text, SDN_COLUMNS, ({ line, fields }) => {
    const [entNum, name, type, program, title, callSign, vessType, tonnage, grt, flag, owner] =
      fields.map(fieldValue);
    const remarks = fieldValue(fields[11]);
    if (entNum === undefined || !ENT_NUM_PATTERN.test(entNum)) {
      return `ent_num must be a whole number, got "${fields[0]}"`;
    }
    if (name === undefined) return `entry ${entNum} has no SDN_Name`;
    const entryType = sdnType(type);
    if (entryType === undefined) return `entry ${entNum} has an unknown SDN_Type "${type}"`;
    const earlier = seen.get(entNum);
    if (earlier !== undefined) return `ent_num ${entNum} repeats the entry on line ${earlier}`;
    seen.set(entNum, line);
    return {
      line,
      entNum,
      name,
      type: entryType,
      programs: splitPrograms(program),
      ...optional({
        title,
        callSign,
        vesselType: vessType,
        tonnage,
        grossRegisteredTonnage: grt,
        vesselFlag: flag,
        vesselOwner: owner,
        remarks,
      }),
    };
  });
}

/** Parses ALT.CSV text (aliases). Each line that is not a valid alias is reported, with its number. */
export function parseAltCsv(text: string): CsvParseResult<AltEntry> {
  return withRecords<AltEntry>(text, ALT_COLUMNS, ({ line, fields }) => {
    const [entNum, altNum, altType, altName, altRemarks] = fields.map(fieldValue);
    if (entNum === undefined || !ENT_NUM_PATTERN.test(entNum)) {
      return `ent_num must be a whole number, got "${fields[0]}"`;
    }
    if (altNum === undefined) return `alias of entry ${entNum} has no alt_num`;
    if (altName === undefined) return `alias ${altNum} of entry ${entNum} has no alt_name`;
    return {
      line,
      entNum,
      altNum,
      altType: altType?.toLowerCase() ?? 'aka',
      altName,
      ...optional({ altRemarks }),
    };
  });
}

/** Drops undefined values so records compare cleanly and serialize without holes. */
function optional<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (out as Record<string, string>)[key] = value;
  }
  return out;
}
