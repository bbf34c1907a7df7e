import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@icb/config';

interface Credential {
  username: string;
  kind: 'person' | 'service';
  secret: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const operators = require('./lib/operators.js') as {
  generateStackAccounts(): {
    accounts: { accounts: unknown[] };
    credentials: { sessionSecret: string; accounts: Credential[] };
  };
  ensureStackAccounts(
    dir: string,
    options?: { secretsDir?: string },
  ): {
    accountsFile: string;
    credentialsFile: string;
    secretsDir: string;
    sessionKeyFile: string;
    serviceAccountsFile: string;
    serviceTokenFile(username: string): string;
    credentials: { sessionSecret: string; accounts: Credential[] };
    created: boolean;
    migrated: boolean;
  };
};

const mode = (file: string) => statSync(file).mode & 0o777;
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

describe("a stack's sign-in files (scripts/lib/operators.js)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'icb-operators-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the people's passwords apart from the session key and the service tokens", () => {
    const stack = operators.ensureStackAccounts(dir);
    expect(stack.created).toBe(true);
    const people = readJson<{ accounts: Credential[] }>(stack.credentialsFile);
    expect(Object.keys(people)).toEqual(['accounts']);
    expect(people.accounts.map((a) => [a.username, a.kind])).toEqual([
      ['officer', 'person'],
      ['viewer', 'person'],
    ]);
    const text = readFileSync(stack.credentialsFile, 'utf8');
    expect(text).not.toContain(stack.credentials.sessionSecret);
    const services = stack.credentials.accounts.filter((a) => a.kind === 'service');
    expect(services).toHaveLength(5);
    for (const s of services) expect(text).not.toContain(s.secret);

    expect(stack.secretsDir).toBe(path.join(dir, 'secrets'));
    expect(mode(stack.secretsDir)).toBe(0o700);
    expect(readFileSync(stack.sessionKeyFile, 'utf8')).toBe(stack.credentials.sessionSecret);
    expect(readJson<{ accounts: Credential[] }>(stack.serviceAccountsFile).accounts).toEqual(
      services,
    );
    for (const file of [
      stack.credentialsFile,
      stack.accountsFile,
      stack.sessionKeyFile,
      stack.serviceAccountsFile,
      ...services.map((s) => stack.serviceTokenFile(s.username)),
    ]) {
      expect([file, mode(file)]).toEqual([file, 0o600]);
    }
    // What the services read: SESSION_SECRET_FILE, COORDINATOR_TOKEN_FILE.
    const coordinator = loadConfig({ SESSION_SECRET_FILE: stack.sessionKeyFile });
    expect(coordinator.SESSION_SECRET).toBe(stack.credentials.sessionSecret);
    const dod = loadConfig({ COORDINATOR_TOKEN_FILE: stack.serviceTokenFile('dod-adapter') });
    expect(dod.COORDINATOR_TOKEN).toBe(services.find((s) => s.username === 'dod-adapter')!.secret);
  });

  it('keeps every secret from one start to the next', () => {
    const first = operators.ensureStackAccounts(dir);
    const again = operators.ensureStackAccounts(dir);
    expect(again.created).toBe(false);
    expect(again.migrated).toBe(false);
    expect(again.credentials).toEqual(first.credentials);
  });

  it('splits an operator-credentials.json of the old format, keeping every password, token and key', () => {
    // What the previous version wrote: everything in one file.
    const old = operators.generateStackAccounts();
    writeFileSync(path.join(dir, 'operators.json'), JSON.stringify(old.accounts), { mode: 0o600 });
    const oldFile = path.join(dir, 'operator-credentials.json');
    writeFileSync(oldFile, JSON.stringify(old.credentials), { mode: 0o600 });

    const stack = operators.ensureStackAccounts(dir);
    expect(stack).toMatchObject({ created: false, migrated: true });
    expect(stack.credentials.sessionSecret).toBe(old.credentials.sessionSecret);
    expect(stack.credentials.accounts).toEqual(old.credentials.accounts);
    const people = readJson<{ accounts: Credential[]; sessionSecret?: string }>(oldFile);
    expect(people.sessionSecret).toBeUndefined();
    expect(people.accounts.every((a) => a.kind === 'person')).toBe(true);
    expect(readFileSync(stack.sessionKeyFile, 'utf8')).toBe(old.credentials.sessionSecret);
    expect(existsSync(stack.serviceTokenFile('treasury-adapter'))).toBe(true);
    // The hashes the coordinator reads are untouched.
    expect(readJson(stack.accountsFile)).toEqual(old.accounts);
    // Once split, nothing more to split.
    expect(operators.ensureStackAccounts(dir).migrated).toBe(false);
  });

  it('puts the machine secrets where compose asks (its private root)', () => {
    const stack = operators.ensureStackAccounts(dir, { secretsDir: dir });
    expect(stack.sessionKeyFile).toBe(path.join(dir, 'session-key'));
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining(['session-key', 'service-accounts.json', 'operator-credentials.json']),
    );
  });
});
