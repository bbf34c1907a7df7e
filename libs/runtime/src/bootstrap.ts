import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ArgumentMetadata,
  BadRequestException,
  DynamicModule,
  INestApplication,
  Type,
  UnsupportedMediaTypeException,
  ValidationPipe,
} from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@icb/config';
import { connectJetStream, hasJetStream } from '@icb/messaging';
import { findUnsafeText, MAX_JSON_DEPTH, MAX_MESSAGE_BYTES, scanJsonText } from '@icb/contracts';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiErrorDto, documentValidationRules, exactOpenApi } from './openapi-exact';
import { applyPluginMetadata, type PluginMetadataFile } from './openapi-metadata';
import sharedSwaggerMetadata from './swagger.metadata';
import { CLIENT_RATE_LIMIT, ClientRateLimitOptions, WRITE_METHODS } from './rate-limit';

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
  /**
   * Security schemes the operations name with their own decorators (the
   * agency adapters' OAuth2 client credentials, ADR 18).
   */
  securitySchemes?: Record<string, Parameters<DocumentBuilder['addSecurity']>[1]>;
  /**
   * The Swagger CLI plugin's metadata of the service's DTOs (the generated
   * `swagger.metadata.ts` files, ADR 23), applied before the document is built.
   */
  pluginMetadata?: readonly PluginMetadataFile[];
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
  for (const [name, scheme] of Object.entries(description.securitySchemes ?? {})) {
    builder = builder.addSecurity(name, scheme);
  }
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
  // What the Swagger plugin reads from the DTOs' types and JSDoc (no build runs it as a transformer).
  applyPluginMetadata([sharedSwaggerMetadata, ...(description.pluginMetadata ?? [])]);
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
  return documentRateLimit(app, exactOpenApi(document, signIn));
}

/** The application's per-client limit of writes (ClientRateLimitModule), if it has one. */
function writeRateLimitOf(app: INestApplication): ClientRateLimitOptions | undefined {
  // Looked up among the modules' providers, not with app.get(): a missing
  // token there aborts an application created with abortOnError (the default).
  for (const module of app.get(ModulesContainer).values()) {
    const options = module.providers.get(CLIENT_RATE_LIMIT)?.instance as
      | ClientRateLimitOptions
      | undefined;
    if (options?.applies === 'writes') return options;
  }
  return undefined;
}

/** Declares the 429 of a service whose writes are limited per client address, on every write. */
function documentRateLimit(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const limit = writeRateLimitOf(app);
  if (!limit) return document;
  for (const item of Object.values(document.paths)) {
    for (const method of ['put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation || !WRITE_METHODS.has(method.toUpperCase())) continue;
      operation.responses['429'] ??= {
        description:
          `Too many ${limit.what} from this client address (${limit.setting}): ` +
          'wait the seconds `Retry-After` gives.',
        headers: {
          'Retry-After': {
            description: 'Seconds to wait before trying again.',
            schema: { type: 'integer', minimum: 0, example: 30 },
          },
        },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorDto' } } },
      };
    }
  }
  return document;
}

/**
 * Applies what every service has in common to a created application:
 * structured logs, validation, body size limit, OpenAPI at `/docs` (JSON at
 * `/docs-json`), graceful shutdown on SIGTERM/SIGINT, and the bus connected
 * as a Nest microservice (JetStreamServer, when the application has
 * MessagingModule): its `@EventPattern`/`@MessagePattern` handlers run once
 * `app.startAllMicroservices()` is called, after `app.init()`.
 */
export function configureService(
  app: NestExpressApplication,
  description: ServiceDescription,
): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(edgeHeaders);
  // `verify` is left out of the option type Nest declares (it uses it for
  // `rawBody`, which no service turns on); body-parser runs it before parsing.
  const json: { limit: number; verify: typeof verifyJsonBody } = {
    limit: MAX_MESSAGE_BYTES,
    verify: verifyJsonBody,
  };
  app.useBodyParser('json', json);
  app.useGlobalPipes(edgeValidationPipe());
  if (hasJetStream(app)) connectJetStream(app);
  const document = buildOpenApi(app, description);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * The Content-Security-Policy of every response. The API answers JSON, and
 * the coordinator's dashboard loads only its own files (no inline script or
 * style, no CDN; it sends a policy of its own, as strict). Nothing may frame
 * a page, post a form elsewhere, or load plugins. No
 * `upgrade-insecure-requests`: a local stack serves plain HTTP on 127.0.0.1.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, string[] | null>> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'upgrade-insecure-requests': null,
};

/**
 * The OpenAPI page (`/docs`, Swagger UI) needs inline styles and `data:`
 * images; its scripts are files of its own. Only its pages get this policy.
 */
export const DOCS_CONTENT_SECURITY_POLICY: Readonly<Record<string, string[] | null>> = {
  ...CONTENT_SECURITY_POLICY,
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
};

function helmetWith(directives: Readonly<Record<string, string[] | null>>) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
}

const apiHelmet = helmetWith(CONTENT_SECURITY_POLICY);
const docsHelmet = helmetWith(DOCS_CONTENT_SECURITY_POLICY);

/**
 * helmet's standard headers on every response of every service
 * (Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options
 * nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer,
 * Cross-Origin-Opener/Resource-Policy same-origin, Origin-Agent-Cluster,
 * X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies,
 * X-XSS-Protection: 0; no X-Powered-By), with the policy above (the OpenAPI
 * page's own under `/docs`). edgeHeaders, after it, adds Cache-Control.
 */
export function securityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const path = (req.url ?? '/').split('?')[0];
  const docs = path === '/docs' || path.startsWith('/docs/');
  (docs ? docsHelmet : apiHelmet)(req, res, next);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const FORM_ENCODED = 'application/x-www-form-urlencoded';
/**
 * The one route that takes a form-encoded body: the adapters' OAuth2 token
 * endpoint (RFC 6749 §4.4 requires the form). A cross-site form cannot use it:
 * the client authenticates with HTTP Basic, which a browser form cannot send
 * unprompted (ADR 18).
 */
export const FORM_ENCODED_PATHS: ReadonlySet<string> = new Set(['/oauth/token']);

/**
 * Every response: not cached (consultations carry classified text; the
 * dashboard's files revalidate with a header of their own); securityHeaders,
 * before it, sets the rest. And a body must be JSON: a form-encoded or
 * multipart body (what a cross-site HTML form can send without a preflight)
 * is refused with 415 before any parser reads it.
 */
export function edgeHeaders(
  req: Pick<IncomingMessage, 'method' | 'headers'> & { url?: string },
  res: {
    setHeader(name: string, value: string): unknown;
    statusCode: number;
    end(body: string): unknown;
  },
  next: () => void,
): void {
  res.setHeader('Cache-Control', 'no-store');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0;
  if (
    BODY_METHODS.has(req.method ?? '') &&
    hasBody &&
    type !== '' &&
    type !== 'application/json' &&
    !(type === FORM_ENCODED && FORM_ENCODED_PATHS.has((req.url ?? '').split('?')[0])) &&
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
  // Every module ready before the first message is handled; consuming before serving HTTP.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app
    .get(Logger)
    .log(`${description.title} listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`);
  return app;
}
