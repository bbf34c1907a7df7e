import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSanctionsList, resolveListDir, SAMPLE_LIST_DIR } from './sanctions-list.loader';
import { SanctionsListUnusableError } from './screening.errors';

const SAMPLE = join(__dirname, '..', '..', 'data');
const ENTRY = (n: number) => `${n},"ENTRY ${n}",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `;

describe('resolveListDir', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sanctions-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds the sample from the source folder', () => {
    expect(resolveListDir(undefined, { from: __dirname, cwd: tmp })).toBe(SAMPLE);
  });

  it('finds the sample from a dist/ build of this folder', () => {
    const repo = join(tmp, 'repo');
    cpSync(SAMPLE, join(repo, SAMPLE_LIST_DIR), { recursive: true });
    const built = join(repo, 'dist', 'apps', 'treasury-adapter', 'src', 'screening');
    mkdirSync(built, { recursive: true });
    expect(resolveListDir(undefined, { from: built, cwd: tmp })).toBe(join(repo, SAMPLE_LIST_DIR));
  });

  it('resolves a configured relative folder from the working directory', () => {
    expect(resolveListDir('lists/sdn', { cwd: tmp })).toBe(join(tmp, 'lists', 'sdn'));
    expect(resolveListDir('/srv/ofac', { cwd: tmp })).toBe('/srv/ofac');
  });

  it('says what to set when there is no sample to be found', () => {
    expect(() => resolveListDir(undefined, { from: tmp, cwd: tmp })).toThrow(
      /SANCTIONS_LIST_DIR is not set/,
    );
  });
});

describe('loadSanctionsList', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sanctions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = () => loadSanctionsList({ dir, name: 'SDN', versionDate: '03/01/2025' });

  it('loads the sample with its aliases and OFAC’s date format', () => {
    const loaded = loadSanctionsList({ dir: SAMPLE, name: 'SDN', versionDate: '03/01/2025' });
    expect(loaded.list.entries).toHaveLength(12);
    expect(loaded.list.versionDate).toBe('2025-03-01');
    expect(loaded.problems).toEqual([]);
    expect(loaded.altFile).toMatch(/alt-sample\.csv$/);
  });

  it('reads OFAC’s own file names, in any case, ALT.CSV being optional', () => {
    writeFileSync(join(dir, 'SDN.CSV'), ENTRY(1));
    const loaded = load();
    expect(loaded.list.entries).toHaveLength(1);
    expect(loaded.altFile).toBeUndefined();
  });

  it('refuses a folder without SDN.CSV', () => {
    expect(load).toThrow(SanctionsListUnusableError);
    expect(load).toThrow(/no SDN.CSV in/);
  });

  it('refuses a list without any readable entry', () => {
    writeFileSync(join(dir, 'sdn.csv'), '');
    expect(load).toThrow(/no readable entry/);
  });

  it('refuses a bad version date', () => {
    writeFileSync(join(dir, 'sdn.csv'), ENTRY(1));
    expect(() => loadSanctionsList({ dir, name: 'SDN', versionDate: '2025-02-30' })).toThrow(
      SanctionsListUnusableError,
    );
  });

  it('accepts up to 1% of problem lines and refuses more', () => {
    const entries = Array.from({ length: 99 }, (_, i) => ENTRY(i + 1));
    writeFileSync(join(dir, 'sdn.csv'), [...entries, '"broken'].join('\n'));
    const loaded = load();
    expect(loaded.problems).toHaveLength(1);

    writeFileSync(join(dir, 'alt.csv'), '9999,1,"aka","ORPHAN",-0-');
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SanctionsListUnusableError);
    expect((error as SanctionsListUnusableError).problems).toHaveLength(2);
    expect((error as Error).message).toMatch(/2 problem\(s\) in 101 record\(s\)/);
  });
});
