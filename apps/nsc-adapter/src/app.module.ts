import { DynamicModule, Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';
import { NscModule } from './escalations/nsc.module';

export interface NscAdapterOptions {
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  /** Default HTTP port (HTTP_PORT overrides it). */
  httpPort?: number;
}

@Module({})
export class NscAdapterModule {
  static forRoot(options: NscAdapterOptions = {}): DynamicModule {
    return {
      module: NscAdapterModule,
      imports: [
        AgencyAdapterModule.forRoot({
          agency: 'nsc',
          httpPort: options.httpPort ?? 3003,
          env: options.env,
        }),
        NscModule,
      ],
    };
  }
}
