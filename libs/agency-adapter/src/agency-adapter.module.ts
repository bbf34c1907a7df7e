import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@icb/config';
import { MessagingModule } from '@icb/messaging';
import { ObservabilityModule } from '@icb/observability';
import { ClientRateLimitModule } from '@icb/runtime';
import {
  AGENCY_ADAPTER_OPTIONS,
  AgencyAdapterOptions,
  adapterServiceName,
} from './agency-adapter.options';
import { AdapterAuthModule } from './auth/adapter-auth.module';
import { IntelModule } from './intel/intel.module';
import { ReviewsModule } from './reviews/reviews.module';
import { VerdictsModule } from './reviews/verdicts.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export { AGENCY_ADAPTER_OPTIONS, adapterServiceName };
export type { AgencyAdapterOptions };

/**
 * What every agency adapter shares: configuration, logs, health, metrics and
 * the bus, publishing as its own agency; the agency's REST API over its
 * reviews (`/reviews`), webhooks pushing review requests to its systems
 * (`/webhooks`), the intelligence assessments released to the agency
 * (`/reviews/{id}/assessments`), and the coordinator's verdict on each answer
 * (`/messages/{eventId}/verdict`, ADR 11); every route but health, metrics
 * and docs behind the agency systems' access tokens (ADR 18). An adapter app imports this and adds only its agency's rules
 * and format mapping.
 */
@Module({})
export class AgencyAdapterModule {
  static forRoot(options: AgencyAdapterOptions): DynamicModule {
    const service = adapterServiceName(options.agency);
    return {
      module: AgencyAdapterModule,
      imports: [
        ConfigModule.forRoot({ defaults: { HTTP_PORT: options.httpPort }, env: options.env }),
        ObservabilityModule.forRoot({ service }),
        MessagingModule.forRoot({ party: options.agency, service }),
        AdapterAuthModule.forAgency(options.agency),
        // Writes per client address (WRITE_RATE_LIMIT_PER_MINUTE): 429 with Retry-After.
        ClientRateLimitModule.forRoot({
          applies: 'writes',
          perMinute: (config) => config.WRITE_RATE_LIMIT_PER_MINUTE,
          what: 'writes',
          setting: 'WRITE_RATE_LIMIT_PER_MINUTE',
        }),
        VerdictsModule.forAgency(options.agency),
        ReviewsModule.forAgency(options.agency, options.signOffRule),
        WebhooksModule.forAgency(options.agency),
        IntelModule.forAgency(options.agency),
      ],
    };
  }
}
