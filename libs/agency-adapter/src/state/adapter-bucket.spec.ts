import { AGENCIES } from '@icb/contracts';
import { adapterBucketName, keyToken } from './adapter-bucket';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const auth = require('../../../../scripts/lib/nats-auth.js') as {
  adapterBucketFor(agency: string, namespace?: string): string;
};

describe('the adapter state bucket', () => {
  it('is named as the NATS permissions expect, for every agency and namespace', () => {
    for (const agency of AGENCIES) {
      for (const namespace of ['icb', 't0a1b2c3d4e']) {
        expect(adapterBucketName(namespace, agency)).toBe(auth.adapterBucketFor(agency, namespace));
      }
    }
    expect(adapterBucketName('icb', 'state-pm')).toBe('ICB_ADAPTER_STATE_PM');
  });

  it('keeps ids as key tokens when they are safe, and encodes those that could add tokens or wildcards', () => {
    expect(keyToken('9f1c2a4e-0b1d-4c3e-8f2a-1b2c3d4e5f60')).toBe(
      '9f1c2a4e-0b1d-4c3e-8f2a-1b2c3d4e5f60',
    );
    for (const id of ['a.b', '>', '*', 'x y', '']) {
      expect(keyToken(id)).toMatch(/^=[A-Za-z0-9_-]*$/);
    }
    expect(keyToken('a.b')).not.toBe(keyToken('a_b'));
  });
});
