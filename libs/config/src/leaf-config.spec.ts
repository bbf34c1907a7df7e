import { ConfigError } from './load-config';
import { loadLeafConfig } from './leaf-config';

describe('the leaf-node settings (ADR 21)', () => {
  it('are off by default: one hub, no leaf nodes', () => {
    const config = loadLeafConfig({});
    expect(config.NATS_LEAF_DOMAIN).toBeUndefined();
    expect(config.leafAgencies).toEqual([]);
    expect(config.NATS_HUB_DOMAIN).toBe('hub');
  });

  it('read an adapter on its leaf node and the agencies whose leaves the hub sources', () => {
    const config = loadLeafConfig({
      NATS_LEAF_DOMAIN: 'dod',
      NATS_LEAF_AGENCIES: 'dod, state-pm',
      NATS_HUB_DOMAIN: 'central',
    });
    expect(config.NATS_LEAF_DOMAIN).toBe('dod');
    expect(config.leafAgencies).toEqual(['dod', 'state-pm']);
    expect(config.NATS_HUB_DOMAIN).toBe('central');
  });

  it.each([
    ['NATS_LEAF_DOMAIN', 'coordinator'],
    ['NATS_LEAF_DOMAIN', 'DoD'],
    ['NATS_LEAF_AGENCIES', 'dod,,cia'],
    ['NATS_LEAF_AGENCIES', 'dod,mi6'],
    ['NATS_HUB_DOMAIN', 'hub.central'],
  ])('refuse %s=%s, naming it', (key, value) => {
    expect(() => loadLeafConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadLeafConfig({ [key]: value })).toThrow(key);
  });
});
