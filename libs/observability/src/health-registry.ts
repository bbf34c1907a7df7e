import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A readiness check: resolves with its result, `down` when the part is not ready. */
export type HealthCheckFn = () => Promise<HealthIndicatorResult>;

/**
 * Where each module registers the checks of the parts it owns (the NATS
 * connection and consumer lag, the database...), so `/health` reports them
 * all without knowing them.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheckFn>();

  register(key: string, check: HealthCheckFn): void {
    this.checks.set(key, check);
  }

  all(): HealthCheckFn[] {
    return [...this.checks.values()];
  }
}
