import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@icb/config';
import {
  CLUSTER_COMPOSE_FILE,
  composeServices,
  containerEnvironment,
  mountTarget,
  natsServerBin,
  ROOT,
} from './compose-files';

// docker-compose.cluster.yml over docker-compose.yml: three nats-servers with
// routes between them and a three-member MongoDB replica set (ADR 20), read
// and checked without Docker. compose-nats-cluster.int-spec.ts runs the three
// servers; Compose itself checks the merged files:
// `docker-compose -f docker-compose.yml -f docker-compose.cluster.yml config -q`.

const INIT_SCRIPT = path.join(ROOT, 'scripts', 'compose-init.js');
const NATS_CONF_DIR = path.join(ROOT, 'deploy', 'nats');
const RS_INIT_SCRIPT = path.join(ROOT, 'deploy', 'mongo', 'rs-init.js');
const NATS_MEMBERS = ['nats-1', 'nats-2', 'nats-3'];
const DEADLINE_MS = 60_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const clusterInit = require('../../deploy/nats/cluster-init.js') as {
  ROUTE_USER: string;
  FILE_NAME: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const natsAuth = require('../../scripts/lib/nats-auth.js') as { USERS: readonly string[] };

const SERVICES = natsAuth.USERS.filter((u) => u !== 'operator');

const cluster = () => composeServices(CLUSTER_COMPOSE_FILE);

/** The compose service answering to a host name: its own name or a network alias. */
function serviceNamed(host: string): string {
  const services = cluster();
  const found = Object.entries(services).filter(
    ([name, s]) => name === host || s.networks?.default?.aliases?.includes(host),
  );
  expect([host, found.length]).toEqual([host, 1]);
  return found[0][0];
}

function runClusterInit(dir: string): string {
  return execFileSync(process.execPath, [path.join(NATS_CONF_DIR, 'cluster-init.js'), dir], {
    encoding: 'utf8',
  });
}

describe('docker compose, cluster variant: three nats-servers and a MongoDB replica set', () => {
  let tmp: string;
  let secrets: string;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'icb-compose-cluster-'));
    secrets = path.join(tmp, 'secrets');
    execFileSync(process.execPath, [INIT_SCRIPT, secrets], { encoding: 'utf8' });
    runClusterInit(path.join(secrets, 'nats'));
  });

  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('runs three nats-servers, each named and stored apart, with the single server’s users', () => {
    const services = cluster();
    const members = NATS_MEMBERS.map(serviceNamed);
    expect(new Set(members).size).toBe(3);
    const names = new Set<string>();
    const dataVolumes = new Set<string>();
    for (const member of members) {
      const s = services[member];
      expect([member, s.command]).toEqual([
        member,
        ['nats-server', '--config', '/etc/icb-nats/nats-server.cluster.conf'],
      ]);
      expect(s.volumes).toEqual(
        expect.arrayContaining([
          `./deploy/nats/nats-server.cluster.conf:/etc/icb-nats/nats-server.cluster.conf:ro`,
          `./deploy/nats/nats-server.conf:/etc/icb-nats/nats-server.conf:ro`,
          // The users and permissions init generates, the same file as the single server's.
          'secrets-nats:/etc/icb-nats/secrets:ro',
        ]),
      );
      names.add(String(s.environment?.ICB_NATS_SERVER_NAME));
      const data = s.volumes!.filter((v) => mountTarget(v) === '/data');
      expect(data).toHaveLength(1);
      dataVolumes.add(data[0].split(':')[0]);
      expect(s.depends_on).toMatchObject({
        init: { condition: 'service_completed_successfully' },
        'nats-cluster-init': { condition: 'service_completed_successfully' },
      });
    }
    expect([...names].sort()).toEqual(NATS_MEMBERS);
    // Each server its own store, none of them the single server's.
    expect(dataVolumes.size).toBe(3);
    expect(dataVolumes.has('nats-data')).toBe(false);
    // The routes' credentials land where the servers read their secrets.
    expect(services['nats-cluster-init'].volumes).toContain('secrets-nats:/secrets/nats');
    expect(services['nats-cluster-init'].command).toEqual([
      'node',
      '/deploy/nats/cluster-init.js',
      '/secrets/nats',
    ]);
  });

  it('gives every service the three servers and three replicas, through loadConfig', () => {
    const services = cluster();
    for (const service of SERVICES) {
      const config = loadConfig(containerEnvironment(services, service, secrets));
      expect([service, config.NATS_URL.split(',')]).toEqual([
        service,
        NATS_MEMBERS.map((m) => `nats://${m}:4222`),
      ]);
      expect([service, config.NATS_REPLICAS]).toEqual([service, 3]);
      expect(config.NATS_USER).toBe(service);
    }
    // The coordinator, which creates the R3 streams, waits for all three.
    for (const member of NATS_MEMBERS.map(serviceNamed)) {
      expect(services.coordinator.depends_on?.[member]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('the coordinator writes to the initiated replica set with w: majority, retryable, from the primary', () => {
    const services = cluster();
    const config = loadConfig(containerEnvironment(services, 'coordinator', secrets));
    // mongodb://host1,host2,host3/db?options (several hosts: not a WHATWG URL)
    const [, hostList, database, query] = /^mongodb:\/\/([^/]+)\/([^?]+)\?(.*)$/.exec(
      config.MONGO_URL,
    )!;
    const hosts = hostList.split(',');
    expect(database).toBe('icb');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      replicaSet: 'rs0',
      w: 'majority',
      retryWrites: 'true',
      readPreference: 'primary',
    });

    // The members the init script initiates are the URL's hosts, each a mongod
    // of the replica set with a volume of its own.
    const script = readFileSync(RS_INIT_SCRIPT, 'utf8');
    expect(script).toContain("const REPLICA_SET = 'rs0';");
    const members = /const MEMBERS = \[([^\]]*)\]/.exec(script)![1].match(/'[^']+'/g)!;
    expect(members.map((m) => m.slice(1, -1))).toEqual(hosts);
    const volumes = new Set<string>();
    for (const host of hosts) {
      const s = services[serviceNamed(host.split(':')[0])];
      expect([host, s.image, s.command]).toEqual([
        host,
        'mongo:7',
        ['mongod', '--replSet', 'rs0', '--bind_ip_all'],
      ]);
      const data = s.volumes!.filter((v) => mountTarget(v) === '/data/db');
      expect(data).toHaveLength(1);
      volumes.add(data[0].split(':')[0]);
    }
    expect(volumes.size).toBe(3);
    expect(volumes.has('mongo-data')).toBe(false);

    const init = services['mongo-init'];
    expect(init.command).toEqual([
      'mongosh',
      '--quiet',
      `mongodb://${hosts[0]}/?directConnection=true`,
      '/deploy/mongo/rs-init.js',
    ]);
    expect(init.volumes).toContain('./deploy/mongo:/deploy/mongo:ro');
    expect(services.coordinator.depends_on?.['mongo-init']).toEqual({
      condition: 'service_completed_successfully',
    });
  });

  it('writes the routes’ credentials once, readable by nats-server only, and keeps them', () => {
    const file = path.join(secrets, 'nats', clusterInit.FILE_NAME);
    const routes = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = /password: "([0-9a-f]{48})"/.exec(routes)?.[1];
    expect(password).toBeDefined();
    for (const member of NATS_MEMBERS) {
      expect(routes).toContain(
        `"nats-route://${clusterInit.ROUTE_USER}:${password}@${member}:6222"`,
      );
    }
    expect(runClusterInit(path.join(secrets, 'nats'))).toMatch(/^kept /);
    expect(readFileSync(file, 'utf8')).toBe(routes);
  });

  it(
    'nats-server accepts each member’s configuration, and refuses it without the routes’ credentials',
    async () => {
      const bin = await natsServerBin();
      // The servers' layout: both files side by side, the volume at ./secrets.
      const etc = path.join(tmp, 'etc-icb-nats');
      mkdirSync(etc);
      for (const name of ['nats-server.cluster.conf', 'nats-server.conf']) {
        copyFileSync(path.join(NATS_CONF_DIR, name), path.join(etc, name));
      }
      symlinkSync(path.join(secrets, 'nats'), path.join(etc, 'secrets'), 'dir');
      const check = (name: string) =>
        spawnSync(bin, ['-t', '-c', path.join(etc, 'nats-server.cluster.conf')], {
          encoding: 'utf8',
          env: { ...process.env, ICB_NATS_SERVER_NAME: name },
        });

      for (const member of NATS_MEMBERS) {
        const valid = check(member);
        expect([member, valid.status, `${valid.stdout}${valid.stderr}`]).toEqual([
          member,
          0,
          expect.stringMatching(/is valid/),
        ]);
      }
      unlinkSync(path.join(secrets, 'nats', clusterInit.FILE_NAME));
      const refused = check('nats-1');
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toMatch(/nats-cluster-routes\.conf/);
    },
    DEADLINE_MS,
  );
});
