import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '@icb/config';
import type { Agency } from '@icb/contracts';
import { loadAdapterAuth } from './adapter-auth.config';
import { AdapterAuthGuard } from './adapter-auth.guard';
import { ADAPTER_AUTH_SETTINGS } from './adapter-auth.tokens';
import { TokenController } from './token.controller';

/**
 * The agency's systems authenticate at the adapter (ADR 18): a guard on every
 * route (AdapterAuthGuard) and, in a deployment without an IdP, the token
 * endpoint (`POST /oauth/token`).
 */
@Module({})
export class AdapterAuthModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: AdapterAuthModule,
      controllers: [TokenController],
      providers: [
        {
          provide: ADAPTER_AUTH_SETTINGS,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => loadAdapterAuth(config, agency),
        },
        { provide: APP_GUARD, useClass: AdapterAuthGuard },
      ],
      exports: [ADAPTER_AUTH_SETTINGS],
    };
  }
}
