/**
 * Policies answer with values, not exceptions: either `{ ok: true, ... }` with
 * what was decided, or `{ ok: false, code, message }` with a stable code for
 * machines and a sentence an operator can act on.
 *
 * Exceptions are kept for programming errors (an invalid date string, a policy
 * table with no row in effect), never for a business refusal.
 */
export interface Refusal<C extends string = string> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
}

export type Accepted<T extends object = object> = { readonly ok: true } & Readonly<T>;

export type PolicyResult<T extends object, C extends string> = Accepted<T> | Refusal<C>;

export function refuse<C extends string>(code: C, message: string): Refusal<C> {
  return { ok: false, code, message };
}

export function accept<T extends object>(value: T): Accepted<T> {
  return { ok: true, ...value };
}
