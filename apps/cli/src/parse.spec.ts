import { InvalidArgumentError } from 'commander';
import {
  integer,
  listOf,
  parseAgency,
  parseCondition,
  parseDecision,
  parseOfficer,
  parseUuid,
} from './parse';

describe('option parsing', () => {
  describe('--condition "ID: text"', () => {
    it('reads the id before the first colon-and-space and the text after it', () => {
      expect(parseCondition('EUM-1: Enhanced end-use monitoring: annual')).toEqual([
        { id: 'EUM-1', text: 'Enhanced end-use monitoring: annual' },
      ]);
    });

    it('allows colons inside the id', () => {
      expect(parseCondition('dod:eum/1: Report yearly')).toEqual([
        { id: 'dod:eum/1', text: 'Report yearly' },
      ]);
    });

    it('reads an optional category in brackets', () => {
      expect(parseCondition('RT-2 [retransfer]: No retransfer without consent')).toEqual([
        { id: 'RT-2', text: 'No retransfer without consent', category: 'retransfer' },
      ]);
    });

    it('accumulates repeated conditions in order', () => {
      const first = parseCondition('A: one');
      expect(parseCondition('B: two', first).map((c) => c.id)).toEqual(['A', 'B']);
    });

    it.each([
      ['no separator', 'EUM-1 monitoring'],
      ['no text', 'EUM-1: '],
      ['an id with a space', 'EUM 1: text'],
      ['an unknown category', 'X [weather]: text'],
    ])('rejects %s', (_why, value) => {
      expect(() => parseCondition(value)).toThrow(InvalidArgumentError);
    });

    it('rejects the same id twice', () => {
      expect(() => parseCondition('A: again', [{ id: 'A', text: 'once' }])).toThrow(/given twice/);
    });
  });

  describe('--officer "Name, Title"', () => {
    it('splits at the first comma', () => {
      expect(parseOfficer('J. Smith, Director, PM/RSAT')).toEqual({
        name: 'J. Smith',
        title: 'Director, PM/RSAT',
      });
    });

    it('rejects a name without a title', () => {
      expect(() => parseOfficer('J. Smith')).toThrow(/Name, Title/);
    });
  });

  it('accepts the four decisions and names them when refusing another', () => {
    expect(parseDecision('concur-with-conditions')).toBe('concur-with-conditions');
    expect(() => parseDecision('maybe')).toThrow(
      'decision must be one of: concur, concur-with-conditions, non-concur, no-equity.',
    );
  });

  it('accepts the five agencies only (the coordinator is not an agency)', () => {
    expect(parseAgency('treasury')).toBe('treasury');
    expect(() => parseAgency('coordinator')).toThrow(InvalidArgumentError);
  });

  it('reads comma-separated lists, adds repeated options and names unknown values', () => {
    const statuses = listOf(['in-review', 'escalated', 'approved'] as const, 'status');
    expect(statuses('in-review, escalated')).toEqual(['in-review', 'escalated']);
    expect(statuses('approved', ['in-review'])).toEqual(['in-review', 'approved']);
    expect(() => statuses('in-review,stuck')).toThrow(
      'unknown status "stuck"; one of: in-review, escalated, approved.',
    );
  });

  it('reads whole numbers within bounds', () => {
    const limit = integer(1, 200);
    expect(limit('50')).toBe(50);
    expect(() => limit('0')).toThrow('must be between 1 and 200.');
    expect(() => limit('2.5')).toThrow('must be a whole number.');
    expect(() => integer(1)('-3')).toThrow('must be 1 or more.');
  });

  it('accepts a UUID and rejects anything else', () => {
    expect(parseUuid(' 6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13 ')).toBe(
      '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13',
    );
    expect(() => parseUuid('42')).toThrow('must be a UUID.');
  });
});
