import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';

/**
 * Secrets that may come from a file instead (`<NAME>_FILE`, the Docker
 * secrets convention): the file's content, without its trailing newline.
 */
export const FILE_SETTINGS = [
  'NATS_PASSWORD',
  'SESSION_SECRET',
  'COORDINATOR_TOKEN',
  'SIGNING_KEY',
  'AGENCY_KEYS',
] as const;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Builds the typed configuration from an environment (normally
 * `process.env`) and per-service defaults. Throws a ConfigError that lists
 * every problem at once.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  defaults: Partial<Record<keyof AppConfig, string | number>> = {},
): AppConfig {
  const known = Object.keys(new AppConfig()).concat([
    'NATS_USER',
    'NATS_PASSWORD',
    'NATS_INBOX_PREFIX',
    'NATS_TLS_CA_FILE',
    'SANCTIONS_LIST_DIR',
    'OPERATORS_FILE',
    'OPERATORS',
    'SESSION_SECRET',
    'COORDINATOR_TOKEN',
    'WEBHOOK_ALLOWED_TARGETS',
    'SIGNING_KEY',
    'AGENCY_KEYS',
    'AGENCY_SIGNING_KEYS',
    'ADAPTER_AUTH_JWKS_URL',
    'ADAPTER_AUTH_JWKS_FILE',
    'ADAPTER_AUTH_JWKS',
    'ADAPTER_AUTH_ISSUER',
    'ADAPTER_AUTH_AUDIENCE',
    'ADAPTER_TOKEN_ISSUER_KEY_FILE',
    'ADAPTER_CLIENTS_FILE',
  ]);
  const raw: Record<string, unknown> = { ...defaults };
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const fileProblems: string[] = [];
  for (const key of FILE_SETTINGS) {
    const file = env[`${key}_FILE`];
    if (file === undefined || file === '') continue;
    if (raw[key] !== undefined) {
      fileProblems.push(`${key} and ${key}_FILE are both set: keep one`);
      continue;
    }
    try {
      raw[key] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      fileProblems.push(`${key}_FILE=${JSON.stringify(file)}: ${(error as Error).message}`);
    }
  }
  if (fileProblems.length > 0) throw new ConfigError(fileProblems);
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map(
          (m) => `${e.property}=${JSON.stringify(e.value)}: ${m}`,
        ),
      ),
    );
  }
  return config;
}
