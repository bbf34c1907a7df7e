import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { fullFormats } from 'ajv-formats/dist/formats';
import { DATE_PATTERN, UTC_DATE_TIME_PATTERN, UUID_PATTERN } from './patterns';

/**
 * Composite class-validator decorators for payload classes. Each one has an
 * exact JSON Schema counterpart (see `json-schema.ts`), so that the generated
 * schemas accept exactly what class-validator accepts.
 */

type Decorator = (target: object, propertyName: string) => void;

function compose(...decorators: PropertyDecorator[]): Decorator {
  return (target, propertyName) => {
    for (const d of decorators) d(target, propertyName);
  };
}

/**
 * The property may be left out. Unlike `@IsOptional()` it does not accept
 * `null`: JSON Schema has no "absent or null" for a typed property, and a
 * stored document should not carry both spellings of "nothing".
 */
export function Optional(): Decorator {
  return compose(ValidateIf((_o: object, value: unknown) => value !== undefined));
}

/** A string of 1 to `max` characters (or at least `min`). */
export function Text(max: number, opts: { min?: number } = {}): Decorator {
  return compose(IsString(), MinLength(opts.min ?? 1), MaxLength(max));
}

/** A string matching a pattern from `patterns.ts`. */
export function Pattern(pattern: RegExp, what: string): Decorator {
  return compose(IsString(), Matches(pattern, { message: `$property must be ${what}` }));
}

export function IsUuid(options?: ValidationOptions): Decorator {
  return compose(Matches(UUID_PATTERN, { message: '$property must be a UUID', ...options }));
}

type FormatCheck = { validate: (value: string) => boolean };
// The very functions ajv-formats uses for `format: date-time` and `format: date` (full mode).
const dateTimeFormat = fullFormats['date-time'] as FormatCheck;
const dateFormat = fullFormats.date as FormatCheck;

/** RFC 3339 date-time in UTC (`2025-03-01T12:00:00Z`), checked as a real calendar time. */
export function IsUtcDateTime(): Decorator {
  return compose(
    ValidateBy({
      name: 'isUtcDateTime',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          UTC_DATE_TIME_PATTERN.test(value) &&
          dateTimeFormat.validate(value),
        defaultMessage: (args) =>
          `${args?.property} must be an RFC 3339 UTC date-time, e.g. 2025-03-01T12:00:00Z`,
      },
    }),
  );
}

/** RFC 3339 full-date (`2025-03-01`), checked as a real calendar date. */
export function IsDate(): Decorator {
  return compose(
    ValidateBy({
      name: 'isFullDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DATE_PATTERN.test(value) && dateFormat.validate(value),
        defaultMessage: (args) => `${args?.property} must be a date, e.g. 2025-03-01`,
      },
    }),
  );
}

export function OneOf(values: readonly (string | number)[]): Decorator {
  return compose(
    IsIn(values as (string | number)[], {
      message: `$property must be one of: ${values.join(', ')}`,
    }),
  );
}

export function Bool(): Decorator {
  return compose(IsBoolean());
}

/** An integer in [min, max]. */
export function Int(opts: { min: number; max?: number }): Decorator {
  return compose(IsInt(), Min(opts.min), Max(opts.max ?? Number.MAX_SAFE_INTEGER));
}

/** A finite number in [min, max]. */
export function Num(opts: { min: number; max: number }): Decorator {
  return compose(IsNumber({ allowNaN: false, allowInfinity: false }), Min(opts.min), Max(opts.max));
}

/** A nested object validated as class `type` (never an array, never null). */
export function Nested(type: () => new () => object, opts: { notEmpty?: boolean } = {}): Decorator {
  return compose(
    ValidateNested(),
    Type(type),
    IsObject(),
    ...(opts.notEmpty ? [IsNotEmptyObject({ nullable: false })] : []),
  );
}

/** An array of objects validated as class `type` (no nested arrays, no nulls). */
export function NestedArray(
  type: () => new () => object,
  opts: { max: number; min?: number },
): Decorator {
  return compose(
    IsArray(),
    ValidateNested({ each: true }),
    Type(type),
    IsObject({ each: true }),
    ArrayMaxSize(opts.max),
    ...(opts.min ? [ArrayMinSize(opts.min)] : []),
  );
}

