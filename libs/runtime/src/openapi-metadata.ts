/**
 * The Swagger CLI plugin's metadata (ADR 23), generated into each DTO
 * folder's `swagger.metadata.ts` by scripts/generate-swagger-metadata.ts,
 * applied here before a document is built.
 *
 * A generated file is what `SwaggerModule.loadPluginMetadata` takes, with
 * `require()` where the Nest CLI writes `await import()`, so it is applied
 * synchronously, before documentValidationRules reads the `@ApiProperty`
 * metadata: each property the plugin found gets that metadata as
 * `@ApiProperty(<the plugin's options>)` would give it, an explicit
 * decorator's options winning (what Nest's MetadataLoader and
 * ModelPropertiesAccessor do, lazily, with the factory the plugin compiles
 * into a class). The properties keep their declaration order. (The loader
 * also refreshes mapped types, `PartialType` and the like: no DTO uses one.)
 */
import { ApiProperty } from '@nestjs/swagger';

type PropertyOptions = Record<string, unknown>;
type ClassMetadata = Record<string, Record<string, PropertyOptions>>;
type FileMetadata = [Record<string, unknown> | Promise<Record<string, unknown>>, ClassMetadata];

/** What a generated `swagger.metadata.ts` returns. */
export interface PluginMetadata {
  '@nestjs/swagger': { models: FileMetadata[]; controllers: FileMetadata[] };
}

/** A generated file's default export. */
export type PluginMetadataFile = () => PluginMetadata;

const SWAGGER_PROPERTY_LIST = 'swagger/apiModelPropertiesArray';
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

const COMPOSED = ['$ref', 'allOf', 'oneOf', 'anyOf'];
const KEPT_WHEN_COMPOSED = new Set(['required', 'description', 'example']);

const applied = new WeakSet<PluginMetadataFile>();

/** Words last, as the decorators were written (the documents keep their key order). */
const LAST = ['enum', 'example', 'description'];

/**
 * The plugin's options as a decorator would give them: the type resolved
 * (every file is loaded by now; Nest moves a lazily resolved `type` to the
 * end of the schema), the type first and the words last.
 */
function asDecorated(options: PropertyOptions): PropertyOptions {
  const { type, ...rest } = options;
  const resolved: unknown =
    typeof type === 'function' && !type.prototype ? (type as () => unknown)() : type;
  const words = Object.fromEntries(LAST.filter((k) => k in rest).map((k) => [k, rest[k]]));
  for (const k of LAST) delete rest[k];
  return { ...(resolved === undefined ? {} : { type: resolved }), ...rest, ...words };
}

/** `@ApiProperty(options)` under the property's explicit options, if it has any. */
function documentProperty(prototype: object, key: string, pluginOptions: PropertyOptions): void {
  const options = asDecorated(pluginOptions);
  const own = Reflect.getOwnMetadata(SWAGGER_PROPERTY, prototype, key) as
    | PropertyOptions
    | undefined;
  Reflect.deleteMetadata(SWAGGER_PROPERTY, prototype, key);
  ApiProperty({ ...options })(prototype, key);
  if (!own) return;
  const plugin = Reflect.getOwnMetadata(SWAGGER_PROPERTY, prototype, key) as PropertyOptions;
  // A schema composed by hand (a contract's `$ref`, a `oneOf`) takes from the plugin only its words and `?`.
  const composed = COMPOSED.some((k) => k in own);
  const extra = Object.fromEntries(
    Object.entries(plugin).filter(([k]) => !(k in own) && (!composed || KEPT_WHEN_COMPOSED.has(k))),
  );
  // A decorator without `type` got the emitted design type (`Array`, `Object`): the plugin knows better.
  const designType: unknown = Reflect.getMetadata('design:type', prototype, key);
  const explicit =
    !composed && plugin.type !== undefined && own.type === designType
      ? { ...own, type: plugin.type }
      : own;
  Reflect.defineMetadata(SWAGGER_PROPERTY, { ...explicit, ...extra }, prototype, key);
}

/**
 * The property list of each documented class, in declaration order: its
 * parent's first (a parent's plugin-only properties too, which the list a
 * subclass's decorators copied at definition time lacks), then its own.
 */
function orderProperties(own: Map<object, string[]>): void {
  const done = new Set<object>();
  const order = (prototype: object): void => {
    if (done.has(prototype)) return;
    done.add(prototype);
    const parent = Reflect.getPrototypeOf(prototype);
    if (parent && parent !== Object.prototype) order(parent);
    const keys = own.get(prototype);
    if (!keys) return;
    const inherited =
      (parent && (Reflect.getMetadata(SWAGGER_PROPERTY_LIST, parent) as string[])) || [];
    const before = (Reflect.getOwnMetadata(SWAGGER_PROPERTY_LIST, prototype) as string[]) ?? [];
    const mine = keys.map((key) => `:${key}`).filter((key) => !inherited.includes(key));
    const rest = before.filter((key) => !inherited.includes(key) && !mine.includes(key));
    Reflect.defineMetadata(SWAGGER_PROPERTY_LIST, [...inherited, ...mine, ...rest], prototype);
  };
  for (const prototype of own.keys()) order(prototype);
}

/** Applies the generated files' metadata to their classes (once per file). */
export function applyPluginMetadata(files: readonly PluginMetadataFile[]): void {
  const own = new Map<object, string[]>();
  for (const file of files) {
    if (applied.has(file)) continue;
    applied.add(file);
    const { models, controllers } = file()['@nestjs/swagger'];
    for (const [module, classes] of [...models, ...controllers]) {
      if (module instanceof Promise) {
        throw new Error('a swagger.metadata.ts must require() its files: regenerate it');
      }
      for (const [name, properties] of Object.entries(classes)) {
        const prototype = (module[name] as { prototype: object }).prototype;
        for (const [key, options] of Object.entries(properties)) {
          documentProperty(prototype, key, options);
        }
        own.set(prototype, Object.keys(properties));
      }
    }
  }
  orderProperties(own);
}
