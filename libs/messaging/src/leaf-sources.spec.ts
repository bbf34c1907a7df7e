import { loadLeafConfig } from '@icb/config';
import {
  hubDeadLetterSourceOf,
  hubEventsSourceOf,
  leafEventsStreamConfig,
  leafMessagingOptions,
  leafOutboxStreamConfig,
} from './leaf-sources';
import { SubjectSpace } from './subject-space';

const space = new SubjectSpace('icb');
const options = { duplicateWindowMs: 120_000 };

describe('the streams of an agency on its own leaf node (ADR 21)', () => {
  it("capture what the agency publishes on the leaf, and the hub's events stream sources it through the agency's domain", () => {
    expect(leafOutboxStreamConfig(space, 'state-pm', options)).toMatchObject({
      name: 'ICB_OUTBOX_STATE_PM',
      subjects: ['icb.evt.state-pm.>'],
    });
    expect(hubEventsSourceOf(space, 'state-pm')).toEqual({
      name: 'ICB_OUTBOX_STATE_PM',
      external: { api: '$JS.state-pm.API', deliver: 'icb.leaf.state-pm.out' },
      filter_subject: 'icb.evt.state-pm.>',
    });
    expect(hubDeadLetterSourceOf(space, 'dod')).toEqual({
      name: 'ICB_DLQ',
      external: { api: '$JS.dod.API', deliver: 'icb.leaf.dod.out' },
      filter_subject: 'icb.dlq.dod-adapter',
    });
  });

  it("source from the hub only what is addressed to the agency, under the hub stream's name", () => {
    const config = leafEventsStreamConfig(space, 'dod', { ...options, hubDomain: 'central' });
    expect(config.name).toBe('ICB_EVENTS');
    expect(config.subjects).toEqual([]);
    expect(config.sources).toEqual([
      {
        name: 'ICB_EVENTS',
        external: { api: '$JS.central.API', deliver: 'icb.leaf.dod.in' },
        filter_subject: 'icb.evt.*.*.*.*.dod',
      },
    ]);
  });

  it("put an adapter on its leaf node only when the leaf's domain is its own agency", () => {
    expect(leafMessagingOptions(loadLeafConfig({ NATS_LEAF_DOMAIN: 'dod' }), 'dod')).toEqual({
      leaf: { agency: 'dod', hubDomain: 'hub' },
    });
    expect(() => leafMessagingOptions(loadLeafConfig({ NATS_LEAF_DOMAIN: 'dod' }), 'cia')).toThrow(
      /NATS_LEAF_DOMAIN=dod/,
    );
    expect(
      leafMessagingOptions(loadLeafConfig({ NATS_LEAF_AGENCIES: 'dod,cia' }), 'coordinator'),
    ).toEqual({ leafAgencies: ['dod', 'cia'] });
    expect(leafMessagingOptions(loadLeafConfig({}), 'coordinator')).toEqual({});
  });
});
