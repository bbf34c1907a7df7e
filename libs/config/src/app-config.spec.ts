import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('uses embedded defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.MONGO_URL).toBe('mongodb://127.0.0.1:27017/icb');
    expect(config.HTTP_PORT).toBe(3000);
  });

  it('lets a service default be overridden by the environment', () => {
    expect(loadConfig({}, { HTTP_PORT: 3002 }).HTTP_PORT).toBe(3002);
    expect(loadConfig({ HTTP_PORT: '4100' }, { HTTP_PORT: 3002 }).HTTP_PORT).toBe(4100);
  });

  it('rejects every bad setting at once with the variable named', () => {
    let error: unknown;
    try {
      loadConfig({ NATS_URL: 'http://x', HTTP_PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/NATS_URL/);
    expect(problems).toMatch(/HTTP_PORT/);
    expect(problems).toMatch(/LOG_LEVEL/);
  });

  it('takes a cluster as a comma-separated list of servers and refuses a list with a bad entry', () => {
    const config = loadConfig({
      NATS_URL: 'nats://127.0.0.1:4232, nats://127.0.0.1:4233,nats://127.0.0.1:4234',
      NATS_REPLICAS: '3',
    });
    expect(config.NATS_URL).toContain('4234');
    expect(config.NATS_REPLICAS).toBe(3);
    expect(() => loadConfig({ NATS_URL: 'nats://127.0.0.1:4232,127.0.0.1:4233' })).toThrow(
      /NATS_URL/,
    );
  });

  it('creates streams with one replica unless told otherwise, and only an odd count up to 5', () => {
    expect(loadConfig({}).NATS_REPLICAS).toBe(1);
    expect(() => loadConfig({ NATS_REPLICAS: '2' })).toThrow(/NATS_REPLICAS must be 1, 3 or 5/);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', SOMETHING: 'else' })).not.toThrow();
  });
});

describe('loadConfig: secrets read from files (<NAME>_FILE, as compose passes them)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'icb-config-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function secretFile(name: string, content: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, content, { mode: 0o600 });
    return file;
  }

  function problemsOf(env: Record<string, string>): string {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems.join('\n');
    }
    throw new Error('expected a ConfigError, but the configuration loaded');
  }

  it('reads NATS_PASSWORD, SESSION_SECRET and COORDINATOR_TOKEN from their files, without the trailing newline', () => {
    const config = loadConfig({
      NATS_USER: 'dod-adapter',
      NATS_PASSWORD_FILE: secretFile('nats-password', 'n4ts-pass word\n'),
      SESSION_SECRET_FILE: secretFile('session-secret', `${'s'.repeat(40)}\r\n`),
      COORDINATOR_TOKEN_FILE: secretFile('coordinator-token', 't'.repeat(43)),
    });
    expect(config.NATS_PASSWORD).toBe('n4ts-pass word');
    expect(config.SESSION_SECRET).toBe('s'.repeat(40));
    expect(config.COORDINATOR_TOKEN).toBe('t'.repeat(43));
  });

  it('refuses a secret given both inline and as a file, naming both variables', () => {
    const problems = problemsOf({
      NATS_PASSWORD: 'inline-password',
      NATS_PASSWORD_FILE: secretFile('nats-password', 'from-the-file'),
    });
    expect(problems).toMatch(/NATS_PASSWORD and NATS_PASSWORD_FILE are both set/);
  });

  it('refuses a secret file that cannot be read, naming the variable and the path', () => {
    const missing = path.join(dir, 'no-such-file');
    const problems = problemsOf({ NATS_PASSWORD_FILE: missing });
    expect(problems).toContain(`NATS_PASSWORD_FILE=${JSON.stringify(missing)}`);
    expect(problems).toMatch(/ENOENT/);
    // A folder where the file should be (a volume mounted at the wrong place).
    expect(problemsOf({ COORDINATOR_TOKEN_FILE: dir })).toMatch(/COORDINATOR_TOKEN_FILE=.*EISDIR/);
  });

  it('validates a secret read from a file like one given inline', () => {
    expect(problemsOf({ SESSION_SECRET_FILE: secretFile('short', 'too-short\n') })).toMatch(
      /SESSION_SECRET must be at least 32 characters/,
    );
  });
});
