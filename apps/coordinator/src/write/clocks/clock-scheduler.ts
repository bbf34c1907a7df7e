import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { derivedEventId } from '@icb/messaging';
import { HealthRegistry, METRICS_REGISTRY } from '@icb/observability';
import { fireDueClocks } from '../consultations/consultation.aggregate';
import type { Consultation } from '../consultations/consultation.model';
import { ConsultationView } from '../consultations/consultation-view';
import { ConsultationsService } from '../consultations/consultations.service';
import { Clock } from '../../time/clock';

export const CLOCK_TICK_MS = Symbol('CLOCK_TICK_MS');
/** Optional: the wall time (ms) the backoff of failing clocks runs on (tests). */
export const WALL_CLOCK = Symbol('WALL_CLOCK');

/** Ticks between rebuilds of the index from the read model, and between outbox sweeps. */
const RESCAN_EVERY_TICKS = 60;
const SWEEP_EVERY_TICKS = 300;
/** Backoff of a consultation whose clocks failed to fire: 1 s, 2 s, 4 s, ... up to 5 min (wall time). */
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** Reported (logged as an alert, on /health) after this many failed attempts in a row. */
const REPORT_AFTER_ATTEMPTS = 3;

/** A consultation whose clocks could not fire, and when it is tried again. */
export interface StuckClocks {
  id: string;
  attempts: number;
  firstFailedAt: string;
  lastError: string;
  /** Wall-clock time of the next attempt. */
  retryAt: string;
}

/**
 * Fires due clocks (review deadlines, reminders, deemed concurrence,
 * escalation and congressional review periods) and relays outboxes a crash
 * left behind. Clocks live in the consultation versions, so they survive a
 * restart; a clock fires in the same commit that applies its effect, so with
 * two coordinators running it fires exactly once.
 *
 * Which consultation's clock comes next is kept in memory, updated with
 * every change the read model sees (this instance's and the others'), and
 * rebuilt from the read model now and then. A consultation whose clocks
 * cannot fire is tried again with backoff (1 s doubling to 5 min), counted
 * on /metrics, listed on /health ('clocks') and logged as an alert after a
 * few attempts; the others keep firing.
 */
