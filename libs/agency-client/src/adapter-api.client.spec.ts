import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdapterApiClient, AdapterApiError } from './adapter-api.client';
import { backoffMs } from './retry';

interface Seen {
  method: string;
  url: string;
  key?: string;
  authorization?: string;
  body: string;
}

/** A stand-in adapter on loopback whose answers each test scripts (n = 1 for the first request). */
async function fakeAdapter(
  answer: (n: number, req: IncomingMessage, res: ServerResponse) => void,
  port = 0,
): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        key: req.headers['idempotency-key'] as string | undefined,
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(seen.length, req, res);
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) =>
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify(body));

const unavailable = (res: ServerResponse, retryAfter: string) =>
  json(
    res,
    503,
    { statusCode: 503, code: 'COORDINATOR_UNAVAILABLE', message: 'the coordinator is busy' },
    { 'retry-after': retryAfter },
  );

describe('AdapterApiClient', () => {
  let adapter: Awaited<ReturnType<typeof fakeAdapter>> | undefined;

  afterEach(async () => {
    adapter?.server.closeAllConnections();
    await new Promise((resolve) => adapter?.server.close(resolve) ?? resolve(undefined));
    adapter = undefined;
  });

  it('retries a sign-off answered 503 with Retry-After, with the same Idempotency-Key each time', async () => {
    const id = randomUUID();
    adapter = await fakeAdapter((n, _req, res) =>
      n <= 2 ? unavailable(res, '0') : json(res, 202, { eventId: 'e1', subject: id }),
    );
    const retries: number[] = [];
    const client = new AdapterApiClient({
      baseUrl: adapter.url,
      onRetry: (r) => retries.push(r.attempt),
    });

    const published = await client.signOff(id, { decision: 'concur' });
    expect(published).toEqual({ eventId: 'e1', subject: id });
    expect(retries).toEqual([1, 2]);
    expect(adapter.seen.map((s) => `${s.method} ${s.url}`)).toEqual(
      Array(3).fill(`POST /reviews/${id}/sign-off`),
    );
    const keys = new Set(adapter.seen.map((s) => s.key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(adapter.seen[0].body)).toEqual({ decision: 'concur' });
  });

  it('sends the caller’s own Idempotency-Key, and a new one per call otherwise', async () => {
    const id = randomUUID();
    adapter = await fakeAdapter((_n, _req, res) => json(res, 202, { eventId: 'e', subject: id }));
    const client = new AdapterApiClient({ baseUrl: adapter.url });
    await client.acknowledge(id, {}, { idempotencyKey: 'decision-42' });
    await client.acknowledge(id);
    await client.acknowledge(id);
    expect(adapter.seen[0].key).toBe('decision-42');
    expect(adapter.seen[1].key).not.toBe(adapter.seen[2].key);
  });

  it('retries a read answered 429 without Retry-After, after a backoff', async () => {
    adapter = await fakeAdapter((n, _req, res) =>
      n === 1 ? json(res, 429, { message: 'slow down' }) : json(res, 200, { items: [] }),
    );
    const client = new AdapterApiClient({ baseUrl: adapter.url, retryBaseMs: 10 });
    await expect(client.pendingReviews()).resolves.toEqual({ items: [] });
    expect(adapter.seen).toHaveLength(2);
    expect(adapter.seen[0].key).toBeUndefined();
  });

  it('does not retry a refusal of the agency’s own rules: 400, 404 and 409 are thrown at once', async () => {
    adapter = await fakeAdapter((_n, _req, res) =>
      json(res, 409, {
        statusCode: 409,
        code: 'DOD_REVIEW_HELD',
        message: 'DoD holds its review',
      }),
    );
    const client = new AdapterApiClient({ baseUrl: adapter.url });
    const error = (await client
      .signOff(randomUUID(), { decision: 'concur' })
      .catch((e: unknown) => e)) as AdapterApiError;
    expect(error).toBeInstanceOf(AdapterApiError);
    expect(error).toMatchObject({ status: 409, code: 'DOD_REVIEW_HELD', retryable: false });
    expect(error.refusal).toBeUndefined();
    expect(adapter.seen).toHaveLength(1);
  });

  it('a refusal by the coordinator is thrown at once with its verdict and code (409 or 422)', async () => {
    const id = randomUUID();
    const verdict = {
      outcome: 'refused',
      eventId: 'e9',
      message: 'signoff.submitted',
      consultationId: id,
      statusUrl: '/messages/e9/verdict',
      changed: false,
      code: 'STALE_REVISION',
      reason: 'the consultation is at revision 2',
    };
    adapter = await fakeAdapter((_n, _req, res) =>
      json(res, 409, {
        statusCode: 409,
        error: 'Conflict',
        code: 'STALE_REVISION',
        message: verdict.reason,
        verdict,
      }),
    );
    const client = new AdapterApiClient({ baseUrl: adapter.url });
    const error = (await client
      .signOff(id, { decision: 'concur', revision: 1 })
      .catch((e: unknown) => e)) as AdapterApiError;
    expect(error).toMatchObject({ status: 409, code: 'STALE_REVISION', retryable: false });
    expect(error.refusal).toEqual(verdict);
    expect(adapter.seen).toHaveLength(1);
  });

  it('an answer not judged in time (202) is followed at its status URL until the coordinator judges it', async () => {
    const id = randomUUID();
    const pending = {
      outcome: 'pending',
      eventId: 'e7',
      message: 'condition.removal-answered',
      consultationId: id,
      statusUrl: '/messages/e7/verdict',
    };
    const accepted = {
      ...pending,
      outcome: 'accepted',
      changed: true,
      consultation: { status: 'in-review', revision: 1, version: 5 },
    };
    adapter = await fakeAdapter((n, req, res) =>
      req.method === 'POST'
        ? json(
            res,
            202,
            { eventId: 'e7', subject: id, verdict: pending },
            { location: pending.statusUrl },
          )
        : json(res, 200, n < 4 ? pending : accepted),
    );
    const client = new AdapterApiClient({ baseUrl: adapter.url });

    const answer = await client.answerConditionRemoval(id, 'DOD-AT-1', {
      agreed: false,
      comment: 'It stays.',
    });
    expect(answer.verdict.outcome).toBe('pending');
    await expect(client.awaitVerdict(answer.eventId, { intervalMs: 5 })).resolves.toEqual(accepted);
    expect(adapter.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `POST /reviews/${id}/conditions/DOD-AT-1/removal-answer`,
      'GET /messages/e7/verdict',
      'GET /messages/e7/verdict',
      'GET /messages/e7/verdict',
    ]);
  });

  it('gives up at its deadline, with the last answer: a Retry-After past it is not waited for', async () => {
    adapter = await fakeAdapter((_n, _req, res) => unavailable(res, '120'));
    const client = new AdapterApiClient({ baseUrl: adapter.url, deadlineMs: 60_000 });
    const started = Date.now();
    const error = (await client.review(randomUUID()).catch((e: unknown) => e)) as AdapterApiError;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({
      status: 503,
      code: 'COORDINATOR_UNAVAILABLE',
      retryAfterSeconds: 120,
      retryable: true,
    });
    expect(adapter.seen).toHaveLength(1);
  });

  it('retries a refused connection until the adapter is up, within the deadline', async () => {
    // Reserve a port, then free it: nothing listens there yet.
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const client = new AdapterApiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retryBaseMs: 20,
      deadlineMs: 30_000,
      onRetry: (r) => {
        // The adapter comes up after the first refused attempt.
        if (r.attempt === 1 && !adapter) {
          void fakeAdapter((_n, _req, res) => json(res, 200, { items: [] }), port).then(
            (a) => (adapter = a),
          );
        }
      },
    });
    await expect(client.pendingReviews()).resolves.toEqual({ items: [] });
  });

  it('reports an adapter that never comes up as UNREACHABLE once the deadline passes', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const client = new AdapterApiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retryBaseMs: 20,
      deadlineMs: 300,
    });
    const error = (await client.pendingReviews().catch((e: unknown) => e)) as AdapterApiError;
    expect(error).toMatchObject({ code: 'UNREACHABLE', status: undefined, retryable: true });
  });
  it('gets its access token with client credentials, keeps it until shortly before it expires, and renews it after a 401', async () => {
    let issued = 0;
    adapter = await fakeAdapter((_n, req, res) => {
      if (req.url === '/oauth/token') {
        issued += 1;
        return json(res, 200, {
          access_token: `token-${issued}`,
          token_type: 'Bearer',
          expires_in: 900,
        });
      }
      // The adapter stops taking the first token (its keys rotated).
      if (
        req.headers.authorization === 'Bearer token-1' &&
        issued === 1 &&
        req.method === 'DELETE'
      ) {
        return json(res, 401, { statusCode: 401, code: 'invalid_token', message: 'expired' });
      }
      return json(res, 200, { items: [] });
    });
    const client = new AdapterApiClient({
      baseUrl: adapter.url,
      retryBaseMs: 1,
      credentials: {
        clientId: 'dod system',
        clientSecret: 's3cret:+/',
        officer: { name: 'Jane Doe', title: 'Director, DTSA' },
      },
    });
    await client.pendingReviews();
    await client.pendingReviews();
    const id = randomUUID();
    const refused = (await client
      .releaseHold(id, { reason: 'done' })
      .catch((e: unknown) => e)) as AdapterApiError;
    expect(refused).toMatchObject({ status: 401, code: 'invalid_token' });
    await client.pendingReviews();

    const tokenRequests = adapter.seen.filter((s) => s.url === '/oauth/token');
    expect(tokenRequests).toHaveLength(2);
    const [basic] = tokenRequests.map((s) => s.authorization);
    const decoded = Buffer.from(basic!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(decoded).toBe('dod+system:s3cret%3A%2B%2F');
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0].body))).toEqual({
      grant_type: 'client_credentials',
      officer_name: 'Jane Doe',
      officer_title: 'Director, DTSA',
    });
    expect(
      adapter.seen.filter((s) => s.url !== '/oauth/token').map((s) => s.authorization),
    ).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('a client whose credentials the token endpoint refuses gets invalid_client, not retried', async () => {
    adapter = await fakeAdapter((_n, _req, res) =>
      json(
        res,
        401,
        { error: 'invalid_client', error_description: 'unknown client or wrong client secret' },
        { 'www-authenticate': 'Basic' },
      ),
    );
    const client = new AdapterApiClient({
      baseUrl: adapter.url,
      credentials: { clientId: 'dod-system', clientSecret: 'wrong' },
    });
    const error = (await client.pendingReviews().catch((e: unknown) => e)) as AdapterApiError;
    expect(error).toMatchObject({ status: 401, code: 'invalid_client', retryable: false });
    expect(adapter.seen.map((s) => s.url)).toEqual(['/oauth/token']);
  });
});

describe('backoffMs', () => {
  it('doubles from the base to the cap, between half and all of each step', () => {
    expect(backoffMs(1, 250, 5_000, () => 0)).toBe(125);
    expect(backoffMs(1, 250, 5_000, () => 1)).toBe(250);
    expect(backoffMs(3, 250, 5_000, () => 1)).toBe(1_000);
    expect(backoffMs(10, 250, 5_000, () => 1)).toBe(5_000);
    expect(backoffMs(10, 250, 5_000, () => 0)).toBe(2_500);
  });
});
