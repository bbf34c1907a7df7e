import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AdapterError } from '../reviews/reviews.errors';

/**
 * Where an adapter may POST webhooks: an allow-list from its configuration
 * (`WEBHOOK_ALLOWED_TARGETS`), checked when a subscription is registered and
 * again before every attempt (the list may have shrunk since), and once more
 * on the address the connection is actually made to (so a name that resolves
 * elsewhere between the check and the connection, DNS rebinding, is caught).
 *
 * An entry is, comma-separated:
 * - an origin, `https://hooks.dod.example.mil` or `http://10.2.0.7:8080`: any
 *   path on that scheme, host and port;
 * - a URL prefix, `https://dod-systems.example.mil/hooks/`: URLs under that
 *   path (on a path-segment boundary: `/hooks/` does not admit `/hooks-evil`);
 * - `loopback`: http or https on `localhost`, `127.0.0.0/8` or `[::1]`, any
 *   port (a local stack and tests; `npm start` sets it).
 *
 * Whatever the list says, a target whose host resolves to a link-local or
 * cloud-metadata address (169.254.0.0/16, fe80::/10, fd00:ec2::/32,
 * 100.100.100.200, 0.0.0.0/8, ::) is refused, unless the entry that admits it
 * names that IP address itself. Without a list, every registration is refused
 * with a message telling the operator to configure one (ADR 16).
 */
export const WEBHOOK_ALLOWED_TARGETS_SETTING = 'WEBHOOK_ALLOWED_TARGETS';
export const LOOPBACK_ENTRY = 'loopback';

export type TargetEntry =
  | { kind: 'origin'; origin: string; text: string }
  | { kind: 'prefix'; prefix: string; text: string }
  | { kind: 'loopback'; text: string };

export interface WebhookTargetPolicy {
  /** Undefined: no allow-list configured, every target is refused. */
  entries?: readonly TargetEntry[];
}

/** Why a target was refused; `code` is the error body's, `message` says what to do. */
export interface TargetRefusal {
  code:
    | 'WEBHOOK_TARGETS_NOT_CONFIGURED'
    | 'WEBHOOK_TARGET_NOT_ALLOWED'
    | 'WEBHOOK_TARGET_FORBIDDEN_ADDRESS'
    | 'WEBHOOK_TARGET_UNRESOLVABLE';
  message: string;
}

/** A registration refused by the allow-list: 422 with the refusal's code. */
export class WebhookTargetRefusedError extends AdapterError {
  constructor(readonly refusal: TargetRefusal) {
    super(refusal.code, refusal.message, { httpStatus: 422 });
  }
}

/**
 * Parses `WEBHOOK_ALLOWED_TARGETS`. Unset or blank: no list. Throws an Error
 * listing every bad entry (the adapter does not start with a list it cannot read).
 */
export function parseAllowedTargets(raw: string | undefined): WebhookTargetPolicy {
  if (raw === undefined || raw.trim() === '') return {};
  const problems: string[] = [];
  const entries: TargetEntry[] = [];
  for (const text of raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    if (text.toLowerCase() === LOOPBACK_ENTRY) {
      entries.push({ kind: 'loopback', text });
      continue;
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      problems.push(`"${text}" is neither "${LOOPBACK_ENTRY}" nor an absolute http(s) URL`);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push(`"${text}": only http and https targets can be allowed`);
    } else if (url.username !== '' || url.password !== '' || url.hash !== '' || url.search !== '') {
      problems.push(
        `"${text}": an entry is an origin or a path prefix, without credentials, query or fragment`,
      );
    } else if (url.pathname === '/' && !/^[a-z]+:\/\/[^/]+\/.+/i.test(text)) {
      entries.push({ kind: 'origin', origin: url.origin, text });
    } else {
      entries.push({ kind: 'prefix', prefix: url.href, text });
    }
  }
  if (problems.length > 0) {
    throw new Error(`${WEBHOOK_ALLOWED_TARGETS_SETTING} is invalid: ${problems.join('; ')}`);
  }
  return { entries };
}

/** Addresses no webhook goes to unless an entry names them: link-local and cloud metadata. */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local; 169.254.169.254 is the metadata service
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": 0.0.0.0 reaches the local host
FORBIDDEN.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6'); // link-local
FORBIDDEN.addSubnet('fd00:ec2::', 32, 'ipv6'); // AWS metadata (fd00:ec2::254) and DNS
FORBIDDEN.addAddress('::', 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4-mapped IPv6 address (`::ffff:169.254.169.254`) as its IPv4 address. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : address;
}

function inList(list: BlockList, address: string): boolean {
  const a = unmapped(address);
  const family = isIP(a);
  return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
}

/** Why an address may not be connected to; undefined when it may. */
export function forbiddenAddress(address: string): string | undefined {
  return inList(FORBIDDEN, address)
    ? `${address} is a link-local or cloud-metadata address`
    : undefined;
}

export function isLoopbackAddress(address: string): boolean {
  return inList(LOOPBACK, address);
}

