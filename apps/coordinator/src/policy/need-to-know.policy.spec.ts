import { MESSAGE_NAMES, MESSAGES } from '@icb/contracts';
import { tableProblems } from './effective-dated';
import { ACCREDITATIONS, NEED_TO_KNOW, NOTICE_FIELDS } from './need-to-know.data';
import { accreditedFor, recipientsOf, type ConsultationAudience } from './need-to-know.policy';

const ON = '2026-06-01T12:00:00Z';
const consultation: ConsultationAudience = {
  clearers: ['dod', 'nsc', 'treasury'],
  escalated: false,
  classification: 'SECRET//NOFORN',
};
const signOff = (publisher: string) => ({
  name: 'signoff.submitted',
  publisher,
  data: { agency: publisher, revision: 1, decision: 'non-concur', rationale: 'secret reasons' },
});

describe('need-to-know policy (who is told what of a message they cannot read)', () => {
  it('the tables have valid dates and name only catalog messages published without an addressee', () => {
    expect(tableProblems(NEED_TO_KNOW)).toEqual([]);
    expect(tableProblems(ACCREDITATIONS)).toEqual([]);
    for (const row of NEED_TO_KNOW) {
      for (const [name, rules] of Object.entries(row.forward)) {
        expect(MESSAGE_NAMES).toContain(name);
        expect({ name, addressed: 'addressee' in MESSAGES[name as never] }).toEqual({
          name,
          addressed: false,
        });
        for (const rule of rules ?? []) {
          for (const f of rule.fields) expect(NOTICE_FIELDS).toContain(f);
        }
      }
    }
  });

  it('a sign-off goes to the action office and the other clearers as a status, never to its signer', () => {
    expect(recipientsOf(signOff('nsc'), consultation, ON)).toEqual([
      { agency: 'dod', fields: ['agency', 'decision', 'revision'] },
      { agency: 'state-pm', fields: ['agency', 'decision', 'revision'] },
      { agency: 'treasury', fields: ['agency', 'decision', 'revision'] },
    ]);
  });

  it("Treasury's screening goes to nobody, and to NSC (that it happened) once escalated", () => {
    const screening = {
      name: 'sanctions.screening-completed',
      publisher: 'treasury',
      data: { result: 'hit' },
    };
    expect(recipientsOf(screening, consultation, ON)).toEqual([]);
    expect(recipientsOf(screening, { ...consultation, escalated: true }, ON)).toEqual([
      { agency: 'nsc', fields: [] },
    ]);
  });

  it("a clock's event about one agency goes to that agency and the action office", () => {
    const overdue = { name: 'clock.overdue', publisher: 'coordinator', data: { agency: 'cia' } };
    expect(recipientsOf(overdue, consultation, ON).map((r) => r.agency)).toEqual([
      'cia',
      'state-pm',
    ]);
  });

  it('a message the table does not name, or not in the catalog, goes to nobody', () => {
    for (const name of ['consultation.opened', 'intel.assessment-shared', 'no.such-message']) {
      expect(recipientsOf({ name, publisher: 'cia', data: {} }, consultation, ON)).toEqual([]);
    }
  });

  it('an agency accredited below the marking gets nothing (an unparsable marking counts as TOP SECRET)', () => {
    const levels = {
      'state-pm': 'TOP SECRET',
      dod: 'SECRET',
      nsc: 'TOP SECRET',
      cia: 'TOP SECRET',
      treasury: 'CONFIDENTIAL',
    } as const;
    const topSecret = { ...consultation, classification: 'TOP SECRET//NOFORN' };
    expect(recipientsOf(signOff('nsc'), topSecret, ON, { levels }).map((r) => r.agency)).toEqual([
      'state-pm',
    ]);
    expect(recipientsOf(signOff('nsc'), consultation, ON, { levels }).map((r) => r.agency)).toEqual(
      ['dod', 'state-pm'],
    );
    expect(accreditedFor('dod', 'not a marking', ON, levels)).toBe(false);
    expect(accreditedFor('dod', 'UNCLASSIFIED', ON, { ...levels, dod: 'UNCLASSIFIED' })).toBe(true);
  });

  it('the table in effect on the day of the message applies', () => {
    const forward = { 'signoff.submitted': [{ to: { agency: 'cia' as const }, fields: [] }] };
    expect(recipientsOf(signOff('nsc'), consultation, ON, { forward })).toEqual([
      { agency: 'cia', fields: [] },
    ]);
    expect(() => recipientsOf(signOff('nsc'), consultation, '1999-12-31T00:00:00Z')).toThrow(
      /no need-to-know policy is in effect on 1999-12-31/,
    );
  });
});
