import { Transform } from 'class-transformer';

const INTEGER = /^[+-]?\d{1,16}$/;

/**
 * A query parameter declared as an integer: the decimal digits of one become
 * a number, anything else (an empty `?offset=`, `1e3`, ` 7`, `0x10`, a
 * repeated parameter) stays as it came and fails `@IsInt()` with a 400.
 * `@Type(() => Number)` would turn `''` into 0 and `' 7'` into 7, accepting
 * what the OpenAPI document forbids.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && INTEGER.test(value) ? Number(value) : value,
  );
}
