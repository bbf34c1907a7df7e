import type { AddressInfo } from 'node:net';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureService } from '@icb/runtime';

/** Base URL of an application listening on loopback. */
export function urlOf(app: NestExpressApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/**
 * Boots a service as it runs in production (validation, body limit, OpenAPI)
 * on a free loopback port. `overrides` replace providers, e.g. the
 * coordinator's Clock with a FakeClock.
 */
export async function startHttpService(
  module: DynamicModule,
  title: string,
  overrides: [token: unknown, value: unknown][] = [],
): Promise<NestExpressApplication> {
  let builder = Test.createTestingModule({ imports: [module] });
  for (const [token, value] of overrides) builder = builder.overrideProvider(token).useValue(value);
  const app = (await builder.compile()).createNestApplication<NestExpressApplication>({
    logger: ['error'],
  });
  try {
    configureService(app, { title, description: `${title} under test` });
    await app.listen(0, '127.0.0.1');
    await app.startAllMicroservices();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
