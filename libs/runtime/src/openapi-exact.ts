/**
 * The OpenAPI document states what the HTTP edge enforces (issue 10).
 *
 * Nest builds the document from `@ApiProperty` alone, and the edge validates
 * with class-validator (edgeValidationPipe): two descriptions of each input
 * that drift apart (an empty string refused where the document allows it, a
 * `pattern` only the validator knows, unknown properties refused, a 400 no
 * operation declares). So the validator is made the source of both:
 *
 * - before Nest reads the `@ApiProperty` metadata, each validated property
 *   gets the constraints class-validator checks (lengths, patterns, bounds,
 *   item counts, integer-ness, whether it may be left out), translated as the
 *   bus contracts' JSON Schemas translate them (classValidatorSchemaOptions);
 * - in the document, each schema a request body uses refuses unknown
 *   properties (the pipe's `forbidNonWhitelisted`) and states the rules
 *   between properties (`@RequiredWhen`, `@OneOfPer`); each free-text string
 *   of a request states the characters the edge refuses (SAFE_TEXT_PATTERN);
 * - each operation declares the answers every edge can give: 400 for invalid
 *   input, 413/415 for a body too large or not UTF-8, and with sign-in 401,
 *   403 (unsafe methods: cross-origin cookies) and 429; every error answer
 *   is `application/json` in the one error shape (ApiErrorDto).
 */
import { ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import {
  buildClassSchemas,
  classValidatorSchemaOptions,
  rewriteRefs,
  type JsonSchema,
} from '@icb/contracts';
import { conditionalRulesOf, type ConditionalRule } from '@icb/contracts/validation/decorators';

/** Every error answer of every service, in Nest's error body shape. */
export class ApiErrorDto {
  @ApiProperty({ type: 'integer', example: 404 })
  statusCode: number;

  @ApiPropertyOptional({ type: String, example: 'Not Found' })
  error?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'REVIEW_NOT_FOUND',
    description: 'A stable code for programs (the adapters’ errors and refusals).',
  })
  code?: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'no consultation 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21',
    description: 'What went wrong; one line per problem for invalid parameters.',
  })
  message: string | string[];
}

/**
 * A string without the code units every edge refuses (findUnsafeText in
 * @icb/contracts): C0 control characters other than tab, line feed and
 * carriage return. (Unpaired surrogates, also refused, cannot be written in
 * UTF-8 JSON text at all.)
 */
export const SAFE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$';

const SWAGGER_PROPERTY_LIST = 'swagger/apiModelPropertiesArray';
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/** The keywords a validator rule gives a property (Nest moves the string/number ones into `items` of an array). */
const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;
const ITEM_CONSTRAINTS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum'] as const;

type Ctor = abstract new (...args: never[]) => object;
type SwaggerProperty = Record<string, unknown>;

function pick(from: JsonSchema | undefined, keys: readonly string[]): JsonSchema {
  const out: JsonSchema = {};
  for (const k of keys) if (from?.[k] !== undefined) out[k] = from[k];
  return out;
}

function validationMetadatas(): Map<Ctor, ValidationMetadata[]> {
  return (
    getMetadataStorage() as unknown as { validationMetadatas: Map<Ctor, ValidationMetadata[]> }
  ).validationMetadatas;
}

/** What class-validator checks of one property, as `@ApiProperty` options. */
function swaggerConstraints(
  rule: JsonSchema,
  documented: SwaggerProperty,
  optional: boolean,
): SwaggerProperty {
  const items = rule.items as JsonSchema | undefined;
  const out: SwaggerProperty = {
    ...pick(rule, CONSTRAINTS),
    ...(rule.type === 'array' ? pick(items, ITEM_CONSTRAINTS) : {}),
    required: !optional,
  };
  if (rule.type === 'integer' && (documented.type === Number || documented.type === 'number')) {
    out.type = 'integer';
  }
  if (rule.format !== undefined && documented.format === undefined) out.format = rule.format;
  // A vocabulary of items stays as documented: Nest keeps `enum` at the top, not in `items`.
  if (Array.isArray(rule.enum) && documented.enum === undefined) out.enum = rule.enum;
  return out;
}

/**
 * Copies what class-validator checks into the `@ApiProperty` metadata of
 * every validated class, before Nest reads it (idempotent). A property the
 * validator does not know stays as documented, though the pipe refuses it
 * (`forbidNonWhitelisted`): the OpenAPI fuzz test (test/fuzz/) finds that.
 */
