import type {
  ConsultationOpenedV1,
  OwnershipShareV1,
  TransactionPartyV1,
  TransactionValueV1,
} from '@icb/contracts';
import { actionOfficeFor } from './action-offices';
import type {
  FmsLetterOfRequest,
  NativeIntermediary,
  NativeRequestCommon,
} from './native-requests';

/** What a mapping needs besides the request: chosen by the caller, so the mapping stays pure. */
export interface OpeningContext {
  consultationId: string;
  /** ISO date-time (UTC). */
  requestedAt: string;
}

export const DEFAULT_CLASSIFICATION = 'UNCLASSIFIED';
export const DEFAULT_PRECEDENCE = 'ROUTINE';
const TITLE_MAX = 200;

/**
 * An FMS Letter of Request → `consultation.opened` (kind `fms-case`).
 *
 * Values follow the AECA §36(b) columns: major defense equipment is the sum of
 * the articles marked MDE; defense articles or services, the other articles
 * plus the services; design and construction as stated. A column with nothing
 * in it is left out. Every party is listed for screening: the purchaser, the
 * end user and consignee when named, and each intermediary with its owners.
 */
export function mapFmsRequest(lor: FmsLetterOfRequest, ctx: OpeningContext): ConsultationOpenedV1 {
  const mde = sum(lor.articles.filter((a) => a.mde).map((a) => a.valueUsd));
  const other =
    sum(lor.articles.filter((a) => !a.mde).map((a) => a.valueUsd)) +
    sum(lor.services.map((s) => s.valueUsd));
  const values = nonZeroValues([
    { category: 'major-defense-equipment', amountUsd: mde },
    { category: 'defense-articles-services', amountUsd: other },
    { category: 'design-construction', amountUsd: lor.designAndConstructionUsd ?? 0 },
  ]);
  const parties: TransactionPartyV1[] = [
    { name: lor.purchaser.name, role: 'purchaser', country: lor.purchaser.country },
    ...(lor.endUser ? [{ ...lor.endUser, role: 'end-user' as const }] : []),
    ...(lor.consignee ? [{ ...lor.consignee, role: 'consignee' as const }] : []),
    ...intermediaries(lor.intermediaries),
  ];
  const first = lor.articles[0]?.description ?? lor.services[0]?.description;
  return {
    ...opening(ctx, 'fms-case', lor, {
      title: lor.title ?? `${lor.purchaser.name}${first ? ` - ${first}` : ''}`,
      reference: lor.lorNumber,
    }),
    attributes: {
      country: lor.purchaser.country,
      values,
      items: lor.articles.map((a) => ({
        description: a.description,
        quantity: a.quantity,
        ...(a.usmlCategory !== undefined && { usmlCategory: a.usmlCategory }),
      })),
      parties,
    },
  };
}

// ---------------------------------------------------------------- shared by the mappers

/** The header of a `consultation.opened` built from a native request (attributes left to the caller). */
export function opening(
  ctx: OpeningContext,
  kind: ConsultationOpenedV1['kind'],
  req: NativeRequestCommon,
  derived: { title: string; reference?: string },
): Omit<ConsultationOpenedV1, 'attributes'> {
  return {
    consultationId: ctx.consultationId,
    kind,
    actionOffice: actionOfficeFor(kind),
    title: truncate(req.title ?? derived.title, TITLE_MAX),
    summary: req.summary,
    classification: req.classification ?? DEFAULT_CLASSIFICATION,
    precedence: req.precedence ?? DEFAULT_PRECEDENCE,
    requestedAt: ctx.requestedAt,
    ...(derived.reference !== undefined && { reference: derived.reference }),
  };
}

/** Intermediaries as parties, their owners as ownership shares. */
export function intermediaries(list: NativeIntermediary[] | undefined): TransactionPartyV1[] {
  return (list ?? []).map((i) => ({
    name: i.name,
    role: 'intermediary' as const,
    country: i.country,
    ...(i.owners !== undefined && {
      ownership: i.owners.map((o): OwnershipShareV1 => ({ ownerName: o.name, percent: o.percent })),
    }),
  }));
}

export function nonZeroValues(values: TransactionValueV1[]): TransactionValueV1[] {
  return values.filter((v) => v.amountUsd > 0);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
