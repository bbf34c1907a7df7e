import type { Clearance, Envelope } from '@icb/contracts';
import { agencyMayRead, WITHHELD } from '../reviews/withholding';

/** The payload properties that carry free text: withheld above the agency's clearance. */
const FREE_TEXT = new Set([
  'title',
  'summary',
  'reason',
  'rationale',
  'text',
  'comment',
  'justification',
  'content',
  'reference',
  'description',
]);

function withholdText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withholdText);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      FREE_TEXT.has(k) && typeof v === 'string' ? WITHHELD : withholdText(v),
    ]),
  );
}

/**
 * An event as a webhook may carry it to the agency's systems: whole when the
 * agency's clearance (AGENCY_CLEARANCE) covers its marking, the envelope's
 * and the payload's `classification` both (a missing or unreadable marking
 * counts as TOP SECRET); otherwise with every free-text property of its data
 * (title, summary, reasons, ...) reading `[withheld]` and the CloudEvents
 * extension `withheld: true`. Ids, clocks and the marking stay, so the agency
 * knows a review is asked of it and by when. The event id does not change:
 * deliveries keep their id.
 */
export function envelopeForAgency(envelope: Envelope, clearance: Clearance): Envelope {
  const data = envelope.data as { classification?: unknown } | null | undefined;
  const markings = [
    typeof envelope.classification === 'string' ? envelope.classification : '',
    ...(typeof data?.classification === 'string' ? [data.classification] : []),
  ];
  if (markings.every((m) => agencyMayRead(clearance, m))) return envelope;
  return { ...envelope, data: withholdText(envelope.data), withheld: true } as Envelope;
}
