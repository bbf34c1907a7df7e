import { DynamicModule, Module } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { ADAPTER_AGENCY } from '../agency-adapter.options';
import { AdapterBucket } from './adapter-bucket';

/**
 * The adapter's durable state: one JetStream Key-Value bucket of its own
 * (adapters own no database). Imported by the webhooks and intel modules;
 * Nest makes one instance of `forAgency(a)` for both.
 */
@Module({})
export class AdapterStateModule {
  static forAgency(agency: Agency): DynamicModule {
    return {
      module: AdapterStateModule,
      providers: [{ provide: ADAPTER_AGENCY, useValue: agency }, AdapterBucket],
      exports: [AdapterBucket],
    };
  }
}