/** The host of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

function entryAdmits(entry: TargetEntry, url: URL): boolean {
  switch (entry.kind) {
    case 'loopback':
      return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackName(hostOf(url));
    case 'origin':
      return url.origin === entry.origin;
    case 'prefix': {
      const href = url.href;
      const p = entry.prefix;
      if (!href.startsWith(p)) return false;
      // On a path-segment boundary: `/hooks` admits `/hooks`, `/hooks/x`, `/hooks?x`, not `/hooksx`.
      return p.endsWith('/') || href.length === p.length || '/?'.includes(href[p.length]);
    }
  }
}

/** Resolves a host name to every address it has (as dns.lookup with `all`). */
export type HostResolver = (host: string) => Promise<string[]>;

export const systemResolver: HostResolver = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });

/** What the guard needs to connect: the entry that admitted the URL. */
export interface AdmittedTarget {
  url: URL;
  entry: TargetEntry;
}

/**
 * Applies one adapter's allow-list. `admit` is the static check (no DNS);
 * `check` adds resolution; `addressProblem` is what the connection's lookup
 * applies to each address it is about to use.
 */
export class WebhookTargetGuard {
  constructor(
    readonly policy: WebhookTargetPolicy,
    private readonly resolve: HostResolver = systemResolver,
  ) {}

  /** The entry that admits the URL, or the refusal (no DNS involved). */
  admit(rawUrl: string): AdmittedTarget | TargetRefusal {
    const entries = this.policy.entries;
    if (entries === undefined) {
      return {
        code: 'WEBHOOK_TARGETS_NOT_CONFIGURED',
        message:
          `webhooks are turned off on this adapter: no ${WEBHOOK_ALLOWED_TARGETS_SETTING} is configured. ` +
          `The operator sets it to the origins or URL prefixes the agency's systems listen on, ` +
          `comma-separated (e.g. ${WEBHOOK_ALLOWED_TARGETS_SETTING}=https://dod-systems.example.mil/hooks/), ` +
          `or "${LOOPBACK_ENTRY}" on a development machine`,
      };
    }
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { code: 'WEBHOOK_TARGET_NOT_ALLOWED', message: 'the url is not an absolute URL' };
    }
    const entry = entries.find((e) => entryAdmits(e, url));
    if (!entry) {
      return {
        code: 'WEBHOOK_TARGET_NOT_ALLOWED',
        message:
          `${url.origin}${url.pathname} is not on this adapter's webhook allow-list ` +
          `(${WEBHOOK_ALLOWED_TARGETS_SETTING}: ${entries.map((e) => e.text).join(', ')}); ` +
          `ask the adapter's operator to add it`,
      };
    }
    return { url, entry };
  }

  /** Why the connection may not use this address for the admitted target; undefined when it may. */
  addressProblem(target: AdmittedTarget, address: string): string | undefined {
    const host = hostOf(target.url);
    if (target.entry.kind === 'loopback') {
      return isLoopbackAddress(address)
        ? undefined
        : `${host} resolves to ${address}, which is not a loopback address`;
    }
    // The entry names this very IP address: the operator allowed it explicitly.
    const entryHost = hostOfEntry(target.entry);
    if (isIP(entryHost) !== 0 && unmapped(entryHost) === unmapped(address)) return undefined;
    const forbidden = forbiddenAddress(address);
    return forbidden && `${host} resolves to ${forbidden}: refused unless the allow-list names it`;
  }

  /** Admits and resolves: the refusal, or the admitted target with the addresses it resolves to. */
  async check(rawUrl: string): Promise<TargetRefusal | (AdmittedTarget & { addresses: string[] })> {
    const admitted = this.admit(rawUrl);
    if ('code' in admitted) return admitted;
    let addresses: string[];
    try {
      addresses = await this.addressesOf(admitted.url);
    } catch (error) {
      return {
        code: 'WEBHOOK_TARGET_UNRESOLVABLE',
        message: `${hostOf(admitted.url)} does not resolve: ${(error as Error).message}`,
      };
    }
    for (const address of addresses) {
      const problem = this.addressProblem(admitted, address);
      if (problem) return { code: 'WEBHOOK_TARGET_FORBIDDEN_ADDRESS', message: problem };
    }
    return { ...admitted, addresses };
  }

  /** The addresses of the URL's host (an IP literal is its own). */
  async addressesOf(url: URL): Promise<string[]> {
    const host = hostOf(url);
    if (isIP(host) !== 0) return [host];
    const addresses = await this.resolve(host);
    if (addresses.length === 0) throw new Error('no address');
    return addresses;
  }
}

function hostOfEntry(entry: Exclude<TargetEntry, { kind: 'loopback' }>): string {
  return hostOf(new URL(entry.kind === 'origin' ? entry.origin : entry.prefix));
}

/** Throws WebhookTargetRefusedError unless the target is allowed (registration). */
export async function assertTargetAllowed(guard: WebhookTargetGuard, url: string): Promise<void> {
  const checked = await guard.check(url);
  if ('code' in checked) throw new WebhookTargetRefusedError(checked);
}
