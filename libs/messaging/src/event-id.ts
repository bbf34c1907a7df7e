import { createHash, randomUUID } from 'node:crypto';

export function newEventId(): string {
  return randomUUID();
}

/**
 * A deterministic UUID (version 5 layout, SHA-1 of the inputs) for an event
 * caused by another: the same cause and purpose give the same id, so a
 * handler that runs again after a redelivery publishes an event JetStream
 * de-duplicates instead of a second, different one.
 */
export function derivedEventId(causeId: string, purpose: string): string {
  const h = createHash('sha1').update(`${causeId}\u0000${purpose}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
