import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { waitFor } from '@icb/testing';
import { natsServerBin, ROOT } from './compose-files';

// docker-compose.cluster.yml's three nats-servers, run for real on loopback:
// the same nats-server.cluster.conf, nats-server.conf, users (compose-init.js)
// and route credentials (cluster-init.js); only what a container gets from
// its own network (addresses, ports, the /data volume) is moved to loopback.

const NATS_CONF_DIR = path.join(ROOT, 'deploy', 'nats');
const DEADLINE_MS = 90_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Replaces exactly one occurrence, so a changed configuration fails here, loudly. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

interface Server {
  name: string;
  port: number;
  monitorPort: number;
  clusterPort: number;
  process: ChildProcess;
  log: () => string;
}

describe('docker compose, cluster variant: the three nats-servers, run on loopback', () => {
  let tmp: string;
  let secrets: string;
  const servers: Server[] = [];
  const connections: NatsConnection[] = [];

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'icb-compose-nats-cluster-'));
    secrets = path.join(tmp, 'secrets');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'compose-init.js'), secrets]);
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((nc) => nc.close().catch(() => undefined)));
    await Promise.all(
      servers.splice(0).map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.process.exitCode !== null || s.process.signalCode !== null) return resolve();
            s.process.once('exit', () => resolve());
            s.process.kill('SIGTERM');
          }),
      ),
    );
    rmSync(tmp, { recursive: true, force: true });
  });

  function start(
    bin: string,
    name: string,
    config: string,
    ports: Omit<Server, 'name' | 'process' | 'log'>,
    env: Record<string, string> = {},
  ): Server {
    const child = spawn(
      bin,
      ['-c', config, '-a', '127.0.0.1', '-p', `${ports.port}`, '-m', `${ports.monitorPort}`],
      {
        cwd: path.dirname(config),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const server = { name, ...ports, process: child, log: () => output };
    servers.push(server);
    return server;
  }

  async function healthy(server: Server): Promise<boolean> {
    const res = await fetch(`http://127.0.0.1:${server.monitorPort}/healthz`);
    return res.status === 200;
  }

  async function routeNames(server: Server): Promise<string[]> {
    const res = await fetch(`http://127.0.0.1:${server.monitorPort}/routez`);
    const body = (await res.json()) as { routes?: Array<{ remote_name: string }> };
    return [...new Set((body.routes ?? []).map((r) => r.remote_name))].sort();
  }

  it(
    'form a cluster with the generated route credentials, keep a stream on all three, and refuse a server without them',
    async () => {
      const bin = await natsServerBin();
      const members = await Promise.all(
        ['nats-1', 'nats-2', 'nats-3'].map(async (name) => ({
          name,
          port: await freePort(),
          monitorPort: await freePort(),
          clusterPort: await freePort(),
        })),
      );
      // cluster-init.js, with the containers' names replaced by loopback ports.
      execFileSync(process.execPath, [
        path.join(NATS_CONF_DIR, 'cluster-init.js'),
        path.join(secrets, 'nats'),
        '--hosts',
        members.map((m) => `127.0.0.1:${m.clusterPort}`).join(','),
      ]);
      const clusterConf = readFileSync(
        path.join(NATS_CONF_DIR, 'nats-server.cluster.conf'),
        'utf8',
      );
      const serverConf = readFileSync(path.join(NATS_CONF_DIR, 'nats-server.conf'), 'utf8');
      for (const m of members) {
        const etc = path.join(tmp, m.name);
        mkdirSync(etc);
        writeFileSync(
          path.join(etc, 'nats-server.cluster.conf'),
          replaceOnce(clusterConf, 'listen: 0.0.0.0:6222', `listen: 127.0.0.1:${m.clusterPort}`),
        );
        writeFileSync(
          path.join(etc, 'nats-server.conf'),
          replaceOnce(
            serverConf,
            'store_dir: /data',
            `store_dir: ${JSON.stringify(path.join(etc, 'data'))}`,
          ),
        );
        symlinkSync(path.join(secrets, 'nats'), path.join(etc, 'secrets'), 'dir');
        start(bin, m.name, path.join(etc, 'nats-server.cluster.conf'), m, {
          ICB_NATS_SERVER_NAME: m.name,
        });
      }
      const cluster = [...servers];
      // Healthy (`/healthz`, as compose checks) means JetStream has its meta leader.
      await waitFor(async () => (await Promise.all(cluster.map(healthy))).every(Boolean), {
        timeoutMs: 30_000,
        description: 'three healthy servers (JetStream with its meta leader)',
      });
      for (const s of cluster) {
        await waitFor(
          async () =>
            JSON.stringify(await routeNames(s)) ===
              JSON.stringify(cluster.filter((o) => o !== s).map((o) => o.name)) || undefined,
          { description: `${s.name} routed to the two others` },
        );
      }

      // The services' users, as compose gives them every server.
      const passwords = JSON.parse(
        readFileSync(path.join(secrets, 'nats-passwords.json'), 'utf8'),
      ) as Record<string, string>;
      const servers3 = cluster.map((s) => `nats://127.0.0.1:${s.port}`);
      const as = async (user: string) => {
        const nc = await connect({
          servers: servers3,
          user,
          pass: passwords[user],
          inboxPrefix: `_INBOX_${user}`,
        });
        connections.push(nc);
        return nc;
      };
      const coordinator = await as('coordinator');
      const jsm = await jetstreamManager(coordinator);
      await jsm.streams.add({ name: 'ICB_EVENTS', subjects: ['icb.evt.>'], num_replicas: 3 });
      const dod = await as('dod-adapter');
      const ack = await jetstream(dod).publish(
        'icb.evt.dod.signoff.submitted.v1',
        '{"from":"dod"}',
      );
      expect([ack.stream, ack.seq]).toEqual(['ICB_EVENTS', 1]);
      const info = await waitFor(
        async () => {
          const i = await jsm.streams.info('ICB_EVENTS');
          const replicas = i.cluster?.replicas ?? [];
          return replicas.length === 2 && replicas.every((r) => r.current) && i;
        },
        { description: 'the stream on a leader and two current replicas' },
      );
      expect([info.cluster!.leader, ...info.cluster!.replicas!.map((r) => r.name)].sort()).toEqual([
        'nats-1',
        'nats-2',
        'nats-3',
      ]);
      expect(info.state.messages).toBe(1);

      // A server that does not present the routes' password is not let in.
      const intruderDir = path.join(tmp, 'intruder');
      mkdirSync(intruderDir);
      const intruderPorts = {
        port: await freePort(),
        monitorPort: await freePort(),
        clusterPort: await freePort(),
      };
      writeFileSync(
        path.join(intruderDir, 'intruder.conf'),
        [
          'server_name: intruder',
          `cluster { name: icb, listen: "127.0.0.1:${intruderPorts.clusterPort}", routes: ["nats-route://127.0.0.1:${cluster[0].clusterPort}"] }`,
        ].join('\n'),
      );
      const intruder = start(
        bin,
        'intruder',
        path.join(intruderDir, 'intruder.conf'),
        intruderPorts,
      );
      await waitFor(() => /Authorization Violation/.test(intruder.log()), {
        description: `nats-1 refusing the intruder's route; its log:\n${intruder.log()}`,
      });
      expect(await routeNames(cluster[0])).toEqual(['nats-2', 'nats-3']);
      expect(await routeNames(intruder)).toEqual([]);
    },
    DEADLINE_MS,
  );
});
