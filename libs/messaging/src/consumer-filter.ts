/**
 * The subject filter(s) of a service's durable consumer.
 *
 * A service whose handlers all take messages addressed to one party (an
 * agency adapter: review requests, released assessments) consumes
 * "everything addressed to me" with ONE filter that covers them, token by
 * token (`icb.evt.*.*.*.v1.dod`). One filter is what NATS permissions can
 * check: the client then creates the consumer on
 * `$JS.API.CONSUMER.CREATE.<stream>.<durable>.<filter>` and the server makes
 * sure the filter in the request is the one in the subject, so an adapter's
 * user may create its durable only on what it may read (ADR 6). Several
 * filters go to `DURABLE.CREATE`, whose subject does not carry them.
 * Messages the cover lets through that no handler takes are validated and
 * acked.
 *
 * Any other service keeps one filter per handled message (the coordinator,
 * which may create its consumer with several).
 */
export function consumerFilters(handlers: { filter: string; addressee?: string }[]): string[] {
  const exact = [...new Set(handlers.map((h) => h.filter))];
  const addressees = new Set(handlers.map((h) => h.addressee));
  if (exact.length <= 1 || addressees.size !== 1 || addressees.has(undefined)) return exact;
  return [coverOf(exact) ?? exact].flat();
}

/** One filter matching every one of `filters` (same length, no `>`), wildcarding the tokens that differ. */
export function coverOf(filters: string[]): string | undefined {
  const split = filters.map((f) => f.split('.'));
  const length = split[0].length;
  if (split.some((t) => t.length !== length || t.includes('>'))) return undefined;
  return split[0].map((token, i) => (split.every((t) => t[i] === token) ? token : '*')).join('.');
}
