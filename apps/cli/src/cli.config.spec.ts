import { resolveConfig } from './cli.config';
import { UsageError } from './cli.errors';

describe('the CLI configuration', () => {
  it('defaults to the local stack', () => {
    expect(resolveConfig({}, {}, false)).toMatchObject({
      apiUrl: 'http://127.0.0.1:3000',
      natsServers: ['nats://127.0.0.1:4222'],
      namespace: 'icb',
      json: false,
      color: false,
    });
  });

  it('takes options over the environment', () => {
    const config = resolveConfig(
      { api: 'http://api:9/', nats: 'nats://a:1,nats://b:2' },
      {
        ICB_API_URL: 'http://env:1',
        NATS_URL: 'nats://env:4222',
        NATS_USER: 'u',
        NATS_PASSWORD: 'p',
        BUS_NAMESPACE: 't1',
      },
      false,
    );
    expect(config).toMatchObject({
      apiUrl: 'http://api:9',
      natsServers: ['nats://a:1', 'nats://b:2'],
      natsUser: 'u',
      natsPassword: 'p',
      namespace: 't1',
    });
  });

  it('colours a terminal only, unless NO_COLOR, --no-color or --json says otherwise', () => {
    expect(resolveConfig({}, {}, true).color).toBe(true);
    expect(resolveConfig({}, { NO_COLOR: '1' }, true).color).toBe(false);
    expect(resolveConfig({ color: false }, {}, true).color).toBe(false);
    expect(resolveConfig({ json: true }, { FORCE_COLOR: '1' }, true).color).toBe(false);
    expect(resolveConfig({}, { FORCE_COLOR: '1' }, false).color).toBe(true);
  });

  it('names the setting that is wrong', () => {
    expect(() => resolveConfig({}, { ICB_API_URL: 'nats://x:1' }, false)).toThrow(
      /ICB_API_URL must be an http/,
    );
    expect(() => resolveConfig({ nats: 'http://x' }, {}, false)).toThrow(
      /--nats must look like nats:/,
    );
    expect(() => resolveConfig({}, { BUS_NAMESPACE: 'ICB' }, false)).toThrow(UsageError);
  });
});
