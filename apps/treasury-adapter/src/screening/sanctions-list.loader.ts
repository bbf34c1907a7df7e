import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { SanctionsList, toVersionDate, type ListProblem } from '../sanctions/sanctions-list';
import { SanctionsListUnusableError } from './screening.errors';

/** Where the shipped FICTITIOUS sample list lives, relative to the repository root. */
export const SAMPLE_LIST_DIR = join('apps', 'treasury-adapter', 'data');

/** File names looked for, case-insensitively, in this order (OFAC's first, then the sample's). */
export const SDN_FILE_NAMES = ['sdn.csv', 'sdn-sample.csv'] as const;
export const ALT_FILE_NAMES = ['alt.csv', 'alt-sample.csv'] as const;

/**
 * How many unreadable lines a list may have and still be used: 1% of its
 * records (SDN and ALT lines), rounded down, every one of them logged. A
 * small list therefore tolerates none. A list with more, or
 * with no entry at all, is refused (the adapter does not start; a reload keeps
 * the list in use). One bad line in OFAC's ~18,000 is a typo worth a warning;
 * hundreds mean a wrong file, a wrong encoding or a changed layout, and
 * screening against a fraction of the list would answer "clear" wrongly.
 */
export const MAX_PROBLEM_SHARE = 0.01;

export interface LoadedSanctionsList {
  list: SanctionsList;
  problems: ListProblem[];
  dir: string;
  sdnFile: string;
  altFile?: string;
}

/**
 * The list folder: `configured` resolved from the working directory, or the
 * sample folder found by walking up from `from` (this file's folder, in `src/`
 * or in `dist/`) and then from the working directory.
 */
export function resolveListDir(
  configured: string | undefined,
  opts: { from?: string; cwd?: string } = {},
): string {
  const cwd = opts.cwd ?? process.cwd();
  if (configured !== undefined && configured.trim() !== '') {
    return isAbsolute(configured) ? configured : resolve(cwd, configured);
  }
  const tried: string[] = [];
  for (const start of [opts.from ?? __dirname, cwd]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, SAMPLE_LIST_DIR);
      tried.push(candidate);
      if (findFile(candidate, SDN_FILE_NAMES)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new SanctionsListUnusableError(
    `SANCTIONS_LIST_DIR is not set and the sample list (${SAMPLE_LIST_DIR}) was not found above ${opts.from ?? __dirname} or ${cwd}; set SANCTIONS_LIST_DIR to the folder holding SDN.CSV`,
  );
}

/** The first of `names` present in `dir` (case-insensitive), as a full path. */
export function findFile(dir: string, names: readonly string[]): string | undefined {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const present = readdirSync(dir);
  for (const name of names) {
    const found = present.find((f) => f.toLowerCase() === name);
    if (found) return join(dir, found);
  }
  return undefined;
}

/**
 * Reads and checks one list version from its folder. Throws
 * SanctionsListUnusableError when SDN.CSV is missing, the name or date is
 * invalid, the list is empty, or it has more problems than MAX_PROBLEM_SHARE.
 */
export function loadSanctionsList(input: {
  dir: string;
  name: string;
  versionDate: string;
}): LoadedSanctionsList {
  const { dir } = input;
  const sdnFile = findFile(dir, SDN_FILE_NAMES);
  if (!sdnFile) {
    throw new SanctionsListUnusableError(
      `no SDN.CSV in ${dir} (looked for ${SDN_FILE_NAMES.join(', ')}, any case); set SANCTIONS_LIST_DIR to the folder holding OFAC's SDN.CSV and ALT.CSV`,
    );
  }
  const altFile = findFile(dir, ALT_FILE_NAMES);
  let loaded: ReturnType<typeof SanctionsList.fromCsv>;
  try {
    const sdnCsv = readFileSync(sdnFile, 'utf8');
    const altCsv = altFile === undefined ? undefined : readFileSync(altFile, 'utf8');
    loaded = SanctionsList.fromCsv({
      name: input.name,
      versionDate: toVersionDate(input.versionDate),
      sdnCsv,
      ...(altCsv === undefined ? {} : { altCsv }),
    });
  } catch (error) {
    if (error instanceof SanctionsListUnusableError) throw error;
    throw new SanctionsListUnusableError(
      `cannot load the sanctions list from ${dir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const { list, problems } = loaded;
  if (list.entries.length === 0) {
    throw new SanctionsListUnusableError(`${sdnFile} has no readable entry`, { problems });
  }
  const records =
    list.entries.length + list.entries.reduce((n, e) => n + e.aliases.length, 0) + problems.length;
  if (problems.length > Math.floor(records * MAX_PROBLEM_SHARE)) {
    const first = problems
      .slice(0, 5)
      .map((p) => `${p.file}:${p.line} ${p.message}`)
      .join('; ');
    throw new SanctionsListUnusableError(
      `the sanctions list in ${dir} has ${problems.length} problem(s) in ${records} record(s), more than ${MAX_PROBLEM_SHARE * 100}% allowed: ${first}`,
      { problems },
    );
  }
  return { list, problems, dir, sdnFile, ...(altFile === undefined ? {} : { altFile }) };
}
