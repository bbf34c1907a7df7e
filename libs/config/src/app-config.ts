import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every setting a service reads, validated once at boot. Nothing else in the
 * code base reads `process.env`. Every variable is listed in `.env.example`.
 */
export class AppConfig {
  /**
   * NATS server URL(s), comma-separated: every server of a cluster (the
   * client picks one and moves to another when it is lost).
   */
  @IsString()
  @Matches(/^(nats|tls|ws|wss):\/\/[^\s,]+(\s*,\s*(nats|tls|ws|wss):\/\/[^\s,]+)*$/, {
    message: 'NATS_URL must look like nats://host:port (several: comma-separated)',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  /**
   * Replicas of the JetStream streams and KV buckets this service creates
   * when they are missing: 1 on a single server, 3 on a three-server cluster
   * (`npm run start:cluster`). An existing stream keeps the replicas an
   * operator gave it.
   */
  @Type(() => Number)
  @IsInt()
  @IsIn([1, 3, 5], { message: 'NATS_REPLICAS must be 1, 3 or 5' })
  NATS_REPLICAS = 1;

  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  NATS_PASSWORD?: string;

  /**
   * Prefix of this connection's reply subjects. With per-service NATS users
   * (scripts/lib/nats-auth.js) each user may only read `_INBOX_<user>.>`.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'NATS_INBOX_PREFIX must be letters, digits, _ or -',
  })
  NATS_INBOX_PREFIX?: string;

  /**
   * A CA certificate (PEM) to verify the NATS server's certificate with: set,
   * the connection uses TLS (a server started with `tls: true` by
   * scripts/lib/infra.js requires it; ADR 17).
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  NATS_TLS_CA_FILE?: string;

  /** MongoDB connection string, with the database name in its path. */
  @IsString()
  @Matches(/^mongodb(\+srv)?:\/\/[^\s]+$/, {
    message: 'MONGO_URL must look like mongodb://host:port/db',
  })
  MONGO_URL = 'mongodb://127.0.0.1:27017/icb';

  @IsString()
  HTTP_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 3000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Most messages a consumer works on at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  MESSAGING_MAX_IN_FLIGHT = 64;

  /** How long JetStream waits for an ack before it redelivers (ms). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  MESSAGING_ACK_WAIT_MS = 30_000;

  /**
   * Deliveries before a message whose handler keeps failing with an
   * unexpected error (a bug) goes to the dead-letter stream (MAX_DELIVERIES).
   * Transient failures (a dependency slow or away) are retried without limit
   * and never use these up; invalid or refused messages are dead-lettered at
   * once (ADR 10).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  MESSAGING_MAX_DELIVER = 8;

  /**
   * How far an agency's envelope `time` may lie after the moment the bus
   * stored the message (ms): beyond it the sender's clock is wrong (2099) and
   * the message is dead-lettered (IMPLAUSIBLE_TIME) instead of applied.
   */
  @Type(() => Number)
  @IsInt()
  @Min(60_000)
  MESSAGING_ENVELOPE_MAX_FUTURE_MS = 24 * 3_600_000;

  /**
   * How far an agency's envelope `time` may lie before the moment the bus
   * stored the message (ms): beyond it (1970) the message is dead-lettered
   * (IMPLAUSIBLE_TIME). A year by default, so a dead letter replayed months
   * later is still accepted.
   */
  @Type(() => Number)
  @IsInt()
  @Min(60_000)
  MESSAGING_ENVELOPE_MAX_AGE_MS = 366 * 24 * 3_600_000;

  /** How often the coordinator looks for due clocks (ms); 0 turns the timer off (tests tick by hand). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  CLOCK_TICK_MS = 1000;

  /**
   * Lets the coordinator's clock be moved forward over HTTP (`POST
   * /dev/clock/advance`), to watch 30-day review periods and deemed
   * concurrence on a local stack. `npm start` turns it on; never in production.
   */
  @IsIn(['true', 'false'])
  DEV_CLOCK: 'true' | 'false' = 'false';

  /**
   * The bus namespace: the first token of every subject (`icb.evt.…`) and the
   * prefix of every stream (`ICB_EVENTS`). Only tests change it, to run
   * isolated from each other on one server.
   */
  @IsString()
  @Matches(/^[a-z][a-z0-9]{0,15}$/, {
    message: 'BUS_NAMESPACE must be 1-16 lower-case letters or digits',
  })
  BUS_NAMESPACE = 'icb';

  /** Where an agency adapter finds the coordinator's REST API (its agency's queue, one consultation). */
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'COORDINATOR_URL must look like http://host:port',
  })
  COORDINATOR_URL = 'http://127.0.0.1:3000';

