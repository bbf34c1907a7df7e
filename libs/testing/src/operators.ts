import { randomBytes } from 'node:crypto';
import { scriptsLib } from './scripts-lib';

/** The shape scripts/lib/operators.js gives (plain CommonJS, shared with the stack). */
interface OperatorsLib {
  toAccount(
    credential: {
      username: string;
      name: string;
      roles: string[];
      clearance: string;
      agency?: string;
      kind: 'person' | 'service';
      secret: string;
    },
    options?: { N?: number },
  ): unknown;
}

export interface TestCredential {
  username: string;
  password: string;
}

/**
 * Operator accounts every service under test shares (testEnv puts them in
 * OPERATORS, SESSION_SECRET and COORDINATOR_TOKEN): `officer` (action
 * officer, TOP SECRET), `viewer` (SECRET), `confidential` (viewer,
 * CONFIDENTIAL), `uncleared` (viewer, UNCLASSIFIED), and a service account whose token the adapters send. Made
 * once per test process, with a cheap scrypt cost.
 */
export interface TestOperators {
  officer: TestCredential;
  viewer: TestCredential;
  uncleared: TestCredential;
  confidential: TestCredential;
  serviceToken: string;
  sessionSecret: string;
  /** The accounts document (hashes), as OPERATORS takes it. */
  accountsJson: string;
}

let made: TestOperators | undefined;

export function testOperators(): TestOperators {
  if (made) return made;
  const secret = (n: number) => randomBytes(n).toString('base64url');
  const people = [
    { username: 'officer', roles: ['viewer', 'action-officer'], clearance: 'TOP SECRET' },
    { username: 'viewer', roles: ['viewer'], clearance: 'SECRET' },
    { username: 'uncleared', roles: ['viewer'], clearance: 'UNCLASSIFIED' },
    { username: 'confidential', roles: ['viewer'], clearance: 'CONFIDENTIAL' },
  ].map((p) => ({ ...p, name: `Test ${p.username}`, kind: 'person' as const, secret: secret(12) }));
  const service = {
    username: 'test-adapter',
    name: 'Adapters under test',
    roles: ['viewer'],
    clearance: 'TOP SECRET',
    kind: 'service' as const,
    secret: secret(32),
  };
  const lib = scriptsLib<OperatorsLib>('operators');
  const accounts = [...people, service].map((c) => lib.toAccount(c, { N: 1024 }));
  const cred = (i: number): TestCredential => ({
    username: people[i].username,
    password: people[i].secret,
  });
  made = {
    officer: cred(0),
    viewer: cred(1),
    uncleared: cred(2),
    confidential: cred(3),
    serviceToken: service.secret,
    sessionSecret: secret(32),
    accountsJson: JSON.stringify({ accounts }),
  };
  return made;
}

/** An `Authorization` header for a test operator (HTTP Basic). */
export function authHeader(
  who: 'officer' | 'viewer' | 'confidential' | 'uncleared' = 'officer',
): Record<'authorization', string> {
  const c = testOperators()[who];
  return {
    authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
  };
}
