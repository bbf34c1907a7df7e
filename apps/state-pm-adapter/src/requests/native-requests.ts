import type { Precedence } from '@icb/contracts';

/**
 * State/PM's own request formats, as its systems send them (plain shapes: the
 * DTOs in `native-requests.dto.ts` implement them; the mappers read them).
 */

/** Fields every native request may carry. */
export interface NativeRequestCommon {
  /** Left out: one is built from the request. */
  title?: string;
  summary: string;
  /** Banner marking; `UNCLASSIFIED` when left out. */
  classification?: string;
  /** `ROUTINE` when left out. */
  precedence?: Precedence;
}

export interface NativeOwner {
  name: string;
  percent: number;
}

export interface NativeParty {
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
}

export interface NativeIntermediary extends NativeParty {
  owners?: NativeOwner[];
}

export interface FmsArticle {
  description: string;
  quantity: number;
  usmlCategory?: string;
  /** Major defense equipment (AECA §47(6)). */
  mde: boolean;
  valueUsd: number;
}

export interface FmsService {
  description: string;
  valueUsd: number;
}

/** An FMS Letter of Request, in State's own shape. */
export interface FmsLetterOfRequest extends NativeRequestCommon {
  lorNumber: string;
  purchaser: NativeParty;
  articles: FmsArticle[];
  services: FmsService[];
  designAndConstructionUsd?: number;
  endUser?: NativeParty;
  consignee?: NativeParty;
  intermediaries?: NativeIntermediary[];
}

/** A DSP-5-like application for a permanent export licence. */
export interface ExportLicenseApplication extends NativeRequestCommon {
  /** The applicant's or DDTC's application number. */
  applicationNumber: string;
  /** The U.S. exporter applying (recorded in the summary; not a foreign party). */
  applicant: string;
  /** Destination country, alpha-3. */
  country: string;
  foreignConsignee: NativeParty;
  endUser: NativeParty;
  intermediaries?: NativeIntermediary[];
  commodity: {
    description: string;
    quantity: number;
    usmlCategory: string;
    /** Significant military equipment that is also MDE. */
    mde?: boolean;
  };
  valueUsd: number;
}

export interface SecurityCooperationRequest extends NativeRequestCommon {
  /** Program name or case identifier, e.g. `IMET-2026-PHL`. */
  program: string;
  partner: NativeParty;
  activities: { description: string; quantity: number }[];
  valueUsd?: number;
}

export interface ArmsControlFindingRequest extends NativeRequestCommon {
  /** Agreement concerned, e.g. `New START`. */
  agreement: string;
  /** The party whose compliance is assessed, alpha-3. */
  country: string;
  /** The finding's own reference, when it has one. */
  findingReference?: string;
}

export interface NonproliferationConcernRequest extends NativeRequestCommon {
  /** Country of concern, alpha-3. */
  country: string;
  /** The entities involved (each screened). */
  entities: NativeIntermediary[];
  items?: { description: string; quantity: number; usmlCategory?: string }[];
  reference?: string;
}

export interface RegionalSecurityRequest extends NativeRequestCommon {
  /** Region, e.g. `Indo-Pacific`. */
  region: string;
  /** The country the matter centres on, alpha-3. */
  country: string;
  reference?: string;
}
