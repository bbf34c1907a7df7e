import type { Agency } from '@icb/contracts';
import { AGENCY_SECURITY_SCHEME } from './agency-caller';
import { AGENCY_SCOPES, SCOPE_DESCRIPTIONS } from './scopes';
import { CLIENT_SECURITY_SCHEME, TOKEN_ENDPOINT_PATH } from './token.controller';

/**
 * The security schemes of an agency adapter's OpenAPI document (ADR 18):
 * OAuth2 client credentials with the agency's scopes (each operation names
 * those it needs), and HTTP Basic for the client at the token endpoint.
 */
export function adapterSecuritySchemes(agency: Agency) {
  return {
    [AGENCY_SECURITY_SCHEME]: {
      type: 'oauth2' as const,
      description:
        'An access token (JWT) of the agency’s systems: `Authorization: Bearer <token>`. From ' +
        'the agency’s identity provider, or from this adapter’s `POST /oauth/token` where the ' +
        'deployment issues its own (client credentials).',
      flows: {
        clientCredentials: {
          tokenUrl: TOKEN_ENDPOINT_PATH,
          scopes: Object.fromEntries(AGENCY_SCOPES[agency].map((s) => [s, SCOPE_DESCRIPTIONS[s]])),
        },
      },
    },
    [CLIENT_SECURITY_SCHEME]: {
      type: 'http' as const,
      scheme: 'basic',
      description: 'The OAuth2 client’s id and secret (the token endpoint only).',
    },
  };
}
