import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsOptional, Matches, validateSync } from 'class-validator';
import { ConfigError } from './load-config';

const AGENCY = '(state-pm|dod|nsc|cia|treasury)';

/**
 * Agencies on their own leaf nodes (ADR 21), validated once at boot like
 * AppConfig; both unset (the default) is a single hub with no leaf nodes.
 */
export class LeafConfig {
  /**
   * Adapter: the NATS server at NATS_URL is the agency's own leaf node, with
   * JetStream in this domain (the agency's id). At boot the adapter makes
   * sure the leaf's streams exist (its outbox, the events the hub addresses
   * to it, its dead letters); it publishes and reads there, acknowledged by
   * its own JetStream whether the link to the hub is up or not.
   */
  @IsOptional()
  @Matches(new RegExp(`^${AGENCY}$`), {
    message: 'NATS_LEAF_DOMAIN must be the agency id (state-pm, dod, nsc, cia or treasury)',
  })
  NATS_LEAF_DOMAIN?: string;

  /**
   * Coordinator: the agencies that run a leaf node, comma-separated. The
   * hub's events stream sources each one's outbox (`$JS.<agency>.API`), its
   * dead-letter stream each one's dead letters.
   */
  @IsOptional()
  @Matches(new RegExp(`^${AGENCY}(\\s*,\\s*${AGENCY})*$`), {
    message: 'NATS_LEAF_AGENCIES must list agency ids, comma-separated',
  })
  NATS_LEAF_AGENCIES?: string;

  /** The hub's JetStream domain (default `hub`), as configured on the hub's nats-server. */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, {
    message: 'NATS_HUB_DOMAIN must be letters, digits, _ or -',
  })
  NATS_HUB_DOMAIN = 'hub';

  /** NATS_LEAF_AGENCIES as a list. */
  get leafAgencies(): string[] {
    return (this.NATS_LEAF_AGENCIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
}

export const LEAF_SETTINGS = ['NATS_LEAF_DOMAIN', 'NATS_LEAF_AGENCIES', 'NATS_HUB_DOMAIN'] as const;

/** Reads the leaf settings of an environment (normally `process.env`); throws a ConfigError listing every problem. */
export function loadLeafConfig(env: Record<string, string | undefined>): LeafConfig {
  const raw: Record<string, string> = {};
  for (const key of LEAF_SETTINGS) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(LeafConfig, raw, { exposeDefaultValues: true });
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
