import {
  DynamicModule,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Module,
  SetMetadata,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { AppConfig } from '@icb/config';

/** Methods that change state: what `applies: 'writes'` limits. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const RATE_LIMITED_ROUTE = 'icb:rate-limited';

/** Limits the route per client address (with `ClientRateLimitModule.forRoot({ applies: 'marked' })`). */
export const RateLimited = () => SetMetadata(RATE_LIMITED_ROUTE, true);

export interface ClientRateLimitOptions {
  /** `writes`: every POST, PUT, PATCH and DELETE; `marked`: the routes marked `@RateLimited()`. */
  applies: 'writes' | 'marked';
  /** Requests a client address may send per minute (from the configuration); 0 turns the limit off. */
  perMinute: (config: AppConfig) => number;
  /** What is counted, for the refusal's message: `sign-ins`, `writes`. */
  what: string;
  /** The setting that sets it, for the refusal's message and the documents. */
  setting: string;
}

export const CLIENT_RATE_LIMIT = Symbol('CLIENT_RATE_LIMIT');

/** The window of every client limit. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * `@nestjs/throttler`'s guard, counting per client address (the TCP peer;
 * Express's `req.ip`), on the requests the options name, refusing with the
 * services' error body: 429, `code: RATE_LIMITED`, and `Retry-After` (the
 * seconds until the address may send again).
 */
@Injectable()
export class ClientRateLimitGuard extends ThrottlerGuard {
  private readonly perMinute: number;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(CLIENT_RATE_LIMIT) private readonly scope: ClientRateLimitOptions,
    config: AppConfig,
  ) {
    super(options, storage, reflector);
    this.perMinute = scope.perMinute(config);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (this.perMinute <= 0 || context.getType() !== 'http') return Promise.resolve(true);
    if (this.scope.applies === 'marked') {
      const marked = this.reflector.getAllAndOverride<boolean>(RATE_LIMITED_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]);
      return Promise.resolve(!marked);
    }
    const method = context.switchToHttp().getRequest<{ method?: string }>().method ?? '';
    return Promise.resolve(!WRITE_METHODS.has(method.toUpperCase()));
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The parent has set Retry-After (seconds) already.
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        code: 'RATE_LIMITED',
        message:
          `too many ${this.scope.what} from this client address (at most ${detail.limit} a minute, ` +
          `${this.scope.setting}): try again in ${detail.timeToBlockExpire} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Registers a per-client rate limit for the whole application (a global
 * guard); the counts are kept in the instance's memory, per minute. Import
 * it once per application.
 */
@Module({})
export class ClientRateLimitModule {
  static forRoot(options: ClientRateLimitOptions): DynamicModule {
    return {
      module: ClientRateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            throttlers: [
              // Named `default`, so the headers are plain `Retry-After`, `X-RateLimit-*`.
              {
                name: 'default',
                ttl: RATE_LIMIT_WINDOW_MS,
                limit: Math.max(1, options.perMinute(config)),
              },
            ],
          }),
        }),
      ],
      providers: [
        { provide: CLIENT_RATE_LIMIT, useValue: options },
        { provide: APP_GUARD, useClass: ClientRateLimitGuard },
      ],
      exports: [CLIENT_RATE_LIMIT],
    };
  }
}
