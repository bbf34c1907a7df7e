import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBasicAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { findUnsafeText, LIMITS } from '@icb/contracts';
import { clientSecretMatches, type AdapterAuthSettings } from './adapter-auth.config';
import { ADAPTER_AUTH_SETTINGS } from './adapter-auth.tokens';
import { PublicAdapterRoute } from './agency-caller';
import { parseScope } from './scopes';

/** The token endpoint's path (RFC 6749 §3.2): the one route that takes a form-encoded body. */
export const TOKEN_ENDPOINT_PATH = '/oauth/token';

/** The HTTP Basic scheme of the token endpoint (client authentication, RFC 6749 §2.3.1). */
export const CLIENT_SECURITY_SCHEME = 'client';

export class AccessTokenResponseDto {
  @ApiProperty({
    type: String,
    description: 'The access token (a JWT): send it as `Authorization: Bearer`.',
  })
  access_token: string;

  @ApiProperty({ type: String, enum: ['Bearer'] })
  token_type: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Seconds until it expires.', example: 900 })
  expires_in: number;

  @ApiProperty({ type: String, description: 'The scopes granted, space-separated.' })
  scope: string;
}

/** An OAuth2 error answer (RFC 6749 §5.2) in the project's error shape too. */
class OAuthError extends HttpException {
  constructor(status: number, error: string, description: string) {
    super(
      {
        statusCode: status,
        error,
        code: error,
        message: description,
        error_description: description,
      },
      status,
    );
  }
}

type FormRequest = IncomingMessage & { body?: unknown };

function singleParam(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new OAuthError(400, 'invalid_request', `${name} must be given once, as text`);
  }
  return value;
}

/** `client_id:client_secret` from HTTP Basic, each form-urlencoded first (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)[ ]*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * The OAuth2 token endpoint of a deployment without an identity provider
 * (ADR 18): the client-credentials grant (RFC 6749 §4.4), the client
 * authenticated with HTTP Basic, the body form-encoded. It issues short-lived
 * JWTs signed with the deployment's issuer key, for this adapter's audience
 * and agency, with the scopes asked for (all the client's when none). An
 * agency system may name the officer it acts for (`officer_name`,
 * `officer_title`): the token carries them, and an answer that records its
 * officer takes them from there. Served only when ADAPTER_TOKEN_ISSUER_KEY_FILE
 * and ADAPTER_CLIENTS_FILE are set (404 otherwise: the agency's IdP issues the
 * tokens).
 */
@ApiTags('oauth')
@Controller('oauth')
export class TokenController {
  constructor(@Inject(ADAPTER_AUTH_SETTINGS) private readonly settings: AdapterAuthSettings) {}

  @Post('token')
  @PublicAdapterRoute()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Get an access token (OAuth2 client credentials, RFC 6749 §4.4)',
    description:
      'Client authentication with HTTP Basic (client id and secret). Answers a JWT for this ' +
      'adapter, valid for `expires_in` seconds. Errors carry the OAuth2 `error` code ' +
      '(`invalid_request`, `invalid_client`, `unsupported_grant_type`, `invalid_scope`). ' +
      'Not served (404) where the agency’s identity provider issues the tokens.',
  })
  @ApiBasicAuth(CLIENT_SECURITY_SCHEME)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { type: 'string', enum: ['client_credentials'] },
        scope: {
          type: 'string',
          description: 'Space-separated scopes; all the client may have when left out.',
          maxLength: 1000,
        },
        officer_name: {
          type: 'string',
          maxLength: LIMITS.name,
          description: 'The officer the system acts for (with officer_title).',
        },
        officer_title: { type: 'string', maxLength: LIMITS.name },
      },
    },
  })
  @ApiOkResponse({ type: AccessTokenResponseDto })
  @ApiBadRequestResponse({ description: 'An invalid request, grant type or scope (`error`).' })
  @ApiUnauthorizedResponse({ description: 'Unknown client or wrong secret (`invalid_client`).' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not form-encoded.' })
  @ApiNotFoundResponse({ description: 'This deployment does not issue tokens (an IdP does).' })
  async token(
    @Req() request: FormRequest,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AccessTokenResponseDto> {
    const issuer = this.settings.tokenIssuer;
    if (!issuer) {
      throw new HttpException(
        {
          statusCode: 404,
          error: 'Not Found',
          code: 'TOKEN_ENDPOINT_DISABLED',
          message: 'this adapter issues no tokens: get one from the agency’s identity provider',
        },
        404,
      );
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      throw new OAuthError(
        415,
        'invalid_request',
        'a token request is application/x-www-form-urlencoded (RFC 6749 §4.4.2)',
      );
    }
    const credentials = basicCredentials(request.headers.authorization);
    const client = credentials && issuer.clients.get(credentials.id);
    if (!credentials || !client || !clientSecretMatches(client, credentials.secret)) {
      response.setHeader('WWW-Authenticate', `Basic realm="${this.settings.audience}"`);
      throw new OAuthError(
        401,
        'invalid_client',
        credentials
          ? 'unknown client or wrong client secret'
          : 'authenticate the client with HTTP Basic (client id and secret)',
      );
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const grantType = singleParam(body, 'grant_type');
    if (grantType === undefined)
      throw new OAuthError(400, 'invalid_request', 'grant_type is required');
    if (grantType !== 'client_credentials') {
      throw new OAuthError(400, 'unsupported_grant_type', 'only client_credentials is served here');
    }
    const asked = singleParam(body, 'scope');
    const scopes = asked === undefined ? [...client.scopes] : [...parseScope(asked)];
    const notAllowed = scopes.filter((s) => !client.scopes.includes(s));
    if (scopes.length === 0 || notAllowed.length > 0) {
      throw new OAuthError(
        400,
        'invalid_scope',
        scopes.length === 0
          ? 'scope names no scope'
          : `the client may not have ${notAllowed.join(', ')} (it may have: ${client.scopes.join(' ')})`,
      );
    }
    const name = singleParam(body, 'officer_name');
    const title = singleParam(body, 'officer_title');
    const valid = (v: string | undefined) =>
      v !== undefined && v.trim() !== '' && v.length <= LIMITS.name && !findUnsafeText(v);
    if ((name !== undefined || title !== undefined) && !(valid(name) && valid(title))) {
      throw new OAuthError(
        400,
        'invalid_request',
        `officer_name and officer_title go together, each 1 to ${LIMITS.name} characters of text`,
      );
    }
    const jwt = new SignJWT({
      client_id: client.clientId,
      agency: client.agency,
      scope: scopes.join(' '),
      ...(name !== undefined ? { officer: { name, title } } : {}),
    })
      .setProtectedHeader({ alg: issuer.alg, kid: issuer.kid, typ: 'at+jwt' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(client.clientId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${issuer.ttlSeconds}s`)
      .setJti(randomUUID());
    response.setHeader('Pragma', 'no-cache');
    return {
      access_token: await jwt.sign(issuer.key),
      token_type: 'Bearer',
      expires_in: issuer.ttlSeconds,
      scope: scopes.join(' '),
    };
  }
}