export function documentValidationRules(): void {
  const options = classValidatorSchemaOptions();
  for (const [cls, own] of validationMetadatas()) {
    const prototype = (cls as { prototype?: object }).prototype;
    if (!prototype || own.length === 0) continue;
    const keys = Reflect.getMetadata(SWAGGER_PROPERTY_LIST, prototype) as string[] | undefined;
    if (!keys) continue;
    const schema = targetConstructorToSchema(cls, options) as JsonSchema;
    const rules = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
    for (const key of keys.map((k) => k.replace(/^:/, ''))) {
      const documented = Reflect.getMetadata(SWAGGER_PROPERTY, prototype, key) as
        | SwaggerProperty
        | undefined;
      const rule = rules[key];
      if (!documented || !rule) continue;
      const optional = metas.some(
        (m) => m.propertyName === key && m.type === ValidationTypes.CONDITIONAL_VALIDATION,
      );
      Reflect.defineMetadata(
        SWAGGER_PROPERTY,
        { ...documented, ...swaggerConstraints(rule, documented, optional) },
        prototype,
        key,
      );
    }
  }
}

// ---------------------------------------------------------------- the document

type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: unknown[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const UNSAFE = new Set(['put', 'post', 'delete', 'patch']);
const COMPONENT_REF = '#/components/schemas/';
const ERROR_REF = `${COMPONENT_REF}${ApiErrorDto.name}`;

function operationsOf(document: OpenAPIObject): [string, string, Operation][] {
  const out: [string, string, Operation][] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) out.push([path, method, op]);
    }
  }
  return out;
}

function walk(schema: unknown, visit: (s: JsonSchema) => void): void {
  if (Array.isArray(schema)) {
    for (const s of schema) walk(s, visit);
  } else if (schema !== null && typeof schema === 'object') {
    visit(schema as JsonSchema);
    for (const v of Object.values(schema)) walk(v, visit);
  }
}

/**
 * Where a request property that is a bus contract's class points (e.g. an
 * amendment's `changes`, a ConsultationChangesV1): the document then carries
 * that class's schema, as the contract validator checks it.
 */
export function contractRef(className: string): string {
  return `${COMPONENT_REF}${className}`;
}

/** A draft-07 schema of the contracts in OpenAPI 3.0's dialect: no `if`/`then`/`else`, no `const`. */
function toOpenApi30(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApi30);
  if (schema === null || typeof schema !== 'object') return schema;
  const { if: when, then, else: otherwise, const: constant, ...rest } = schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] =
      key === 'properties' || key === 'definitions'
        ? Object.fromEntries(
            Object.entries(value as JsonSchema).map(([k, v]) => [k, toOpenApi30(v)]),
          )
        : toOpenApi30(value);
  }
  if (constant !== undefined) out.enum = [constant];
  if (when !== undefined) {
    const condition = toOpenApi30(when);
    const parts: JsonSchema[] = [];
    if (then !== undefined) parts.push({ anyOf: [{ not: condition }, toOpenApi30(then)] });
    if (otherwise !== undefined) parts.push({ anyOf: [condition, toOpenApi30(otherwise)] });
    out.allOf = [...((out.allOf as JsonSchema[] | undefined) ?? []), ...parts];
  }
  return out;
}

/** Adds the schema of every contract class a `$ref` names (contractRef) and of the classes it nests. */
function importContractClasses(document: OpenAPIObject): void {
  document.components ??= {};
  const schemas = (document.components.schemas ??= {}) as Record<string, JsonSchema>;
  let contract: Record<string, JsonSchema> | undefined;
  const visit = (root: unknown): void =>
    walk(root, (s) => {
      const ref = s.$ref;
      if (typeof ref !== 'string' || !ref.startsWith(COMPONENT_REF)) return;
      const name = ref.slice(COMPONENT_REF.length);
      if (schemas[name]) return;
      contract ??= buildClassSchemas().classes;
      if (!contract[name]) return;
      schemas[name] = toOpenApi30(rewriteRefs(contract[name], COMPONENT_REF)) as JsonSchema;
      visit(schemas[name]);
    });
  visit({ paths: document.paths, schemas: { ...schemas } });
}

/** The component schemas a request body uses, directly or nested. */
function requestComponents(document: OpenAPIObject): Set<string> {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const found = new Set<string>();
  const visitRefs = (schema: unknown): void =>
    walk(schema, (s) => {
      const ref = s.$ref;
      if (typeof ref !== 'string' || !ref.startsWith(COMPONENT_REF)) return;
      const name = ref.slice(COMPONENT_REF.length);
      if (found.has(name) || !schemas[name]) return;
      found.add(name);
      visitRefs(schemas[name]);
    });
  for (const [, , op] of operationsOf(document)) visitRefs(op.requestBody);
  return found;
}

