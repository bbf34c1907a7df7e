import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { derivedEventId } from '@icb/messaging';
import { fireDueClocks } from '../consultations/consultation.aggregate';
import type { Consultation } from '../consultations/consultation.model';
import { ConsultationView } from '../consultations/consultation-view';
import { ConsultationsService } from '../consultations/consultations.service';
import { Clock } from './clock';

export const CLOCK_TICK_MS = Symbol('CLOCK_TICK_MS');

/** Ticks between rebuilds of the index from the read model, and between outbox sweeps. */
const RESCAN_EVERY_TICKS = 60;
const SWEEP_EVERY_TICKS = 300;

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
 * cannot fire is logged and tried again at the next tick; the others fire.
 */
@Injectable()
export class ClockScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Clocks');
  private readonly nextAt = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private ticks = 0;
  /** Firings that failed (tried again at the next tick). */
  failures = 0;

  constructor(
    private readonly view: ConsultationView,
    private readonly service: ConsultationsService,
    private readonly clock: Clock,
    @Inject(CLOCK_TICK_MS) private readonly tickMs: number,
  ) {
    // Every change, this instance's or another's, reaches the read model.
    view.onChange((c) => this.note(c));
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
        .filter(([id, at]) => at <= now && !failed.has(id))
        .sort((a, b) => a[1].localeCompare(b[1]));
      if (due.length === 0) return changed;
      let progressed = false;
      for (const [id] of due) {
        let result;
        try {
          result = await this.fire(id);
        } catch (error) {
          // One consultation that cannot be changed must not stop the
          // others' clocks: it is tried again at the next tick.
          this.failures++;
          failed.add(id);
          this.logger.error(`clocks of ${id} could not fire: ${(error as Error).message}`);
          continue;
        }
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
