import { Controller, Get, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigModule } from '@icb/config';
import { ClientRateLimitModule, ClientRateLimitOptions, RateLimited } from './rate-limit';

@Controller('things')
class ThingsController {
  @Get()
  list(): { items: string[] } {
    return { items: [] };
  }

  @Post()
  @HttpCode(201)
  add(): { ok: boolean } {
    return { ok: true };
  }

  @Post('login')
  @HttpCode(200)
  @RateLimited()
  login(): { ok: boolean } {
    return { ok: true };
  }
}

/** A real Nest HTTP application with the limit registered as the services register it. */
async function appWith(
  applies: ClientRateLimitOptions['applies'],
  perMinute: string,
): Promise<{ app: INestApplication; url: string }> {
  @Module({
    imports: [
      ConfigModule.forRoot({ env: { WRITE_RATE_LIMIT_PER_MINUTE: perMinute } }),
      ClientRateLimitModule.forRoot({
        applies,
        perMinute: (config) => config.WRITE_RATE_LIMIT_PER_MINUTE,
        what: 'writes',
        setting: 'WRITE_RATE_LIMIT_PER_MINUTE',
      }),
    ],
    controllers: [ThingsController],
  })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

const post = (url: string) => fetch(url, { method: 'POST' });

describe('per-client rate limits (@nestjs/throttler)', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('limits the writes of a client address, with 429, Retry-After and the error body; reads are free', async () => {
    const { app, url } = await appWith('writes', '3');
    apps.push(app);
    for (let i = 0; i < 3; i++) expect((await post(`${url}/things`)).status).toBe(201);
    const refused = await post(`${url}/things`);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'RATE_LIMITED',
      message: expect.stringMatching(
        /^too many writes from this client address \(at most 3 a minute, WRITE_RATE_LIMIT_PER_MINUTE\): try again in \d+ s$/,
      ),
    });
    // Each route has a budget of its own.
    expect((await post(`${url}/things/login`)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/things`)).status).toBe(200);
  });

  it('limits only the marked routes when asked to', async () => {
    const { app, url } = await appWith('marked', '2');
    apps.push(app);
    for (let i = 0; i < 5; i++) expect((await post(`${url}/things`)).status).toBe(201);
    expect((await post(`${url}/things/login`)).status).toBe(200);
    expect((await post(`${url}/things/login`)).status).toBe(200);
    expect((await post(`${url}/things/login`)).status).toBe(429);
  });

  it('turns off at 0', async () => {
    const { app, url } = await appWith('writes', '0');
    apps.push(app);
    for (let i = 0; i < 20; i++) expect((await post(`${url}/things`)).status).toBe(201);
  });
});
