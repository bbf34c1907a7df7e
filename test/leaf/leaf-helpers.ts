import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';

/** A hub and a leaf nats-server of a test's own (scripts/lib/leaf-node.js, ADR 21). */
export interface UserEntry {
  user: string;
  password: string;
  permissions?: unknown;
}
export interface ConfiguredNats {
  url: string;
  stop(): Promise<void>;
}
/* eslint-disable @typescript-eslint/no-require-imports */
export const leaf = require('../../scripts/lib/leaf-node.js') as {
  hubLeafUser(agency: string, password: string): UserEntry;
  hubServerConfig(o: {
    port: number;
    monitorPort: number;
    leafPort: number;
    storeDir: string;
    users: UserEntry[];
    extra?: string;
  }): string;
  leafServerConfig(o: {
    agency: string;
    namespace?: string;
    port: number;
    monitorPort: number;
    storeDir: string;
    hubLeafUrls: string[];
    leafPassword: string;
    adapterPassword: string;
    adminPassword: string;
  }): string;
  startConfiguredNats(o: {
    dataDir: string;
    config: string;
    port: number;
    monitorPort: number;
  }): Promise<ConfiguredNats>;
};
export const infra = require('../../scripts/lib/infra.js') as { freePort(): Promise<number> };
/* eslint-enable @typescript-eslint/no-require-imports */

export async function leafLinks(monitorPort: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${monitorPort}/leafz`);
  const body = (await res.json()) as { leafnodes?: number };
  return body.leafnodes ?? 0;
}

/** Reads every message of `filter` in stream order with an ordered consumer, until `count` are read. */
export async function readInOrder(
  js: JetStreamClient,
  stream: string,
  filter: string,
  count: number,
): Promise<JsMsg[]> {
  const consumer = await js.consumers.get(stream, { filter_subjects: [filter] });
  const read: JsMsg[] = [];
  const deadline = Date.now() + 20_000;
  while (read.length < count && Date.now() < deadline) {
    const batch = await consumer.fetch({ max_messages: count - read.length, expires: 2_000 });
    for await (const m of batch) read.push(m);
  }
  return read;
}

/** How long ago the stream's first source last heard from its origin (ms), or undefined if never. */
export async function sourceIdleMs(
  jsm: JetStreamManager,
  stream: string,
): Promise<number | undefined> {
  const active = (await jsm.streams.info(stream)).sources?.[0]?.active ?? -1;
  return active < 0 ? undefined : active / 1e6;
}

export async function streamCount(
  jsm: JetStreamManager,
  stream: string,
  filter: string,
): Promise<number> {
  const info = await jsm.streams.info(stream, { subjects_filter: filter });
  return Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
}
