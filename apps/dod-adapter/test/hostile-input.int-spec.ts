/*
 * Input an agency's system should never send, refused cleanly at the DoD
 * adapter's REST edge (the same edge as every service's, libs/runtime): a 400
 * with a JSON body naming the problem, and nothing published on the bus.
 * Real nats-server, real FerretDB, the coordinator behind the adapter.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { validPayload } from '@icb/contracts/testing/message-cases';
import { TestBus, startHttpService, testEnv, urlOf, waitFor, asAgency } from '@icb/testing';
import { CoordinatorModule } from '../../coordinator/src/app.module';
import { COORDINATOR_API } from '../../coordinator/src/coordinator.api';
import { DodAdapterModule } from '../src/app.module';
import { DOD_ADAPTER_API } from '../src/dod-adapter.api';

interface Answer {
  status: number;
  contentType: string;
  body: { statusCode?: number; message?: string | string[] };
}

/** POSTs these exact bytes as `application/json` (supertest would re-encode a Buffer). */
function postRaw(app: NestExpressApplication, path: string, bytes: Buffer): Promise<Answer> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': bytes.length,
          ...asAgency('dod', { officer: OFFICER }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'] ?? '',
            body: JSON.parse(text) as Answer['body'],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

/** The officer DoD's system acts for: named by its access token, never by the body (ADR 18). */
const OFFICER = { name: 'J. Smith', title: 'DSCA Country Director' };

const signOffText = (rationaleJson = '"No equity in the matter."') =>
  `{"revision":1,"decision":"no-equity","rationale":${rationaleJson}}`;

function expectRefusal(answer: Answer, message: RegExp): void {
  expect(answer.status).toBe(400);
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.body.statusCode).toBe(400);
  expect([answer.body.message].flat().join('; ')).toMatch(message);
}

describe('the DoD adapter refuses hostile input with a 400 and publishes nothing', () => {
  let coordinator: NestExpressApplication | undefined;
  let dod: NestExpressApplication | undefined;
  let bus: TestBus | undefined;

  beforeAll(async () => {
    const env = testEnv({ CLOCK_TICK_MS: '0' });
    coordinator = await startHttpService(CoordinatorModule.forRoot({ env }), COORDINATOR_API.title);
    dod = await startHttpService(
      DodAdapterModule.forRoot({
        httpPort: 0,
        env: { ...env, COORDINATOR_URL: urlOf(coordinator) },
      }),
      DOD_ADAPTER_API.title,
    );
    bus = await TestBus.connect(env.NATS_URL, env.BUS_NAMESPACE);
  });

  afterAll(async () => {
    await bus?.close();
    await dod?.close();
    await coordinator?.close();
  });

  it('a body nested 10,000 levels deep in a field, or 100,000 levels of arrays, is a 400, not a 500', async () => {
    const path = `/reviews/${randomUUID()}`;
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const deepArrays = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [
      `{"revision":1,"decision":"concur","rationale":${deepObject}}`,
      `{"revision":1,"decision":"concur","conditions":${deepArrays}}`,
      deepArrays,
    ]) {
      expectRefusal(
        await postRaw(dod!, `${path}/sign-off`, Buffer.from(text)),
        /nested more than 32 levels/,
      );
    }
  });

  it('invalid UTF-8, NUL or another control character in a string field is a 400 and nothing reaches the bus', async () => {
    const consultationId = randomUUID();
    await bus!.publishAs(
      'state-pm',
      'consultation.opened',
      validPayload('consultation.opened', {
        consultationId,
        clearingParties: ['dod', 'nsc'],
        requestedAt: new Date().toISOString(),
      }),
    );
    const path = `/reviews/${consultationId}`;
    await waitFor(
      async () => {
        const res = await fetch(`${urlOf(dod!)}${path}`, { headers: asAgency('dod') });
        return res.status === 200 && ((await res.json()) as { review: { state: string } });
      },
      { description: 'DoD’s pending review' },
    );

    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"revision":1,"decision":"no-equity","rationale":"J. '),
      Buffer.of(0xff, 0xfe),
      Buffer.from('Smith"}'),
    ]);
    expectRefusal(
      await postRaw(dod!, `${path}/sign-off`, invalidUtf8),
      /body is not valid UTF-8 \(byte \d+: 0xff\)/,
    );
    expectRefusal(
      await postRaw(dod!, `${path}/sign-off`, Buffer.from(signOffText('"J.\\u0000Smith"'))),
      /rationale contains U\+0000, a control character/,
    );
    expectRefusal(
      await postRaw(
        dod!,
        `${path}/sign-off`,
        Buffer.from(signOffText(JSON.stringify('Ring the bell\u0007'))),
      ),
      /rationale contains U\+0007/,
    );
    expectRefusal(
      await postRaw(
        dod!,
        `${path}/sign-off`,
        Buffer.from(signOffText(JSON.stringify('half a pair \ud83d'))),
      ),
      /rationale contains U\+D83D, half of a surrogate pair/,
    );

    // The same answer, clean, is accepted: the refusals were for the text alone.
    const clean = await postRaw(dod!, `${path}/sign-off`, Buffer.from(signOffText()));
    expect(clean.status).toBeLessThan(300);
    // Each refused request was answered before the clean one was sent, and an
    // answer is published before it is acknowledged: once the clean one is on
    // the bus, any refused one would be too.
    const accepted = await bus!.next(
      'signoff.submitted',
      (d) => d.consultationId === consultationId,
    );
    expect(accepted.data.officer.name).toBe('J. Smith');
    expect(bus!.of('signoff.submitted', consultationId)).toHaveLength(1);
  });

  it('a form-encoded or multipart body (what a cross-site form can send) is a 415, and every answer carries the security headers', async () => {
    const path = `/reviews/${randomUUID()}/sign-off`;
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const res = await fetch(`${urlOf(dod!)}${path}`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'revision=1&decision=concur',
      });
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(((await res.json()) as { message: string }).message).toMatch(
        /must be application\/json/,
      );
    }
    const res = await fetch(`${urlOf(dod!)}/reviews`, { headers: asAgency('dod') });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(bus!.of('signoff.submitted').filter((e) => e.subject === path.split('/')[2])).toEqual(
      [],
    );
  });
});
