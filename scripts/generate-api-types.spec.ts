import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_TYPES_DIR, apiServices, apiTypesPath } from './generate-api-types';

const ROOT = join(__dirname, '..');

/**
 * The generator's output for every service, written to a fresh folder by the
 * script itself in a child process (Jest cannot load openapi-typescript's
 * ES-module dependencies), so the test checks exactly what
 * `npm run generate` writes.
 */
function generateAll(): string {
  const dir = mkdtempSync(join(tmpdir(), 'icb-api-types-'));
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'generate-api-types.ts'), '--out', dir],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (run.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the generator failed (${run.status ?? run.signal}): ${run.stderr}`);
  }
  return dir;
}

/** The adapters' shared review API, which libs/agency-client types from one adapter's document. */
const SHARED_ADAPTER_SCHEMAS = [
  'PendingReviewListDto',
  'ReviewDetailDto',
  'SignOffBodyDto',
  'AcknowledgeBodyDto',
  'HoldBodyDto',
  'ExtensionBodyDto',
  'ConditionRemovalAnswerBodyDto',
  'PublishedEventDto',
  'VerdictDto',
];

describe('the generated types of the HTTP APIs (libs/contracts/src/http)', () => {
  let generatedDir: string;
  beforeAll(() => {
    generatedDir = generateAll();
  });
  afterAll(() => rmSync(generatedDir, { recursive: true, force: true }));

  it('cover the coordinator and the five adapters', () => {
    expect(apiServices()).toEqual([
      'cia-adapter',
      'coordinator',
      'dod-adapter',
      'nsc-adapter',
      'state-pm-adapter',
      'treasury-adapter',
    ]);
  });

  it('hold no file for a service without a document', () => {
    const expected = apiServices().map((service) => `${service}.api.ts`);
    const present = readdirSync(join(ROOT, API_TYPES_DIR)).filter((f) => f.endsWith('.api.ts'));
    expect(present.sort()).toEqual(expected.sort());
  });

  it.each(apiServices())(
    '%s is what openapi-typescript makes of its document (otherwise run `npm run generate`)',
    (service) => {
      const path = apiTypesPath(service);
      const checkedIn = existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : '';
      const generated = readFileSync(apiTypesPath(service, generatedDir), 'utf8');
      if (checkedIn !== generated) {
        throw new Error(
          `${path} is out of date with docs/openapi/${service}.json: run \`npm run generate\` and commit the result.`,
        );
      }
    },
  );

  it('the review API the agency client reads is the same in every adapter’s document', () => {
    const adapters = apiServices().filter((s) => s.endsWith('-adapter'));
    const schemasOf = (service: string) =>
      (
        JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi', `${service}.json`), 'utf8')) as {
          components: { schemas: Record<string, unknown> };
        }
      ).components.schemas;
    const reference = schemasOf('dod-adapter');
    for (const service of adapters) {
      const schemas = schemasOf(service);
      for (const name of SHARED_ADAPTER_SCHEMAS) {
        expect({ service, name, schema: schemas[name] }).toEqual({
          service,
          name,
          schema: reference[name],
        });
      }
    }
  });
});
