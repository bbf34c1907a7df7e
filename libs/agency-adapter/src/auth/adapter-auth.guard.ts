import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HealthController, MetricsController } from '@icb/observability';
import { ADAPTER_AUTH_SETTINGS } from './adapter-auth.tokens';
import type { AdapterAuthSettings } from './adapter-auth.config';
import { InvalidAccessTokenError, verifyAccessToken } from './access-token';
import { PUBLIC_ADAPTER_ROUTE, REQUIRED_SCOPES, type CallerRequest } from './agency-caller';

/** A header value's quoted-string (RFC 9110): no quotes or backslashes inside. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, "'")}"`;
}

/**
 * Every route of an agency adapter needs an access token from the agency's
 * systems (ADR 18), except health, metrics, the OpenAPI document and the token
 * endpoint. `Authorization: Bearer <JWT>`, verified (verifyAccessToken), then
 * the route's scopes (`@RequireScopes`): 401 with `WWW-Authenticate: Bearer`
 * for no token or a bad one, 403 `insufficient_scope` for a missing scope. A
 * route that declares no scopes is refused (fail closed).
 */
@Injectable()
export class AdapterAuthGuard implements CanActivate {
  private readonly logger = new Logger('AdapterAuth');

  constructor(
    @Inject(ADAPTER_AUTH_SETTINGS) private readonly settings: AdapterAuthSettings,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // bus handlers are not HTTP
    const cls = context.getClass();
    if (cls === HealthController || cls === MetricsController) return true;
    const targets = [context.getHandler(), cls];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ADAPTER_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage & CallerRequest>();
    const response = http.getResponse<ServerResponse>();
    const realm = `realm=${quoted(this.settings.audience)}`;

    const header = request.headers.authorization ?? '';
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header);
    if (!match) {
      response.setHeader('WWW-Authenticate', `Bearer ${realm}`);
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'UNAUTHENTICATED',
        message: header
          ? 'send the access token as Authorization: Bearer <token>'
          : `an access token of the ${this.settings.agency} agency's systems is required: ` +
            'Authorization: Bearer <token> (client credentials at POST /oauth/token or the agency IdP)',
      });
    }
    let caller;
    try {
      caller = await verifyAccessToken(match[1], this.settings);
    } catch (error) {
      if (!(error instanceof InvalidAccessTokenError)) throw error;
      response.setHeader(
        'WWW-Authenticate',
        `Bearer ${realm}, error="invalid_token", error_description=${quoted(error.message)}`,
      );
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'invalid_token',
        message: error.message,
      });
    }
    const needed = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, targets);
    if (!needed || needed.length === 0) {
      this.logger.error(`${request.method} ${request.url}: the route declares no scopes: refused`);
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'insufficient_scope',
        message: 'this operation declares no scope: refused',
      });
    }
    const missing = needed.filter((s) => !caller.scopes.has(s));
    if (missing.length > 0) {
      response.setHeader(
        'WWW-Authenticate',
        `Bearer ${realm}, error="insufficient_scope", scope=${quoted(needed.join(' '))}`,
      );
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'insufficient_scope',
        message: `the access token lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      });
    }
    request.agencyCaller = caller;
    return true;
  }
}
