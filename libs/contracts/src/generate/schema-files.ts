import { MESSAGES, MESSAGE_NAMES, type MessageName } from '../catalog';
import { buildClassSchemas, envelopeSchema, type ContractSchemas } from '../json-schema';

/** Path of a message's envelope schema in the repository: `docs/schemas/<name>.v<version>.json`. */
export function schemaFilePath(name: MessageName): string {
  return `docs/schemas/${name}.v${MESSAGES[name].version}.json`;
}

export const SCHEMA_DIR = 'docs/schemas';

/** One envelope schema file per message, by repository path. */
export function generateSchemaFiles(
  schemas: ContractSchemas = buildClassSchemas(),
): Record<string, string> {
  return Object.fromEntries(
    MESSAGE_NAMES.map((name) => [
      schemaFilePath(name),
      `${JSON.stringify(envelopeSchema(schemas, name), null, 2)}\n`,
    ]),
  );
}
