import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@icb/config';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health-registry';
import { createMetricsRegistry, METRICS_REGISTRY, MetricsController } from './metrics';

export interface ObservabilityOptions {
  /** The service name, on every log line and metric. */
  service: string;
}

/** Structured logging (pino), `/health` (terminus) and `/metrics` (Prometheus). */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 }),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { service: options.service },
              autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
            },
          }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(options.service) },
      ],
      exports: [HealthRegistry, METRICS_REGISTRY],
    };
  }
}
