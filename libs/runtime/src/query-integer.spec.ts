import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, validateSync } from 'class-validator';
import { QueryInteger } from './query-integer';

class Page {
  @IsOptional()
  @QueryInteger()
  @IsInt()
  offset?: number;
}

const errorsFor = (offset: unknown) =>
  validateSync(plainToInstance(Page, { offset })).map((e) => e.property);

describe('QueryInteger', () => {
  it.each([['0'], ['42'], ['-3'], ['+5']])('reads %p as an integer', (raw) => {
    expect(plainToInstance(Page, { offset: raw }).offset).toBe(Number(raw));
    expect(errorsFor(raw)).toEqual([]);
  });

  it.each([[''], [' 7'], ['1e3'], ['0x10'], ['1.5'], ['abc'], [['1', '2']]])(
    'refuses %p rather than reading it as a number',
    (raw) => {
      expect(errorsFor(raw)).toEqual(['offset']);
    },
  );

  it('leaves an absent parameter absent', () => {
    expect(errorsFor(undefined)).toEqual([]);
  });
});
