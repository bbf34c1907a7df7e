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
import { ConsultationRepository } from '../consultations/consultation.repository';
import { ConsultationsService } from '../consultations/consultations.service';
import { Clock } from './clock';

export const CLOCK_TICK_MS = Symbol('CLOCK_TICK_MS');

/** Ticks between full rescans of the consultations (other instances' changes) and between outbox sweeps. */
const RESCAN_EVERY_TICKS = 60;
const SWEEP_EVERY_TICKS = 300;

/**
 * Fires due clocks (review deadlines, reminders, deemed concurrence,
 * escalation and congressional review periods) and relays outboxes a crash
 * left behind. Clocks live in the consultation versions, so they survive a
 * restart; a clock fires in the same commit that applies its effect, so with
 * two coordinators running it fires exactly once.
 *
 * Which consultation's clock comes next is kept in memory, updated after
 * every change this instance makes and rebuilt from the database now and then
 * (changes made by other instances): on FerretDB every query but a lookup by
 * `_id` scans the collection, too much to run every second.
 */
@Injectable()
export class ClockScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Clocks');
  private readonly nextAt = new Map<string, string>();
  /** What changes noted while a rescan reads the database: fresher than what it reads. */
  private notedDuringRescan?: Map<string, string | undefined>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private ticks = 0;

  constructor(
    private readonly repository: ConsultationRepository,
    private readonly service: ConsultationsService,
    private readonly clock: Clock,
    @Inject(CLOCK_TICK_MS) private readonly tickMs: number,
  ) {
    service.onRelayed((c) => this.note(c));
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
    this.notedDuringRescan?.set(c.id, c.nextClockAt);
    if (c.nextClockAt) this.nextAt.set(c.id, c.nextClockAt);
    else this.nextAt.delete(c.id);
  }

  /**
   * Rebuilds the index from the query copies. A change relayed while the
   * copies are being read may not be in what is read (the copy is written
   * after the relay): its note is applied again on top.
   */
  private async rescan(): Promise<void> {
    const noted = new Map<string, string | undefined>();
    this.notedDuringRescan = noted;
    try {
      const rows = await this.repository.clockSchedule();
      this.nextAt.clear();
      for (const r of rows) this.nextAt.set(r.id, r.nextClockAt);
      for (const [id, at] of noted) {
        if (at) this.nextAt.set(id, at);
        else this.nextAt.delete(id);
      }
    } finally {
      this.notedDuringRescan = undefined;
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
    if (opts.rescan) await this.rescan();
    let changed = 0;
    // A firing can schedule a clock that is already due (a chain of overdue
    // steps after downtime): go round again, a bounded number of times.
    for (let round = 0; round < 10; round++) {
      const now = this.clock.now().toISOString();
      const due = [...this.nextAt]
        .filter(([, at]) => at <= now)
        .sort((a, b) => a[1].localeCompare(b[1]));
      if (due.length === 0) return changed;
      let progressed = false;
      for (const [id] of due) {
        const result = await this.service.apply(
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
}
