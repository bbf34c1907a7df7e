/**
 * Writes the artifacts generated from libs/contracts: one envelope JSON Schema
 * per message (docs/schemas/), the AsyncAPI document and the subject catalog.
 * A unit test fails when the checked-in files differ from what this writes.
 *
 *   node -r @swc-node/register scripts/generate-contracts.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateArtifacts, SCHEMA_DIR } from '../libs/contracts/src/generate';

const root = resolve(__dirname, '..');
const artifacts = generateArtifacts();

mkdirSync(join(root, SCHEMA_DIR), { recursive: true });
for (const file of readdirSync(join(root, SCHEMA_DIR))) {
  const path = `${SCHEMA_DIR}/${file}`;
  if (file.endsWith('.json') && !(path in artifacts)) {
    rmSync(join(root, path));
    console.log(`removed ${path}`);
  }
}
for (const [path, content] of Object.entries(artifacts)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`wrote ${Object.keys(artifacts).length} files`);
