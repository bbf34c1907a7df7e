import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpApiClient } from './api-client';
import type { SseEvent } from './api.types';
import { EXIT, type CliError } from './cli.errors';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server answering like Nest would, one handler per test. */
async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function failure(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected a failure');
}

describe('the coordinator client over HTTP', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    }
    server = undefined;
  });

  it('sends the list filters as comma-separated query parameters', async () => {
    let seen = '';
    const s = await serve((req, res) => {
      seen = req.url ?? '';
      json(res, 200, { total: 0, offset: 0, limit: 50, items: [] });
    });
    server = s.server;
    await new HttpApiClient(s.url).listConsultations({
      status: ['in-review', 'escalated'],
      overdue: true,
      q: 'AIM 120',
    });
    expect(seen).toBe('/consultations?status=in-review%2Cescalated&overdue=true&q=AIM+120');
  });

  it('takes a 503 from /health as a report that a part is down', async () => {
    const s = await serve((_req, res) =>
      json(res, 503, { status: 'error', error: { nats: { status: 'down' } } }),
    );
    server = s.server;
    const health = await new HttpApiClient(s.url).health();
    expect(health).toEqual({
      up: false,
      report: { status: 'error', error: { nats: { status: 'down' } } },
    });
  });

  it('turns a 400 into a validation failure listing the coordinator’s messages (exit 2)', async () => {
    const s = await serve((_req, res) =>
      json(res, 400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['limit must not be greater than 200'],
      }),
    );
    server = s.server;
    const error = await failure(new HttpApiClient(s.url).listConsultations({ limit: 500 }));
    expect(error).toMatchObject({
      exitCode: EXIT.usage,
      errors: ['limit must not be greater than 200'],
    });
  });

  it('turns a 404 into "not found" (exit 3) with the consultation id', async () => {
    const s = await serve((_req, res) =>
      json(res, 404, { statusCode: 404, message: 'no consultation x' }),
    );
    server = s.server;
    const id = '6f1c2f9e-3d7a-4b8e-9c41-2a5e7d0b9c13';
    const error = await failure(new HttpApiClient(s.url).consultation(id));
    expect(error).toMatchObject({ exitCode: EXIT.notFound, message: `no consultation ${id}` });
  });

  it('says to start the coordinator with DEV_CLOCK=true when /dev/clock does not exist', async () => {
    const s = await serve((req, res) =>
      json(res, 404, {
        statusCode: 404,
        error: 'Not Found',
        message: `Cannot ${req.method} ${req.url}`,
      }),
    );
    server = s.server;
    const error = await failure(new HttpApiClient(s.url).advanceDevClock({ days: 1 }));
    expect(error).toMatchObject({
      exitCode: EXIT.notFound,
      hint: expect.stringContaining('DEV_CLOCK=true'),
    });
    expect(error.message).toBe(
      `the coordinator at ${s.url} has no POST /dev/clock/advance (dev clock)`,
    );
  });

  it('posts the clock offset as JSON', async () => {
    let body = '';
    const s = await serve((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () =>
        json(res, 201, { now: '2026-03-12T00:00:00.000Z', offsetMs: 172_800_000 }),
      );
    });
    server = s.server;
    expect(await new HttpApiClient(s.url).advanceDevClock({ days: 2 })).toEqual({
      now: '2026-03-12T00:00:00.000Z',
      offsetMs: 172_800_000,
    });
    expect(JSON.parse(body)).toEqual({ days: 2 });
  });

  it('reports an unreachable coordinator with the hint to start the stack (exit 5)', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const url = s.url;
    s.server.close();
    await once(s.server, 'close');
    const error = await failure(new HttpApiClient(url).stats());
    expect(error).toMatchObject({
      exitCode: EXIT.unreachable,
      message: `cannot reach the coordinator at ${url}`,
      hint: expect.stringContaining('npm start'),
    });
  });

  it('streams server-sent events as they arrive', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('\n');
      res.write('id: e1\nevent: signoff.submitted\ndata: {"id":"e1"}\n\n');
      res.write(': heartbeat\n\n');
      res.end('id: e2\nevent: clock.overdue\ndata: {"id":"e2"}\n\n');
    });
    server = s.server;
    const events: SseEvent[] = [];
    let opened = false;
    const signal = new AbortController().signal;
    for await (const e of new HttpApiClient(s.url).events(
      { type: 'signoff.' },
      { signal, onOpen: () => (opened = true) },
    )) {
      events.push(e);
    }
    expect(opened).toBe(true);
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
