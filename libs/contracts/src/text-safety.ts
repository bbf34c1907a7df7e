/**
 * What every edge refuses in text before it trusts it, over HTTP and on the
 * bus alike: bytes that are not UTF-8 (RFC 8259 §8.1 makes JSON between
 * systems UTF-8; decoding them anyway would turn them into U+FFFD without a
 * word), JSON nested deeper than any contract needs, and strings carrying C0
 * control characters or unpaired surrogates. Pure functions without
 * recursion: a hostile input cannot overflow the stack.
 */

/** Deepest nesting of objects and arrays a request body or a message may have: the contracts need a handful of levels. */
export const MAX_JSON_DEPTH = 32;

export type JsonTextProblem =
  | { code: 'INVALID_UTF8'; offset: number; message: string }
  | { code: 'TOO_DEEP'; depth: number; message: string };

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8
 * sequence (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF), or -1 when every byte does.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > n) return i;
    const second = bytes[i + 1];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * How deeply a JSON text nests objects and arrays, counting brackets outside
 * strings; stops counting once past `limit`. Does not check the syntax
 * (JSON.parse does, afterwards): it only makes sure the parse and everything
 * that walks the result later stays shallow.
 */
export function jsonTextDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Checks a JSON text's bytes before they are parsed: UTF-8, and no deeper
 * than `maxDepth`. Returns the decoded text to parse, or the problem.
 */
export function scanJsonText(
  bytes: Uint8Array,
  maxDepth = MAX_JSON_DEPTH,
): { ok: true; text: string } | ({ ok: false } & JsonTextProblem) {
  const offset = invalidUtf8Offset(bytes);
  if (offset >= 0) {
    return {
      ok: false,
      code: 'INVALID_UTF8',
      offset,
      message: `is not valid UTF-8 (byte ${offset}: 0x${bytes[offset].toString(16).padStart(2, '0')})`,
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const depth = jsonTextDepth(text, maxDepth);
  if (depth > maxDepth) {
    return {
      ok: false,
      code: 'TOO_DEEP',
      depth,
      message: `is nested more than ${maxDepth} levels deep`,
    };
  }
  return { ok: true, text };
}

/** A string the edges refuse: where it is and which code unit. */
export interface UnsafeText {
  /** Where: `officer.name`, `items[2]`, `(root)`, or `a property name in officer`. */
  path: string;
  /** The offending UTF-16 code unit. */
  codeUnit: number;
  kind: 'control-character' | 'unpaired-surrogate';
  /** `officer.name contains U+0000, a control character (...)`. */
  message: string;
}

/**
 * The first code unit in `text` the edges refuse: a C0 control character
 * other than tab, line feed and carriage return (NUL included), or half of a
 * surrogate pair without its other half (no character: it cannot be written
 * as UTF-8). -1 when there is none.
 */
export function unsafeCodeUnitIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

function describe(path: string, codeUnit: number): UnsafeText {
  const hex = `U+${codeUnit.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = codeUnit < 0x20 ? 'control-character' : 'unpaired-surrogate';
  const what =
    kind === 'control-character'
      ? `${hex}, a control character (only tab, line feed and carriage return are allowed)`
      : `${hex}, half of a surrogate pair without its other half (not a character)`;
  return { path, codeUnit, kind, message: `${path} contains ${what}` };
}

const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number'
    ? `${parent === '(root)' ? '' : parent}[${key}]`
    : parent === '(root)'
      ? key
      : `${parent}.${key}`;

/**
 * The first string (value or key) in a parsed JSON value that holds a code
 * unit the edges refuse (unsafeCodeUnitIndex), or undefined. Iterative.
 */
export function findUnsafeText(value: unknown): UnsafeText | undefined {
  const stack: [unknown, string][] = [[value, '(root)']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const at = unsafeCodeUnitIndex(v);
      if (at >= 0) return describe(path, v.charCodeAt(at));
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], childPath(path, i)]);
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const at = unsafeCodeUnitIndex(key);
      if (at >= 0) return describe(`a property name in ${path}`, key.charCodeAt(at));
      stack.push([(v as Record<string, unknown>)[key], childPath(path, key)]);
    }
  }
  return undefined;
}