/** An array of distinct values from a vocabulary. */
export function OneOfArray(
  values: readonly string[],
  opts: { max: number; min?: number },
): Decorator {
  return compose(
    IsArray(),
    IsIn(values as string[], {
      each: true,
      message: `each value in $property must be one of: ${values.join(', ')}`,
    }),
    ArrayUnique(),
    ArrayMaxSize(opts.max),
    ...(opts.min ? [ArrayMinSize(opts.min)] : []),
  );
}

/** An array of strings, each 1 to `maxLength` characters. */
export function TextArray(maxLength: number, opts: { max: number; min?: number }): Decorator {
  return compose(
    IsArray(),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(maxLength, { each: true }),
    ArrayMaxSize(opts.max),
    ...(opts.min ? [ArrayMinSize(opts.min)] : []),
  );
}

// ---------------------------------------------------------------------------
// Conditional rules, recorded for the JSON Schema generator.

/** A rule relating one property to the value of another, expressed in JSON Schema with if/then. */
export type ConditionalRule =
  | {
      kind: 'required-when';
      property: string;
      field: string;
      values: readonly unknown[];
      onlyThen: boolean;
    }
  | {
      kind: 'values-per';
      property: string;
      field: string;
      table: Readonly<Record<string, readonly string[]>>;
    };

const CONDITIONAL_RULES = Symbol('icb:conditional-rules');

type WithRules = { [CONDITIONAL_RULES]?: ConditionalRule[] };

function addRule(target: object, rule: ConditionalRule): void {
  const ctor = target.constructor as WithRules;
  const own = Object.prototype.hasOwnProperty.call(ctor, CONDITIONAL_RULES)
    ? ctor[CONDITIONAL_RULES]
    : undefined;
  if (own) own.push(rule);
  else Object.defineProperty(ctor, CONDITIONAL_RULES, { value: [rule], enumerable: false });
}

/** The conditional rules declared on a payload class. */
export function conditionalRulesOf(cls: new () => object): readonly ConditionalRule[] {
  return (cls as WithRules)[CONDITIONAL_RULES] ?? [];
}

/**
 * The property is required when `field` has one of `values`, and validated by
 * its other decorators whenever it is present. With `onlyThen`, it must be
 * absent otherwise (conditions belong to a concurrence with conditions only).
 */
export function RequiredWhen(
  field: string,
  values: readonly unknown[],
  opts: { onlyThen?: boolean } = {},
): Decorator {
  const onlyThen = opts.onlyThen ?? false;
  return (target, propertyName) => {
    addRule(target, { kind: 'required-when', property: propertyName, field, values, onlyThen });
    ValidateIf(
      (o: Record<string, unknown>, value: unknown) =>
        value !== undefined || values.includes(o[field]),
    )(target, propertyName);
    if (onlyThen) {
      ValidateBy({
        name: 'presentOnlyWhen',
        constraints: [field, values],
        validator: {
          validate: (_value: unknown, args) =>
            values.includes((args?.object as Record<string, unknown>)[field]),
          defaultMessage: (args) =>
            `${args?.property} is allowed only when ${field} is ${values.join(' or ')}`,
        },
      })(target, propertyName);
    }
  };
}

/**
 * The property's value must be one listed for the value of `field`, e.g. an
 * escalation level must belong to its ladder. Pair it with `@OneOf(all values)`.
 */
export function OneOfPer(
  field: string,
  table: Readonly<Record<string, readonly string[]>>,
): Decorator {
  return (target, propertyName) => {
    addRule(target, { kind: 'values-per', property: propertyName, field, table });
    ValidateBy({
      name: 'isOneOfPer',
      constraints: [field],
      validator: {
        validate: (value: unknown, args) => {
          const key = (args?.object as Record<string, unknown>)[field];
          // An unknown key fails on `field` itself; do not report it twice.
          if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(table, key))
            return true;
          return table[key].includes(value as string);
        },
        defaultMessage: (args) => {
          const key = String((args?.object as Record<string, unknown>)[field]);
          return `${args?.property} must be one of ${(table[key] ?? []).join(', ')} when ${field} is ${key}`;
        },
      },
    })(target, propertyName);
  };
}
