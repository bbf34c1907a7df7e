import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A document body stored as one compressed binary field (raw deflate of its
 * JSON). For documents only ever read whole by `_id` (consultation versions,
 * event-log entries): FerretDB converts every field of a nested document on
 * each insert and read, so one binary field of a few hundred bytes costs
 * several times less than the same data as fields (measured in ADR 9), and
 * MongoDB stores fewer bytes. Nothing queries inside a packed body.
 */
export function pack(value: unknown): Buffer {
  // The fastest level: JSON shrinks to about a quarter, at a third of the default's CPU.
  return deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), {
    level: constants.Z_BEST_SPEED,
  });
}

/** What `pack` stored; the driver hands binary back as a BSON Binary or a Buffer. */
export function unpack<T>(stored: unknown): T {
  const bytes = stored instanceof Uint8Array ? stored : (stored as { buffer: Uint8Array }).buffer;
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as T;
}
