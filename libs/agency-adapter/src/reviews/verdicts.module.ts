import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { CoordinatorClient } from './coordinator.client';
import { VerdictListener } from './verdict-listener';
import { VerdictsController } from './verdicts.controller';
import { AdapterVerdicts } from './verdicts.service';

/**
 * The coordinator's verdicts on the agency's messages (ADR 11): heard on the
 * bus, awaited by every answer that publishes (AdapterVerdicts, available to
 * the agency's own modules), and served at the status URLs (`/messages`).
 */
@Module({})
export class VerdictsModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: VerdictsModule,
      global: true,
      controllers: [VerdictsController],
      providers: [
        { provide: ADAPTER_AGENCY, useValue: agency },
        CoordinatorClient,
        VerdictListener,
        AdapterVerdicts,
      ],
      exports: [AdapterVerdicts],
    };
  }
}
