const SAFE_TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * One token of a JetStream KV key from an id: the id itself when it is made
 * of letters, digits, `-` and `_` (UUIDs are), else `=` and its base64url, so
 * no id can add a token or a wildcard to a key.
 */
export function keyToken(id: string): string {
  return SAFE_TOKEN.test(id) ? id : `=${Buffer.from(id, 'utf8').toString('base64url')}`;
}

/** The id a `keyToken` was made from. */
export function idOfKeyToken(token: string): string {
  return token.startsWith('=') ? Buffer.from(token.slice(1), 'base64url').toString('utf8') : token;
}
