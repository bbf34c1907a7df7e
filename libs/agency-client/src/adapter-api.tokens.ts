import { AdapterApiError, retryAfterSeconds } from './adapter-api.errors';

/** The person an agency system acts for (a sign-off records them, from the access token). */
export interface Officer {
  name: string;
  title: string;
}

/** An agency system's OAuth2 client (client credentials, RFC 6749 §4.4). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The token endpoint; default the adapter's own `POST /oauth/token`. */
  tokenUrl?: string;
  /** The scopes to ask for, space-separated; default all the client may have. */
  scope?: string;
  /** The officer the system acts for, unless a call names another. */
  officer?: Officer;
}

/** A token is renewed this long before it expires (or at 80 % of its life, if sooner). */
const TOKEN_RENEW_MARGIN_MS = 60_000;

/**
 * Access tokens from the client-credentials grant, one per officer named,
 * each kept until shortly before it expires. The client authenticates with
 * HTTP Basic (its id and secret form-urlencoded first, RFC 6749 §2.3.1).
 */
export class ClientCredentialsTokens {
  private readonly cache = new Map<string, { token: string; renewAt: number }>();
  private readonly pending = new Map<string, Promise<string>>();
  readonly tokenUrl: string;

  constructor(
    private readonly credentials: ClientCredentials,
    defaultTokenUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenUrl = credentials.tokenUrl ?? defaultTokenUrl;
  }

  /** A valid access token for `officer` (from the cache, or a new one). */
  async get(officer: Officer | undefined, timeoutMs = 15_000): Promise<string> {
    const key = officer ? JSON.stringify([officer.name, officer.title]) : '';
    const cached = this.cache.get(key);
    if (cached && this.now() < cached.renewAt) return cached.token;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.request(officer, timeoutMs).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** Drops the cached token for `officer` (the adapter refused it). */
  forget(officer: Officer | undefined): void {
    this.cache.delete(officer ? JSON.stringify([officer.name, officer.title]) : '');
  }

  private async request(officer: Officer | undefined, timeoutMs: number): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.credentials.scope !== undefined) form.set('scope', this.credentials.scope);
    if (officer) {
      form.set('officer_name', officer.name);
      form.set('officer_title', officer.title);
    }
    const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
    const basic = Buffer.from(
      `${encode(this.credentials.clientId)}:${encode(this.credentials.clientSecret)}`,
    ).toString('base64');
    const started = this.now();
    let response: Response;
    try {
      response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AdapterApiError(
        'UNREACHABLE',
        `POST ${this.tokenUrl}: no answer (${(error as Error).message})`,
        undefined,
        undefined,
        undefined,
        { cause: error },
      );
    }
    const answer = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      error?: unknown;
      error_description?: unknown;
    };
    if (!response.ok || typeof answer.access_token !== 'string') {
      const code = typeof answer.error === 'string' ? answer.error : `HTTP_${response.status}`;
      const why =
        typeof answer.error_description === 'string' ? `: ${answer.error_description}` : '';
      throw new AdapterApiError(
        code,
        `POST ${this.tokenUrl}: HTTP ${response.status} (${code})${why}`,
        response.status,
        answer,
        retryAfterSeconds(response.headers.get('retry-after')),
      );
    }
    const lifeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 300) * 1000;
    const renewAt = started + Math.min(lifeMs - TOKEN_RENEW_MARGIN_MS, lifeMs * 0.8);
    this.cache.set(officer ? JSON.stringify([officer.name, officer.title]) : '', {
      token: answer.access_token,
      renewAt,
    });
    return answer.access_token;
  }
}