  /**
   * Treasury adapter: the folder holding the sanctions list's `SDN.CSV` and
   * (optional, strongly recommended) `ALT.CSV`. Relative paths resolve from
   * the working directory. Unset: the shipped FICTITIOUS sample,
   * `apps/treasury-adapter/data`, found from the code's location (src or dist).
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SANCTIONS_LIST_DIR?: string;

  /** Treasury adapter: the list's name, recorded with every screening (`SDN`, `SSI`, ...). */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  SANCTIONS_LIST_NAME = 'OFAC SDN (fictitious sample)';

  /**
   * Treasury adapter: the list's publication date on OFAC's site, `YYYY-MM-DD`
   * (or OFAC's `MM/DD/YYYY`), recorded with every screening. Never the
   * download date: the CSV files carry no date of their own.
   */
  @IsString()
  @Matches(/^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/, {
    message: 'SANCTIONS_LIST_VERSION_DATE must be YYYY-MM-DD (or MM/DD/YYYY)',
  })
  SANCTIONS_LIST_VERSION_DATE = '2025-03-01';

  // ------------------------------------------------ signed positions (ADR 15)

  /**
   * An agency adapter: its agency's private signing key, an Ed25519 JWK with
   * its `kid` (or SIGNING_KEY_FILE, the file `npm start` writes to
   * `.local/stack/keys/<agency>.private.jwk`). Every message it publishes is
   * signed with it; the coordinator refuses an agency's unsigned message.
   */
  @IsOptional()
  @IsString()
  @MinLength(2)
  SIGNING_KEY?: string;

  /**
   * Coordinator: the agencies' registered public keys, a JWK Set whose keys
   * carry `kid`, `agency`, `effectiveFrom` and optionally `effectiveUntil`
   * (or AGENCY_KEYS_FILE, `.local/stack/keys/agency-keys.json` on a local
   * stack). Unset: no key is registered and every agency message is refused
   * (UNKNOWN_SIGNING_KEY or SIGNATURE_MISSING). An adapter given it verifies
   * the agencies' messages addressed to it too.
   */
  @IsOptional()
  @IsString()
  @MinLength(2)
  AGENCY_KEYS?: string;

  /**
   * Tests only: a JSON map party → private JWK, so one environment serves
   * every service (each signs with its own party's key). SIGNING_KEY wins.
   */
  @IsOptional()
  @IsString()
  @MinLength(2)
  AGENCY_SIGNING_KEYS?: string;

  // ------------------------------------------------ operators' sign-in (ADR 8)

  /**
   * Coordinator: the operator accounts file (JSON, hashes only; see
   * scripts/lib/operators.js). The coordinator does not start without
   * accounts: nothing but `/health` is served without sign-in.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  OPERATORS_FILE?: string;

  /** Coordinator: the same accounts inline, as JSON (tests, or one-account setups); wins over OPERATORS_FILE. */
  @IsOptional()
  @IsString()
  @MinLength(2)
  OPERATORS?: string;

