import { DynamicModule, INestApplication, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@icb/config';
import { MAX_MESSAGE_BYTES } from '@icb/contracts';
import { Logger } from 'nestjs-pino';

export interface ServiceDescription {
  title: string;
  description: string;
  version?: string;
}

/** The validation every HTTP edge applies, with the contracts' classes. */
export function edgeValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
  });
}

export function buildOpenApi(
  app: INestApplication,
  description: ServiceDescription,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description)
    .setVersion(description.version ?? '1.0.0')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Applies what every service has in common to a created application:
 * structured logs, validation, body size limit, OpenAPI at `/docs` (JSON at
 * `/docs-json`), graceful shutdown on SIGTERM/SIGINT.
 */
export function configureService(
  app: NestExpressApplication,
  description: ServiceDescription,
): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  app.useBodyParser('json', { limit: MAX_MESSAGE_BYTES });
  app.useGlobalPipes(edgeValidationPipe());
  const document = buildOpenApi(app, description);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Creates, configures and starts a service on the configured host and port. */
export async function runService(
  rootModule: Type<unknown> | DynamicModule,
  description: ServiceDescription,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true });
  configureService(app, description);
  const config = app.get(AppConfig);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app
    .get(Logger)
    .log(`${description.title} listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`);
  return app;
}
