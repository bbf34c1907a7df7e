/*
 * The checked-in OpenAPI documents (docs/openapi/*.json) state what the
 * services enforce (issue 10). Schemathesis (pinned in
 * scripts/lib/versions.json, installed by scripts/lib/schemathesis.js)
 * generates requests from each document, valid ones and invalid ones, and
 * sends them to the service running on loopback with the whole stack behind
 * it: a real nats-server and FerretDB, the coordinator and the five agency
 * adapters. Every answer must be one the document declares, in the declared
 * content type, headers and schema, and never a 5xx; a request the document
 * allows must be accepted (or refused for a reason it states: see
 * schemathesis.toml), one it forbids must be refused.
 *
 * One consultation is filed first, and half the generated consultation ids
 * are its id, so the fuzzing reaches past "no such consultation".
 *
 * Bounded in time: FUZZ_SECONDS_PER_OPERATION (1.5 s by default) of each
 * service's operations, at most FUZZ_MAX_EXAMPLES (20) per operation and
 * phase. The seed is printed; FUZZ_SEED=<n> generates the same requests again.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Agency } from '@icb/contracts';
import {
  agencyToken,
  asAgency,
  startHttpService,
  testEnv,
  testOperators,
  urlOf,
  waitFor,
} from '@icb/testing';
import { CiaAdapterModule } from '../../apps/cia-adapter/src/app.module';
import { CoordinatorModule } from '../../apps/coordinator/src/app.module';
import { COORDINATOR_API } from '../../apps/coordinator/src/coordinator.api';
import { DodAdapterModule } from '../../apps/dod-adapter/src/app.module';
import { NscAdapterModule } from '../../apps/nsc-adapter/src/app.module';
import { StatePmAdapterModule } from '../../apps/state-pm-adapter/src/app.module';
import { TreasuryAdapterModule } from '../../apps/treasury-adapter/src/app.module';

const ROOT = resolve(__dirname, '..', '..');

interface Schemathesis {
  command: string[];
  version: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureSchemathesis } = require('../../scripts/lib/schemathesis.js') as {
  ensureSchemathesis(): Promise<Schemathesis>;
};

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(1, 2 ** 31);
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 20);
const SECONDS_PER_OPERATION = Number(process.env.FUZZ_SECONDS_PER_OPERATION ?? 1.5);
/** Past its time budget, a run is stopped (and the test fails) after this much more. */
const GRACE_MS = 60_000;

const SERVICES = [
  'coordinator',
  'state-pm-adapter',
  'dod-adapter',
  'nsc-adapter',
  'cia-adapter',
  'treasury-adapter',
] as const;
type Service = (typeof SERVICES)[number];

/**
 * What a conformant answer is. Not run: `unsupported_method` and
 * `allow_header_conformance` (Express answers an undeclared method with 404,
 * not 405: nothing the documents state), and `ignored_auth` (it signs in to
 * the coordinator with one wrong username again and again, and after 10
 * failures the coordinator's documented sign-in throttle answers 429 where
 * the check insists on 401; apps/coordinator/test/auth.int-spec.ts covers
 * the 401s).
 */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'missing_required_header',
];

/**
 * Operations that must not be fuzzed, each with its reason:
 * - POST /dev/clock/advance moves the coordinator's time for every
 *   consultation (years at a time): the other requests would race it.
 * - POST /auth/logout ends the session whose token the fuzzer sends, so
 *   every request after it would be a 401.
 * - GET /events is an endless event stream: each request would only end at
 *   the request timeout (apps/coordinator/test/api.int-spec.ts reads it).
 * - POST /oauth/token on an adapter authenticates the client with HTTP Basic,
 *   and every request here carries the agency's Bearer token: no request
 *   could pass (the adapters under test trust the test issuer, and issue no
 *   tokens: 404). test/abuse/adapter-edge.int-spec.ts covers the endpoint.
 */
