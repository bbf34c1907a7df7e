import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  edgeHeaders,
  edgeValidationPipe,
  MAX_BODY_DEPTH,
  nestingDepth,
  securityHeaders,
  verifyJsonBody,
} from './bootstrap';

/** A Content-Security-Policy as { directive: sources }. */
function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '').split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

/** A plain HTTP server with the edge's two middlewares in front of a JSON answer. */
async function edgeServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    res.setHeader('X-Powered-By', 'Express');
    securityHeaders(req, res, (error) => {
      if (error instanceof Error) throw error;
      edgeHeaders(req, res, () => {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"ok":true}');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

class Note {
  @IsString()
  text!: string;
}

const nested = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

describe('the HTTP edge', () => {
  it('measures nesting without recursion, even thousands of levels deep', () => {
    expect(nestingDepth({ a: [{ b: 1 }] })).toBe(3);
    expect(nestingDepth('text')).toBe(0);
    expect(nestingDepth(nested(100_000))).toBe(100_000);
  });

  it('answers a body nested deeper than the cap with a 400, not a stack overflow', async () => {
    const pipe = edgeValidationPipe();
    const meta = { type: 'body' as const, metatype: Note };
    await expect(pipe.transform(nested(5_000), meta)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform(nested(MAX_BODY_DEPTH + 1), meta)).rejects.toMatchObject({
      response: { message: [`body is nested more than ${MAX_BODY_DEPTH} levels deep`] },
    });
    await expect(pipe.transform({ text: 'ok' }, meta)).resolves.toMatchObject({ text: 'ok' });
  });

  it('refuses a JSON body nested deeper than the cap before it is parsed', () => {
    const verify = (text: string) => () =>
      verifyJsonBody(undefined as never, undefined, Buffer.from(text), 'utf-8');
    expect(verify('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(BadRequestException);
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    expect(verify(`{"officer":${deepObject}}`)).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({
          statusCode: 400,
          message: [`body is nested more than ${MAX_BODY_DEPTH} levels deep`],
        }),
      }),
    );
    expect(verify('{"text":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).not.toThrow();
  });

  it('refuses a JSON body that is not UTF-8 instead of reading U+FFFD into it', () => {
    const body = Buffer.concat([
      Buffer.from('{"text":"'),
      Buffer.of(0xc3, 0x28),
      Buffer.from('"}'),
    ]);
    expect(() => verifyJsonBody(undefined as never, undefined, body, 'utf-8')).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({ message: ['body is not valid UTF-8 (byte 9: 0xc3)'] }),
      }),
    );
    const utf16 = Buffer.from('{"text":"ok"}', 'utf16le');
    expect(() => verifyJsonBody(undefined as never, undefined, utf16, 'utf-16le')).toThrow(
      UnsupportedMediaTypeException,
    );
    expect(() =>
      verifyJsonBody(undefined as never, undefined, Buffer.from('{"text":"Zoë"}'), 'utf-8'),
    ).not.toThrow();
  });

  it('answers a string with NUL or another control character with a 400 naming the field', async () => {
    const pipe = edgeValidationPipe();
    const body = { type: 'body' as const, metatype: Note };
    await expect(pipe.transform({ text: 'a\u0000b' }, body)).rejects.toMatchObject({
      response: {
        message: [
          'text contains U+0000, a control character (only tab, line feed and carriage return are allowed)',
        ],
      },
    });
    await expect(pipe.transform({ text: 'bell\u0007' }, body)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(pipe.transform({ text: 'half \ud800' }, body)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    const query = { type: 'query' as const, metatype: String, data: 'consumer' };
    await expect(pipe.transform('x\u001b', query)).rejects.toMatchObject({
      response: { message: [expect.stringMatching(/^consumer contains U\+001B/)] },
    });
    await expect(pipe.transform({ text: 'line one\r\n\tline two' }, body)).resolves.toMatchObject({
      text: 'line one\r\n\tline two',
    });
  });

  describe('security headers (helmet) on every response', () => {
    let edge: { server: Server; url: string };
    beforeAll(async () => {
      edge = await edgeServer();
    });
    afterAll(() => new Promise<void>((resolve) => edge.server.close(() => resolve())));

    it("sends helmet's standard set, a strict policy, no-store, and no X-Powered-By", async () => {
      const res = await fetch(`${edge.url}/consultations`);
      const h = (name: string) => res.headers.get(name);
      expect(h('x-content-type-options')).toBe('nosniff');
      expect(h('x-frame-options')).toBe('DENY');
      expect(h('referrer-policy')).toBe('no-referrer');
      expect(h('cache-control')).toBe('no-store');
      expect(h('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(h('cross-origin-opener-policy')).toBe('same-origin');
      expect(h('cross-origin-resource-policy')).toBe('same-origin');
      expect(h('origin-agent-cluster')).toBe('?1');
      expect(h('x-dns-prefetch-control')).toBe('off');
      expect(h('x-permitted-cross-domain-policies')).toBe('none');
      expect(h('x-xss-protection')).toBe('0');
      expect(h('x-powered-by')).toBeNull();
      const csp = directives(h('content-security-policy'));
      expect(csp).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'script-src-attr': "'none'",
        'style-src': "'self'",
        'img-src': "'self'",
        'frame-ancestors': "'none'",
        'object-src': "'none'",
        'base-uri': "'none'",
      });
      expect(csp).not.toHaveProperty('upgrade-insecure-requests');
    });

    it('lets only the OpenAPI page use inline styles and data: images', async () => {
      const docs = directives(
        (await fetch(`${edge.url}/docs`)).headers.get('content-security-policy'),
      );
      expect(docs).toMatchObject({
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data:",
        'script-src': "'self'",
      });
      const lookalike = await fetch(`${edge.url}/docsx`);
      expect(directives(lookalike.headers.get('content-security-policy'))['style-src']).toBe(
        "'self'",
      );
    });

    it('still refuses a form-encoded body with 415, with the headers', async () => {
      const res = await fetch(`${edge.url}/reviews/x/sign-off`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.json()).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    });
  });
});
