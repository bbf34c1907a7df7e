import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { edgeValidationPipe, MAX_BODY_DEPTH, nestingDepth, verifyJsonBody } from './bootstrap';

class Note {
  @IsString()
  text!: string;
}

const nested = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

describe('the HTTP edge', () => {
  it('measures nesting without recursion, even thousands of levels deep', () => {
    expect(nestingDepth({ a: [{ b: 1 }] })).toBe(3);
    expect(nestingDepth('text')).toBe(0);
    expect(nestingDepth(nested(100_000))).toBe(100_000);
  });

  it('answers a body nested deeper than the cap with a 400, not a stack overflow', async () => {
    const pipe = edgeValidationPipe();
    const meta = { type: 'body' as const, metatype: Note };
    await expect(pipe.transform(nested(5_000), meta)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform(nested(MAX_BODY_DEPTH + 1), meta)).rejects.toMatchObject({
      response: { message: [`body is nested more than ${MAX_BODY_DEPTH} levels deep`] },
    });
    await expect(pipe.transform({ text: 'ok' }, meta)).resolves.toMatchObject({ text: 'ok' });
  });

  it('refuses a JSON body nested deeper than the cap before it is parsed', () => {
    const verify = (text: string) => () =>
      verifyJsonBody(undefined as never, undefined, Buffer.from(text), 'utf-8');
    expect(verify('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(BadRequestException);
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    expect(verify(`{"officer":${deepObject}}`)).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({
          statusCode: 400,
          message: [`body is nested more than ${MAX_BODY_DEPTH} levels deep`],
        }),
      }),
    );
    expect(verify('{"text":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).not.toThrow();
  });

  it('refuses a JSON body that is not UTF-8 instead of reading U+FFFD into it', () => {
    const body = Buffer.concat([
      Buffer.from('{"text":"'),
      Buffer.of(0xc3, 0x28),
      Buffer.from('"}'),
    ]);
    expect(() => verifyJsonBody(undefined as never, undefined, body, 'utf-8')).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({ message: ['body is not valid UTF-8 (byte 9: 0xc3)'] }),
      }),
    );
    const utf16 = Buffer.from('{"text":"ok"}', 'utf16le');
    expect(() => verifyJsonBody(undefined as never, undefined, utf16, 'utf-16le')).toThrow(
      UnsupportedMediaTypeException,
    );
    expect(() =>
      verifyJsonBody(undefined as never, undefined, Buffer.from('{"text":"Zoë"}'), 'utf-8'),
    ).not.toThrow();
  });

  it('answers a string with NUL or another control character with a 400 naming the field', async () => {
    const pipe = edgeValidationPipe();
    const body = { type: 'body' as const, metatype: Note };
    await expect(pipe.transform({ text: 'a\u0000b' }, body)).rejects.toMatchObject({
      response: {
        message: [
          'text contains U+0000, a control character (only tab, line feed and carriage return are allowed)',
        ],
      },
    });
    await expect(pipe.transform({ text: 'bell\u0007' }, body)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(pipe.transform({ text: 'half \ud800' }, body)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    const query = { type: 'query' as const, metatype: String, data: 'consumer' };
    await expect(pipe.transform('x\u001b', query)).rejects.toMatchObject({
      response: { message: [expect.stringMatching(/^consumer contains U\+001B/)] },
    });
    await expect(pipe.transform({ text: 'line one\r\n\tline two' }, body)).resolves.toMatchObject({
      text: 'line one\r\n\tline two',
    });
  });
});
