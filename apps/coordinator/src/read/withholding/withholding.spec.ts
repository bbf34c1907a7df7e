import type { Operator } from '../../auth/operator';
import {
  levelsReadableBy,
  markingRank,
  WITHHELD,
  withholdDeadLetter,
  withholdEnvelope,
  withholdQueueItem,
} from './withholding';

const reader = (clearance: Operator['clearance']): Operator => ({
  username: clearance,
  name: clearance,
  roles: ['viewer'],
  clearance,
  kind: 'person',
});
const SECRET = reader('SECRET');
const OFFICER = reader('TOP SECRET');
const ID = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';
const markings: Record<string, string> = { [ID]: 'TOP SECRET' };
const markingOf = (id: string) => markings[id];

describe('withholding by the consultation’s marking (the high-water mark)', () => {
  const lowSignOff = {
    id: 'e1',
    subject: ID,
    classification: 'UNCLASSIFIED',
    data: { consultationId: ID, rationale: 'the TOP SECRET reasoning' },
    jws: 'header..signature',
  };

  it('an envelope marked lower than its consultation is withheld, with its signature', () => {
    expect(withholdEnvelope(SECRET, 'signoff.submitted', lowSignOff, markingOf)).toEqual({
      id: 'e1',
      subject: ID,
      classification: 'UNCLASSIFIED',
      withheld: true,
    });
    expect(withholdEnvelope(OFFICER, 'signoff.submitted', lowSignOff, markingOf)).toBe(lowSignOff);
  });

  it('a payload classified above its envelope is withheld; a message without a marking from everyone', () => {
    const opened = {
      subject: 'other',
      classification: 'UNCLASSIFIED',
      data: { consultationId: 'other', classification: 'TOP SECRET', title: 't' },
    };
    expect(withholdEnvelope(SECRET, 'consultation.opened', opened, markingOf)).toHaveProperty(
      'withheld',
      true,
    );
    const unmarked = { subject: 'other', data: { consultationId: 'other' } };
    expect(withholdEnvelope(OFFICER, 'x.y', unmarked, markingOf)).toHaveProperty('withheld', true);
  });

  it('a dead letter about a TOP SECRET consultation loses its body, reason and errors, whatever its marking', () => {
    const record = {
      subject: 'ns.evt.treasury.signoff.submitted.v1',
      data: JSON.stringify(lowSignOff),
      encoding: 'utf8' as const,
      code: 'INVALID_MESSAGE',
      reason: 'quoting the body',
      errors: ['/data/decision must be one of'],
    };
    expect(withholdDeadLetter(SECRET, record, markingOf)).toEqual({
      subject: record.subject,
      data: WITHHELD,
      encoding: 'utf8',
      code: 'INVALID_MESSAGE',
      reason: WITHHELD,
      withheld: true,
    });
    expect(withholdDeadLetter(OFFICER, record, markingOf)).toBe(record);
    const unreadable = { ...record, data: 'zephyr not json' };
    expect(withholdDeadLetter(SECRET, unreadable, markingOf).data).toBe(WITHHELD);
    expect(withholdDeadLetter(OFFICER, unreadable, markingOf)).toBe(unreadable);
  });

  it('an agency queue item above the reader loses its title and its hold and extension reasons', () => {
    const item = {
      classification: 'TOP SECRET',
      title: 'secret title',
      review: {
        dueAt: 'd',
        hold: { reason: 'hold why', placedAt: 'p' },
        extension: { days: 10, reason: 'ext why', grantedAt: 'g' },
      },
    };
    expect(withholdQueueItem(SECRET, item)).toEqual({
      classification: 'TOP SECRET',
      title: WITHHELD,
      withheld: true,
      review: {
        dueAt: 'd',
        hold: { reason: WITHHELD, placedAt: 'p' },
        extension: { days: 10, reason: WITHHELD, grantedAt: 'g' },
      },
    });
    expect(withholdQueueItem(OFFICER, item)).toBe(item);
  });

  it('ranks markings by level (an unparseable one as TOP SECRET) and tables what a clearance reads', () => {
    const table = levelsReadableBy('SECRET');
    expect(table[markingRank('SECRET//NOFORN')]).toBe(true);
    expect(table[markingRank('CUI//SP-EXPT')]).toBe(true);
    expect(table[markingRank('TOP SECRET')]).toBe(false);
    expect(table[markingRank('not a marking')]).toBe(false);
    expect(levelsReadableBy('TOP SECRET')[markingRank('not a marking')]).toBe(true);
  });
});
