import {
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiOAuth2, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Agency } from '@icb/contracts';
import type { AdapterScope } from './scopes';

/** The security scheme of the adapters' OpenAPI documents (OAuth2 client credentials). */
export const AGENCY_SECURITY_SCHEME = 'agency';

export const REQUIRED_SCOPES = 'icb:adapter-scopes';
export const PUBLIC_ADAPTER_ROUTE = 'icb:adapter-public';

/** The person an agency system acts for, as its access token names them. */
export interface ActingOfficer {
  name: string;
  title: string;
}

/** Who called, from the verified access token (never from the request body). */
export interface AgencyCaller {
  /** The OAuth2 client (the agency system): `client_id`, else `sub`. */
  clientId: string;
  agency: Agency;
  scopes: ReadonlySet<string>;
  /** The officer the system acts for (`officer` claim), when the token names one. */
  officer?: ActingOfficer;
  /** The token's `jti`, when it has one (logs). */
  tokenId?: string;
}

export interface CallerRequest {
  agencyCaller?: AgencyCaller;
}

const UNAUTHORIZED =
  'No access token, or one that is not valid here: malformed, not signed by a trusted key, ' +
  'expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` ' +
  'says which (`error="invalid_token"`).';
const FORBIDDEN =
  'The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; ' +
  '`WWW-Authenticate` names the scopes).';

/**
 * The scopes an operation needs (all of them), checked by the adapter's guard
 * (AdapterAuthGuard), and stated in the OpenAPI document: the OAuth2 security
 * requirement with these scopes, 401 and 403.
 */
export function RequireScopes(...scopes: [AdapterScope, ...AdapterScope[]]) {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiOAuth2(scopes, AGENCY_SECURITY_SCHEME),
    ApiUnauthorizedResponse({ description: UNAUTHORIZED }),
    ApiForbiddenResponse({ description: FORBIDDEN }),
  );
}

/** Served without an access token (the token endpoint itself). */
export function PublicAdapterRoute() {
  return SetMetadata(PUBLIC_ADAPTER_ROUTE, true);
}

/** The verified caller of the request (routes behind `@RequireScopes` only). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): AgencyCaller => {
  const caller = ctx.switchToHttp().getRequest<CallerRequest>().agencyCaller;
  if (!caller) throw new Error('@Caller() used on a route without @RequireScopes');
  return caller;
});

/**
 * The officer the agency system acts for, from its access token: 403
 * (`OFFICER_REQUIRED`) when the token names none, for the operations that
 * record who decided (a sign-off, DoD's technical review).
 */
export const ActingOfficerOf = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ActingOfficer => {
    const caller = ctx.switchToHttp().getRequest<CallerRequest>().agencyCaller;
    if (!caller) throw new Error('@ActingOfficerOf() used on a route without @RequireScopes');
    if (!caller.officer) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'OFFICER_REQUIRED',
        message:
          'this answer records the officer who gave it, and the access token names none: ' +
          'request the token with officer_name and officer_title (or an IdP `officer` claim)',
      });
    }
    return caller.officer;
  },
);
