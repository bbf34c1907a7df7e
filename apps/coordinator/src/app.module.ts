import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@icb/config';
import { AGENCIES } from '@icb/contracts';
import { MessagingModule, MessagingModuleOptions } from '@icb/messaging';
import { ObservabilityModule } from '@icb/observability';
import { AuditModule } from './read/audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClocksModule } from './write/clocks/clocks.module';
import { ConsultationQueriesModule } from './read/consultations/consultation-queries.module';
import { VerdictQueriesModule } from './read/verdicts/verdict-queries.module';
import { DashboardModule } from './read/dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { DeadLettersModule } from './read/dead-letters/dead-letters.module';
import { EventsModule } from './read/events/events.module';
import { TimeModule } from './time/time.module';

export const COORDINATOR_SERVICE = 'coordinator';

export interface CoordinatorOptions {
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  messaging?: MessagingModuleOptions['overrides'];
}

/** The coordinator: the only service that owns MongoDB. */
@Module({})
export class CoordinatorModule {
  static forRoot(options: CoordinatorOptions = {}): DynamicModule {
    return {
      module: CoordinatorModule,
      imports: [
        ConfigModule.forRoot({
          // 256 messages at once: the database sees them in a few group
          // commits, and messages of one consultation still run in order
          // (measured: 64 → 336 sign-offs/s, 256 → 526, 512 → 487; ADR 9).
          defaults: { HTTP_PORT: 3000, MESSAGING_MAX_IN_FLIGHT: 256 },
          env: options.env,
        }),
        ObservabilityModule.forRoot({ service: COORDINATOR_SERVICE }),
        MessagingModule.forRoot({
          party: 'coordinator',
          service: COORDINATOR_SERVICE,
          // Whatever an agency publishes that the catalog does not let it is
          // dead-lettered here, once (ADR 12).
          policedPublishers: AGENCIES,
          // Every agency message must be signed by a registered key of its
          // publisher, or it is dead-lettered with the reason (ADR 15).
          requireSignatures: true,
          overrides: options.messaging,
        }),
        AuthModule,
        DatabaseModule,
        TimeModule,
        // The write side's modules come with the read side's, which import them.
        ConsultationQueriesModule,
        // Built on the consultations (imported after them, so the routes and
        // the generated document keep their order).
        ClocksModule,
        AuditModule,
        EventsModule,
        DeadLettersModule,
        VerdictQueriesModule,
        DashboardModule,
      ],
    };
  }
}
