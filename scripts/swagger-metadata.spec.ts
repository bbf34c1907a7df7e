import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateSwaggerMetadata,
  METADATA_FILENAME,
  METADATA_FOLDERS,
  normalizedMetadata,
  synchronous,
} from './generate-swagger-metadata';
import { ADAPTER_SERVICES, COORDINATOR_SERVICE } from './generate-openapi';

const ROOT = join(__dirname, '..');

describe('the Swagger plugin metadata (swagger.metadata.ts, ADR 23)', () => {
  it('is checked in as the plugin generates it from the DTOs (otherwise run `npm run generate`)', async () => {
    const generated = await generateSwaggerMetadata(METADATA_FOLDERS, {
      write: false,
      format: (text) => Promise.resolve(text),
    });
    expect([...generated.keys()]).toEqual(
      METADATA_FOLDERS.map((folder) => `${folder}/${METADATA_FILENAME}`),
    );
    for (const [path, text] of generated) {
      const checkedIn = readFileSync(join(ROOT, path), 'utf8');
      expect({ path, text: normalizedMetadata(checkedIn) }).toEqual({
        path,
        text: normalizedMetadata(text),
      });
    }
  }, 120_000);

  it('reaches the coordinator’s document', () => {
    expect(COORDINATOR_SERVICE.description.pluginMetadata).toHaveLength(1);
  });

  it('reaches every adapter document: the shared DTOs and the adapter’s own', () => {
    for (const { service, description } of ADAPTER_SERVICES) {
      expect({ service, files: description.pluginMetadata?.length }).toEqual({ service, files: 2 });
    }
  });

  it('compares the data, not the formatting', () => {
    expect(normalizedMetadata(`{ a: "x y",\n  b: [1, 2,], }`)).toBe(
      normalizedMetadata(`{a:'x y',b:[1,2]}`),
    );
    expect(normalizedMetadata(`{ a: 'x' }`)).not.toBe(normalizedMetadata(`{ a: 'y' }`));
  });

  it('requires its files, so it is applied before a document is built, in every build', () => {
    const printed = `export default async () => {
    const t = { ["./a.dto"]: await import("./a.dto") };
    return { "@nestjs/swagger": { "models": [[import("./a.dto"), {}]] } };
};`;
    const out = synchronous(printed);
    expect(out).not.toMatch(/import\(|async|await/);
    expect(out).toContain('["./a.dto"]: require("./a.dto")');
    expect(out).toContain('[[require("./a.dto"), {}]]');
  });
});
