import { AGENCIES, MESSAGE_NAMES, MESSAGES, type MessageDefinition } from '@icb/contracts';
import {
  consumerFilters,
  coverOf,
  type HandledMessage,
  policingFilters,
  publishSpaceFilters,
} from './consumer-filter';

/** NATS subject matching: `*` one token, `>` one or more at the end. */
function matches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}

const handled = (
  name: keyof typeof MESSAGES,
  opts: Partial<HandledMessage> = {},
): HandledMessage => {
  const def = MESSAGES[name] as MessageDefinition;
  return {
    name: def.name,
    version: def.version,
    publishers: def.publishers,
    addressed: def.addressee !== undefined,
    ...opts,
  };
};

describe('consumer filters', () => {
  it('covers the messages addressed to one party with one filter, as its NATS user may create it', () => {
    expect(
      consumerFilters([
        { filter: 'icb.evt.coordinator.review.requested.v1.dod', addressee: 'dod' },
        { filter: 'icb.evt.cia.intel.assessment-released.v1.dod', addressee: 'dod' },
        { filter: 'icb.evt.coordinator.review.requested.v1.dod', addressee: 'dod' },
      ]),
    ).toEqual(['icb.evt.*.*.*.v1.dod']);
  });

  it('keeps one filter per message otherwise', () => {
    const coordinator = [
      { filter: 'icb.evt.state-pm.consultation.opened.v1' },
      { filter: 'icb.evt.*.signoff.submitted.v1' },
    ];
    expect(consumerFilters(coordinator)).toEqual(coordinator.map((h) => h.filter));
    const mixed = [
      { filter: 'icb.evt.coordinator.review.requested.v1.dod', addressee: 'dod' },
      { filter: 'icb.evt.coordinator.consultation.status-changed.v1' },
    ];
    expect(consumerFilters(mixed)).toEqual(mixed.map((h) => h.filter));
    const two = [
      { filter: 'icb.evt.coordinator.review.requested.v1.dod', addressee: 'dod' },
      { filter: 'icb.evt.coordinator.review.requested.v1.nsc', addressee: 'nsc' },
    ];
    expect(consumerFilters(two)).toEqual(two.map((h) => h.filter));
    expect(consumerFilters([{ filter: 'icb.evt.a.b.c.v1.dod', addressee: 'dod' }])).toEqual([
      'icb.evt.a.b.c.v1.dod',
    ]);
  });

  it('does not cover filters of different lengths or with >', () => {
    expect(coverOf(['a.b.c', 'a.b'])).toBeUndefined();
    expect(coverOf(['a.b.>', 'a.b.c'])).toBeUndefined();
    expect(coverOf(['a.x.c', 'a.y.c'])).toBe('a.*.c');
  });

  describe('a consumer that polices what agencies publish (the coordinator)', () => {
    const filters = policingFilters(AGENCIES, [
      handled('signoff.submitted'),
      handled('escalation.decided'),
    ]);
    const taken = (subject: string) => filters.filter((f) => matches(f, subject)).length;

    it('takes every non-addressed message an agency could put on its own prefix, exactly once', () => {
      const subjects = AGENCIES.flatMap((agency) => [
        ...MESSAGE_NAMES.filter((name) => !(MESSAGES[name] as MessageDefinition).addressee).map(
          (name) => `icb.evt.${agency}.${name}.v1`,
        ),
        // Forged or unknown: what no handler takes is taken too, to be dead-lettered.
        `icb.evt.${agency}.consultation.decided.v1`,
        `icb.evt.${agency}.consultation.forged.v1`,
        `icb.evt.${agency}.x`,
        `icb.evt.${agency}.a.b`,
        `icb.evt.${agency}.a.b.c.d.e`,
      ]);
      expect(subjects.filter((subject) => taken(subject) !== 1)).toEqual([]);
    });

    it('leaves what is addressed to a party to that party’s consumer, and the coordinator’s own events alone', () => {
      expect(taken('icb.evt.cia.intel.assessment-released.v1.dod')).toBe(0);
      expect(taken('icb.evt.dod.review.requested.v1.treasury')).toBe(0);
      expect(taken('icb.evt.coordinator.consultation.decided.v1')).toBe(0);
      expect(taken('icb.evt.coordinator.review.requested.v1.dod')).toBe(0);
      const adapter = consumerFilters([
        { filter: 'icb.evt.coordinator.review.requested.v1.treasury', addressee: 'treasury' },
        { filter: 'icb.evt.cia.intel.assessment-released.v1.treasury', addressee: 'treasury' },
      ]);
      for (const subject of [
        'icb.evt.dod.review.requested.v1.treasury',
        'icb.evt.dod.x.y.v1.treasury',
      ]) {
        expect([taken(subject), adapter.filter((f) => matches(f, subject)).length]).toEqual([0, 1]);
      }
    });

    it('needs no filter of its own for a handled agency message, and adds one for anything else', () => {
      expect(filters).toEqual(AGENCIES.flatMap(publishSpaceFilters));
      expect(
        policingFilters(
          ['dod'],
          [
            handled('review.requested', { addressee: 'coordinator' }),
            handled('signoff.submitted', { publisher: 'nsc' }),
            handled('signoff.submitted', { publisher: 'dod' }),
          ],
        ),
      ).toEqual([
        ...publishSpaceFilters('dod'),
        'icb.evt.coordinator.review.requested.v1.coordinator',
        'icb.evt.nsc.signoff.submitted.v1',
      ]);
    });

    it('gives JetStream filters that do not overlap', () => {
      const samples = AGENCIES.flatMap((a) =>
        ['x', 'a.b', 'a.b.c', 'a.b.c.d', 'a.b.c.d.e', 'a.b.c.d.e.f'].map(
          (t) => `icb.evt.${a}.${t}`,
        ),
      );
      for (const subject of samples) expect(taken(subject)).toBeLessThanOrEqual(1);
    });
  });
});
