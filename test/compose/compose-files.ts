import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml (and its override docker-compose.cluster.yml) as the
// containers see them, read without Docker by the compose specs.

export const ROOT = path.resolve(__dirname, '..', '..');
export const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');
export const CLUSTER_COMPOSE_FILE = path.join(ROOT, 'docker-compose.cluster.yml');

export interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  networks?: Record<string, { aliases?: string[] } | null>;
  healthcheck?: { test: string[] };
  network_mode?: string;
}

export type ComposeServices = Record<string, ComposeService>;

function readServices(file: string): ComposeServices {
  const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as {
    services: ComposeServices;
  };
  return compose.services;
}

/** The container path of a `source:target[:mode]` volume entry. */
export function mountTarget(volume: string): string {
  return volume.split(':')[1];
}

/**
 * Merges an override service into a base one the way Compose does: maps
 * (environment, depends_on, networks) key by key, volumes by their container
 * path, every other setting replaced.
 */
function mergeService(base: ComposeService, override: ComposeService): ComposeService {
  const merged: ComposeService = { ...base, ...override };
  for (const key of ['environment', 'depends_on', 'networks'] as const) {
    if (base[key] || override[key]) {
      Object.assign(merged, { [key]: { ...base[key], ...override[key] } });
    }
  }
  if (base.volumes || override.volumes) {
    const byTarget = new Map<string, string>();
    for (const volume of [...(base.volumes ?? []), ...(override.volumes ?? [])]) {
      byTarget.set(mountTarget(volume), volume);
    }
    merged.volumes = [...byTarget.values()];
  }
  return merged;
}

/** The services of docker-compose.yml, with each override file merged in order. */
export function composeServices(...overrides: string[]): ComposeServices {
  const services = readServices(COMPOSE_FILE);
  for (const file of overrides) {
    for (const [name, service] of Object.entries(readServices(file))) {
      services[name] = services[name] ? mergeService(services[name], service) : service;
    }
  }
  return services;
}

/**
 * A compose service's environment as its container sees it, with paths under
 * its volume mounts moved to where `init` (run on secretsDir) wrote them, and
 * `${VAR:-default}` given its default.
 */
export function containerEnvironment(
  services: ComposeServices,
  service: string,
  secretsDir: string,
): Record<string, string> {
  const init = services.init;
  const initDir = init.command![init.command!.indexOf('/scripts/compose-init.js') + 1];
  /** volume name → the folder under secretsDir that init writes it as */
  const written = new Map<string, string>();
  for (const volume of init.volumes ?? []) {
    const [name, target] = volume.split(':');
    if (target === initDir || target.startsWith(`${initDir}/`)) {
      written.set(name, path.join(secretsDir, path.posix.relative(initDir, target)));
    }
  }
  const mounts = (services[service].volumes ?? []).map((v) => v.split(':'));
  const env: Record<string, string> = {};
  for (const [key, raw] of Object.entries(services[service].environment ?? {})) {
    let value = String(raw).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
    for (const [name, target] of mounts) {
      const local = written.get(name);
      if (local && value.startsWith(`${target}/`)) {
        value = path.join(local, value.slice(target.length + 1));
      }
    }
    env[key] = value;
  }
  return env;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('../../scripts/lib/infra.js') as {
  resolveNats(): Promise<{ kind: string; bin?: string }>;
};

/** The pinned nats-server binary, found without the test run's shared server. */
export async function natsServerBin(): Promise<string> {
  const shared = process.env.NATS_URL;
  delete process.env.NATS_URL;
  try {
    return (await infra.resolveNats()).bin!;
  } finally {
    if (shared !== undefined) process.env.NATS_URL = shared;
  }
}
