import { AccountsFileError, parseAccounts, tokenDigest, verifyPassword } from './operator-accounts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../../../scripts/lib/operators.js') as {
  hashPassword(password: string, options?: { N?: number }): string;
  hashToken(token: string): string;
};

const TOKEN = 't'.repeat(43);

function doc(accounts: unknown[]): string {
  return JSON.stringify({ accounts });
}

describe('the operator accounts file', () => {
  const officer = {
    username: 'officer',
    name: 'Duty officer',
    roles: ['action-officer'],
    clearance: 'TOP SECRET',
    password: lib.hashPassword('correct horse', { N: 1024 }),
  };
  const service = {
    username: 'dod-adapter',
    roles: ['viewer'],
    clearance: 'SECRET',
    agency: 'dod',
    token: lib.hashToken(TOKEN),
  };

  it('reads what scripts/lib/operators.js writes, and checks passwords and tokens', async () => {
    const [a, s] = parseAccounts(doc([officer, service]));
    expect(a.operator).toEqual({
      username: 'officer',
      name: 'Duty officer',
      roles: ['viewer', 'action-officer'], // an action officer reads too
      clearance: 'TOP SECRET',
      kind: 'person',
    });
    expect(await verifyPassword(a.password!, 'correct horse')).toBe(true);
    expect(await verifyPassword(a.password!, 'correct horse!')).toBe(false);
    expect(s.operator).toMatchObject({ kind: 'service', agency: 'dod', name: 'dod-adapter' });
    expect(s.tokenSha256!.equals(tokenDigest(TOKEN))).toBe(true);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no list', '{}', /expected \{ "accounts"/],
    ['empty', doc([]), /no accounts/],
    ['bad username', doc([{ ...officer, username: 'Bad Name' }]), /username must be/],
    ['repeated', doc([officer, officer]), /"officer" is repeated/],
    ['unknown role', doc([{ ...officer, roles: ['admin'] }]), /roles must list/],
    ['unknown clearance', doc([{ ...officer, clearance: 'SECRET//NOFORN' }]), /clearance must be/],
    ['plaintext password', doc([{ ...officer, password: 'hunter2' }]), /password is not scrypt/],
    [
      'weak scrypt',
      doc([{ ...officer, password: officer.password.replace('$1024$', '$16$') }]),
      /power of two, at least 1024/,
    ],
    ['bad token', doc([{ ...service, token: 'abc' }]), /token must be sha256/],
    ['no secret', doc([{ ...service, token: undefined }]), /needs a password hash or a token hash/],
  ])('refuses %s, saying what is wrong', (_, json, message) => {
    expect(() => parseAccounts(json)).toThrow(AccountsFileError);
    expect(() => parseAccounts(json)).toThrow(message);
  });
});
