import {
  DiscardPolicy,
  JetStreamApiError,
  JetStreamManager,
  RetentionPolicy,
  StorageType,
  StreamConfig,
  StreamSource,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { Party } from '@icb/contracts';
import type { LeafConfig } from '@icb/config';
import type { MessagingOptions } from './messaging.options';
import { SubjectSpace } from './subject-space';

/**
 * Agencies on their own leaf nodes (ADR 21): JetStream's store-and-forward
 * between the hub (domain `hub`) and an agency's leaf nats-server (domain =
 * the agency id).
 *
 * On the leaf (ensureLeafStreams):
 * - `<NS>_OUTBOX_<AGENCY>` captures what the adapter publishes
 *   (`<ns>.evt.<agency>.>`): the local JetStream acknowledges a position
 *   whether or not the link to the hub is up;
 * - `<NS>_EVENTS` has no subjects of its own: it sources from the hub's events
 *   stream what is addressed to the agency. The adapter's consumer reads it
 *   under the same name and filter as on the hub, so the adapter runs
 *   unchanged and keeps reading what it already received while the link is
 *   down;
 * - `<NS>_DLQ`, the adapter's dead letters.
 *
 * On the hub (ensureHubLeafSources, called by whoever provisions the hub's
 * streams: the coordinator): the events stream sources each leaf's outbox and
 * the dead-letter stream each leaf's dead letters. A source is a consumer the
 * hub keeps on the leaf: it resumes after the last message it stored when the
 * link returns, so every position arrives once, in the leaf's order; the
 * envelope id (`Nats-Msg-Id`) is kept, and the coordinator's inbox is
 * idempotent by it besides.
 */

/** The hub's JetStream domain (scripts/lib/leaf-node.js HUB_DOMAIN). */
export const HUB_DOMAIN = 'hub';

export const STREAM_NOT_FOUND = 10059;

type NamedStreamConfig = Partial<StreamConfig> & { name: string };

/** `$JS.<domain>.API`: the JetStream API of another domain, reached over a leaf link. */
export function domainApi(domain: string): string {
  return `$JS.${domain}.API`;
}

/**
 * Where the hub delivers to an agency's leaf what its events stream sources
 * (`<ns>.leaf.<agency>.…`): a prefix only that leaf's link may carry, so no
 * other leaf can subscribe to another agency's deliveries.
 */
export function leafDeliverPrefix(space: SubjectSpace, agency: Party): string {
  return `${space.namespace}.leaf.${agency}.in`;
}

/** Where an agency's leaf delivers to the hub what the hub sources from it (`<ns>.leaf.<agency>.out.…`). */
export function hubDeliverPrefix(space: SubjectSpace, agency: Party): string {
  return `${space.namespace}.leaf.${agency}.out`;
}

export function leafOutboxStreamName(space: SubjectSpace, agency: Party): string {
  return `${space.namespace.toUpperCase()}_OUTBOX_${agency.toUpperCase().replace(/-/g, '_')}`;
}

/** What the agency publishes (its publish space, ADR 6). */
export function agencyPublishFilter(space: SubjectSpace, agency: Party): string {
  return `${space.namespace}.evt.${agency}.>`;
}

/** What is addressed to the agency (ADR 17): `<ns>.evt.<publisher>.<a>.<b>.<v>.<agency>`. */
export function addressedToFilter(space: SubjectSpace, agency: Party): string {
  return `${space.namespace}.evt.*.*.*.*.${agency}`;
}

export interface LeafStreamOptions {
  /** Window in which a re-published event id is stored once (ms). */
  duplicateWindowMs: number;
  /** The hub's JetStream domain (default `hub`). */
  hubDomain?: string;
}

/** The leaf's outbox: the adapter's positions, acknowledged by the leaf's own JetStream. */
export function leafOutboxStreamConfig(
  space: SubjectSpace,
  agency: Party,
  options: LeafStreamOptions,
): NamedStreamConfig {
  return {
    name: leafOutboxStreamName(space, agency),
    description: `What ${agency} published on its leaf node; the hub's events stream sources it (ADR 21)`,
    subjects: [agencyPublishFilter(space, agency)],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: 0,
    duplicate_window: nanos(options.duplicateWindowMs),
    num_replicas: 1,
  };
}

/** The leaf's events stream: what the hub addressed to the agency, sourced from the hub. */
export function leafEventsStreamConfig(
  space: SubjectSpace,
  agency: Party,
  options: LeafStreamOptions,
): NamedStreamConfig {
  return {
    name: space.eventsStream,
    description: `Events addressed to ${agency}, sourced from the hub (ADR 21)`,
    subjects: [],
    sources: [
      {
        name: space.eventsStream,
        external: {
          api: domainApi(options.hubDomain ?? HUB_DOMAIN),
          deliver: leafDeliverPrefix(space, agency),
        },
        filter_subject: addressedToFilter(space, agency),
      },
    ],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: 0,
    duplicate_window: nanos(options.duplicateWindowMs),
    num_replicas: 1,
  };
}

/** The leaf's dead letters (`<ns>.dlq.<agency>-adapter`); the hub's dead-letter stream sources them. */
export function leafDeadLetterStreamConfig(
  space: SubjectSpace,
  agency: Party,
  options: LeafStreamOptions,
): NamedStreamConfig {
  return {
    name: space.deadLetterStream,
    description: `Dead letters of ${agency}'s adapter; the hub's dead-letter stream sources them (ADR 21)`,
    subjects: [space.deadLetterSubject(`${agency}-adapter`)],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: 0,
    duplicate_window: nanos(options.duplicateWindowMs),
    num_replicas: 1,
  };
}

/** The hub events stream's source of one agency's outbox. */
export function hubEventsSourceOf(space: SubjectSpace, agency: Party): StreamSource {
  return {
    name: leafOutboxStreamName(space, agency),
    external: { api: domainApi(agency), deliver: hubDeliverPrefix(space, agency) },
    filter_subject: agencyPublishFilter(space, agency),
  };
}

/** The hub dead-letter stream's source of one agency's dead letters. */
export function hubDeadLetterSourceOf(space: SubjectSpace, agency: Party): StreamSource {
  return {
    name: space.deadLetterStream,
    external: { api: domainApi(agency), deliver: hubDeliverPrefix(space, agency) },
    filter_subject: space.deadLetterSubject(`${agency}-adapter`),
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND;
}

async function ensureCreated(jsm: JetStreamManager, wanted: NamedStreamConfig): Promise<boolean> {
  try {
    await jsm.streams.info(wanted.name);
    return false;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await jsm.streams.add(wanted);
    return true;
  } catch (addError) {
    // Created by someone else between info and add: fine.
    if (await jsm.streams.info(wanted.name).catch(() => undefined)) return false;
    throw addError;
  }
}

/**
 * Creates the leaf's streams when missing (run on the agency's leaf node, as
 * its `leaf-admin`, before the adapter starts). Existing streams are kept.
 * Returns the names of the streams it created.
 */
export async function ensureLeafStreams(
  jsm: JetStreamManager,
  space: SubjectSpace,
  agency: Party,
  options: LeafStreamOptions,
): Promise<string[]> {
  const created: string[] = [];
  for (const config of [
    leafOutboxStreamConfig(space, agency, options),
    leafEventsStreamConfig(space, agency, options),
    leafDeadLetterStreamConfig(space, agency, options),
  ]) {
    if (await ensureCreated(jsm, config)) created.push(config.name);
  }
  return created;
}

const sourceKey = (s: StreamSource): string =>
  `${s.name}|${s.external?.api ?? ''}|${s.filter_subject ?? ''}`;

async function addSources(
  jsm: JetStreamManager,
  stream: string,
  wanted: StreamSource[],
): Promise<string[]> {
  const info = await jsm.streams.info(stream);
  const current = info.config.sources ?? [];
  const have = new Set(current.map(sourceKey));
  const missing = wanted.filter((s) => !have.has(sourceKey(s)));
  if (missing.length === 0) return [];
  await jsm.streams.update(stream, { sources: [...current, ...missing] });
  return missing.map((s) => `${stream} <- ${s.external?.api ?? ''} ${s.name}`);
}

/**
 * Makes the hub's events stream source each agency's leaf outbox, and its
 * dead-letter stream each leaf's dead letters (run where the hub's streams are
 * provisioned, after they exist; needs `STREAM.UPDATE` of both). Sources
 * already there are kept; returns those it added.
 */
export async function ensureHubLeafSources(
  jsm: JetStreamManager,
  space: SubjectSpace,
  agencies: readonly Party[],
): Promise<string[]> {
  const events = await addSources(
    jsm,
    space.eventsStream,
    agencies.map((a) => hubEventsSourceOf(space, a)),
  );
  const deadLetters = await addSources(
    jsm,
    space.deadLetterStream,
    agencies.map((a) => hubDeadLetterSourceOf(space, a)),
  );
  return [...events, ...deadLetters];
}

/**
 * The messaging options of the leaf settings (ADR 21): an adapter on its
 * agency's leaf node (NATS_LEAF_DOMAIN, which must be that agency), and the
 * agencies whose leaf nodes the hub's streams source (NATS_LEAF_AGENCIES).
 */
export function leafMessagingOptions(
  leaf: LeafConfig,
  party: Party,
): Pick<MessagingOptions, 'leaf' | 'leafAgencies'> {
  if (leaf.NATS_LEAF_DOMAIN !== undefined && leaf.NATS_LEAF_DOMAIN !== party) {
    throw new Error(
      `NATS_LEAF_DOMAIN=${leaf.NATS_LEAF_DOMAIN}: only ${leaf.NATS_LEAF_DOMAIN}'s adapter runs on that leaf node (this service publishes as ${party})`,
    );
  }
  return {
    ...(leaf.NATS_LEAF_DOMAIN ? { leaf: { agency: party, hubDomain: leaf.NATS_HUB_DOMAIN } } : {}),
    ...(leaf.leafAgencies.length > 0 ? { leafAgencies: leaf.leafAgencies as Party[] } : {}),
  };
}
