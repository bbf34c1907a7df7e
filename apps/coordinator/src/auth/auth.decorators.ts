import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Operator, OperatorRole } from './operator';

export const PUBLIC_ROUTE = 'icb:public';
export const REQUIRED_ROLE = 'icb:role';

/** Served without sign-in (sign-in itself). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only operators with this role (403 for the others). */
export const RequireRole = (role: OperatorRole) => SetMetadata(REQUIRED_ROLE, role);

/** An HTTP request as the auth code reads it (Express sets `secure` behind TLS). */
export interface HttpRequest extends IncomingMessage {
  secure?: boolean;
}

export interface AuthenticatedRequest {
  operator?: Operator;
}

/** The signed-in operator of the request (routes behind the guard only). */
export const CurrentOperator = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const operator = ctx.switchToHttp().getRequest<AuthenticatedRequest>().operator;
  if (!operator) throw new Error('CurrentOperator used on a public route');
  return operator;
});
