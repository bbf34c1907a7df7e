import {
  forbiddenAddress,
  parseAllowedTargets,
  WebhookTargetGuard,
  type HostResolver,
} from './webhook-targets';

/** A resolver over a fixed table (DNS is the collaborator here; the policy is what is tested). */
const table =
  (entries: Record<string, string[]>): HostResolver =>
  (host) =>
    host in entries
      ? Promise.resolve(entries[host])
      : Promise.reject(
          Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }),
        );

const dns = table({
  'dod-systems.example.mil': ['10.20.0.7'],
  'hooks.dod.example.mil': ['10.20.0.8', 'fd12::8'],
  'metadata.example.mil': ['169.254.169.254'],
  'imds6.example.mil': ['fd00:ec2::254'],
  'mapped.example.mil': ['::ffff:169.254.170.2'],
  'split.example.mil': ['10.20.0.9', 'fe80::1'],
  localhost: ['127.0.0.1', '::1'],
  'public.example.com': ['93.184.215.14'],
});

const guard = (list: string | undefined) => new WebhookTargetGuard(parseAllowedTargets(list), dns);

async function codeOf(list: string | undefined, url: string): Promise<string> {
  const checked = await guard(list).check(url);
  return 'code' in checked ? checked.code : 'allowed';
}

describe('the webhook allow-list', () => {
  it('with no list configured refuses every target and says how to configure one', async () => {
    for (const list of [undefined, '', '  ']) {
      const checked = await guard(list).check('http://127.0.0.1:9000/hooks');
      expect(checked).toEqual({
        code: 'WEBHOOK_TARGETS_NOT_CONFIGURED',
        message: expect.stringMatching(/WEBHOOK_ALLOWED_TARGETS=https:\/\/.*"loopback"/),
      });
    }
  });

  it('admits any path under an origin entry, on its scheme, host and port only', async () => {
    const list = 'https://hooks.dod.example.mil';
    expect(await codeOf(list, 'https://hooks.dod.example.mil/a/b?x=1')).toBe('allowed');
    expect(await codeOf(list, 'https://hooks.dod.example.mil:443/')).toBe('allowed');
    for (const url of [
      'http://hooks.dod.example.mil/a', // another scheme
      'https://hooks.dod.example.mil:8443/a', // another port
      'https://evil.hooks.dod.example.mil/a', // a sub-domain
      'https://hooks.dod.example.mil.evil.example/a', // a suffix
      'https://public.example.com/a',
    ]) {
      expect([url, await codeOf(list, url)]).toEqual([url, 'WEBHOOK_TARGET_NOT_ALLOWED']);
    }
  });

  it('admits URLs under a prefix entry on a path-segment boundary only', async () => {
    const list = 'https://dod-systems.example.mil/hooks/, https://dod-systems.example.mil/icb';
    for (const url of [
      'https://dod-systems.example.mil/hooks/',
      'https://dod-systems.example.mil/hooks/review?x=1',
      'https://dod-systems.example.mil/icb',
      'https://dod-systems.example.mil/icb/x',
      'https://dod-systems.example.mil/icb?x',
    ]) {
      expect([url, await codeOf(list, url)]).toEqual([url, 'allowed']);
    }
    for (const url of [
      'https://dod-systems.example.mil/hooks', // above the prefix
      'https://dod-systems.example.mil/hooksx/',
      'https://dod-systems.example.mil/icbx',
      'https://dod-systems.example.mil/other',
      'https://dod-systems.example.mil/hooks/../admin', // normalised by URL: /admin
    ]) {
      expect([url, await codeOf(list, url)]).toEqual([url, 'WEBHOOK_TARGET_NOT_ALLOWED']);
    }
  });

  it('`loopback` admits localhost, 127.0.0.0/8 and [::1] on any port, and nothing else', async () => {
    for (const url of [
      'http://127.0.0.1:9000/h',
      'http://localhost:1/',
      'https://127.1.2.3/',
      'http://[::1]:8080/h',
    ]) {
      expect([url, await codeOf('loopback', url)]).toEqual([url, 'allowed']);
    }
    for (const url of [
      'http://10.20.0.7/',
      'http://169.254.169.254/',
      'http://public.example.com/',
    ]) {
      expect([url, await codeOf('loopback', url)]).toEqual([url, 'WEBHOOK_TARGET_NOT_ALLOWED']);
    }
  });

  it('refuses a listed name that resolves to a link-local or metadata address, any of its addresses', async () => {
    const list =
      'https://metadata.example.mil, https://imds6.example.mil, https://mapped.example.mil, https://split.example.mil';
    for (const host of ['metadata', 'imds6', 'mapped', 'split']) {
      const checked = await guard(list).check(`https://${host}.example.mil/x`);
      expect(checked).toEqual({
        code: 'WEBHOOK_TARGET_FORBIDDEN_ADDRESS',
        message: expect.stringMatching(/link-local or cloud-metadata address/),
      });
    }
  });

  it('allows a link-local address only when an entry names that IP address itself', async () => {
    expect(await codeOf('http://169.254.10.10:8080', 'http://169.254.10.10:8080/h')).toBe(
      'allowed',
    );
    // A name resolving there is not the operator naming it.
    expect(await codeOf('https://metadata.example.mil', 'https://metadata.example.mil/')).toBe(
      'WEBHOOK_TARGET_FORBIDDEN_ADDRESS',
    );
  });

  it('refuses a name that does not resolve, and a loopback name that resolves elsewhere', async () => {
    expect(await codeOf('https://nowhere.example.mil', 'https://nowhere.example.mil/')).toBe(
      'WEBHOOK_TARGET_UNRESOLVABLE',
    );
    const rebound = new WebhookTargetGuard(parseAllowedTargets('loopback'), () =>
      Promise.resolve(['10.20.0.7']),
    );
    expect(await rebound.check('http://localhost:9000/')).toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN_ADDRESS',
      message: expect.stringMatching(/not a loopback address/),
    });
  });

  it('refuses to start with an entry it cannot read, naming each', () => {
    expect(() =>
      parseAllowedTargets(
        'https://ok.example.mil, ftp://files.example.mil, not a url, https://u:p@x.mil/',
      ),
    ).toThrow(/ftp:.*only http and https.*"not a url".*without credentials/);
  });

  it('classifies addresses', () => {
    expect(forbiddenAddress('169.254.169.254')).toBeDefined();
    expect(forbiddenAddress('fd00:ec2::254')).toBeDefined();
    expect(forbiddenAddress('fe80::1')).toBeDefined();
    expect(forbiddenAddress('0.0.0.0')).toBeDefined();
    expect(forbiddenAddress('100.100.100.200')).toBeDefined();
    expect(forbiddenAddress('::ffff:169.254.169.254')).toBeDefined();
    expect(forbiddenAddress('10.20.0.7')).toBeUndefined();
    expect(forbiddenAddress('127.0.0.1')).toBeUndefined();
    expect(forbiddenAddress('fd12::8')).toBeUndefined();
  });
});
