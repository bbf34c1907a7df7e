import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { type AppConfig, loadConfig } from '@icb/config';
import { OwnNats, startOwnNats, waitFor } from '@icb/testing';
import { composeServices, containerEnvironment as composeEnvironment, ROOT } from './compose-files';

// docker-compose.yml's `init` service (scripts/compose-init.js) and what the
// other services make of its files: the same script, the same compose file
// and the same nats-server configuration, without Docker (ADR 6, addendum).

const SCRIPT = path.join(ROOT, 'scripts', 'compose-init.js');
const NATS_CONF_DIR = path.join(ROOT, 'deploy', 'nats');
const DEADLINE_MS = 60_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('../../scripts/lib/infra.js') as {
  resolveNats(): Promise<{ kind: string; bin?: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const natsAuth = require('../../scripts/lib/nats-auth.js') as {
  USERS: readonly string[];
  inboxPrefixFor(user: string): string;
};

interface Credentials {
  sessionSecret: string;
  accounts: Array<{ username: string; kind: 'person' | 'service'; secret: string }>;
}

/** The secrets init keeps: the people's passwords and, apart, the machines' (ADR 8). */
function readCredentials(secrets: string): Credentials {
  const people = readJson<{ accounts: Credentials['accounts'] }>(
    path.join(secrets, 'operator-credentials.json'),
  );
  expect(Object.keys(people)).toEqual(['accounts']);
  expect(people.accounts.every((a) => a.kind === 'person')).toBe(true);
  const services = readJson<{ accounts: Credentials['accounts'] }>(
    path.join(secrets, 'service-accounts.json'),
  );
  return {
    sessionSecret: readFileSync(path.join(secrets, 'session-key'), 'utf8'),
    accounts: [...people.accounts, ...services.accounts],
  };
}

const SERVICES = natsAuth.USERS.filter((u) => u !== 'operator');
const ADAPTERS = SERVICES.filter((s) => s !== 'coordinator');

/** The owner of the services' files: `node` (1000) when run as root, as in compose. */
const uid = process.getuid?.() ?? -1;
const SERVICE_UID = uid === 0 ? 1000 : uid;

function runInit(dir: string): string {
  return execFileSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
}

/** Every file under dir: relative path → content, mode, owner. */
function snapshot(dir: string): Map<string, { content: string; mode: number; uid: number }> {
  const files = new Map<string, { content: string; mode: number; uid: number }>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry);
    const stat = statSync(file);
    if (stat.isFile()) {
      files.set(entry, {
        content: readFileSync(file, 'utf8'),
        mode: stat.mode & 0o777,
        uid: stat.uid,
      });
    }
  }
  return files;
}

