import { DynamicModule, Module } from '@nestjs/common';
import { AgencyAdapterModule } from '@icb/agency-adapter';
import { dodSignOffRule } from './technical-review/dod-sign-off.rule';
import { DodModule } from './technical-review/dod.module';

export interface DodAdapterOptions {
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  /** Default HTTP port (HTTP_PORT overrides it). */
  httpPort?: number;
}

/** The DoD adapter: the shared adapter, DoD's rule on sign-offs, and its technical review form. */
@Module({})
export class DodAdapterModule {
  static forRoot(options: DodAdapterOptions = {}): DynamicModule {
    return {
      module: DodAdapterModule,
      imports: [
        AgencyAdapterModule.forRoot({
          agency: 'dod',
          httpPort: options.httpPort ?? 3002,
          env: options.env,
          signOffRule: dodSignOffRule,
        }),
        DodModule,
      ],
    };
  }
}
