import { DynamicModule, Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';
import { StatePmModule } from './state-pm.module';

export interface StatePmAdapterOptions {
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  /** Default HTTP port (HTTP_PORT overrides it). */
  httpPort?: number;
}

@Module({})
export class StatePmAdapterModule {
  static forRoot(options: StatePmAdapterOptions = {}): DynamicModule {
    return {
      module: StatePmAdapterModule,
      imports: [
        AgencyAdapterModule.forRoot({
          agency: 'state-pm',
          httpPort: options.httpPort ?? 3001,
          env: options.env,
        }),
        StatePmModule,
      ],
    };
  }
}
