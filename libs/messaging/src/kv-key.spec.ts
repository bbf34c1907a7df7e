import { idOfKeyToken, keyToken } from './kv-key';

describe('KV key tokens', () => {
  it('a UUID is its own token; any other id round-trips without adding a token or a wildcard', () => {
    expect(keyToken('9f1c2a4e-0b1d-4c3e-8f2a-1b2c3d4e5f60')).toBe(
      '9f1c2a4e-0b1d-4c3e-8f2a-1b2c3d4e5f60',
    );
    for (const id of ['a.b', 'a*', '>', 'x y', '=already', 'ünïcode']) {
      expect(keyToken(id)).toMatch(/^=[A-Za-z0-9_-]*$/);
      expect(idOfKeyToken(keyToken(id))).toBe(id);
    }
  });
});
