import { DynamicModule, Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';
import { ScreeningModule } from './screening/screening.module';

export interface TreasuryAdapterOptions {
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
}

/** The Treasury (OFAC) adapter: the shared adapter plus sanctions screening. */
@Module({})
export class TreasuryAdapterModule {
  static forRoot(options: TreasuryAdapterOptions = {}): DynamicModule {
    return {
      module: TreasuryAdapterModule,
      imports: [
        AgencyAdapterModule.forRoot({ agency: 'treasury', httpPort: 3005, env: options.env }),
        ScreeningModule,
      ],
    };
  }
}
