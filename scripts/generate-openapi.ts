/**
 * Writes the OpenAPI document every HTTP service serves at /docs-json to
 * docs/openapi/<service>.json: the coordinator and the five agency adapters.
 * Each application is created in preview mode: modules and controllers are
 * scanned, no provider is instantiated, so nothing connects to NATS or
 * MongoDB and no file (e.g. Treasury's sanctions list) is read. Unit tests fail
 * when a checked-in file differs from what this generates
 * (apps/coordinator/test/openapi.spec.ts, scripts/adapters-openapi.spec.ts).
 *
 *   node -r @swc-node/register -r tsconfig-paths/register scripts/generate-openapi.ts [service…]
 *
 * With service names (e.g. `dod-adapter`), writes only those documents.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApi, type ServiceDescription } from '../libs/runtime/src/bootstrap';
import { applyPluginMetadata } from '../libs/runtime/src/openapi-metadata';
import { COORDINATOR_API } from '../apps/coordinator/src/coordinator.api';
import { CoordinatorModule } from '../apps/coordinator/src/app.module';
import { CIA_ADAPTER_API } from '../apps/cia-adapter/src/cia-adapter.api';
import { CiaAdapterModule } from '../apps/cia-adapter/src/app.module';
import { DOD_ADAPTER_API } from '../apps/dod-adapter/src/dod-adapter.api';
import { DodAdapterModule } from '../apps/dod-adapter/src/app.module';
import { NSC_ADAPTER_API } from '../apps/nsc-adapter/src/nsc-adapter.api';
import { NscAdapterModule } from '../apps/nsc-adapter/src/app.module';
import { STATE_PM_ADAPTER_API } from '../apps/state-pm-adapter/src/state-pm-adapter.api';
import { StatePmAdapterModule } from '../apps/state-pm-adapter/src/app.module';
import { TREASURY_ADAPTER_API } from '../apps/treasury-adapter/src/treasury-adapter.api';
import { TreasuryAdapterModule } from '../apps/treasury-adapter/src/app.module';

/** One service whose document is checked in: its root module and the description its main.ts serves. */
export interface OpenApiService {
  /** The service name (apps/<service>), also the file name under docs/openapi. */
  service: string;
  description: ServiceDescription;
  /** The root module as main.ts builds it, on an empty environment. */
  module: () => DynamicModule;
}

export const COORDINATOR_SERVICE: OpenApiService = {
  service: 'coordinator',
  description: COORDINATOR_API,
  module: () => CoordinatorModule.forRoot({ env: {} }),
};

/** The agency adapters, in port order (3001-3005). */
export const ADAPTER_SERVICES: readonly OpenApiService[] = [
  {
    service: 'state-pm-adapter',
    description: STATE_PM_ADAPTER_API,
    module: () => StatePmAdapterModule.forRoot({ env: {} }),
  },
  {
    service: 'dod-adapter',
    description: DOD_ADAPTER_API,
    module: () => DodAdapterModule.forRoot({ env: {} }),
  },
  {
    service: 'nsc-adapter',
    description: NSC_ADAPTER_API,
    module: () => NscAdapterModule.forRoot({ env: {} }),
  },
  {
    service: 'cia-adapter',
    description: CIA_ADAPTER_API,
    module: () => CiaAdapterModule.forRoot({ env: {} }),
  },
  {
    service: 'treasury-adapter',
    description: TREASURY_ADAPTER_API,
    module: () => TreasuryAdapterModule.forRoot({ env: {} }),
  },
];

export const OPENAPI_SERVICES: readonly OpenApiService[] = [
  COORDINATOR_SERVICE,
  ...ADAPTER_SERVICES,
];

/** Where a service's document is checked in, relative to the repository root. */
export function openApiPath(service: string): string {
  return `docs/openapi/${service}.json`;
}

export const COORDINATOR_OPENAPI_PATH = openApiPath(COORDINATOR_SERVICE.service);

/** The same description apps/coordinator/src/main.ts serves. */
export { COORDINATOR_API };

/** The document a service serves, built without connecting to anything. */
export async function generateOpenApi(target: OpenApiService): Promise<OpenAPIObject> {
  const app: INestApplication = await NestFactory.create(target.module(), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  try {
    // Every service's DTOs documented before any document is built: documentValidationRules
    // runs on every loaded class, so one service's document must not come before another's
    // plugin metadata (a service's own process applies its own first, too).
    applyPluginMetadata(OPENAPI_SERVICES.flatMap((s) => s.description.pluginMetadata ?? []));
    return buildOpenApi(app, target.description);
  } finally {
    await app.close();
  }
}

/** The document the coordinator serves. */
export function generateCoordinatorOpenApi(): Promise<OpenAPIObject> {
  return generateOpenApi(COORDINATOR_SERVICE);
}

/** The file's content: stable JSON, two-space indent, final newline. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The services named on the command line (every one when none is named). */
export function selectServices(names: readonly string[]): OpenApiService[] {
  if (names.length === 0) return [...OPENAPI_SERVICES];
  const unknown = names.filter((n) => !OPENAPI_SERVICES.some((s) => s.service === n));
  if (unknown.length > 0) {
    throw new Error(
      `no OpenAPI document for ${unknown.join(', ')}; known: ${OPENAPI_SERVICES.map((s) => s.service).join(', ')}`,
    );
  }
  return OPENAPI_SERVICES.filter((s) => names.includes(s.service));
}

async function main(names: readonly string[]): Promise<void> {
  const root = resolve(__dirname, '..');
  const targets = selectServices(names);
  // Written as prettier would, so `npm run format:check` passes; the drift tests compare data.
  const prettier = await import('prettier');
  for (const target of targets) {
    const document = await generateOpenApi(target);
    const relative = openApiPath(target.service);
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    const options = (await prettier.resolveConfig(path)) ?? {};
    writeFileSync(
      path,
      await prettier.format(serializeOpenApi(document), { ...options, filepath: path }),
    );
    console.log(`wrote ${relative}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
