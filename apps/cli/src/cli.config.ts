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
  /**
   * A JSON file of NATS user → password (a local stack's nats-users.json): a
   * message is published as its party's own user, `<agency>-adapter`.
   * NATS_USER, when set, wins.
   */
  natsUsersFile?: string;
  /** NATS_TLS_CA_FILE: connect with TLS, verifying the server against this CA (ICB_NATS_TLS=1 npm start: `.local/stack/nats-tls/ca.pem`). */
  natsTlsCaFile?: string;
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
 * The NATS users' passwords of a local stack started by `npm start` (mode
 * 0600, `.local/stack/nats-users.json` at the repository root). `icb` publishes
 * an agency's message as that agency's own NATS user (`<agency>-adapter`)
 * read from it, never as an all-powerful operator (ADR 17). Used only when
 * neither NATS_USER nor ICB_NATS_USERS_FILE is set.
 */
function localStackNatsUsers(): Record<string, string> {
  const found = findUp(path.join('.local', 'stack', 'nats-users.json'));
  return found ? { ICB_NATS_USERS_FILE: found } : {};
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
  const nats = env.NATS_USER || env.ICB_NATS_USERS_FILE ? {} : localStackNatsUsers();
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
    natsUsersFile: nonEmpty(env.ICB_NATS_USERS_FILE),
    natsTlsCaFile: nonEmpty(env.NATS_TLS_CA_FILE),
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

/** Who `icb` connects to NATS as, to publish one party's message. */
export interface NatsIdentity {
  user?: string;
  pass?: string;
  inboxPrefix?: string;
}

/**
 * The NATS identity that publishes `party`'s message: NATS_USER's when set
 * (the server decides whether it may), else `<party>-adapter` from the users
 * file, else none (a server without users). Nobody but the coordinator
 * publishes as the coordinator: asked to, `icb` refuses before connecting.
 */
export function natsIdentityFor(config: CliConfig, party: string): NatsIdentity {
  if (party === 'coordinator') {
    throw new UsageError(
      'icb does not publish as the coordinator',
      'the coordinator publishes its own events; ask it through its API (e.g. icb dlq replay, icb clock)',
    );
  }
  if (config.natsUser) {
    return {
      user: config.natsUser,
      pass: config.natsPassword,
      ...(config.natsInboxPrefix ? { inboxPrefix: config.natsInboxPrefix } : {}),
    };
  }
  if (!config.natsUsersFile) return {};
  const user = `${party}-adapter`;
  let passwords: Record<string, unknown>;
  try {
    passwords = JSON.parse(fs.readFileSync(config.natsUsersFile, 'utf8')) as Record<
      string,
      unknown
    >;
  } catch (error) {
    throw new UsageError(
      `cannot read the NATS users file ${config.natsUsersFile}: ${
        error instanceof Error ? error.message : String(error)
      }`,
      'set NATS_USER and NATS_PASSWORD to the publishing agency’s own credentials',
    );
  }
  const pass = passwords?.[user];
  if (typeof pass !== 'string' || pass === '') {
    throw new UsageError(
      `no NATS password for ${user} in ${config.natsUsersFile}`,
      'set NATS_USER and NATS_PASSWORD to the publishing agency’s own credentials',
    );
  }
  return { user, pass, inboxPrefix: `_INBOX_${user}` };
}
