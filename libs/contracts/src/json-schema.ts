import { getMetadataStorage, ValidationTypes } from 'class-validator';
import * as cv from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { MESSAGES, MESSAGE_NAMES, type MessageName } from './catalog';
import { cloudEventType, schemaId, type MessageDefinition } from './define';
import { PRECEDENCES } from './envelope';
import { DETACHED_JWS_PATTERN } from './signing/envelope-signature';
import { sourceOf } from './parties';
import { MARKING_FORMAT, MARKING_PATTERN, MAX_MARKING_LENGTH } from './classification';
import { conditionalRulesOf, type ConditionalRule } from './validation/decorators';
import {
  DATE_PATTERN,
  TRACEPARENT_PATTERN,
  UTC_DATE_TIME_PATTERN,
  UUID_PATTERN,
} from './validation/patterns';

/** A JSON Schema (draft-07) as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** Where `$ref`s to payload classes point in the standalone schema files. */
export const DEFINITIONS_REF_PREFIX = '#/definitions/';

/** Longest CloudEvents `subject` accepted. */
export const MAX_EVENT_SUBJECT_LENGTH = 200;

const markingSchema = (): JsonSchema => ({
  type: 'string',
  maxLength: MAX_MARKING_LENGTH,
  pattern: MARKING_PATTERN.source,
  format: MARKING_FORMAT,
});
const utcDateTimeSchema = (): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  pattern: UTC_DATE_TIME_PATTERN.source,
});
const uuidSchema = (): JsonSchema => ({ type: 'string', pattern: UUID_PATTERN.source });

/**
 * Converters for our own decorators, and fixes to defaults that would not say
 * what class-validator checks (`@Min` must not turn an integer into a number).
 */
const additionalConverters: ISchemaConverters = {
  isUtcDateTime: utcDateTimeSchema(),
  isFullDate: { type: 'string', format: 'date', pattern: DATE_PATTERN.source },
  isMarking: markingSchema(),
  // Expressed at class level with if/then (see conditionalSchemas).
  presentOnlyWhen: {},
  isOneOfPer: {},
  [cv.MIN]: (meta: ValidationMetadata) => ({ minimum: meta.constraints[0] as number }),
  [cv.MAX]: (meta: ValidationMetadata) => ({ maximum: meta.constraints[0] as number }),
  [ValidationTypes.CONDITIONAL_VALIDATION]: {},
};

/**
 * How class-validator metadata becomes JSON Schema, here and in the services'
 * OpenAPI documents (libs/runtime/src/openapi-exact.ts): one translation of
 * each rule.
 */
export function classValidatorSchemaOptions(refPointerPrefix = DEFINITIONS_REF_PREFIX) {
  return {
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix,
    additionalConverters,
  };
}

/** The payload classes reachable from the catalog, by class name. */
function catalogClasses(): Map<string, new () => object> {
  const classes = new Map<string, new () => object>();
  for (const name of MESSAGE_NAMES) {
    const cls = MESSAGES[name].payload as new () => object;
    classes.set(cls.name, cls);
  }
  return classes;
}

function conditionalSchemas(rules: readonly ConditionalRule[]): JsonSchema[] {
  return rules.flatMap((rule): JsonSchema[] => {
    switch (rule.kind) {
      case 'required-when': {
        const when: JsonSchema = {
          properties: { [rule.field]: { enum: [...rule.values] } },
          required: [rule.field],
        };
        return [
          rule.onlyThen
            ? {
                if: when,
                then: { required: [rule.property] },
                else: { not: { required: [rule.property] } },
              }
            : { if: when, then: { required: [rule.property] } },
        ];
      }
      case 'values-per':
        return Object.entries(rule.table).map(([key, values]) => ({
          if: { properties: { [rule.field]: { const: key } }, required: [rule.field] },
          then: { properties: { [rule.property]: { enum: [...values] } } },
        }));
    }
  });
}

function walkRefs(schema: unknown, visit: (ref: string) => void): void {
  if (Array.isArray(schema)) {
    for (const s of schema) walkRefs(s, visit);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string') visit(v);
      else walkRefs(v, visit);
    }
  }
}

/** Deep copy with every `$ref` to `#/definitions/X` pointed at `<prefix>X`. */
export function rewriteRefs<T>(schema: T, prefix: string): T {
  return JSON.parse(
    JSON.stringify(schema, (k, v: unknown) =>
      k === '$ref' && typeof v === 'string' && v.startsWith(DEFINITIONS_REF_PREFIX)
        ? prefix + v.slice(DEFINITIONS_REF_PREFIX.length)
        : v,
    ),
  ) as T;
}

export interface ContractSchemas {
  /** Schema of every class used by a payload (payload classes and nested ones), by class name. */
  classes: Record<string, JsonSchema>;
  /** Class names each message's payload depends on (itself first, then nested, sorted). */
  dependencies: Record<MessageName, string[]>;
}

/**
 * JSON Schemas of every payload class, from the same class-validator metadata
 * the runtime validates with: no nested class left as `{}`, no unknown
 * property, conditional requirements as if/then.
 */
