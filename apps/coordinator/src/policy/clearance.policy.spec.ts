import { applyClearanceChange, explainClearers, requiredClearers } from './clearance.policy';
import { NoEffectivePolicyError } from './effective-dated';
import type { ClearanceAttributes } from './clearance.policy';
import type { Agency, ConsultationKind } from './vocabulary';

const TODAY = '2025-06-01';
const M = 1_000_000;

describe('who must clear', () => {
  it.each<[ConsultationKind, ClearanceAttributes, Agency[], string]>([
    [
      'fms-case',
      { country: 'JPN', values: { 'major-defense-equipment': 30 * M } },
      ['dod', 'nsc', 'treasury'],
      'an FMS sale to Japan under $100M: DoD, NSC, Treasury',
    ],
    [
      'fms-case',
      { country: 'JPN', values: { 'defense-articles-services': 100 * M } },
      ['dod', 'nsc', 'cia', 'treasury'],
      'an FMS sale of $100M adds CIA even for Japan',
    ],
    [
      'fms-case',
      { country: 'JPN', values: { 'defense-articles-services': 100 * M - 1 } },
      ['dod', 'nsc', 'treasury'],
      'an FMS sale of $99,999,999 to Japan does not add CIA',
    ],
    [
      'fms-case',
      { country: 'VNM', values: { 'major-defense-equipment': 1 * M } },
      ['dod', 'nsc', 'cia', 'treasury'],
      'an FMS sale outside NATO+5 adds CIA',
    ],
    [
      'fms-case',
      {},
      ['dod', 'nsc', 'cia', 'treasury'],
      'an FMS sale with unknown country and value adds CIA',
    ],
    [
      'security-cooperation',
      { country: 'VNM' },
      ['dod', 'nsc'],
      'security cooperation: DoD and NSC',
    ],
    [
      'nonproliferation',
      {},
      ['dod', 'nsc', 'cia', 'treasury'],
      'nonproliferation: DoD, NSC, CIA, Treasury',
    ],
    ['arms-control', {}, ['dod', 'nsc', 'cia'], 'arms control: DoD, NSC, CIA'],
    ['regional-security', {}, ['dod', 'nsc', 'cia'], 'regional security: DoD, NSC, CIA'],
    [
      'technology-transfer',
      { country: 'GBR' },
      ['dod', 'cia', 'treasury'],
      'a technology transfer to the UK: DoD, CIA, Treasury',
    ],
    [
      'technology-transfer',
      { country: 'GBR', firstRelease: true },
      ['dod', 'nsc', 'cia', 'treasury'],
      'a first release adds NSC',
    ],
    [
      'technology-transfer',
      { country: 'IND' },
      ['dod', 'nsc', 'cia', 'treasury'],
      'a transfer outside NATO+5 adds NSC',
    ],
  ])('%s %j → %j (%s)', (kind, attributes, expected) => {
    expect(requiredClearers(kind, attributes, TODAY)).toEqual(expected);
  });

  it('South Korea was outside NATO+5 for CIA before 2008-10-15', () => {
    const attributes = { country: 'KOR', values: { 'major-defense-equipment': 30 * M } };
    expect(requiredClearers('fms-case', attributes, '2008-10-14')).toContain('cia');
    expect(requiredClearers('fms-case', attributes, '2008-10-15')).not.toContain('cia');
  });

  it('State/PM is the action agency and never a clearer', () => {
    for (const kind of ['fms-case', 'technology-transfer', 'arms-control'] as const) {
      expect(requiredClearers(kind, {}, TODAY)).not.toContain('state-pm');
    }
  });

  it('every required clearer comes with its reason', () => {
    for (const clearer of explainClearers('fms-case', {}, TODAY)) {
      expect(clearer.reason.length).toBeGreaterThan(10);
    }
  });

  it('a date before the matrix exists is an error', () => {
    expect(() => requiredClearers('fms-case', {}, '1999-12-31')).toThrow(NoEffectivePolicyError);
  });
});

describe('changing the clearing parties', () => {
  const current: Agency[] = ['dod', 'nsc', 'treasury'];

  it('the action office adds CIA and removes Treasury', () => {
    expect(
      applyClearanceChange(current, { add: ['cia'], remove: ['treasury'] }, 'state-pm'),
    ).toEqual({
      ok: true,
      clearers: ['dod', 'nsc', 'cia'],
      added: ['cia'],
      removed: ['treasury'],
    });
  });

  it('adding an agency that already clears changes nothing', () => {
    expect(applyClearanceChange(current, { add: ['dod'] }, 'state-pm')).toMatchObject({
      ok: true,
      clearers: current,
      added: [],
    });
  });

  it.each<[string, Agency, { add?: Agency[]; remove?: Agency[] }, string]>([
    ['DoD cannot add a clearer', 'dod', { add: ['cia'] }, 'NOT_THE_ACTION_OFFICE'],
    ['NSC cannot remove a clearer', 'nsc', { remove: ['treasury'] }, 'NOT_THE_ACTION_OFFICE'],
    [
      'State/PM cannot clear its own matter',
      'state-pm',
      { add: ['state-pm'] },
      'ACTION_OFFICE_IS_NOT_A_CLEARER',
    ],
    [
      'removing an agency that is not clearing',
      'state-pm',
      { remove: ['cia'] },
      'NOT_A_CLEARING_PARTY',
    ],
    [
      'adding and removing the same agency',
      'state-pm',
      { add: ['cia'], remove: ['cia'] },
      'CONFLICTING_CHANGE',
    ],
    [
      'removing every clearer',
      'state-pm',
      { remove: ['dod', 'nsc', 'treasury'] },
      'NO_CLEARERS_LEFT',
    ],
  ])('refuses: %s', (_name, requestedBy, change, code) => {
    expect(applyClearanceChange(current, change, requestedBy)).toMatchObject({ ok: false, code });
  });
});
