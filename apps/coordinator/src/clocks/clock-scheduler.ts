import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { derivedEventId } from '@icb/messaging';
import { fireDueClocks } from '../consultations/consultation.aggregate';
import { ConsultationRepository } from '../consultations/consultation.repository';
import { ConsultationsService } from '../consultations/consultations.service';
import { Clock } from './clock';

export const CLOCK_TICK_MS = Symbol('CLOCK_TICK_MS');

/**
 * Fires due clocks (review deadlines, reminders, deemed concurrence,
 * escalation and congressional review periods) and relays outboxes a crash
 * left behind. Clocks live in the consultation documents, so they survive a
 * restart; a clock fires in the same conditional update that applies its
 * effect, so with two coordinators running it fires exactly once.
 */
@Injectable()
export class ClockScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Clocks');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly repository: ConsultationRepository,
    private readonly service: ConsultationsService,
    private readonly clock: Clock,
    @Inject(CLOCK_TICK_MS) private readonly tickMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.tickMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error(`tick failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Fires every clock due now; returns how many consultations changed. Tests call it after moving a FakeClock. */
  async tick(): Promise<number> {
    await this.service.relayPending();
    let changed = 0;
    // A firing can schedule a clock that is already due (a chain of overdue
    // steps after downtime): go round again, a bounded number of times.
    for (let round = 0; round < 10; round++) {
      const now = this.clock.now().toISOString();
      const due = await this.repository.withDueClocks(now, 100);
      if (due.length === 0) return changed;
      let progressed = false;
      for (const id of due) {
        const result = await this.service.apply(
          id,
          (current) => ({
            eventId: derivedEventId(id, `clocks@${current.version}`),
            type: 'clock',
            actor: 'clock',
          }),
          (current, ctx) => fireDueClocks(current, ctx.now),
        );
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