/** `if A then B` as OpenAPI 3.0 can say it: `not A, or B`. */
function conditionalSchemas(rules: readonly ConditionalRule[]): JsonSchema[] {
  return rules.flatMap((rule): JsonSchema[] => {
    switch (rule.kind) {
      case 'required-when': {
        const when: JsonSchema = {
          type: 'object',
          properties: { [rule.field]: { enum: [...rule.values] } },
          required: [rule.field],
        };
        const then: JsonSchema = { type: 'object', required: [rule.property] };
        return [
          { anyOf: [{ not: when }, then] },
          ...(rule.onlyThen ? [{ anyOf: [when, { not: then }] }] : []),
        ];
      }
      case 'values-per':
        return Object.entries(rule.table).map(([key, values]) => ({
          anyOf: [
            {
              not: {
                type: 'object',
                properties: { [rule.field]: { enum: [key] } },
                required: [rule.field],
              },
            },
            { type: 'object', properties: { [rule.property]: { enum: [...values] } } },
          ],
        }));
    }
  });
}

/** Formats whose every value is free of control characters already. */
const CLEAN_FORMATS = new Set(['uuid', 'date-time', 'date', 'uri', 'email']);

/** A free-text string (no pattern, vocabulary or clean format of its own) gets the edge's character rule. */
function safeText(schema: JsonSchema): void {
  if (
    schema.type === 'string' &&
    schema.pattern === undefined &&
    schema.enum === undefined &&
    !CLEAN_FORMATS.has(schema.format as string) &&
    schema.const === undefined
  ) {
    schema.pattern = SAFE_TEXT_PATTERN;
  }
}

/** Applies safeText to a schema and its inline parts, not through `$ref`s. */
function safeTextDeep(schema: unknown): void {
  walk(schema, safeText);
}

function classesByName(): Map<string, Ctor> {
  const byName = new Map<string, Ctor>();
  for (const cls of validationMetadatas().keys()) {
    const name = (cls as { name?: string }).name;
    if (name) byName.set(name, cls);
  }
  return byName;
}

const STATUS = {
  400: 'Invalid parameters or body: `message` lists each problem.',
  401: 'Not signed in: no valid session, API token, or username and password.',
  403: 'Not allowed: the role is missing, or a cookie-authenticated change came from another origin.',
  413: 'The body is larger than the limit.',
  415: 'The body is JSON in a charset other than UTF-8.',
  429: 'Too many failed sign-ins for this username: refused for the rest of the window.',
} as const;

function declare(op: Operation, status: keyof typeof STATUS): void {
  op.responses[status] ??= { description: STATUS[status] };
}

/**
 * Makes a document Nest generated state what the edges enforce (see the top
 * of this file). `publicPaths`: the operations without sign-in, when the
 * service has sign-in.
 */
export function exactOpenApi(
  document: OpenAPIObject,
  signIn?: { publicPaths: readonly string[] },
): OpenAPIObject {
  importContractClasses(document);
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const classes = classesByName();
  for (const name of requestComponents(document)) {
    const schema = schemas[name];
    if (schema.type === 'object' && schema.properties) {
      schema.additionalProperties = false;
      for (const property of Object.values(schema.properties as Record<string, JsonSchema>)) {
        safeTextDeep(property);
      }
    }
    const cls = classes.get(name);
    const conditionals = cls ? conditionalSchemas(conditionalRulesOf(cls as never)) : [];
    if (conditionals.length > 0) schema.allOf = [...((schema.allOf as []) ?? []), ...conditionals];
  }

  for (const [path, method, op] of operationsOf(document)) {
    for (const parameter of op.parameters ?? []) safeTextDeep(parameter.schema);
    for (const media of Object.values(op.requestBody?.content ?? {})) {
      if (media.schema && !media.schema.$ref) safeTextDeep(media.schema);
    }
    if ((op.parameters?.length ?? 0) > 0 || op.requestBody) declare(op, 400);
    if (op.requestBody) {
      declare(op, 413);
      declare(op, 415);
    }
    if (signIn && !signIn.publicPaths.includes(path)) {
      declare(op, 401);
      declare(op, 429);
      if (UNSAFE.has(method)) declare(op, 403);
    }
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) < 400) continue;
      // Errors are JSON whatever the operation produces (an event stream, a
      // page), and any of them may come in the common shape: a body of its
      // own (a refusal with its verdict) or, refused before that, ApiErrorDto.
      const declared = Object.values(response.content ?? {})[0] as
        | { schema?: JsonSchema }
        | undefined;
      const own = declared?.schema;
      const schema =
        !own || own.$ref === ERROR_REF
          ? { $ref: ERROR_REF }
          : { anyOf: [own, { $ref: ERROR_REF }] };
      response.content = { 'application/json': { schema } };
    }
  }
  return document;
}