const TOKEN_ENDPOINT = 'POST /oauth/token';
const EXCLUDED: Partial<Record<Service, string[]>> = {
  coordinator: ['POST /dev/clock/advance', 'POST /auth/logout', 'GET /events'],
  'state-pm-adapter': [TOKEN_ENDPOINT],
  'dod-adapter': [TOKEN_ENDPOINT],
  'nsc-adapter': [TOKEN_ENDPOINT],
  'cia-adapter': [TOKEN_ENDPOINT],
  'treasury-adapter': [TOKEN_ENDPOINT],
};

/** The agency an adapter serves (its access token: ADR 18). */
const AGENCY_OF: Partial<Record<Service, Agency>> = {
  'state-pm-adapter': 'state-pm',
  'dod-adapter': 'dod',
  'nsc-adapter': 'nsc',
  'cia-adapter': 'cia',
  'treasury-adapter': 'treasury',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function documentPath(service: Service): string {
  return join(ROOT, 'docs', 'openapi', `${service}.json`);
}

/** How many operations of the service's document are fuzzed. */
function operationCount(service: Service): number {
  const document = JSON.parse(readFileSync(documentPath(service), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const all = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
  );
  return all.filter((op) => !(EXCLUDED[service] ?? []).includes(op)).length;
}

interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

function runSchemathesis(
  command: string[],
  args: string[],
  cwd: string,
  deadlineMs: number,
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command[0], [...command.slice(1), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const append = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output, timedOut });
    });
  });
}

/** The checked-in settings, and the consultation the fuzzer should hit half the time. */
function configFile(dir: string, consultationId: string): string {
  const file = join(dir, 'schemathesis.toml');
  writeFileSync(
    file,
    [
      readFileSync(join(__dirname, 'schemathesis.toml'), 'utf8'),
      '[dictionaries.consultations]',
      `values = ["${consultationId}"]`,
      '',
      '[parameters]',
      '"path.consultationId" = { dictionary = "consultations", probability = 0.5 }',
      '"path.id" = { dictionary = "consultations", probability = 0.5 }',
      '',
    ].join('\n'),
  );
  return file;
}

