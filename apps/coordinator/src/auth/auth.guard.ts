import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { HealthController } from '@icb/observability';
import { AuthService } from './auth.service';
import { signInRefusal } from './sign-in-refusal';
import { AuthenticatedRequest, HttpRequest, PUBLIC_ROUTE, REQUIRED_ROLE } from './auth.decorators';
import { hasRole, Operator, OperatorRole } from './operator';

export const SESSION_COOKIE = 'icb_session';

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route needs a signed-in operator (ADR 8) except the health checks and
 * `@Public()` ones. Credentials, in order: `Authorization: Bearer` (session or
 * API token), `Authorization: Basic`, the `icb_session` cookie. A request
 * authenticated by cookie that changes state must come from the same origin.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // bus handlers are not HTTP
    if (context.getClass() === HealthController) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest & AuthenticatedRequest>();
    const response = http.getResponse<ServerResponse>();
    const operator = await this.authenticate(request, response);
    if (!operator) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="icb"');
      throw new UnauthorizedException(
        'sign in first: POST /auth/login, or send Authorization: Bearer <token> or Basic',
      );
    }
    request.operator = operator;
    const role = this.reflector.getAllAndOverride<OperatorRole | undefined>(REQUIRED_ROLE, targets);
    if (role && !hasRole(operator, role)) {
      throw new ForbiddenException(`${operator.username} lacks the ${role} role`);
    }
    return true;
  }

  private async authenticate(
    request: HttpRequest,
    response: ServerResponse,
  ): Promise<Operator | null> {
    const header = request.headers.authorization;
    if (header) {
      const [scheme, value = ''] = header.split(' ', 2);
      if (/^bearer$/i.test(scheme)) return this.auth.fromToken(value.trim());
      if (/^basic$/i.test(scheme)) {
        const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0) return null;
        try {
          return await this.auth.fromBasic(decoded.slice(0, colon), decoded.slice(colon + 1));
        } catch (error) {
          throw signInRefusal(error, response);
        }
      }
      return null;
    }
    const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (!cookie) return null;
    if (UNSAFE.has(request.method ?? '') && !sameOrigin(request)) {
      throw new ForbiddenException('cross-origin request refused');
    }
    return this.auth.fromToken(cookie);
  }
}

function sameOrigin(request: HttpRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // same-origin fetches of old browsers, curl with a cookie
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
