import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COORDINATOR_OPENAPI_PATH,
  generateCoordinatorOpenApi,
  serializeOpenApi,
} from '../../../scripts/generate-openapi';

const ROOT = join(__dirname, '..', '..', '..');

describe('the checked-in OpenAPI document of the coordinator', () => {
  it('is what the code generates (otherwise run `npm run generate`)', async () => {
    const generated = JSON.parse(serializeOpenApi(await generateCoordinatorOpenApi())) as unknown;
    const checkedIn = JSON.parse(
      readFileSync(join(ROOT, COORDINATOR_OPENAPI_PATH), 'utf8'),
    ) as unknown;
    // Compared as data, so reformatting the file (prettier) is not drift.
    try {
      expect(checkedIn).toEqual(generated);
    } catch (error) {
      throw new Error(
        `${COORDINATOR_OPENAPI_PATH} is out of date: run \`npm run generate\` and commit the result.\n${(error as Error).message}`,
      );
    }
  });

  it('documents every operator endpoint', async () => {
    const document = await generateCoordinatorOpenApi();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/consultations',
        '/consultations/{id}',
        '/agencies/{agency}/queue',
        '/stats',
        '/consultations/{id}/audit/verify',
        '/events',
      ]),
    );
  });
});
