import { BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { edgeValidationPipe, MAX_BODY_DEPTH, nestingDepth } from './bootstrap';

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
});
