import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse as parseYaml } from 'yaml';
import { MESSAGE_NAMES } from '../catalog';
import { generateArtifacts, messageKey, SCHEMA_DIR, schemaFilePath } from './index';
import { ASYNCAPI_PATH } from './asyncapi';

const root = resolve(__dirname, '../../../..');
const artifacts = generateArtifacts();
const onDisk = (path: string): string | undefined => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
};

type AsyncApiDoc = {
  channels: Record<string, { address: string; parameters: Record<string, { enum: string[] }> }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: { messages: Record<string, unknown>; schemas: Record<string, unknown> };
};

describe('generated artifacts', () => {
  it('the AsyncAPI document parses with @asyncapi/parser without errors', async () => {
    const { diagnostics } = await new Parser().parse(artifacts[ASYNCAPI_PATH]);
    const errors = diagnostics
      // Severity 0 is Error (Stoplight's DiagnosticSeverity); 1-3 are warnings, information and hints.
      .filter((d) => Number(d.severity) === 0)
      .map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  }, 60_000);

  it.each(Object.keys(artifacts))(
    '%s on disk is what the contracts generate (else run `npm run generate`)',
    (path) => {
      const current = onDisk(path);
      if (current !== artifacts[path]) {
        throw new Error(
          `${path} is out of date with libs/contracts: run \`npm run generate\` and commit the result`,
        );
      }
      expect(current).toBe(artifacts[path]);
    },
  );

  it('docs/schemas holds no schema of a message that left the catalog (else run `npm run generate`)', () => {
    const files = readdirSync(join(root, SCHEMA_DIR)).map((f) => `${SCHEMA_DIR}/${f}`);
    expect(files.filter((f) => !(f in artifacts))).toEqual([]);
  });

  it('every catalog message has a schema file, a channel, a message and a send operation', () => {
    const doc = parseYaml(artifacts[ASYNCAPI_PATH]) as AsyncApiDoc;
    for (const name of MESSAGE_NAMES) {
      const key = messageKey(name);
      expect({
        name,
        schema: schemaFilePath(name) in artifacts,
        channel: doc.channels[key]?.address.includes(`.${name}.v`),
        message: key in doc.components.messages,
        send: doc.operations[`send.${key}`]?.action,
      }).toEqual({ name, schema: true, channel: true, message: true, send: 'send' });
    }
  });

  it('an addressed message has an addressee parameter in its channel address', () => {
    const doc = parseYaml(artifacts[ASYNCAPI_PATH]) as AsyncApiDoc;
    const channel = doc.channels[messageKey('review.requested')];
    expect(channel.address).toBe('icb.evt.{publisher}.review.requested.v1.{addressee}');
    expect(channel.parameters.publisher.enum).toEqual(['coordinator']);
    expect(channel.parameters.addressee.enum).toContain('dod');
  });

  it('schemas refer only to definitions inside the same document (no network refs)', () => {
    const refs = [
      ...Object.values(artifacts)
        .join('\n')
        .matchAll(/"?\$ref"?: ['"]?([^'"\s,}]+)/g),
    ].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !r.startsWith('#/'))).toEqual([]);
  });
});
