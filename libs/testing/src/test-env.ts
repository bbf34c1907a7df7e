import { randomBytes } from 'node:crypto';
import { testOperators } from './operators';
import { testAdapterAuthEnv } from './agency-tokens';
import { testAgencyKeys } from './test-keys';

/** A bus namespace of its own for one test: subjects `t….evt.>`, streams `T…_EVENTS`. */
export function uniqueNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** A database name of its own for one test. */
export function uniqueDatabase(prefix = 'test'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** NATS URL of the server the Jest global setup started (or the one given). */
export function natsUrl(): string {
  const url = process.env.NATS_URL;
  if (!url)
    throw new Error(
      'NATS_URL is not set: run integration tests through jest (global setup starts the servers)',
    );
  return url;
}

/** MongoDB URL for a database of its own. */
export function mongoUrl(database = uniqueDatabase()): string {
  const base = process.env.MONGO_URL;
  if (!base)
    throw new Error(
      'MONGO_URL is not set: run integration tests through jest (global setup starts the servers)',
    );
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * An environment for a service under test: the test servers, a namespace of
 * its own, the test operator accounts (testOperators) and the agencies'
 * test signing keys (testAgencyKeys).
 */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const operators = testOperators();
  return {
    OPERATORS: operators.accountsJson,
    SESSION_SECRET: operators.sessionSecret,
    COORDINATOR_TOKEN: operators.serviceToken,
    NATS_URL: natsUrl(),
    MONGO_URL: mongoUrl(),
    BUS_NAMESPACE: uniqueNamespace(),
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
    // The adapters trust the test issuer's tokens (asAgency, agencyToken): ADR 18.
    ...testAdapterAuthEnv(),
    // The agencies' public keys (the coordinator verifies with them) and each
    // agency's private key (each adapter signs with its own): ADR 15.
    AGENCY_KEYS: JSON.stringify(testAgencyKeys().registry),
    AGENCY_SIGNING_KEYS: JSON.stringify(testAgencyKeys().privateJwks),
    ...overrides,
  };
}
