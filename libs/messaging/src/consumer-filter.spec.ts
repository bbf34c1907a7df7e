import { consumerFilters, coverOf } from './consumer-filter';

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
});