function modeOf(file: string): number {
  return statSync(file).mode & 0o777;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** A compose service's settings, read as in its container, with NATS_URL set to natsUrl. */
function containerEnvironment(
  service: string,
  secretsDir: string,
  natsUrl: string,
): Record<string, string> {
  return { ...composeEnvironment(composeServices(), service, secretsDir), NATS_URL: natsUrl };
}

/** Starts a nats-server of this test's own (the global one has no users). */
async function withoutSharedNats<T>(run: () => Promise<T>): Promise<T> {
  const shared = process.env.NATS_URL;
  delete process.env.NATS_URL;
  try {
    return await run();
  } finally {
    if (shared !== undefined) process.env.NATS_URL = shared;
  }
}

describe("docker compose: the init service's secrets", () => {
  let tmp: string;
  let secrets: string;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'icb-compose-init-'));
    secrets = path.join(tmp, 'secrets');
    runInit(secrets);
  });

  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('writes every secret, each readable only by the container that uses it', () => {
    const passwords = readJson<Record<string, string>>(path.join(secrets, 'nats-passwords.json'));
    const credentials = readCredentials(secrets);
    expect(Object.keys(passwords).sort()).toEqual([...natsAuth.USERS].sort());

    // The originals and the people's copies: the user running init only.
    expect(modeOf(secrets)).toBe(0o700);
    for (const name of [
      'nats-passwords.json',
      'operators.json',
      'operator-credentials.json',
      'session-key',
      'service-accounts.json',
      'operator.nats-password',
    ]) {
      expect([name, modeOf(path.join(secrets, name))]).toEqual([name, 0o600]);
    }
    expect(readFileSync(path.join(secrets, 'operator.nats-password'), 'utf8')).toBe(
      passwords.operator,
    );

    // nats-server (root in the nats image) reads the users, with every password.
    const authConf = path.join(secrets, 'nats', 'nats-auth.conf');
    expect(modeOf(authConf)).toBe(0o600);
    const auth = readFileSync(authConf, 'utf8');
    for (const user of natsAuth.USERS) {
      expect(auth).toContain(`user: "${user}"\n      password: ${JSON.stringify(passwords[user])}`);
    }

    // Each service: its own folder, owned by the image's user, files read-only.
    const expected: Record<string, Record<string, string>> = {
      coordinator: {
        'coordinator.nats-password': passwords.coordinator,
        'operators.json': readFileSync(path.join(secrets, 'operators.json'), 'utf8'),
        'session-secret': credentials.sessionSecret,
        // The agencies' public keys (ADR 15), a copy of init's registry.
        'agency-keys.json': readFileSync(path.join(secrets, 'keys', 'agency-keys.json'), 'utf8'),
      },
    };
    for (const adapter of ADAPTERS) {
      const account = credentials.accounts.find((a) => a.username === adapter);
      expect(account?.kind).toBe('service');
      expected[adapter] = {
        [`${adapter}.nats-password`]: passwords[adapter],
        'coordinator-token': account!.secret,
        // Its own issuer key, JWKS and clients (ADR 18), copies of init's originals.
        'adapter-token-key.json': readFileSync(
          path.join(secrets, `${adapter}.token-key.json`),
          'utf8',
        ),
        'adapter-jwks.json': readFileSync(path.join(secrets, `${adapter}.jwks.json`), 'utf8'),
        'adapter-clients.json': readFileSync(path.join(secrets, `${adapter}.clients.json`), 'utf8'),
        // Its agency's private signing key (ADR 15), and only its own.
        'signing-key.jwk': readFileSync(
          path.join(secrets, 'keys', `${adapter.replace(/-adapter$/, '')}.private.jwk`),
          'utf8',
        ),
      };
    }
    for (const service of SERVICES) {
      const dir = path.join(secrets, service);
      expect([service, modeOf(dir), statSync(dir).uid]).toEqual([service, 0o700, SERVICE_UID]);
      expect(readdirSync(dir).sort()).toEqual(Object.keys(expected[service]).sort());
      for (const [name, content] of Object.entries(expected[service])) {
        const file = path.join(dir, name);
        expect(readFileSync(file, 'utf8')).toBe(content);
        expect([file, modeOf(file), statSync(file).uid]).toEqual([file, 0o400, SERVICE_UID]);
      }
    }
    expect(credentials.sessionSecret.length).toBeGreaterThanOrEqual(32);

    // The coordinator's accounts file holds hashes, never a password or a token.
    const coordinatorAccounts = readFileSync(
      path.join(secrets, 'coordinator', 'operators.json'),
      'utf8',
    );
    for (const account of credentials.accounts) {
      expect(coordinatorAccounts).not.toContain(account.secret);
    }
  });

  it('keeps every secret when it runs again, and restores a deleted one unchanged', () => {
    const before = snapshot(secrets);
    // + agency-clients.json, each adapter's issuer key, JWKS and clients twice
    // (the original and the adapter's copy: ADR 18), the agencies' signing
    // keys twice and their registry twice (the original and the copy: ADR 15).
    expect(before.size).toBe(
      6 + 1 + 3 + 2 * ADAPTERS.length + 1 + 6 * ADAPTERS.length + 2 * ADAPTERS.length + 2,
    );

    const again = runInit(secrets);
    expect(
      again
        .split('\n')
        .filter((line) => line.startsWith('created') || line.startsWith('rewritten')),
    ).toEqual([]);
    expect(snapshot(secrets)).toEqual(before);

    // A lost copy comes back from the originals, the same as it was.
    unlinkSync(path.join(secrets, 'dod-adapter', 'dod-adapter.nats-password'));
    unlinkSync(path.join(secrets, 'nats', 'nats-auth.conf'));
    expect(runInit(secrets)).toMatch(/^created +.*dod-adapter\.nats-password$/m);
    expect(snapshot(secrets)).toEqual(before);
  });

  it('gives each compose service the settings that read its own files, through loadConfig', () => {
    const services = composeServices();
    const passwords = readJson<Record<string, string>>(path.join(secrets, 'nats-passwords.json'));
    const credentials = readCredentials(secrets);

    expect(services.nats.depends_on?.init).toEqual({
      condition: 'service_completed_successfully',
    });
    expect(services.nats.volumes).toContain('secrets-nats:/etc/icb-nats/secrets:ro');
    for (const service of SERVICES) {
      // Its own secrets volume, and no other.
      const secretVolumes = (services[service].volumes ?? []).filter((v) =>
        v.startsWith('secrets'),
      );
      expect([service, secretVolumes]).toEqual([service, [`secrets-${service}:/secrets:ro`]]);
      expect(services[service].depends_on?.init).toEqual({
        condition: 'service_completed_successfully',
      });

      const config: AppConfig = loadConfig(
        containerEnvironment(service, secrets, 'nats://127.0.0.1:4222'),
      );
      expect(config.NATS_USER).toBe(service);
      expect(config.NATS_INBOX_PREFIX).toBe(natsAuth.inboxPrefixFor(service));
      expect(config.NATS_PASSWORD).toBe(passwords[service]);
      if (service === 'coordinator') {
        expect(config.SESSION_SECRET).toBe(credentials.sessionSecret);
        expect(readFileSync(config.OPERATORS_FILE!, 'utf8')).toBe(
          readFileSync(path.join(secrets, 'operators.json'), 'utf8'),
        );
      } else {
        expect(config.COORDINATOR_TOKEN).toBe(
          credentials.accounts.find((a) => a.username === service)!.secret,
        );
        // The adapters wait for the coordinator, which creates the streams.
        expect(services[service].depends_on?.coordinator).toEqual({
          condition: 'service_healthy',
        });
      }
    }
  });

  it("nats-server accepts compose's configuration with the generated users, and refuses it without them", async () => {
    const { bin } = await withoutSharedNats(() => infra.resolveNats());
    // The nats service's layout: both files side by side, the volume at ./secrets.
    const etc = path.join(tmp, 'etc-icb-nats');
    mkdirSync(etc);
    for (const name of ['nats-server.compose.conf', 'nats-server.conf']) {
      copyFileSync(path.join(NATS_CONF_DIR, name), path.join(etc, name));
    }
    symlinkSync(path.join(secrets, 'nats'), path.join(etc, 'secrets'), 'dir');
    const check = () =>
      spawnSync(bin!, ['-t', '-c', path.join(etc, 'nats-server.compose.conf')], {
        encoding: 'utf8',
      });

    const valid = check();
    expect([valid.status, `${valid.stdout}${valid.stderr}`]).toEqual([
      0,
      expect.stringMatching(/is valid/),
    ]);
    unlinkSync(path.join(secrets, 'nats', 'nats-auth.conf'));
    const refused = check();
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/nats-auth\.conf/);
  });

  describe('on a real nats-server with the generated users', () => {
    let server: OwnNats | undefined;
    const connections: NatsConnection[] = [];

    beforeEach(async () => {
      const dataDir = path.join(tmp, 'nats');
      // infra writes dataDir/nats-server.conf: the include is relative to it.
      const include = path.relative(dataDir, path.join(secrets, 'nats', 'nats-auth.conf'));
      server = await startOwnNats({ dataDir, extraConfig: `include ${JSON.stringify(include)}` });
    });

    afterEach(async () => {
      await Promise.all(connections.splice(0).map((nc) => nc.close().catch(() => undefined)));
      await server?.stop();
      server = undefined;
    });

    /** Connects as a compose service does: its settings through loadConfig. */
    async function connectAs(service: string): Promise<{ nc: NatsConnection; errors: Error[] }> {
      const config = loadConfig(containerEnvironment(service, secrets, server!.url));
      const nc = await connect({
        servers: config.NATS_URL,
        name: `compose-init-test-${service}`,
        user: config.NATS_USER,
        pass: config.NATS_PASSWORD,
        inboxPrefix: config.NATS_INBOX_PREFIX,
        maxReconnectAttempts: 0,
      });
      connections.push(nc);
      const errors: Error[] = [];
      void (async () => {
        for await (const s of nc.status()) {
          if (s.type === 'error') errors.push(s.error);
        }
      })();
      return { nc, errors };
    }

    it(
      'every service connects with the password from its file; a wrong password is refused',
      async () => {
        for (const service of SERVICES) {
          const { nc } = await connectAs(service);
          await expect(nc.flush()).resolves.toBeUndefined();
        }
        await expect(
          connect({ servers: server!.url, user: 'dod-adapter', pass: 'not-the-password-0000' }),
        ).rejects.toThrow(/authorization/i);
        // The same password with another user's name is refused too.
        const dodPassword = readFileSync(
          path.join(secrets, 'dod-adapter', 'dod-adapter.nats-password'),
          'utf8',
        );
        await expect(
          connect({ servers: server!.url, user: 'treasury-adapter', pass: dodPassword }),
        ).rejects.toThrow(/authorization/i);
      },
      DEADLINE_MS,
    );

    it(
      'the DoD adapter publishes as DoD and is refused publishing as Treasury',
      async () => {
        const coordinator = await connectAs('coordinator');
        const seen: string[] = [];
        const feed = coordinator.nc.subscribe('icb.evt.>');
        void (async () => {
          for await (const m of feed) seen.push(m.subject);
        })();
        await coordinator.nc.flush();

        const dod = await connectAs('dod-adapter');
        const forged = 'icb.evt.treasury.signoff.submitted.v1';
        const own = 'icb.evt.dod.signoff.submitted.v1';
        dod.nc.publish(forged, '{"from":"dod, as treasury"}');
        dod.nc.publish(own, '{"from":"dod"}');
        await dod.nc.flush();

        await waitFor(
          () =>
            dod.errors.find(
              (e) =>
                e.name === 'PermissionViolationError' &&
                (e as Error & { subject?: string }).subject === forged,
            ),
          { description: "the permissions violation for DoD's publish as Treasury" },
        );
        // Messages of one connection arrive in order: once DoD's own is in,
        // the forged one, published before it, would have been too.
        await waitFor(() => seen.includes(own), { description: "DoD's own sign-off" });
        expect(seen).toEqual([own]);
      },
      DEADLINE_MS,
    );
  });
});