@Injectable()
export class ClockScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Clocks');
  private readonly nextAt = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private ticks = 0;
  /** Firings that failed (each tried again after its backoff). */
  failures = 0;
  private readonly stuck = new Map<string, StuckClocks>();
  private readonly failedTotal: Counter;
  private readonly stuckGauge: Gauge;
  /** Wall time for the backoff (not the coordinator's business clock, which a developer moves). */
  private readonly wallNow: () => number;

  constructor(
    private readonly view: ConsultationView,
    private readonly service: ConsultationsService,
    private readonly clock: Clock,
    @Inject(CLOCK_TICK_MS) private readonly tickMs: number,
    @Optional() @Inject(METRICS_REGISTRY) registry?: Registry,
    @Optional() health?: HealthRegistry,
    @Optional() @Inject(WALL_CLOCK) wallNow?: () => number,
  ) {
    this.wallNow = wallNow ?? Date.now;
    // Every change, this instance's or another's, reaches the read model.
    view.onChange((c) => this.note(c));
    const registers = [registry ?? new Registry()];
    this.failedTotal = new Counter({
      name: 'icb_clock_firing_failures_total',
      help: 'Attempts to fire a consultation’s due clocks that failed (retried with backoff)',
      registers,
    });
    this.stuckGauge = new Gauge({
      name: 'icb_clock_consultations_stuck',
      help: 'Consultations whose due clocks could not fire and wait for their next attempt',
      registers,
    });
    // Reported, not fatal: the other consultations' clocks keep firing.
    health?.register('clocks', () =>
      Promise.resolve({ clocks: { status: 'up', stuck: this.stuckClocks() } }),
    );
  }

  /** Consultations whose clocks could not fire, most attempts first (health, operators). */
  stuckClocks(): StuckClocks[] {
    return [...this.stuck.values()].sort((a, b) => b.attempts - a.attempts);
  }

  onApplicationBootstrap(): void {
    if (this.tickMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      const n = this.ticks++;
      this.running = this.tick({
        rescan: n % RESCAN_EVERY_TICKS === 0,
        sweep: n % SWEEP_EVERY_TICKS === 0,
      })
        .catch((error: unknown) => this.logger.error(`tick failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private note(c: Pick<Consultation, 'id' | 'nextClockAt'>): void {
    if (c.nextClockAt) this.nextAt.set(c.id, c.nextClockAt);
    else this.nextAt.delete(c.id);
  }

  private waiting(id: string): boolean {
    const stuck = this.stuck.get(id);
    return stuck !== undefined && Date.parse(stuck.retryAt) > this.wallNow();
  }

  private failed(id: string, error: unknown): void {
    this.failures++;
    this.failedTotal.inc();
    const message = error instanceof Error ? error.message : String(error);
    const now = this.wallNow();
    const before = this.stuck.get(id);
    const attempts = (before?.attempts ?? 0) + 1;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (attempts - 1));
    this.stuck.set(id, {
      id,
      attempts,
      firstFailedAt: before?.firstFailedAt ?? new Date(now).toISOString(),
      lastError: message,
      retryAt: new Date(now + delay).toISOString(),
    });
    this.stuckGauge.set(this.stuck.size);
    const line = `clocks of ${id} could not fire (attempt ${attempts}, next in ${delay} ms): ${message}`;
    if (attempts === REPORT_AFTER_ATTEMPTS) {
      this.logger.error(`ALERT ${line}; the other consultations' clocks keep firing`);
    } else {
      this.logger.error(line);
    }
  }

  private recovered(id: string): void {
    if (!this.stuck.delete(id)) return;
    this.stuckGauge.set(this.stuck.size);
    this.logger.log(`clocks of ${id} fire again`);
  }

  /** Rebuilds the index from the read model (memory). */
  private rescan(): void {
    this.nextAt.clear();
    for (const { consultation: c } of this.view.all()) {
      if (c.nextClockAt) this.nextAt.set(c.id, c.nextClockAt);
    }
  }

  /**
   * Fires every clock due now; returns how many consultations changed. Tests
   * call it after moving a FakeClock (rescanning and sweeping by default).
   */
  async tick(
    opts: { rescan?: boolean; sweep?: boolean } = { rescan: true, sweep: true },
  ): Promise<number> {
    if (opts.sweep) await this.service.relayPending();
    if (opts.rescan) this.rescan();
    let changed = 0;
    const failed = new Set<string>();
    // A firing can schedule a clock that is already due (a chain of overdue
    // steps after downtime): go round again, a bounded number of times.
    for (let round = 0; round < 10; round++) {
      const now = this.clock.now().toISOString();
      const due = [...this.nextAt]
        .filter(([id, at]) => at <= now && !failed.has(id) && !this.waiting(id))
        .sort((a, b) => a[1].localeCompare(b[1]));
      if (due.length === 0) return changed;
      let progressed = false;
      for (const [id] of due) {
        let result;
        try {
          result = await this.fire(id);
        } catch (error) {
          // One consultation that cannot be changed must not stop the
          // others' clocks: it is tried again after its backoff.
          failed.add(id);
          this.failed(id, error);
          continue;
        }
        this.recovered(id);
        this.note(result.consultation);
        if (result.outcome === 'applied') {
          changed++;
          progressed = true;
        }
      }
      if (!progressed) return changed;
    }
    return changed;
  }

  private fire(id: string) {
    return this.service.apply(
      id,
      (current) => ({
        eventId: derivedEventId(id, `clocks@${current.version}`),
        type: 'clock',
        actor: 'clock',
      }),
      (current, ctx) =>
        current.nextClockAt && current.nextClockAt <= ctx.now
          ? fireDueClocks(current, ctx.now)
          : { ok: false, code: 'NOTHING_DUE', message: 'no clock is due', noop: true },
    );
  }
}
