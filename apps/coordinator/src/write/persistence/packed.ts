import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A document body stored as one binary field. For documents only ever read
 * whole by `_id` (consultation versions, event-log entries): FerretDB
 * converts every field of a nested document on each insert and read, so one
 * binary field costs several times less than the same data as fields
 * (measured in ADR 9). Nothing queries inside a packed body.
 *
 * The first byte says how the rest is stored: JSON as it is (small bodies,
 * where compressing costs more than it saves) or raw deflate of it.
 */
const RAW = 0;
const DEFLATED = 1;
/** Bodies at least this long (bytes of JSON) are compressed. */
const COMPRESS_FROM = 2_048;

export function pack(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  if (json.length < COMPRESS_FROM) return Buffer.concat([Buffer.of(RAW), json]);
  // The fastest level: JSON shrinks to about a quarter, at a third of the default's CPU.
  const deflated = deflateRawSync(json, { level: constants.Z_BEST_SPEED });
  return Buffer.concat([Buffer.of(DEFLATED), deflated]);
}

/** What `pack` stored; the driver hands binary back as a BSON Binary or a Buffer. */
export function unpack<T>(stored: unknown): T {
  const bytes = stored instanceof Uint8Array ? stored : (stored as { buffer: Uint8Array }).buffer;
  const body = bytes.subarray(1);
  const json = bytes[0] === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
  return JSON.parse(json.toString('utf8')) as T;
}
