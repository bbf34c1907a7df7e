import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { nanos } from '@nats-io/nats-core';
import { AppConfig } from '@icb/config';
import { MESSAGING_OPTIONS, MessagingOptions, NatsConnectionProvider } from '@icb/messaging';

/** Failed sign-ins for one username before it is refused for a while (ADR 8). */
export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

export class TooManySignInsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins: try again in ${retryAfterSeconds} s`);
  }
}

/** The shared lock-out table cannot be read or written: sign-in fails closed (503). */
export class SignInUnavailableError extends Error {
  readonly retryAfterSeconds = 5;
  constructor(reason: string) {
    super(`sign-in is unavailable for a moment (${reason}): try again shortly`);
  }
}

// ------------------------------------------------------------ the rule, pure

/** The failures (ms since the epoch) still inside the window at `nowMs`, oldest first. */
export function recentFailures(failures: readonly number[], nowMs: number): number[] {
  return failures
    .filter(
      (t) => Number.isFinite(t) && t > nowMs - FAILED_SIGN_IN_WINDOW_MS && t <= nowMs + 60_000,
    )
    .sort((a, b) => a - b);
}

/** Seconds the username stays refused, or 0 when it may try. */
export function lockedOutForSeconds(failures: readonly number[], nowMs: number): number {
  const recent = recentFailures(failures, nowMs);
  if (recent.length < MAX_FAILED_SIGN_INS) return 0;
  // Refused until the oldest of the last MAX failures leaves the window.
  const oldest = recent[recent.length - MAX_FAILED_SIGN_INS];
  return Math.max(1, Math.ceil((oldest + FAILED_SIGN_IN_WINDOW_MS - nowMs) / 1000));
}

/** The list after one more failure: only what the rule needs (at most MAX entries). */
export function withFailure(failures: readonly number[], nowMs: number): number[] {
  return [...recentFailures(failures, nowMs), nowMs].slice(-MAX_FAILED_SIGN_INS);
}

/**
 * The key a username is counted under: a digest, so any username (however
 * long, whatever its characters) makes one short, valid key, and the table
 * does not hold the names people mistype (passwords, often).
 */
export function failureKey(username: string): string {
  return createHash('sha256').update(`icb-sign-in\0${username}`, 'utf8').digest('hex');
}

// ------------------------------------------------------------ the store

/** Where failed sign-ins are counted: shared by every coordinator instance. */
export interface FailedSignInStore {
  /** The username's failures inside the window (SignInUnavailableError when unreadable). */
  failuresOf(username: string, nowMs: number): Promise<number[]>;
  /** Counts one failure; answers the failures inside the window, this one included. */
  recordFailure(username: string, nowMs: number): Promise<number[]>;
  /** Forgets the username's failures (after a successful sign-in). */
  clear(username: string): Promise<void>;
}

export const FAILED_SIGN_IN_STORE = Symbol('FAILED_SIGN_IN_STORE');

/**
 * The bucket of failed sign-ins: `<NAMESPACE>_COORDINATOR_SIGN_IN`, stream
 * `KV_<bucket>`. scripts/lib/nats-auth.js (coordinatorSignInBucketFor) names
 * it the same: only the coordinator's NATS user may use it.
 */
export function coordinatorSignInBucket(namespace: string): string {
  return `${namespace.toUpperCase()}_COORDINATOR_SIGN_IN`;
}

/** Bytes of one value: at most MAX timestamps of 13 digits, as JSON. */
const MAX_VALUE_BYTES = 256;
const WRITE_ATTEMPTS = 5;

/**
 * The bucket's stream: one value per username (history 1), each gone
 * FAILED_SIGN_IN_WINDOW_MS after its last failure (max_age), and at most
 * SIGN_IN_LOCKOUT_MAX_KEYS values (max_msgs, max_bytes; the oldest go first),
 * so a flood of distinct usernames cannot grow it.
 */
export function signInStreamConfig(
  bucket: string,
  maxKeys: number,
  replicas = 1,
): Partial<StreamConfig> & { name: string } {
  return {
    name: `KV_${bucket}`,
    subjects: [`$KV.${bucket}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
    max_msgs_per_subject: 1,
    max_msgs: maxKeys,
    max_bytes: maxKeys * (MAX_VALUE_BYTES + 256),
    max_msg_size: MAX_VALUE_BYTES,
    max_age: nanos(FAILED_SIGN_IN_WINDOW_MS),
    duplicate_window: nanos(Math.min(120_000, FAILED_SIGN_IN_WINDOW_MS)),
    discard: DiscardPolicy.Old,
    allow_rollup_hdrs: true,
    allow_direct: true,
    deny_delete: true,
    deny_purge: false,
  };
}

