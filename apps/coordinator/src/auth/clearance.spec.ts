import { mayRead } from './clearance';
import type { Clearance } from './operator';

describe('mayRead: the level of the marking against the reader’s clearance', () => {
  const cases: [Clearance, string, boolean][] = [
    ['UNCLASSIFIED', 'UNCLASSIFIED', true],
    ['UNCLASSIFIED', 'CUI//SP-EXPT', true],
    ['UNCLASSIFIED', 'CONFIDENTIAL', false],
    ['CONFIDENTIAL', 'CONFIDENTIAL//NOFORN', true],
    ['CONFIDENTIAL', 'SECRET', false],
    ['SECRET', 'SECRET//NOFORN', true],
    ['SECRET', 'SECRET//ORCON/NOFORN', true],
    ['SECRET', 'TOP SECRET', false],
    ['TOP SECRET', 'TOP SECRET//NOFORN', true],
    // A marking that does not parse counts as TOP SECRET.
    ['SECRET', 'SECRTE', false],
    ['TOP SECRET', 'garbage', true],
  ];
  it.each(cases)('%s reading %s: %s', (clearance, marking, expected) => {
    expect(mayRead(clearance, marking)).toBe(expected);
  });
});
