import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADAPTER_SERVICES,
  generateOpenApi,
  openApiPath,
  selectServices,
  serializeOpenApi,
} from './generate-openapi';

const ROOT = join(__dirname, '..');

/** The paths every adapter serves from the shared library (libs/agency-adapter). */
const SHARED_PATHS = [
  '/reviews',
  '/reviews/{consultationId}',
  '/reviews/{consultationId}/sign-off',
];

/** Each adapter's own interface, as its app adds it. */
const OWN_PATHS: Record<string, string[]> = {
  'state-pm-adapter': ['/requests/fms'],
  'dod-adapter': ['/reviews/{consultationId}/technical-review'],
  'nsc-adapter': ['/escalations', '/escalations/{consultationId}/decision'],
  'cia-adapter': ['/assessments'],
  'treasury-adapter': [],
};

describe('the checked-in OpenAPI documents of the agency adapters', () => {
  it('cover the five adapters', () => {
    expect(ADAPTER_SERVICES.map((s) => s.service)).toEqual(Object.keys(OWN_PATHS));
  });

  describe.each(ADAPTER_SERVICES.map((s) => [s.service, s] as const))('%s', (service, target) => {
    it('is what the code generates (otherwise run `npm run generate`)', async () => {
      const generated = JSON.parse(serializeOpenApi(await generateOpenApi(target))) as unknown;
      const path = openApiPath(service);
      let checkedIn: unknown;
      try {
        checkedIn = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
      } catch (error) {
        throw new Error(
          `${path} is missing or not JSON: run \`npm run generate\` and commit the result.\n${(error as Error).message}`,
        );
      }
      // Compared as data, so reformatting the file (prettier) is not drift.
      try {
        expect(checkedIn).toEqual(generated);
      } catch (error) {
        throw new Error(
          `${path} is out of date: run \`npm run generate\` and commit the result.\n${(error as Error).message}`,
        );
      }
    });

    it('documents the shared review interface and the agency’s own endpoints', async () => {
      const document = await generateOpenApi(target);
      expect(document.info.title).toBe(target.description.title);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([...SHARED_PATHS, ...OWN_PATHS[service]]),
      );
    });
  });

  it('generates only the services named, and refuses an unknown one', () => {
    expect(selectServices(['dod-adapter']).map((s) => s.service)).toEqual(['dod-adapter']);
    expect(selectServices([])).toHaveLength(6);
    expect(() => selectServices(['pentagon-adapter'])).toThrow(
      /no OpenAPI document for pentagon-adapter/,
    );
  });
});
