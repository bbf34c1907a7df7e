import { validateSync } from 'class-validator';
import {
  clearanceCovers,
  CLEARANCES,
  formatMarking,
  highWaterMark,
  InvalidMarkingError,
  IsMarking,
  isValidMarking,
  MARKING_PATTERN,
  parseMarking,
  type ClassificationLevel,
  type Clearance,
  type Marking,
} from './classification';

const m = (banner: string): Marking => parseMarking(banner);

describe('parseMarking and formatMarking', () => {
  it.each([
    'UNCLASSIFIED',
    'CUI',
    'CUI//SP-EXPT',
    'CUI//SP-EXPT//NOFORN',
    'CUI//SP-EXPT/EXPT/PROPIN//REL TO USA, AUS, GBR',
    'CONFIDENTIAL',
    'SECRET//NOFORN',
    'SECRET//ORCON/NOFORN',
    'SECRET//REL TO USA, GBR',
    'SECRET//ORCON/REL TO USA, AUS, CAN, GBR, NZL',
    'TOP SECRET//ORCON',
  ])('%s round-trips unchanged (canonical banners)', (banner) => {
    expect(isValidMarking(banner)).toBe(true);
    expect(MARKING_PATTERN.test(banner)).toBe(true);
    expect(formatMarking(parseMarking(banner))).toBe(banner);
  });

  it('parses a banner into its parts', () => {
    expect(m('SECRET//ORCON/REL TO USA, GBR')).toEqual({
      level: 'SECRET',
      cuiCategories: [],
      orcon: true,
      noforn: false,
      relTo: ['USA', 'GBR'],
    });
  });

  it.each([
    ['', 'empty'],
    ['RESTRICTED', 'unknown level "RESTRICTED"'],
    ['secret', 'unknown level'],
    ['UNCLASSIFIED//NOFORN', 'UNCLASSIFIED carries no controls'],
    ['SECRET//NOFORN/ORCON', 'ORCON comes before'],
    ['SECRET//NOFORN/REL TO USA, GBR', 'NOFORN'],
    ['SECRET//REL TO GBR, USA', 'USA first'],
    ['SECRET//REL TO USA, GBR, AUS', 'alphabetical order'],
    ['SECRET//REL TO USA, GBR, GBR', 'without repeats'],
    ['SECRET//REL TO USA', 'use NOFORN'],
    ['SECRET//REL TO USA, UK', '"UK" is not a country trigraph'],
    ['CUI//ORCON', 'unknown CUI category "ORCON"'],
    ['CUI//EXPT/SP-EXPT', 'specified (SP-) ones first'],
    ['CUI//SP-EXPT//NOFORN//ORCON', 'too many'],
    ['SECRET//', 'empty segment'],
    ['SECRET//FOUO', 'unknown dissemination control "FOUO"'],
  ])('refuses "%s" saying why (%s)', (banner, reason) => {
    expect(isValidMarking(banner)).toBe(false);
    expect(() => parseMarking(banner)).toThrow(InvalidMarkingError);
    expect(() => parseMarking(banner)).toThrow(reason);
  });

  it('formats countries and categories in canonical order whatever the input order', () => {
    expect(
      formatMarking({
        level: 'SECRET',
        cuiCategories: [],
        orcon: false,
        noforn: false,
        relTo: ['GBR', 'AUS', 'USA'],
      }),
    ).toBe('SECRET//REL TO USA, AUS, GBR');
  });

  it('refuses to format a marking that is both NOFORN and REL TO', () => {
    expect(() =>
      formatMarking({
        level: 'SECRET',
        cuiCategories: [],
        orcon: false,
        noforn: true,
        relTo: ['USA', 'GBR'],
      }),
    ).toThrow(InvalidMarkingError);
  });
});

describe('highWaterMark', () => {
  const hwm = (...banners: string[]): string => formatMarking(highWaterMark(banners.map(m)));

  it('takes the highest level', () => {
    expect(hwm('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET')).toBe('SECRET');
  });

  it('of nothing is UNCLASSIFIED', () => {
    expect(hwm()).toBe('UNCLASSIFIED');
  });

  it('keeps NOFORN and ORCON when any portion carries them', () => {
    expect(hwm('SECRET//ORCON', 'CONFIDENTIAL//NOFORN')).toBe('SECRET//ORCON/NOFORN');
  });

  it('releases only to the countries every portion is released to', () => {
    expect(hwm('SECRET//REL TO USA, AUS, GBR', 'SECRET//REL TO USA, CAN, GBR')).toBe(
      'SECRET//REL TO USA, GBR',
    );
  });

  it('becomes NOFORN when no country is common to the releases', () => {
    expect(hwm('SECRET//REL TO USA, AUS', 'SECRET//REL TO USA, GBR')).toBe('SECRET//NOFORN');
  });

  it('drops REL TO when a classified portion has no release decision', () => {
    expect(hwm('SECRET//REL TO USA, GBR', 'CONFIDENTIAL')).toBe('SECRET');
  });

  it('NOFORN wins over REL TO', () => {
    expect(hwm('SECRET//REL TO USA, GBR', 'CUI//NOFORN')).toBe('SECRET//NOFORN');
  });

  it('keeps the union of CUI categories when the whole is CUI', () => {
    expect(hwm('CUI//SP-EXPT', 'CUI//PRVCY', 'UNCLASSIFIED')).toBe('CUI//SP-EXPT/PRVCY');
  });

  it('drops CUI categories when a portion is classified', () => {
    expect(hwm('CUI//SP-EXPT', 'SECRET')).toBe('SECRET');
  });
});

describe('@IsMarking()', () => {
  class Doc {
    @IsMarking() classification: unknown;
  }
  const check = (value: unknown): string[] =>
    validateSync(Object.assign(new Doc(), { classification: value })).flatMap((e) =>
      Object.values(e.constraints ?? {}),
    );

  it('accepts a canonical banner', () => {
    expect(check('SECRET//NOFORN')).toEqual([]);
  });

  it('rejects a non-canonical banner and says why', () => {
    expect(check('SECRET//REL TO GBR, USA')).toEqual([
      'classification must be a classification banner marking (REL TO must list USA first)',
    ]);
  });

  it('rejects a value that is not a string', () => {
    expect(check(3)).toEqual([
      'classification must be a classification banner marking (a marking is a string)',
    ]);
  });
});

describe('clearanceCovers: the one ranking of clearances against levels', () => {
  const cases: [Clearance, ClassificationLevel, boolean][] = [
    ['UNCLASSIFIED', 'UNCLASSIFIED', true],
    ['UNCLASSIFIED', 'CUI', true],
    ['UNCLASSIFIED', 'CONFIDENTIAL', false],
    ['CONFIDENTIAL', 'CONFIDENTIAL', true],
    ['CONFIDENTIAL', 'SECRET', false],
    ['SECRET', 'CONFIDENTIAL', true],
    ['SECRET', 'TOP SECRET', false],
    ['TOP SECRET', 'TOP SECRET', true],
  ];
  it.each(cases)('%s cleared, reading %s: %s', (clearance, level, expected) => {
    expect(clearanceCovers(clearance, level)).toBe(expected);
  });

  it('ranks clearances lowest first, with no clearance for CUI', () => {
    expect(CLEARANCES).toEqual(['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET']);
  });
});
