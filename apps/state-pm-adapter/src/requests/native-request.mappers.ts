import { LIMITS, type ConsultationOpenedV1, type TransactionPartyV1 } from '@icb/contracts';
import { intermediaries, nonZeroValues, opening, type OpeningContext } from './fms-request.mapper';
import type {
  ArmsControlFindingRequest,
  ExportLicenseApplication,
  NonproliferationConcernRequest,
  RegionalSecurityRequest,
  SecurityCooperationRequest,
} from './native-requests';

/**
 * A DSP-5-like export licence application → `technology-transfer`. The
 * commodity's value is MDE when flagged so, defense articles otherwise; the
 * foreign consignee, end user and intermediaries are the screened parties (the
 * U.S. applicant is named in the summary, not screened as a foreign party).
 */
export function mapExportLicense(
  app: ExportLicenseApplication,
  ctx: OpeningContext,
): ConsultationOpenedV1 {
  const parties: TransactionPartyV1[] = [
    { ...app.foreignConsignee, role: 'consignee' },
    { ...app.endUser, role: 'end-user' },
    ...intermediaries(app.intermediaries),
  ];
  return {
    ...opening(
      ctx,
      'technology-transfer',
      { ...app, summary: `${app.summary} (applicant: ${app.applicant})`.slice(0, LIMITS.summary) },
      {
        title: `${app.country} - ${app.commodity.description} (${app.applicationNumber})`,
        reference: app.applicationNumber,
      },
    ),
    attributes: {
      country: app.country,
      values: nonZeroValues([
        {
          category: app.commodity.mde ? 'major-defense-equipment' : 'defense-articles-services',
          amountUsd: app.valueUsd,
        },
      ]),
      items: [
        {
          description: app.commodity.description,
          quantity: app.commodity.quantity,
          usmlCategory: app.commodity.usmlCategory,
        },
      ],
      parties,
    },
  };
}

/** A security-cooperation program → `security-cooperation`; the partner is the end user. */
export function mapSecurityCooperation(
  req: SecurityCooperationRequest,
  ctx: OpeningContext,
): ConsultationOpenedV1 {
  return {
    ...opening(ctx, 'security-cooperation', req, {
      title: `${req.partner.name} - ${req.program}`,
      reference: req.program,
    }),
    attributes: {
      country: req.partner.country,
      values: nonZeroValues([
        { category: 'defense-articles-services', amountUsd: req.valueUsd ?? 0 },
      ]),
      items: req.activities.map((a) => ({ description: a.description, quantity: a.quantity })),
      parties: [{ ...req.partner, role: 'end-user' }],
    },
  };
}

/** An arms-control compliance finding → `arms-control`: no transaction, so no values, items or parties. */
export function mapArmsControlFinding(
  req: ArmsControlFindingRequest,
  ctx: OpeningContext,
): ConsultationOpenedV1 {
  return {
    ...opening(ctx, 'arms-control', req, {
      title: `${req.agreement} - compliance finding (${req.country})`,
      ...(req.findingReference !== undefined && { reference: req.findingReference }),
    }),
    attributes: { country: req.country, values: [], items: [], parties: [] },
  };
}

/** A nonproliferation concern → `nonproliferation`; every entity involved is screened as an intermediary. */
export function mapNonproliferationConcern(
  req: NonproliferationConcernRequest,
  ctx: OpeningContext,
): ConsultationOpenedV1 {
  return {
    ...opening(ctx, 'nonproliferation', req, {
      title: `Nonproliferation concern - ${req.country}`,
      ...(req.reference !== undefined && { reference: req.reference }),
    }),
    attributes: {
      country: req.country,
      values: [],
      items: (req.items ?? []).map((i) => ({
        description: i.description,
        quantity: i.quantity,
        ...(i.usmlCategory !== undefined && { usmlCategory: i.usmlCategory }),
      })),
      parties: intermediaries(req.entities),
    },
  };
}

/** A regional-security matter → `regional-security`. */
export function mapRegionalSecurity(
  req: RegionalSecurityRequest,
  ctx: OpeningContext,
): ConsultationOpenedV1 {
  return {
    ...opening(ctx, 'regional-security', req, {
      title: `${req.region} - regional security (${req.country})`,
      ...(req.reference !== undefined && { reference: req.reference }),
    }),
    attributes: { country: req.country, values: [], items: [], parties: [] },
  };
}
