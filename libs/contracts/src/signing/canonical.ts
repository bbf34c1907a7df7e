/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte string a JSON
 * value signs as. Object members sorted by their names' UTF-16 code units,
 * no whitespace, strings and numbers serialised as ECMAScript's
 * `JSON.stringify` does (RFC 8785 §3.2.2 adopts exactly that), members whose
 * value is `undefined` left out (they do not exist in JSON). Throws on what
 * JSON cannot carry: non-finite numbers, bigints, functions, symbols.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot represent the number ${value}`);
      // ECMAScript's Number::toString is the RFC's number format (-0 is 0).
      return JSON.stringify(value);
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`JCS cannot represent a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalize(v))).join(',')}]`;
  }
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return canonicalize(json.call(value));
  const names = Object.keys(value).filter(
    (k) => (value as Record<string, unknown>)[k] !== undefined,
  );
  // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks.
  names.sort();
  return `{${names
    .map((k) => `${JSON.stringify(k)}:${canonicalize((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}