  /**
   * Coordinator: the key that signs session tokens (at least 32 characters).
   * Every coordinator instance needs the same one. Unset: a random key per
   * process, so sessions end when it restarts.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET?: string;

  /** Coordinator: how long a sign-in lasts (minutes). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  SESSION_TTL_MINUTES = 480;

  /**
   * Coordinator: sign-in attempts (`POST /auth/login`) one client address may
   * make per minute, whatever the usernames; more get 429. 0 turns it off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  SIGN_IN_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * Coordinator: how many usernames the shared table of failed sign-ins (a
   * NATS KV bucket, ADR 8) holds at most; the oldest go first.
   */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(10_000_000)
  SIGN_IN_LOCKOUT_MAX_KEYS = 10_000;

  /**
   * Agency adapter: writes (POST, PUT, PATCH, DELETE) one client address may
   * send per minute; more get 429. 0 turns it off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  WRITE_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Agency adapter: how long an answer that publishes waits for the
   * coordinator's verdict (ms) before it answers 202 with a status URL
   * (ADR 11); 0 never waits.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  VERDICT_TIMEOUT_MS = 5_000;

  /** Agency adapter: its service account's API token for the coordinator's REST API. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'COORDINATOR_TOKEN must be at least 32 characters' })
  COORDINATOR_TOKEN?: string;

  /**
   * Agency adapter: where its webhooks may go, comma-separated origins
   * (`https://hooks.dod.example.mil`), URL prefixes
   * (`https://dod-systems.example.mil/hooks/`) or `loopback` (development).
   * Unset: no webhook subscription is accepted. Targets resolving to
   * link-local or cloud-metadata addresses are refused unless an entry names
   * the IP address itself. See libs/agency-adapter/src/webhooks/webhook-targets.ts.
   */
  @IsOptional()
  @IsString()
  WEBHOOK_ALLOWED_TARGETS?: string;

  /**
   * Agency adapter: the highest level the agency's systems may read through
   * it (its accreditation). Content of a consultation or an assessment marked
   * above it is withheld on every read path (REST, webhooks).
   */
  @IsIn(['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'])
  AGENCY_CLEARANCE: 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET' = 'TOP SECRET';

  // ------------------------------ agency systems at the adapter edge (ADR 18)

  /** Agency adapter: the JWKS of the agency's identity provider (an https URL, fetched and cached). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'ADAPTER_AUTH_JWKS_URL must be an http(s) URL' })
  ADAPTER_AUTH_JWKS_URL?: string;

  /** Agency adapter: a JWKS file (JSON `{ "keys": [...] }`) to verify access tokens with. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ADAPTER_AUTH_JWKS_FILE?: string;

  /** Agency adapter: the same JWKS inline, as JSON (tests). */
  @IsOptional()
  @IsString()
  @MinLength(2)
  ADAPTER_AUTH_JWKS?: string;

  /** Agency adapter: the `iss` its access tokens must carry. Unset: `urn:icb:<agency>-adapter`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ADAPTER_AUTH_ISSUER?: string;

  /** Agency adapter: the `aud` its access tokens must carry. Unset: `icb:<agency>-adapter`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ADAPTER_AUTH_AUDIENCE?: string;

  /** Agency adapter: leeway on `exp`, `nbf` and `iat` (seconds). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  ADAPTER_AUTH_CLOCK_TOLERANCE_SECONDS = 30;

  /**
   * Agency adapter: the private JWK (EdDSA or ES256, with `kid`) this adapter
   * signs tokens with at `POST /oauth/token`, for a deployment without an
   * identity provider (`npm start`, compose). With ADAPTER_CLIENTS_FILE.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ADAPTER_TOKEN_ISSUER_KEY_FILE?: string;

  /** Agency adapter: the OAuth2 clients `POST /oauth/token` knows (ids, secret hashes, scopes). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ADAPTER_CLIENTS_FILE?: string;

  /** Agency adapter: how long a token from `POST /oauth/token` lasts (seconds). */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ADAPTER_TOKEN_TTL_SECONDS = 900;
}
