import type { IncomingMessage } from 'node:http';
import {
  ArgumentMetadata,
  BadRequestException,
  DynamicModule,
  INestApplication,
  Type,
  UnsupportedMediaTypeException,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@icb/config';
import { findUnsafeText, MAX_JSON_DEPTH, MAX_MESSAGE_BYTES, scanJsonText } from '@icb/contracts';
import { Logger } from 'nestjs-pino';
import { ApiErrorDto, documentValidationRules, exactOpenApi } from './openapi-exact';

export interface ServiceDescription {
  title: string;
  description: string;
  version?: string;
  /**
   * The service needs a signed-in operator (the coordinator, ADR 8): the
   * document declares Bearer, Basic and cookie security for every operation
   * except those under `publicPaths`.
   */
  signIn?: { publicPaths: string[]; cookie: string };
}

/** Deepest nesting a request body may have: the contracts need a handful of levels. */
export const MAX_BODY_DEPTH = MAX_JSON_DEPTH;

/** How deeply `value` nests objects and arrays (iterative: a hostile body cannot overflow the stack). */
export function nestingDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Checks a JSON request body's bytes before they are parsed (the JSON body
 * parser's `verify` step), in every service: they must be UTF-8 (decoding
 * them anyway would turn bad bytes into U+FFFD without a word) and nest no
 * deeper than MAX_BODY_DEPTH, so a body nested 100,000 levels deep is refused
 * before anything builds or walks it. A 400 (415 for a charset other than
 * UTF-8), in the shape of every other 400: `message` lists the problem.
 */
export function verifyJsonBody(
  _req: IncomingMessage,
  _res: unknown,
  body: Buffer,
  encoding: string,
): void {
  const charset = encoding.toLowerCase().replace(/^utf8$/, 'utf-8');
  if (charset !== 'utf-8') {
    throw new UnsupportedMediaTypeException(
      `a JSON body must be UTF-8 (RFC 8259), not ${encoding}`,
    );
  }
  const scanned = scanJsonText(body, MAX_BODY_DEPTH);
  if (!scanned.ok) throw new BadRequestException([`body ${scanned.message}`]);
}

/**
 * Class-validator at every HTTP edge, after two checks of its own on every
 * input (body, query, path parameters), both without recursion: a depth cap
 * (Nest's pipe walks a body recursively, and a body nested thousands of
 * levels deep would overflow the stack, a 500, instead of getting a 400),
 * and no string with a control character other than tab, line feed and
 * carriage return (NUL included) or an unpaired surrogate (findUnsafeText).
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestingDepth(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      throw new BadRequestException([
        `${metadata.type} is nested more than ${MAX_BODY_DEPTH} levels deep`,
      ]);
    }
    const unsafe = findUnsafeText(value);
    if (unsafe) {
      const where = unsafe.path === '(root)' ? (metadata.data ?? metadata.type) : unsafe.path;
      throw new BadRequestException([unsafe.message.replace(unsafe.path, where)]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function edgeValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
  });
}

export function buildOpenApi(
  app: INestApplication,
  description: ServiceDescription,
): OpenAPIObject {
  let builder = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description)
    .setVersion(description.version ?? '1.0.0');
  const signIn = description.signIn;
  if (signIn) {
    builder = builder
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'Session or API token' },
        'bearer',
      )
      .addBasicAuth(
        { type: 'http', scheme: 'basic', description: 'Operator username and password' },
        'basic',
      )
      .addCookieAuth(signIn.cookie, { type: 'apiKey', in: 'cookie', name: signIn.cookie }, 'cookie')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('basic')
      .addSecurityRequirements('cookie');
  }
  // The document states what the edge enforces: the validators' rules first (openapi-exact.ts).
  documentValidationRules();
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ApiErrorDto],
  });
  if (signIn) {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!signIn.publicPaths.includes(path)) continue;
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        const operation = item[method];
        if (operation) operation.security = [];
      }
    }
  }
  return exactOpenApi(document, signIn);
}

/**
 * Applies what every service has in common to a created application:
 * structured logs, validation, body size limit, OpenAPI at `/docs` (JSON at
 * `/docs-json`), graceful shutdown on SIGTERM/SIGINT.
 */
export function configureService(
  app: NestExpressApplication,
  description: ServiceDescription,
): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.use(edgeHeaders);
  // `verify` is left out of the option type Nest declares (it uses it for
  // `rawBody`, which no service turns on); body-parser runs it before parsing.
  const json: { limit: number; verify: typeof verifyJsonBody } = {
    limit: MAX_MESSAGE_BYTES,
    verify: verifyJsonBody,
  };
  app.useBodyParser('json', json);
  app.useGlobalPipes(edgeValidationPipe());
  const document = buildOpenApi(app, description);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every response: not sniffed, not cached (consultations carry classified
 * text), not framed, no referrer. And a body must be JSON: a form-encoded or
 * multipart body (what a cross-site HTML form can send without a preflight)
 * is refused with 415 before any parser reads it.
 */
export function edgeHeaders(
  req: Pick<IncomingMessage, 'method' | 'headers'>,
  res: {
    setHeader(name: string, value: string): unknown;
    statusCode: number;
    end(body: string): unknown;
  },
  next: () => void,
): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0;
  if (
    BODY_METHODS.has(req.method ?? '') &&
    hasBody &&
    type !== '' &&
    type !== 'application/json' &&
    !type.endsWith('+json')
  ) {
    res.statusCode = 415;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: `a request body must be application/json, not ${type}`,
      }),
    );
    return;
  }
  next();
}

/** Creates, configures and starts a service on the configured host and port. */
export async function runService(
  rootModule: Type<unknown> | DynamicModule,
  description: ServiceDescription,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true });
  configureService(app, description);
  const config = app.get(AppConfig);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app
    .get(Logger)
    .log(`${description.title} listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`);
  return app;
}
