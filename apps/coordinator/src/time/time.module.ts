import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import { AdjustableClock, Clock, SystemClock } from './clock';

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
  ],
  exports: [Clock],
})
export class TimeModule {}
