import fc from 'fast-check';
import {
  findUnsafeText,
  invalidUtf8Offset,
  jsonTextDepth,
  MAX_JSON_DEPTH,
  scanJsonText,
  unsafeCodeUnitIndex,
} from './text-safety';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const fatal = new TextDecoder('utf-8', { fatal: true });

describe('text every edge refuses', () => {
  describe('UTF-8', () => {
    it.each([
      ['ASCII', utf8('{"a":"b"}'), -1],
      ['accents, CJK and an emoji', utf8('{"name":"Zoë 東京 🛰️"}'), -1],
      ['a byte that starts nothing (0xff)', bytes(0x41, 0xff, 0x41), 1],
      ['a lone continuation byte', bytes(0x80), 0],
      ['an overlong slash (0xc0 0xaf)', bytes(0xc0, 0xaf), 0],
      ['an overlong three-byte form (0xe0 0x80 0x80)', bytes(0xe0, 0x80, 0x80), 0],
      ['an encoded surrogate (0xed 0xa0 0x80)', bytes(0xed, 0xa0, 0x80), 0],
      ['a code point above U+10FFFF (0xf4 0x90 ...)', bytes(0xf4, 0x90, 0x80, 0x80), 0],
      ['a sequence cut short at the end', bytes(0x41, 0xe2, 0x82), 1],
      ['a sequence interrupted by ASCII', bytes(0xe2, 0x41, 0x82), 0],
    ])('%s', (_what, input, offset) => {
      expect(invalidUtf8Offset(input)).toBe(offset);
    });

    it('agrees with a strict decoder on any bytes', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
          let strictOk = true;
          try {
            fatal.decode(input);
          } catch {
            strictOk = false;
          }
          expect(invalidUtf8Offset(input) === -1).toBe(strictOk);
        }),
        { numRuns: 5_000 },
      );
    });

    it('accepts every string a UTF-8 encoder writes', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), (s) => {
          expect(invalidUtf8Offset(utf8(s))).toBe(-1);
        }),
      );
    });
  });

  describe('nesting', () => {
    it('counts brackets outside strings only', () => {
      expect(jsonTextDepth('{"a":[{"b":1}]}')).toBe(3);
      expect(jsonTextDepth('{"a":"[[[[{{{{"}')).toBe(1);
      expect(jsonTextDepth('{"a":"quote \\" then [[[["}')).toBe(1);
      expect(jsonTextDepth('{"a":"backslash \\\\","b":[[1]]}')).toBe(3);
      expect(jsonTextDepth('"text"')).toBe(0);
    });

    it('measures a body nested far deeper than the cap without parsing it', () => {
      expect(jsonTextDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
      expect(jsonTextDepth('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), 40)).toBe(41);
    });
  });

  describe('scanJsonText', () => {
    it('returns the text of a body that is UTF-8 and shallow enough', () => {
      expect(scanJsonText(utf8('{"name":"Zoë"}'))).toEqual({ ok: true, text: '{"name":"Zoë"}' });
      const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
      expect(scanJsonText(utf8(deepest)).ok).toBe(true);
    });

    it('refuses bytes that are not UTF-8, naming the first bad byte', () => {
      const body = Uint8Array.from([...utf8('{"name":"'), 0xff, 0xfe, ...utf8('"}')]);
      expect(scanJsonText(body)).toMatchObject({
        ok: false,
        code: 'INVALID_UTF8',
        offset: 9,
        message: 'is not valid UTF-8 (byte 9: 0xff)',
      });
    });

    it('refuses a body nested more than the cap', () => {
      const body = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
      expect(scanJsonText(utf8(body))).toMatchObject({
        ok: false,
        code: 'TOO_DEEP',
        message: `is nested more than ${MAX_JSON_DEPTH} levels deep`,
      });
    });
  });

  describe('control characters and unpaired surrogates', () => {
    it.each([
      ['plain text', 'Director, PM/RSAT', -1],
      ['tab, line feed and carriage return', 'a\tb\nc\r\nd', -1],
      ['an emoji (a surrogate pair)', 'ok 🛰️', -1],
      ['NUL', 'a\u0000b', 1],
      ['BEL', '\u0007', 0],
      ['backspace (JSON \\b)', 'x\b', 1],
      ['form feed (JSON \\f)', 'x\f', 1],
      ['escape (U+001B)', 'x\u001b[31m', 1],
      ['a high surrogate alone', 'x\ud800y', 1],
      ['a high surrogate at the end', 'x\ud83d', 1],
      ['a low surrogate alone', '\udc00', 0],
    ])('%s', (_what, text, index) => {
      expect(unsafeCodeUnitIndex(text)).toBe(index);
    });

    it('finds one anywhere in a parsed body, in values and in property names', () => {
      expect(findUnsafeText({ officer: { name: 'J. Smith', title: 'Director' } })).toBeUndefined();
      expect(findUnsafeText(JSON.parse('{"officer":{"name":"J.\\u0000Smith"}}'))).toEqual({
        path: 'officer.name',
        codeUnit: 0,
        kind: 'control-character',
        message:
          'officer.name contains U+0000, a control character (only tab, line feed and carriage return are allowed)',
      });
      expect(findUnsafeText({ conditions: [{ text: 'ok' }, { text: 'bad\u0001' }] })).toMatchObject(
        {
          path: 'conditions[1].text',
        },
      );
      expect(findUnsafeText(['\ud800'])).toMatchObject({
        path: '[0]',
        kind: 'unpaired-surrogate',
      });
      expect(findUnsafeText({ attributes: { 'na\u0000me': 1 } })).toMatchObject({
        path: 'a property name in attributes',
      });
      expect(findUnsafeText('\u0000')).toMatchObject({ path: '(root)' });
    });

    it('walks a value nested far deeper than any body without overflowing the stack', () => {
      let v: unknown = 'bad\u0000';
      for (let i = 0; i < 100_000; i++) v = [v];
      expect(findUnsafeText(v)?.kind).toBe('control-character');
    });
  });
});