describe('the OpenAPI documents against the running services (schemathesis)', () => {
  const apps: NestExpressApplication[] = [];
  const url = {} as Record<Service, string>;
  let schemathesis: Schemathesis;
  let token: string;
  let workDir: string;
  let config: string;

  beforeAll(async () => {
    schemathesis = await ensureSchemathesis();
    const env = testEnv({ CLOCK_TICK_MS: '0', DEV_CLOCK: 'true' });
    const coordinator = await startHttpService(
      CoordinatorModule.forRoot({ env }),
      COORDINATOR_API.title,
    );
    apps.push(coordinator);
    url.coordinator = urlOf(coordinator);
    const adapterEnv = { ...env, COORDINATOR_URL: url.coordinator };
    const adapters: [Service, NestExpressApplication][] = [
      [
        'state-pm-adapter',
        await startHttpService(StatePmAdapterModule.forRoot({ env: adapterEnv }), 'State/PM'),
      ],
      ['dod-adapter', await startHttpService(DodAdapterModule.forRoot({ env: adapterEnv }), 'DoD')],
      ['nsc-adapter', await startHttpService(NscAdapterModule.forRoot({ env: adapterEnv }), 'NSC')],
      ['cia-adapter', await startHttpService(CiaAdapterModule.forRoot({ env: adapterEnv }), 'CIA')],
      [
        'treasury-adapter',
        await startHttpService(TreasuryAdapterModule.forRoot({ env: adapterEnv }), 'Treasury'),
      ],
    ];
    for (const [name, app] of adapters) {
      apps.push(app);
      url[name] = urlOf(app);
    }

    const login = await request(url.coordinator)
      .post('/auth/login')
      .send(testOperators().officer)
      .expect(200);
    token = (login.body as { token: string }).token;

    // One consultation in every queue: lists answer items to check against
    // their schema, and the fuzzer gets a consultation that exists.
    const filed = await request
      .agent(url['state-pm-adapter'])
      .set(asAgency('state-pm'))
      .post('/requests/fms')
      .send({
        lorNumber: 'SR-D-QAB',
        purchaser: { country: 'SAU', name: 'Ministry of Defense of Saudi Arabia' },
        articles: [
          {
            description: 'PAC-3 MSE missile',
            quantity: 300,
            usmlCategory: 'IV',
            mde: true,
            valueUsd: 1_800_000_000,
          },
        ],
        services: [{ description: 'Training and support', valueUsd: 300_000_000 }],
        endUser: { name: 'Royal Saudi Air Defense Forces', country: 'SAU' },
        summary: 'Letter of Request for 300 PAC-3 MSE missiles with training and support.',
        precedence: 'PRIORITY',
      });
    expect([201, 202]).toContain(filed.status);
    const id = (filed.body as { consultationId: string }).consultationId;
    await waitFor(
      async () =>
        (
          (await request.agent(url['dod-adapter']).set(asAgency('dod')).get('/reviews')).body as {
            items?: { id: string }[];
          }
        ).items?.some((r) => r.id === id),
      { description: "the consultation in DoD's queue" },
    );

    mkdirSync(join(ROOT, '.local'), { recursive: true });
    workDir = mkdtempSync(join(ROOT, '.local', 'fuzz-'));
    config = configFile(workDir, id);
    process.stderr.write(
      `\n[fuzz] schemathesis ${schemathesis.version}, seed ${SEED} (FUZZ_SEED=${SEED} repeats it), ` +
        `${SECONDS_PER_OPERATION} s per operation, at most ${MAX_EXAMPLES} examples\n`,
    );
  }, 300_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const budgetSeconds = (service: Service) =>
    Math.max(10, Math.ceil(operationCount(service) * SECONDS_PER_OPERATION));

  it.each(SERVICES.map((s) => [s]))(
    '%s answers every request its document allows or forbids as the document says, and never a 5xx',
    async (service) => {
      const cwd = join(workDir, service);
      mkdirSync(cwd, { recursive: true });
      const seconds = budgetSeconds(service);
      const args = [
        '--config-file',
        config,
        'run',
        documentPath(service),
        '--url',
        url[service],
        '--checks',
        CHECKS.join(','),
        '--max-time',
        String(seconds),
        '--max-examples',
        String(MAX_EXAMPLES),
        '--seed',
        String(SEED),
        '--workers',
        '1',
        '--request-timeout',
        '10',
        '--generation-database',
        'none',
        '--no-color',
        '--header',
        `Authorization: Bearer ${
          service === 'coordinator' ? token : agencyToken(AGENCY_OF[service]!, { expiresIn: 3600 })
        }`,
        ...(EXCLUDED[service] ?? []).flatMap((operation) => ['--exclude-name', operation]),
      ];
      const started = Date.now();
      const result = await runSchemathesis(
        schemathesis.command,
        args,
        cwd,
        seconds * 1000 + GRACE_MS,
      );
      process.stderr.write(
        `[fuzz] ${service}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
          `(budget ${seconds} s, seed ${SEED})\n`,
      );
      // The failures first: a long report is cut short in CI's summary.
      const failures = /={3,} FAILURES ={3,}([\s\S]*?)(?:={3,} (?:WARNINGS|SUMMARY) ={3,}|$)/.exec(
        result.output,
      );
      const report =
        `seed ${SEED} (FUZZ_SEED=${SEED} repeats it)\n` +
        (failures ? `FAILURES${failures[1]}\n` : '') +
        result.output;
      if (result.timedOut) {
        throw new Error(
          `schemathesis did not finish within ${seconds} s + ${GRACE_MS} ms\n${report}`,
        );
      }
      if (result.code !== 0) throw new Error(`schemathesis found failures\n${report}`);
      // It tested something: a run that tests no operation exits 0 too.
      expect(result.output).toMatch(/\b[1-9]\d* generated, [1-9]\d* passed\b/);
    },
    // jest's own bound, past schemathesis's deadline.
    Math.max(...SERVICES.map((s) => budgetSeconds(s))) * 1000 + 2 * GRACE_MS,
  );
});
