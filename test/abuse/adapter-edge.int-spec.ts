/*
 * The agency adapters' REST edge against callers without the agency's
 * credential (issue 11, ADR 18). Every operation of every adapter's checked-in
 * OpenAPI document (docs/openapi/*-adapter.json) is called with no
 * credential, a malformed token, a token signed by a key no adapter trusts,
 * an expired token, a token for another agency's adapter, and a valid token
 * without the scopes the operation needs: none succeeds (401, or 403
 * `insufficient_scope`), and nothing reaches the bus. Then the token endpoint
 * (`POST /oauth/token`, client credentials) of a deployment that issues its
 * own tokens: wrong secrets, another agency's client, scopes beyond the
 * client's, a JSON body; and its token works at its own adapter only.
 * Real nats-server and FerretDB, the coordinator behind the adapters.
 * Prints "[abuse] adapter REST: <case>: N tried, N refused".
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { asAgency, startHttpService, TestBus, testEnv, untrustedKey, urlOf } from '@icb/testing';
import { CiaAdapterModule } from '../../apps/cia-adapter/src/app.module';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../apps/coordinator/src/coordinator.api';
import { DodAdapterModule } from '../../apps/dod-adapter/src/app.module';
import { NscAdapterModule } from '../../apps/nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../../apps/state-pm-adapter/src/app.module';
import { TreasuryAdapterModule } from '../../apps/treasury-adapter/src/app.module';
import { AGENCY_SCOPES } from '../../libs/agency-adapter/src/auth/scopes';

const ROOT = resolve(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const agencyClients = require('../../scripts/lib/agency-clients.js') as {
  ensureAgencyClients(dir: string): {
    clients: { agency: Agency; clientId: string; clientSecret: string }[];
  };
  adapterAuthEnv(made: unknown, service: string): Record<string, string>;
};

const AGENCIES: readonly Agency[] = ['state-pm', 'dod', 'nsc', 'cia', 'treasury'];
const MODULES = {
  'state-pm': StatePmAdapterModule,
  dod: DodAdapterModule,
  nsc: NscAdapterModule,
  cia: CiaAdapterModule,
  treasury: TreasuryAdapterModule,
} as const;

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  scopes: string[];
}

/** The operations of an adapter's document that need the agency's token, with their scopes. */
function protectedOperations(agency: Agency): Operation[] {
  const document = JSON.parse(
    readFileSync(join(ROOT, 'docs', 'openapi', `${agency}-adapter.json`), 'utf8'),
  ) as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
  };
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'delete', 'patch'] as const) {
      const op = item[method];
      if (!op) continue;
      const requirement = op.security?.find((s) => s.agency !== undefined);
      if (!requirement) continue;
      out.push({ method, path, scopes: requirement.agency });
    }
  }
  return out;
}

/** A concrete URL path for a templated one. */
function concrete(path: string): string {
  return path
    .replace(/\{conditionId\}/g, 'DOD-AT-1')
    .replace(/\{holdId\}/g, 'HOLD-1')
    .replace(/\{[A-Za-z]+\}/g, () => randomUUID());
}

const otherAgency = (agency: Agency): Agency =>
  AGENCIES[(AGENCIES.indexOf(agency) + 1) % AGENCIES.length];

