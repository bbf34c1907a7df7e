/**
 * Writes the coordinator's OpenAPI document (what it serves at /docs-json) to
 * docs/openapi/coordinator.json. The application is created in preview mode:
 * modules and controllers are scanned, no provider is instantiated, so
 * nothing connects to NATS or MongoDB. A unit test fails when the checked-in
 * file differs from what this generates.
 *
 *   node -r @swc-node/register -r tsconfig-paths/register scripts/generate-openapi.ts
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApi } from '../libs/runtime/src/bootstrap';
import { COORDINATOR_API } from '../apps/coordinator/src/coordinator.api';
import { CoordinatorModule } from '../apps/coordinator/src/app.module';

export const COORDINATOR_OPENAPI_PATH = 'docs/openapi/coordinator.json';

/** The same description apps/coordinator/src/main.ts serves. */
export { COORDINATOR_API };

/** The document the coordinator serves, built without connecting to anything. */
export async function generateCoordinatorOpenApi(): Promise<OpenAPIObject> {
  const app: INestApplication = await NestFactory.create(CoordinatorModule.forRoot({ env: {} }), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  try {
    return buildOpenApi(app, COORDINATOR_API);
  } finally {
    await app.close();
  }
}

/** The file's content: stable JSON, two-space indent, final newline. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const document = await generateCoordinatorOpenApi();
  const path = join(root, COORDINATOR_OPENAPI_PATH);
  mkdirSync(dirname(path), { recursive: true });
  // Written as prettier would, so `npm run format:check` passes; the drift test compares data.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(
    path,
    await prettier.format(serializeOpenApi(document), { ...options, filepath: path }),
  );
  console.log(`wrote ${COORDINATOR_OPENAPI_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
