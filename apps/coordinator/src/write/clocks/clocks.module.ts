import { Module } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import { ConsultationsModule } from '../consultations/consultations.module';
import { CLOCK_TICK_MS, ClockScheduler } from './clock-scheduler';
import { DevClockController } from './dev-clock.controller';

/**
 * The consultations' clocks (deadlines, reminders, deemed concurrence, review
 * periods), fired by the scheduler, and the development clock that moves
 * time forward on local stacks. Built on the consultations, never the reverse.
 */
@Module({
  imports: [ConsultationsModule],
  controllers: [DevClockController],
  providers: [
    ClockScheduler,
    { provide: CLOCK_TICK_MS, inject: [AppConfig], useFactory: (c: AppConfig) => c.CLOCK_TICK_MS },
  ],
  exports: [ClockScheduler],
})
export class ClocksModule {}
