import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import { AdjustableClock, Clock, SystemClock } from './clock';
import { CLOCK_TICK_MS } from './clock-scheduler';

/**
 * Time for the whole coordinator: the system clock; an adjustable one when
 * DEV_CLOCK=true (local stacks); a FakeClock in tests (`overrideProvider(Clock)`).
 */
@Global()
@Module({
  providers: [
    {
      provide: Clock,
      inject: [AppConfig],
      useFactory: (c: AppConfig): Clock =>
        c.DEV_CLOCK === 'true' ? new AdjustableClock() : new SystemClock(),
    },
    { provide: CLOCK_TICK_MS, inject: [AppConfig], useFactory: (c: AppConfig) => c.CLOCK_TICK_MS },
  ],
  exports: [Clock, CLOCK_TICK_MS],
})
export class ClocksModule {}
