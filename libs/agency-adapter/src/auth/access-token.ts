import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { findUnsafeText, LIMITS, type Agency } from '@icb/contracts';
import type { AdapterAuthSettings } from './adapter-auth.config';
import { TOKEN_ALGORITHMS } from './adapter-auth.config';
import type { ActingOfficer, AgencyCaller } from './agency-caller';
import { parseScope } from './scopes';

/** Why a token was not accepted: the `error_description` of `WWW-Authenticate` and the 401's message. */
export class InvalidAccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAccessTokenError';
  }
}

/** Longest token looked at: anything longer is refused before it is parsed. */
export const MAX_TOKEN_LENGTH = 8192;

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'the token is from another issuer';
      case 'aud':
        return 'the token is for another audience (another adapter?)';
      case 'nbf':
        return 'the token is not valid yet';
      default:
        return `the token's ${error.claim} claim is not valid (${error.reason})`;
    }
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'the token is not signed by a trusted key';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'the token is not signed by a trusted key (unknown key id)';
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return `the token is signed with an algorithm not accepted here (${TOKEN_ALGORITHMS.join(', ')} only)`;
  }
  if (error instanceof joseErrors.JWKSTimeout) {
    return 'the identity provider’s keys could not be fetched';
  }
  if (error instanceof joseErrors.JOSEError) return 'the token is malformed';
  return 'the token could not be verified';
}

function officerOf(payload: JWTPayload): ActingOfficer | undefined {
  const claim = payload.officer;
  if (claim === undefined) return undefined;
  const { name, title } = (claim ?? {}) as { name?: unknown; title?: unknown };
  const ok = (v: unknown): v is string =>
    typeof v === 'string' && v.trim() !== '' && v.length <= LIMITS.name && !findUnsafeText(v);
  if (!ok(name) || !ok(title)) {
    throw new InvalidAccessTokenError('the token’s officer claim must be { name, title }');
  }
  return { name, title };
}

/**
 * Verifies an access token (ADR 18): signature by a trusted key (EdDSA or
 * ES256), issuer, audience, `exp` (required) and `nbf` with the configured
 * leeway, and that it was issued for this adapter's agency (`agency` claim).
 * Answers the caller it names, or throws InvalidAccessTokenError.
 */
export async function verifyAccessToken(
  token: string,
  settings: AdapterAuthSettings,
): Promise<AgencyCaller> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new InvalidAccessTokenError('the token is malformed');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, settings.keys, {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: [...TOKEN_ALGORITHMS],
      clockTolerance: settings.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    throw new InvalidAccessTokenError(describe(error));
  }
  const agency = payload.agency as Agency | undefined;
  if (agency !== settings.agency) {
    throw new InvalidAccessTokenError(
      `the token is not for ${settings.agency} (agency claim: ${typeof agency === 'string' ? agency : 'none'})`,
    );
  }
  const clientId = typeof payload.client_id === 'string' ? payload.client_id : payload.sub!;
  return {
    clientId,
    agency,
    scopes: parseScope(payload.scope),
    officer: officerOf(payload),
    tokenId: typeof payload.jti === 'string' ? payload.jti : undefined,
  };
}
