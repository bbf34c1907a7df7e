import { DynamicModule, Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';
import { CiaModule } from './assessments/cia.module';

export interface CiaAdapterOptions {
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  /** Default HTTP port (HTTP_PORT overrides it). */
  httpPort?: number;
}

@Module({})
export class CiaAdapterModule {
  static forRoot(options: CiaAdapterOptions = {}): DynamicModule {
    return {
      module: CiaAdapterModule,
      imports: [
        AgencyAdapterModule.forRoot({
          agency: 'cia',
          httpPort: options.httpPort ?? 3004,
          env: options.env,
        }),
        CiaModule,
      ],
    };
  }
}
