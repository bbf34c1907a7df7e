import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { LeafConfig, loadLeafConfig } from './leaf-config';
import { loadConfig } from './load-config';

export interface ConfigModuleOptions {
  /** Per-service defaults (e.g. its HTTP port). */
  defaults?: Partial<Record<keyof AppConfig, string | number>>;
  /** The environment to read; `process.env` when omitted. Tests pass their own. */
  env?: Record<string, string | undefined>;
}

/** Provides the validated `AppConfig` to the whole application. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(options: ConfigModuleOptions = {}): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        {
          provide: AppConfig,
          useFactory: () => loadConfig(options.env ?? process.env, options.defaults),
        },
        // Agencies on their own leaf nodes (ADR 21).
        { provide: LeafConfig, useFactory: () => loadLeafConfig(options.env ?? process.env) },
      ],
      exports: [AppConfig, LeafConfig],
    };
  }
}