/**
 * Failed sign-ins in a NATS KV bucket the coordinator owns (ADR 8): every
 * instance counts into the same table, so ten failures spread over several
 * coordinators lock the username on all of them. Writes are compare-and-set
 * on the key's revision (two instances failing at once both count). When
 * NATS cannot answer, sign-in fails closed (503), never falls back to memory.
 */
@Injectable()
export class KvFailedSignIns implements FailedSignInStore, OnModuleInit {
  private readonly log = new Logger('FailedSignIns');
  readonly bucket: string;
  private readonly maxKeys: number;
  private readonly replicas: number;
  private kvOpen?: KV;

  constructor(
    private readonly nats: NatsConnectionProvider,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    config: AppConfig,
  ) {
    this.bucket = coordinatorSignInBucket(messaging.namespace);
    this.maxKeys = config.SIGN_IN_LOCKOUT_MAX_KEYS;
    this.replicas = messaging.replicas ?? 1;
  }

  async onModuleInit(): Promise<void> {
    await this.nats.connect();
    const wanted = signInStreamConfig(this.bucket, this.maxKeys, this.replicas);
    const jsm = this.nats.manager;
    try {
      const info = await jsm.streams.info(wanted.name);
      const c = info.config;
      if (
        c.max_msgs !== wanted.max_msgs ||
        c.max_age !== wanted.max_age ||
        c.discard !== wanted.discard ||
        c.max_bytes !== wanted.max_bytes
      ) {
        // Only the limits: the replicas of an existing bucket are the operator's.
        await jsm.streams.update(wanted.name, { ...c, ...wanted, num_replicas: c.num_replicas });
        this.log.log(`updated the limits of KV bucket ${this.bucket}`);
      }
    } catch (error) {
      if (!/stream not found/i.test((error as Error).message)) throw error;
      await jsm.streams.add(wanted);
    }
    this.kvOpen = await new Kvm(this.nats.js).open(this.bucket, { allow_direct: true });
  }

  /** How many usernames the bucket holds now (values and delete markers). */
  async keyCount(): Promise<number> {
    return (await this.kv().status()).values;
  }

  async failuresOf(username: string, nowMs: number): Promise<number[]> {
    const entry = await this.read(username);
    return recentFailures(entry.failures, nowMs);
  }

  async recordFailure(username: string, nowMs: number): Promise<number[]> {
    const key = failureKey(username);
    let lastError: unknown;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const current = await this.read(username);
      const next = withFailure(current.failures, nowMs);
      try {
        const value = JSON.stringify(next);
        if (current.revision === 0) await this.kv().create(key, value);
        else await this.kv().update(key, value, current.revision);
        return next;
      } catch (error) {
        lastError = error; // another instance wrote first: read again
      }
    }
    throw new SignInUnavailableError(
      `could not count a failed sign-in: ${(lastError as Error)?.message ?? 'conflict'}`,
    );
  }

  async clear(username: string): Promise<void> {
    const key = failureKey(username);
    try {
      const entry = await this.kv().get(key);
      if (entry && entry.operation === 'PUT') await this.kv().delete(key);
    } catch (error) {
      // A stale count only delays the next lock-out check's reset; not worth a 503.
      this.log.warn(`could not clear failed sign-ins: ${(error as Error).message}`);
    }
  }

  private async read(username: string): Promise<{ failures: number[]; revision: number }> {
    if (!this.nats.status().connected) throw new SignInUnavailableError('NATS is not connected');
    let entry;
    try {
      entry = await this.kv().get(failureKey(username));
    } catch (error) {
      throw new SignInUnavailableError((error as Error).message);
    }
    if (!entry) return { failures: [], revision: 0 };
    if (entry.operation !== 'PUT') return { failures: [], revision: entry.revision };
    let failures: unknown;
    try {
      failures = JSON.parse(entry.string());
    } catch {
      failures = [];
    }
    return {
      failures: Array.isArray(failures) ? failures.filter((t) => typeof t === 'number') : [],
      revision: entry.revision,
    };
  }

  private kv(): KV {
    if (!this.kvOpen) throw new SignInUnavailableError(`KV bucket ${this.bucket} is not open`);
    return this.kvOpen;
  }
}