describe('the adapters’ REST edge refuses every operation without the agency’s credential', () => {
  const apps: NestExpressApplication[] = [];
  const adapters = {} as Record<Agency, NestExpressApplication>;
  let bus: TestBus;
  let secretsDir: string;
  let clients: { agency: Agency; clientId: string; clientSecret: string }[];

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    const coordinator = await startHttpService(
      CoordinatorModule.forRoot({ env }),
      COORDINATOR_API.title,
    );
    apps.push(coordinator);
    // Each adapter also issues tokens itself, as under `npm start` (scripts/lib/agency-clients.js).
    secretsDir = mkdtempSync(join(tmpdir(), 'icb-agency-clients-'));
    const made = agencyClients.ensureAgencyClients(secretsDir);
    clients = made.clients;
    for (const agency of AGENCIES) {
      adapters[agency] = await startHttpService(
        MODULES[agency].forRoot({
          env: {
            ...env,
            COORDINATOR_URL: urlOf(coordinator),
            ...agencyClients.adapterAuthEnv(made, `${agency}-adapter`),
          },
          httpPort: 0,
        }),
        `${agency} adapter`,
      );
      apps.push(adapters[agency]);
    }
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    await bus?.close();
    for (const app of apps.reverse()) await app.close();
    if (secretsDir) rmSync(secretsDir, { recursive: true, force: true });
  });

  /** Each way of calling without the right credential, and the answer it must get. */
  const CASES: {
    name: string;
    status: 401 | 403;
    header: (agency: Agency, op: Operation) => Record<string, string>;
  }[] = [
    { name: 'no credential', status: 401, header: () => ({}) },
    {
      name: 'malformed token',
      status: 401,
      header: () => ({ Authorization: 'Bearer not.a-jwt.at-all' }),
    },
    {
      name: 'token signed by another key',
      status: 401,
      header: (agency) => asAgency(agency, { key: untrustedKey() }),
    },
    {
      name: 'expired token',
      status: 401,
      header: (agency) => asAgency(agency, { expiresIn: -3600 }),
    },
    {
      name: "another agency's token",
      status: 401,
      header: (agency) => asAgency(otherAgency(agency)),
    },
    {
      name: "this agency's audience, another agency's claim",
      status: 401,
      header: (agency) => asAgency(agency, { claims: { agency: otherAgency(agency) } }),
    },
    {
      name: 'token without the scope',
      status: 403,
      header: (agency, op) =>
        asAgency(agency, { scopes: AGENCY_SCOPES[agency].filter((s) => !op.scopes.includes(s)) }),
    },
  ];

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: every operation of every adapter is refused, and nothing is published',
    async (_name, kase) => {
      const before = bus.events.length;
      let tried = 0;
      const succeeded: string[] = [];
      for (const agency of AGENCIES) {
        const operations = protectedOperations(agency);
        expect(operations.length).toBeGreaterThan(0);
        for (const op of operations) {
          tried += 1;
          const server = request(adapters[agency].getHttpServer());
          let call = server[op.method](concrete(op.path)).set(kase.header(agency, op));
          if (op.method !== 'get') call = call.send({});
          const res = await call;
          const body = res.body as { statusCode?: number; code?: string; message?: unknown };
          const refused =
            res.status === kase.status &&
            body.statusCode === kase.status &&
            typeof body.message === 'string' &&
            (kase.status === 403
              ? body.code === 'insufficient_scope'
              : /^Bearer realm="icb:/.test(String(res.headers['www-authenticate'])));
          if (!refused) {
            succeeded.push(
              `${agency} ${op.method.toUpperCase()} ${op.path}: ${res.status} ${res.text.slice(0, 120)}`,
            );
          }
        }
      }
      // An adapter publishes before it answers: anything a refused call had
      // published is on the bus before this marker (a new consultation, which
      // no adapter answers by itself). The coordinator's own reactions to
      // earlier markers are not the adapters'.
      const marker = randomUUID();
      const sent = await bus.publishAs(
        'state-pm',
        'consultation.opened',
        validPayload('consultation.opened', {
          consultationId: marker,
          clearingParties: ['dod'],
          requestedAt: new Date().toISOString(),
        }),
      );
      await bus.next('consultation.opened', (d) => d.consultationId === marker);
      const window = bus.events.slice(before);
      const published = window
        .slice(
          0,
          window.findIndex((e) => e.id === sent.id),
        )
        .filter((e) => e.source !== '/icb/coordinator')
        .map((e) => `${e.type} ${e.source} ${e.subject}`);
      process.stderr.write(
        `[abuse] adapter REST: ${kase.name}: ${tried} tried, ${tried - succeeded.length} refused\n`,
      );
      expect(succeeded).toEqual([]);
      expect(published).toEqual([]);
      expect(tried).toBeGreaterThanOrEqual(5 * 9);
    },
  );

  it('the same operations with the agency’s own token get past the edge (the refusals above were the credential’s)', async () => {
    for (const agency of AGENCIES) {
      const res = await request(adapters[agency].getHttpServer())
        .get('/reviews')
        .set(asAgency(agency));
      expect({ agency, status: res.status }).toEqual({ agency, status: 200 });
    }
  });

  it('the token endpoint issues tokens to its own agency’s clients only, and its tokens work at that adapter only', async () => {
    const dod = clients.find((c) => c.agency === 'dod')!;
    const statePm = clients.find((c) => c.agency === 'state-pm')!;
    const tokenAt = (agency: Agency) =>
      request(adapters[agency].getHttpServer()).post('/oauth/token').type('form');
    let tried = 0;
    let refused = 0;
    const refusal = async (call: request.Test, status: number, error: string): Promise<void> => {
      tried += 1;
      const res = await call;
      expect({ status: res.status, error: (res.body as { error?: string }).error }).toEqual({
        status,
        error,
      });
      expect((res.body as { access_token?: string }).access_token).toBeUndefined();
      refused += 1;
    };
    const grant = { grant_type: 'client_credentials' };

    await refusal(tokenAt('dod').send(grant), 401, 'invalid_client');
    await refusal(
      tokenAt('dod').auth(dod.clientId, 'wrong-secret').send(grant),
      401,
      'invalid_client',
    );
    await refusal(
      tokenAt('dod').auth(statePm.clientId, statePm.clientSecret).send(grant),
      401,
      'invalid_client',
    );
    await refusal(
      tokenAt('dod').auth(dod.clientId, dod.clientSecret).send({ grant_type: 'password' }),
      400,
      'unsupported_grant_type',
    );
    await refusal(
      tokenAt('dod')
        .auth(dod.clientId, dod.clientSecret)
        .send({ ...grant, scope: 'reviews:read congress:steps' }),
      400,
      'invalid_scope',
    );
    await refusal(
      request(adapters.dod.getHttpServer())
        .post('/oauth/token')
        .auth(dod.clientId, dod.clientSecret)
        .send(grant), // JSON, not the form RFC 6749 asks for
      415,
      'invalid_request',
    );
    // A form-encoded body anywhere else is still refused before it is read.
    tried += 1;
    const form = await request(adapters.dod.getHttpServer())
      .post(`/reviews/${randomUUID()}/sign-off`)
      .set(asAgency('dod'))
      .type('form')
      .send({ decision: 'concur' });
    expect(form.status).toBe(415);
    refused += 1;

    // The real thing: a token naming the officer, with one scope.
    const issued = await tokenAt('dod')
      .auth(dod.clientId, dod.clientSecret)
      .send({ ...grant, scope: 'reviews:read', officer_name: 'J. Smith', officer_title: 'DSCA' })
      .expect(200);
    const token = issued.body as {
      access_token: string;
      token_type: string;
      expires_in: number;
      scope: string;
    };
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'reviews:read' });
    expect(issued.headers['cache-control']).toBe('no-store');
    const bearer = { Authorization: `Bearer ${token.access_token}` };
    await request(adapters.dod.getHttpServer()).get('/reviews').set(bearer).expect(200);
    // Its scope only: a sign-off needs reviews:sign-off.
    tried += 1;
    const signOff = await request(adapters.dod.getHttpServer())
      .post(`/reviews/${randomUUID()}/sign-off`)
      .set(bearer)
      .send({ decision: 'concur' });
    expect(signOff.status).toBe(403);
    expect(signOff.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
    refused += 1;
    // DoD's token at NSC's adapter, and at NSC's with DoD's key: refused.
    tried += 1;
    const elsewhere = await request(adapters.nsc.getHttpServer()).get('/reviews').set(bearer);
    expect(elsewhere.status).toBe(401);
    refused += 1;

    process.stderr.write(`[abuse] adapter token endpoint: ${tried} tried, ${refused} refused\n`);
    expect(refused).toBe(tried);
  });

  it('the README’s `token` shell function gets a token with curl that the adapter takes (the scenarios run as written)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const fn = /```sh\n(token\(\) \{[\s\S]*?\n\})\n/.exec(readme)?.[1];
    expect(fn).toBeDefined();
    // The function reads ./.local/stack/secrets/agency-clients.json, as under npm start.
    const cwd = mkdtempSync(join(tmpdir(), 'icb-readme-'));
    try {
      mkdirSync(join(cwd, '.local', 'stack', 'secrets'), { recursive: true });
      writeFileSync(
        join(cwd, '.local', 'stack', 'secrets', 'agency-clients.json'),
        JSON.stringify({ clients }),
      );
      const port = new URL(urlOf(adapters.dod)).port;
      // Not execFileSync: the adapter answering curl runs in this process.
      const { stdout: header } = await promisify(execFile)(
        'bash',
        ['-c', `${fn!}\ntoken dod ${port} 'J. Smith' DSCA`],
        { cwd, encoding: 'utf8', timeout: 30_000 },
      );
      expect(header).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const [name, value] = [header.slice(0, 13), header.slice(15)];
      await request(adapters.dod.getHttpServer()).get('/reviews').set(name, value).expect(200);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
