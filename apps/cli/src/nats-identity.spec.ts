import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { natsIdentityFor, resolveConfig } from './cli.config';
import { UsageError } from './cli.errors';

describe('who icb publishes as on NATS (ADR 17)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'icb-cli-nats-'));
    file = path.join(dir, 'nats-users.json');
    writeFileSync(
      file,
      JSON.stringify({ operator: 'op-secret', 'dod-adapter': 'dod-secret', coordinator: 'c' }),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("publishes an agency's message as that agency's own user from the stack's users file", () => {
    const config = resolveConfig({}, { ICB_NATS_USERS_FILE: file }, false);
    expect(natsIdentityFor(config, 'dod')).toEqual({
      user: 'dod-adapter',
      pass: 'dod-secret',
      inboxPrefix: '_INBOX_dod-adapter',
    });
  });

  it('never as the coordinator, nor as an agency whose password it does not have', () => {
    const config = resolveConfig({}, { ICB_NATS_USERS_FILE: file }, false);
    expect(() => natsIdentityFor(config, 'coordinator')).toThrow(UsageError);
    expect(() => natsIdentityFor(config, 'coordinator')).toThrow(/not publish as the coordinator/);
    expect(() => natsIdentityFor(config, 'nsc')).toThrow(/no NATS password for nsc-adapter/);
    const missing = resolveConfig({}, { ICB_NATS_USERS_FILE: path.join(dir, 'nope') }, false);
    expect(() => natsIdentityFor(missing, 'dod')).toThrow(/cannot read the NATS users file/);
  });

  it('an explicit NATS_USER wins (the server decides), and no users file means no credentials', () => {
    const explicit = resolveConfig(
      {},
      { NATS_USER: 'nsc-adapter', NATS_PASSWORD: 'p', ICB_NATS_USERS_FILE: file },
      false,
    );
    expect(natsIdentityFor(explicit, 'nsc')).toEqual({ user: 'nsc-adapter', pass: 'p' });
    expect(natsIdentityFor(resolveConfig({}, {}, false), 'dod')).toEqual({});
  });
});