export function buildClassSchemas(): ContractSchemas {
  const all = validationMetadatasToSchemas(classValidatorSchemaOptions()) as Record<
    string,
    JsonSchema
  >;

  const roots = catalogClasses();
  const classes: Record<string, JsonSchema> = {};
  const dependencies = {} as Record<MessageName, string[]>;
  const ctorByName = reachableClasses(roots.values());

  const include = (className: string): void => {
    if (classes[className]) return;
    const raw = all[className];
    if (!raw) throw new Error(`no class-validator metadata for ${className}`);
    const schema: JsonSchema = { ...raw, additionalProperties: false };
    const ctor = ctorByName.get(className);
    const conditionals = ctor ? conditionalSchemas(conditionalRulesOf(ctor)) : [];
    if (conditionals.length > 0) schema.allOf = conditionals;
    classes[className] = schema;
    walkRefs(raw, (ref) => include(ref.slice(DEFINITIONS_REF_PREFIX.length)));
  };

  for (const name of MESSAGE_NAMES) {
    const root = (MESSAGES[name].payload as new () => object).name;
    include(root);
    const deps = new Set<string>();
    const collect = (className: string): void => {
      walkRefs(classes[className], (ref) => {
        const dep = ref.slice(DEFINITIONS_REF_PREFIX.length);
        if (!deps.has(dep)) {
          deps.add(dep);
          collect(dep);
        }
      });
    };
    collect(root);
    dependencies[name] = [root, ...[...deps].filter((d) => d !== root).sort()];
  }
  return { classes, dependencies };
}

/** The constructor of every class reachable from a payload class through `@Type()`, by class name. */
function reachableClasses(roots: Iterable<new () => object>): Map<string, new () => object> {
  const found = new Map<string, new () => object>();
  const visit = (cls: new () => object): void => {
    if (found.has(cls.name)) return;
    found.set(cls.name, cls);
    for (const meta of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
      if (meta.type !== ValidationTypes.NESTED_VALIDATION) continue;
      const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, meta.propertyName);
      if (typeMeta) visit(typeMeta.typeFunction() as new () => object);
    }
  };
  for (const cls of roots) visit(cls);
  return found;
}

/** The payload class name of a message (`SignOffSubmittedV1`). */
export function payloadClassName(name: MessageName): string {
  return (MESSAGES[name].payload as new () => object).name;
}

/** The schema of one message's payload alone, self-contained (`definitions`). */
export function payloadSchema(schemas: ContractSchemas, name: MessageName): JsonSchema {
  const [root, ...deps] = schemas.dependencies[name];
  const def = MESSAGES[name] as unknown as MessageDefinition;
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(def),
    title: `${root} (${name} v${def.version} payload)`,
    ...schemas.classes[root],
    ...(deps.length > 0
      ? { definitions: Object.fromEntries(deps.map((d) => [d, schemas.classes[d]])) }
      : {}),
  };
}

/** Envelope URN of a message, the `$id` of its envelope schema. */
export function envelopeSchemaId(def: Pick<MessageDefinition, 'name' | 'version'>): string {
  return `urn:icb:envelope:${def.name}.v${def.version}`;
}

/**
 * The envelope attributes of a message (CloudEvents 1.0 plus the bus's
 * extensions), with `data` as given: the one place the envelope is described.
 */
export function envelopeProperties(
  def: MessageDefinition,
  data: JsonSchema,
): Record<string, JsonSchema> {
  const sources = def.publishers.map(sourceOf);
  return {
    specversion: { type: 'string', const: '1.0' },
    id: { ...uuidSchema(), description: 'Unique event id; also the JetStream Nats-Msg-Id.' },
    source: {
      type: 'string',
      pattern: `^(?:${sources.join('|')})$`,
      description: 'The publishing party, /icb/<party>.',
    },
    type: { type: 'string', const: cloudEventType(def) },
    time: utcDateTimeSchema(),
    subject: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_EVENT_SUBJECT_LENGTH,
      description: 'The id of the matter the event is about (usually the consultation id).',
    },
    datacontenttype: { type: 'string', const: 'application/json' },
    dataschema: { type: 'string', const: schemaId(def) },
    correlationid: uuidSchema(),
    causationid: uuidSchema(),
    classification: { ...markingSchema(), description: 'Banner marking of the event as a whole.' },
    precedence: { type: 'string', enum: [...PRECEDENCES] },
    traceparent: { type: 'string', pattern: TRACEPARENT_PATTERN.source },
    jws: {
      type: 'string',
      pattern: DETACHED_JWS_PATTERN.source,
      description:
        'The publisher’s signature: a detached compact JWS (alg EdDSA, kid) over the RFC 8785 canonical envelope without this attribute.',
    },
    data,
  };
}

export const ENVELOPE_REQUIRED = [
  'specversion',
  'id',
  'source',
  'type',
  'time',
  'subject',
  'datacontenttype',
  'dataschema',
  'correlationid',
  'classification',
  'precedence',
  'data',
] as const;

/** The schema of one message's whole envelope, self-contained (`definitions`). */
export function envelopeSchema(schemas: ContractSchemas, name: MessageName): JsonSchema {
  const def = MESSAGES[name] as unknown as MessageDefinition;
  const [root, ...deps] = schemas.dependencies[name];
  const definitions = Object.fromEntries([root, ...deps].map((d) => [d, schemas.classes[d]]));
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: envelopeSchemaId(def),
    title: `${name} v${def.version}`,
    description: def.summary,
    type: 'object',
    properties: envelopeProperties(def, { $ref: `${DEFINITIONS_REF_PREFIX}${root}` }),
    required: [...ENVELOPE_REQUIRED],
    additionalProperties: false,
    definitions,
  };
}
