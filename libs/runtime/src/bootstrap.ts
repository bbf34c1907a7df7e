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
  /**
   * The service needs a signed-in operator (the coordinator, ADR 8): the
   * document declares Bearer, Basic and cookie security for every operation
   * except those under `publicPaths`.
   */
  signIn?: { publicPaths: string[]; cookie: string };
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
  let builder = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description)
    .setVersion(description.version ?? '1.0.0');
  const signIn = description.signIn;
  if (signIn) {
    builder = builder
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'Session or API token' },
        'bearer',
      )
      .addBasicAuth(
        { type: 'http', scheme: 'basic', description: 'Operator username and password' },
        'basic',
      )
      .addCookieAuth(signIn.cookie, { type: 'apiKey', in: 'cookie', name: signIn.cookie }, 'cookie')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('basic')
      .addSecurityRequirements('cookie');
  }
  const document = SwaggerModule.createDocument(app, builder.build());
  if (signIn) {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!signIn.publicPaths.includes(path)) continue;
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        const operation = item[method];
        if (operation) operation.security = [];
      }
    }
  }
  return document;
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
