import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './cli.errors';

/**
 * The CLI's configuration. This is the only file of apps/cli that reads
 * `process.env` (`processEnvironment`): the CLI is a separate program that does
 * not boot Nest, so it cannot use libs/config, where every service reads its
 * environment. Everything else receives the resolved `CliConfig`.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_API_URL = 'http://127.0.0.1:3000';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_NAMESPACE = 'icb';

export interface CliConfig {
  apiUrl: string;
  /** NATS server URLs (comma-separated in `--nats` / `NATS_URL`). */
  natsServers: string[];
  natsUser?: string;
  natsPassword?: string;
  natsInboxPrefix?: string;
  /** The `Authorization` header for the coordinator (ICB_TOKEN, or ICB_USER and ICB_PASSWORD). */
  authorization?: string;
  /** Who signs in, for messages. */
  signedInAs?: string;
  /** First subject token: `icb` in production (`icb.evt.…`). */
  namespace: string;
  json: boolean;
  color: boolean;
  /** Print stack traces of unexpected errors (`ICB_DEBUG=1`). */
  debug: boolean;
}

/** The global options, as commander parsed them. */
export interface GlobalOptions {
  api?: string;
  nats?: string;
  json?: boolean;
  /** `--no-color` sets it to false. */
  color?: boolean;
}

/**
 * The operator credentials of a local stack started by `npm start`, which
 * writes its NATS users' passwords (mode 0600) to `.local/stack/nats-users.json`
 * at the repository root. Used only when NATS_USER is not set.
 */
function localStackCredentials(): Record<string, string> {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, '.local', 'stack', 'nats-users.json');
    if (fs.existsSync(file)) {
      try {
        const passwords = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
        if (passwords.operator) {
          return {
            NATS_USER: 'operator',
            NATS_PASSWORD: passwords.operator,
            NATS_INBOX_PREFIX: '_INBOX_operator',
          };
        }
      } catch {
        return {};
      }
    }
    dir = path.dirname(dir);
  }
  return {};
}

/**
 * The sign-in of a local stack started by `npm start`, which writes its
 * operator accounts' passwords (mode 0600) to
 * `.local/stack/operator-credentials.json`: ICB_USER's (default `officer`).
 * Used only when neither ICB_TOKEN nor ICB_PASSWORD is set.
 */
function localStackSignIn(user: string | undefined): Record<string, string> {
  const found = findUp(path.join('.local', 'stack', 'operator-credentials.json'));
  if (!found) return {};
  try {
    const doc = JSON.parse(fs.readFileSync(found, 'utf8')) as {
      accounts?: { username: string; secret: string; kind: string }[];
    };
    const username = user ?? 'officer';
    const account = doc.accounts?.find((a) => a.username === username && a.kind === 'person');
    return account ? { ICB_USER: username, ICB_PASSWORD: account.secret } : {};
  } catch {
    return {};
  }
}

function findUp(relative: string): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, relative);
    if (fs.existsSync(file)) return file;
    dir = path.dirname(dir);
  }
  return undefined;
}

/** The process environment; the one place the CLI reads it. */
export function processEnvironment(): Environment {
  const env = process.env;
  const nats = env.NATS_USER ? {} : localStackCredentials();
  const signIn = env.ICB_TOKEN || env.ICB_PASSWORD ? {} : localStackSignIn(env.ICB_USER);
  return { ...nats, ...signIn, ...env, ...(signIn.ICB_USER ? signIn : {}) };
}

const NAMESPACE = /^[a-z][a-z0-9]{0,15}$/;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function httpUrl(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${from} is not a URL: "${value}"`, 'give it like http://127.0.0.1:3000');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `${from} must be an http(s) URL: "${value}"`,
      'e.g. http://127.0.0.1:3000',
    );
  }
  return value.replace(/\/+$/, '');
}

function natsUrls(value: string, from: string): string[] {
  const urls = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const u of urls) {
    if (!/^(nats|tls|ws|wss):\/\/\S+$/.test(u)) {
      throw new UsageError(`${from} must look like nats://host:port: "${u}"`);
    }
  }
  if (urls.length === 0) throw new UsageError(`${from} is empty`);
  return urls;
}

/**
 * Options win over the environment, the environment over the defaults.
 * `interactive`: whether stdout is a terminal (colour is on only then, unless
 * FORCE_COLOR is set; NO_COLOR and `--no-color` turn it off).
 */
export function resolveConfig(
  options: GlobalOptions,
  env: Environment,
  interactive: boolean,
): CliConfig {
  const apiFrom = options.api !== undefined ? '--api' : 'ICB_API_URL';
  const natsFrom = options.nats !== undefined ? '--nats' : 'NATS_URL';
  const namespace = nonEmpty(env.BUS_NAMESPACE) ?? DEFAULT_NAMESPACE;
  if (!NAMESPACE.test(namespace)) {
    throw new UsageError(
      `BUS_NAMESPACE must be 1-16 lower-case letters or digits, got "${namespace}"`,
    );
  }
  const json = options.json === true;
  const forced = nonEmpty(env.FORCE_COLOR) !== undefined && env.FORCE_COLOR !== '0';
  const color =
    !json &&
    options.color !== false &&
    nonEmpty(env.NO_COLOR) === undefined &&
    (interactive || forced);
  return {
    apiUrl: httpUrl(nonEmpty(options.api) ?? nonEmpty(env.ICB_API_URL) ?? DEFAULT_API_URL, apiFrom),
    natsServers: natsUrls(
      nonEmpty(options.nats) ?? nonEmpty(env.NATS_URL) ?? DEFAULT_NATS_URL,
      natsFrom,
    ),
    natsUser: nonEmpty(env.NATS_USER),
    natsPassword: nonEmpty(env.NATS_PASSWORD),
    natsInboxPrefix: nonEmpty(env.NATS_INBOX_PREFIX),
    ...authorizationOf(env),
    namespace,
    json,
    color,
    debug: nonEmpty(env.ICB_DEBUG) !== undefined && env.ICB_DEBUG !== '0',
  };
}

/** ICB_TOKEN (Bearer) wins; otherwise ICB_USER and ICB_PASSWORD (Basic). */
function authorizationOf(env: Environment): Pick<CliConfig, 'authorization' | 'signedInAs'> {
  const token = nonEmpty(env.ICB_TOKEN);
  if (token) return { authorization: `Bearer ${token}`, signedInAs: 'the token in ICB_TOKEN' };
  const user = nonEmpty(env.ICB_USER);
  const password = env.ICB_PASSWORD;
  if (password !== undefined && password !== '') {
    if (!user) throw new UsageError('ICB_PASSWORD is set without ICB_USER');
    return {
      authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`,
      signedInAs: user,
    };
  }
  return {};
}
