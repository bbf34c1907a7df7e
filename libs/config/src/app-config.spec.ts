import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses embedded defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.MONGO_URL).toBe('mongodb://127.0.0.1:27017/icb');
    expect(config.HTTP_PORT).toBe(3000);
  });

  it('lets a service default be overridden by the environment', () => {
    expect(loadConfig({}, { HTTP_PORT: 3002 }).HTTP_PORT).toBe(3002);
    expect(loadConfig({ HTTP_PORT: '4100' }, { HTTP_PORT: 3002 }).HTTP_PORT).toBe(4100);
  });

  it('rejects every bad setting at once with the variable named', () => {
    let error: unknown;
    try {
      loadConfig({ NATS_URL: 'http://x', HTTP_PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/NATS_URL/);
    expect(problems).toMatch(/HTTP_PORT/);
    expect(problems).toMatch(/LOG_LEVEL/);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', SOMETHING: 'else' })).not.toThrow();
  });
});
