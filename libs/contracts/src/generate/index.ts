import { buildClassSchemas } from '../json-schema';
import { ASYNCAPI_PATH, generateAsyncApi } from './asyncapi';
import { generateSchemaFiles } from './schema-files';
import { generateSubjectsDoc, SUBJECTS_DOC_PATH } from './subjects-doc';

export {
  ASYNCAPI_PATH,
  channelAddress,
  consumersOf,
  generateAsyncApi,
  messageKey,
} from './asyncapi';
export { generateSchemaFiles, SCHEMA_DIR, schemaFilePath } from './schema-files';
export { generateSubjectsDoc, SUBJECTS_DOC_PATH } from './subjects-doc';

/** Every generated artifact, by path relative to the repository root. */
export function generateArtifacts(): Record<string, string> {
  const schemas = buildClassSchemas();
  return {
    ...generateSchemaFiles(schemas),
    [ASYNCAPI_PATH]: generateAsyncApi(schemas),
    [SUBJECTS_DOC_PATH]: generateSubjectsDoc(),
  };
}
