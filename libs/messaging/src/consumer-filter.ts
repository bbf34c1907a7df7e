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
 * Any other service keeps one filter per handled message; a service that
 * polices what others publish (the coordinator) uses policingFilters.
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

/**
 * Filters covering every subject `publisher` may publish on (NATS lets an
 * agency publish anything under `icb.evt.<agency>.>`, ADR 6) except the
 * addressed shape, `icb.evt.<publisher>.<a>.<b>.<version>.<addressee>`,
 * which the addressee's own consumer takes (its one filter, above): shorter
 * subjects, every non-addressed message (`icb.evt.<p>.*.*.*`), and longer
 * ones. They do not overlap, as JetStream requires of one consumer's filters.
 */
export function publishSpaceFilters(publisher: string): string[] {
  const p = `icb.evt.${publisher}`;
  return [`${p}.*`, `${p}.*.*`, `${p}.*.*.*`, `${p}.*.*.*.*.>`];
}

/** A handled message, as the filters of a policing consumer need it. */
export interface HandledMessage {
  name: string;
  version: number;
  /** The catalog's publishers of the message. */
  publishers: readonly string[];
  addressed: boolean;
  /** The handler takes it from this publisher only. */
  publisher?: string;
  /** The handler takes it addressed to this party only. */
  addressee?: string;
}

/**
 * The filters of a consumer that polices the publish space of `policed`
 * (publishSpaceFilters of each) and also takes what its handlers take: a
 * handled message is looked for from each of its publishers, and only what
 * the policed spaces do not cover gets a filter of its own (so none overlap).
 * Contract subjects (`icb.evt.…`).
 */
export function policingFilters(
  policed: readonly string[],
  handled: readonly HandledMessage[],
): string[] {
  const filters = new Set(policed.flatMap(publishSpaceFilters));
  for (const h of handled) {
    for (const publisher of h.publisher ? [h.publisher] : h.publishers) {
      if (policed.includes(publisher) && !h.addressed) continue;
      const base = `icb.evt.${publisher}.${h.name}.v${h.version}`;
      filters.add(h.addressed ? `${base}.${h.addressee ?? '*'}` : base);
    }
  }
  return [...filters];
}
