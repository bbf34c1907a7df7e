import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ConfigModule } from '@icb/config';
import { MessagingModule } from '@icb/messaging';
import { ObservabilityModule } from '@icb/observability';

export interface AgencyAdapterOptions {
  agency: Agency;
  /** Default HTTP port of this adapter (the HTTP_PORT variable overrides it). */
  httpPort: number;
}

export function adapterServiceName(agency: Agency): string {
  return `${agency}-adapter`;
}

/**
 * What every agency adapter shares: configuration, logs, health, metrics and
 * the bus, publishing as its own agency. An adapter app imports this and adds
 * only its agency's rules and format mapping.
 */
@Module({})
export class AgencyAdapterModule {
  static forRoot(options: AgencyAdapterOptions): DynamicModule {
    const service = adapterServiceName(options.agency);
    return {
      module: AgencyAdapterModule,
      imports: [
        ConfigModule.forRoot({ defaults: { HTTP_PORT: options.httpPort } }),
        ObservabilityModule.forRoot({ service }),
        MessagingModule.forRoot({ party: options.agency, service }),
      ],
    };
  }
}
