import { actionOfficeFor, isKnownOffice } from './office-directory.data';
import { CONSULTATION_KINDS } from './vocabulary';

describe('office directory', () => {
  it.each([
    ['fms-case', 'PM/DS'],
    ['security-cooperation', 'PM/M'],
    ['nonproliferation', 'PM/NP'],
    ['arms-control', 'PM/CAT'],
    ['regional-security', 'PM/RA'],
    ['technology-transfer', 'PM/DDTC'],
  ] as const)('a %s consultation is owned by %s', (kind, code) => {
    expect(actionOfficeFor(kind, '2025-06-01').code).toBe(code);
  });

  it('every kind has exactly one action office', () => {
    for (const kind of CONSULTATION_KINDS) {
      expect(() => actionOfficeFor(kind, '2025-06-01')).not.toThrow();
    }
  });

  it.each([
    ['PM/DS', true],
    ['PM/DDTC', true],
    ['PM/XYZ', false],
    ['pm/ds', false],
  ])('%s is a known office: %s', (code, known) => {
    expect(isKnownOffice(code, '2025-06-01')).toBe(known);
  });

  it('a reorganization is a new row, not an edit', () => {
    const directory = [
      { effectiveFrom: '2000-01-01', kind: 'arms-control' as const, code: 'PM/CAT', name: 'old' },
      { effectiveFrom: '2026-01-01', kind: 'arms-control' as const, code: 'AVC', name: 'new' },
    ];
    expect(actionOfficeFor('arms-control', '2025-12-31', directory).code).toBe('PM/CAT');
    expect(actionOfficeFor('arms-control', '2026-01-01', directory).code).toBe('AVC');
    expect(isKnownOffice('AVC', '2025-12-31', directory)).toBe(false);
  });
});
