/** The agencies on the bus. Their subject token is the value. */
export const AGENCIES = ['state-pm', 'dod', 'nsc', 'cia', 'treasury'] as const;
export type Agency = (typeof AGENCIES)[number];

/** Every party that publishes on the bus: the five agencies and the coordinator. */
export const PARTIES = [...AGENCIES, 'coordinator'] as const;
export type Party = (typeof PARTIES)[number];

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}

export function isParty(value: unknown): value is Party {
  return typeof value === 'string' && (PARTIES as readonly string[]).includes(value);
}

/** CloudEvents `source` of a party: `/icb/<party>`. */
export function sourceOf(party: Party): string {
  return `/icb/${party}`;
}

/** The party named by a CloudEvents `source`, or undefined when it names none. */
export function partyOfSource(source: string): Party | undefined {
  const m = /^\/icb\/([a-z-]+)$/.exec(source);
  return m && isParty(m[1]) ? m[1] : undefined;
}
